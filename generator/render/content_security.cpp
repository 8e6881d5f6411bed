#include "render/content_security.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <vector>

namespace ss {

namespace {

/// The contents of every `<tag>…</tag>` block of `html`, in order.
std::vector<std::string> blocks_of(const std::string& html, const std::string& tag) {
    std::vector<std::string> blocks;
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    for (size_t at = 0; (at = html.find(open, at)) != std::string::npos;) {
        const size_t start = at + open.size(), end = html.find(close, start);
        if (end == std::string::npos) break;
        blocks.push_back(html.substr(start, end - start));
        at = end + close.size();
    }
    return blocks;
}

std::string hashes(const std::vector<std::string>& blocks) {
    std::string list;
    for (const auto& b : blocks) list += " " + csp_hash(b);
    return list;
}

} // namespace

std::string csp_hash(const std::string& text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    unsigned char encoded[4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1];
    const int n = EVP_EncodeBlock(encoded, digest, SHA256_DIGEST_LENGTH);
    return "'sha256-" + std::string(reinterpret_cast<const char*>(encoded), static_cast<size_t>(n)) + "'";
}

std::string with_content_security_policy(const std::string& html) {
    const auto styles = blocks_of(html, "style"), scripts = blocks_of(html, "script");
    std::string policy = "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'";
    if (!styles.empty()) policy += "; style-src" + hashes(styles);
    if (!scripts.empty()) policy += "; script-src" + hashes(scripts);
    const std::string meta = "\n<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">";
    const std::string charset = "<meta charset=\"utf-8\">";
    const size_t at = html.find(charset);
    if (at == std::string::npos) return html;
    std::string out = html;
    out.insert(at + charset.size(), meta);
    return out;
}

} // namespace ss
