// Where messages go: ready .eml files in an outbox folder (no server configured), or an SMTP
// server over libcurl with STARTTLS. Behind one small interface, so tests can fake a transport.
#pragma once

#include <filesystem>
#include <string>

namespace ss {

/// A message could not be handed over; what() says why (never a password).
struct TransportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class MailTransport {
public:
    virtual ~MailTransport() = default;
    /// Hands `message` (render_mime) over for `to`. Throws TransportError.
    virtual void send(const std::string& from, const std::string& to, const std::string& message,
                      const std::string& name_hint) = 0;
    /// "outbox:/var/spool/samen-sturen", "smtp://mail.example.nl:587": for the log and the database.
    virtual std::string describe() const = 0;
};

/// Writes each message as `<name_hint>.eml` into `folder`, atomically.
class OutboxTransport : public MailTransport {
public:
    explicit OutboxTransport(std::filesystem::path folder);
    void send(const std::string& from, const std::string& to, const std::string& message, const std::string& name_hint) override;
    std::string describe() const override;

private:
    std::filesystem::path folder_;
};

/// How often and how patiently a message is offered.
struct RetryPolicy {
    int attempts = 3;      ///< tries in this run (at least one)
    int backoff_ms = 1000; ///< wait before the second try; doubled each time
};

/// The outcome of send_with_retries: `error` empty when the message went.
struct SendOutcome {
    std::string error; ///< the last try's TransportError, "" when sent
    int tries = 0;
};

/// Offers `message` to `transport` until it takes it or the policy's tries are spent.
SendOutcome send_with_retries(MailTransport& transport, const std::string& from, const std::string& to,
                              const std::string& message, const std::string& name_hint, const RetryPolicy& policy);

struct SmtpSettings {
    std::string url;       ///< smtp://host:port (STARTTLS) or smtps://host:port
    std::string user;      ///< from the environment or a credentials file, never the command line
    std::string password;
    bool require_tls = true; ///< false only for a server on this machine (tests)
    long timeout_seconds = 60;
};

class SmtpTransport : public MailTransport {
public:
    explicit SmtpTransport(SmtpSettings settings);
    void send(const std::string& from, const std::string& to, const std::string& message, const std::string& name_hint) override;
    std::string describe() const override;

private:
    SmtpSettings settings_;
};

} // namespace ss
