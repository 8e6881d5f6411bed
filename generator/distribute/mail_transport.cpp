#include "distribute/mail_transport.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>

#include <curl/curl.h>

#include "core/errors.hpp"
#include "output/output_files.hpp"

namespace ss {

SendOutcome send_with_retries(MailTransport& transport, const std::string& from, const std::string& to,
                              const std::string& message, const std::string& name_hint, const RetryPolicy& policy) {
    SendOutcome outcome;
    for (; outcome.tries < std::max(1, policy.attempts);) {
        if (outcome.tries > 0) std::this_thread::sleep_for(std::chrono::milliseconds(policy.backoff_ms << (outcome.tries - 1)));
        ++outcome.tries;
        try {
            transport.send(from, to, message, name_hint);
            outcome.error.clear();
            break;
        } catch (const TransportError& e) {
            outcome.error = e.what();
        }
    }
    return outcome;
}

OutboxTransport::OutboxTransport(std::filesystem::path folder) : folder_(std::move(folder)) {
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    if (ec) throw OutputError(folder_.string() + ": the outbox cannot be created: " + ec.message());
}

void OutboxTransport::send(const std::string&, const std::string&, const std::string& message, const std::string& name_hint) {
    try {
        write_file_atomically(folder_ / (name_hint + ".eml"), message);
    } catch (const Error& e) {
        throw TransportError(e.what());
    }
}

std::string OutboxTransport::describe() const { return "outbox:" + folder_.string(); }

namespace {

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

struct Upload {
    const std::string* data;
    size_t at = 0;
};

size_t read_message(char* buffer, size_t size, size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const size_t n = std::min(size * count, upload->data->size() - upload->at);
    std::memcpy(buffer, upload->data->data() + upload->at, n);
    upload->at += n;
    return n;
}

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

SmtpTransport::SmtpTransport(SmtpSettings settings) : settings_(std::move(settings)) { global_init(); }

void SmtpTransport::send(const std::string& from, const std::string& to, const std::string& message, const std::string&) {
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) throw TransportError("libcurl could not start");
    std::unique_ptr<curl_slist, SlistDeleter> recipients(curl_slist_append(nullptr, ("<" + to + ">").c_str()));
    Upload upload{&message};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
    // STARTTLS on smtp://, TLS from the start on smtps://; a plain connection only when allowed.
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(settings_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    if (!settings_.user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, settings_.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, std::min(20L, settings_.timeout_seconds));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, settings_.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    char detail[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
    const CURLcode result = curl_easy_perform(c);
    if (result != CURLE_OK)
        throw TransportError(std::string(curl_easy_strerror(result)) + (detail[0] ? std::string(": ") + detail : ""));
}

std::string SmtpTransport::describe() const { return settings_.url; }

} // namespace ss
