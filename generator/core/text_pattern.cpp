#include "core/text_pattern.hpp"

namespace ss {

std::string fill_pattern(std::string pattern, const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [name, value] : values) {
        const std::string key = "{" + name + "}";
        for (size_t at = 0; (at = pattern.find(key, at)) != std::string::npos; at += value.size()) pattern.replace(at, key.size(), value);
    }
    return pattern;
}

} // namespace ss
