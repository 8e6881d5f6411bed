// Splitting a line of separated parts (breakdown keys `provider=P,intensity=acuut`, option lists,
// `;`-separated report kinds) and joining parts into one: one loop for every list the program reads
// or writes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ss {

/// Every part of `text` between `separator`s, empty ones included: "a,,b" gives "a", "", "b" and
/// "" gives one empty part. The parts point into `text`.
std::vector<std::string_view> split(std::string_view text, char separator);

/// `parts` with `separator` between them: {"a", "b", "c"} and ", " give "a, b, c".
std::string join(const std::vector<std::string>& parts, std::string_view separator);
/// The same with `last_separator` before the last part: ", " and " en " give "a, b en c".
std::string join(const std::vector<std::string>& parts, std::string_view separator, std::string_view last_separator);

} // namespace ss
