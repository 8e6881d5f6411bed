// Writes CSV records with `,` and quotes where a field needs them (RFC 4180).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ss {

/// Appends one field to `out`, quoted when it holds a delimiter, a quote or a line break.
void append_csv_field(std::string& out, std::string_view field, char delimiter = ',');

/// Appends a whole record and its line break ("\n").
void append_csv_record(std::string& out, const std::vector<std::string>& fields,
                       char delimiter = ',');

} // namespace ss
