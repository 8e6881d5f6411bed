// Parses the text of one delivery file into a typed Table, collecting every problem found.
// No I/O: the caller reads the file.
#pragma once

#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "import/delivery.hpp"

namespace ss {

/// Parses `text` (the whole CSV file) by `spec`. Rows with a problem are reported in `issues`
/// and left out of the table; the table is only loaded when `issues` holds no error at all.
Table parse_table(const FileSpec& spec, std::string_view text, Date today,
                  std::vector<Issue>& issues);

} // namespace ss
