#include "render/compact_css.hpp"

#include <cctype>
#include <cstring>

namespace ss::html {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

/// Characters a space next to is never needed for. Not `:`: in a selector `a :hover` differs
/// from `a:hover`.
bool space_is_redundant_next_to(char c) { return std::strchr("{};,", c) != nullptr; }

} // namespace

std::string compact_css(const std::string& css) {
    std::string out;
    out.reserve(css.size());
    bool pending_space = false;
    for (size_t i = 0; i < css.size(); ++i) {
        const char c = css[i];
        if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
            const size_t end = css.find("*/", i + 2);
            i = end == std::string::npos ? css.size() : end + 1;
            pending_space = true; // a comment separates like a space
            continue;
        }
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space && !out.empty() && !space_is_redundant_next_to(c) &&
            !space_is_redundant_next_to(out.back()))
            out += ' ';
        pending_space = false;
        if (c == '"' || c == '\'') {
            const size_t end = css.find(c, i + 1);
            const size_t stop = end == std::string::npos ? css.size() : end + 1;
            out.append(css, i, stop - i);
            i = stop - 1;
            continue;
        }
        if (c == '}' && !out.empty() && out.back() == ';') out.pop_back(); // the last declaration needs none
        out += c;
    }
    return out;
}

} // namespace ss::html
