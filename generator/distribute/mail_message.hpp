// An e-mail with attachments as RFC 5322/MIME text (CRLF lines, base64 parts): what both the
// outbox (.eml files) and SMTP send.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ss {

struct Attachment {
    std::string filename;
    std::string content_type;
    std::string bytes;
};

struct MailMessage {
    std::string from;
    std::string to;
    std::string to_name;
    std::string subject;
    std::string body; ///< plain text, UTF-8
    std::vector<Attachment> attachments;
    std::string message_id; ///< without angle brackets
    std::string date;       ///< RFC 5322 date, e.g. "Mon, 06 Oct 2025 05:00:00 +0200"
};

/// The whole message, ready for SMTP's DATA or an .eml file.
std::string render_mime(const MailMessage& message);

/// Base64 in lines of at most 76 characters, each ending in CRLF.
std::string base64_lines(std::string_view bytes);

/// A header value as an RFC 2047 encoded word when it holds non-ASCII (=?UTF-8?B?…?=).
std::string header_text(std::string_view text);

/// The content type of a report file from its extension.
std::string content_type_of(const std::string& filename);

/// Now as an RFC 5322 date in the machine's local time.
std::string rfc5322_now();

} // namespace ss
