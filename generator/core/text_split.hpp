// Splitting a line of separated parts (breakdown keys `provider=P,intensity=acuut`, option lists,
// `;`-separated report kinds): one loop for every list the program reads.
#pragma once

#include <string_view>
#include <vector>

namespace ss {

/// Every part of `text` between `separator`s, empty ones included: "a,,b" gives "a", "", "b" and
/// "" gives one empty part. The parts point into `text`.
std::vector<std::string_view> split(std::string_view text, char separator);

} // namespace ss
