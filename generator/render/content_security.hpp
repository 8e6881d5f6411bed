// A locked-down public page (issue #14, item 6): a Content-Security-Policy that allows nothing
// from elsewhere, so that even a hostile name in the data cannot load or send anything.
#pragma once

#include <string>

namespace ss {

/// `html` with a `<meta http-equiv="Content-Security-Policy">` after its charset: `default-src
/// 'none'`, its own inline `<style>` and `<script>` blocks allowed by their SHA-256 (no
/// 'unsafe-inline'), images only from `data:`, and no form, frame or base.
std::string with_content_security_policy(const std::string& html);

/// `'sha256-…'` of `text`, as CSP names a hashed inline block.
std::string csp_hash(const std::string& text);

} // namespace ss
