#include "distribute/mail_message.hpp"

#include <ctime>

#include "core/sha256.hpp"

namespace ss {

namespace {

std::string base64(std::string_view in) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += table[v >> 18];
        out += table[(v >> 12) & 63];
        out += table[(v >> 6) & 63];
        out += table[v & 63];
    }
    if (i < in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += table[v >> 18];
        out += table[(v >> 12) & 63];
        out += i + 1 < in.size() ? table[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

bool ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\r' || c == '\n') return false;
    return true;
}

} // namespace

std::string base64_lines(std::string_view bytes) {
    const std::string all = base64(bytes);
    std::string out;
    for (size_t at = 0; at < all.size(); at += 76) out += all.substr(at, 76) + "\r\n";
    return out;
}

std::string header_text(std::string_view text) {
    if (ascii(text)) return std::string(text);
    return "=?UTF-8?B?" + base64(text) + "?=";
}

std::string content_type_of(const std::string& filename) {
    const auto ends = [&](const char* ext) {
        const std::string e(ext);
        return filename.size() >= e.size() && filename.compare(filename.size() - e.size(), e.size(), e) == 0;
    };
    if (ends(".pdf")) return "application/pdf";
    if (ends(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ends(".csv")) return "text/csv; charset=UTF-8";
    if (ends(".html")) return "text/html; charset=UTF-8";
    return "application/octet-stream";
}

std::string rfc5322_now() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buf[64];
    // %a and %b would follow the locale; RFC 5322 wants the English names.
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char zone[8];
    std::strftime(zone, sizeof zone, "%z", &local);
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d %s", days[local.tm_wday], local.tm_mday,
                  months[local.tm_mon], local.tm_year + 1900, local.tm_hour, local.tm_min, local.tm_sec, zone);
    return buf;
}

std::string render_mime(const MailMessage& m) {
    // The boundary is derived from the content, so it cannot occur in base64 parts by accident.
    const std::string boundary = "=_samen-sturen_" + sha256_hex(m.message_id + m.subject).substr(0, 24);
    std::string out;
    out += "From: " + m.from + "\r\n";
    out += "To: " + (m.to_name.empty() ? m.to : header_text(m.to_name) + " <" + m.to + ">") + "\r\n";
    out += "Subject: " + header_text(m.subject) + "\r\n";
    out += "Date: " + m.date + "\r\n";
    out += "Message-ID: <" + m.message_id + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    out += base64_lines(m.body);
    for (const auto& a : m.attachments) {
        out += "--" + boundary + "\r\n";
        out += "Content-Type: " + a.content_type + "; name=\"" + a.filename + "\"\r\n";
        out += "Content-Disposition: attachment; filename=\"" + a.filename + "\"\r\n";
        out += "Content-Transfer-Encoding: base64\r\n\r\n";
        out += base64_lines(a.bytes);
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

} // namespace ss
