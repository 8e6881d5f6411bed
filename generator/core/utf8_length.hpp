// The length of UTF-8 text in characters (code points), not bytes: a note's limit of 1,000
// characters and a spreadsheet column's width both count "ë" once.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace ss {

inline size_t utf8_length(std::string_view s) {
    // Every byte but a continuation byte (10xxxxxx) starts a character.
    return static_cast<size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace ss
