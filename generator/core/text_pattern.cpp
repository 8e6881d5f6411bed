#include "core/text_pattern.hpp"

namespace ss {

std::string fill_pattern(std::string pattern, const std::vector<std::pair<std::string, std::string>>& values) {
    // One pass over the pattern: a value is never searched for gaps itself, so a name from the
    // data that reads "{scope}" stays as it is.
    std::string out;
    out.reserve(pattern.size());
    for (size_t at = 0; at < pattern.size();) {
        const size_t open = pattern.find('{', at);
        const size_t close = open == std::string::npos ? open : pattern.find('}', open);
        if (close == std::string::npos) {
            out.append(pattern, at, std::string::npos);
            break;
        }
        out.append(pattern, at, open - at);
        const std::string_view name(pattern.data() + open + 1, close - open - 1);
        const std::string* value = nullptr;
        for (const auto& [n, v] : values)
            if (n == name) value = &v;
        if (value) out += *value;
        else out.append(pattern, open, close - open + 1);
        at = close + 1;
    }
    return out;
}

} // namespace ss
