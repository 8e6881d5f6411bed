// Turns one CSV field into a typed Value by its column spec, or says what was expected.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/dates.hpp"
#include "import/delivery.hpp"

namespace ss {

/// The outcome of parsing one field: a value, or the problem (the text after the quoted value
/// in an Issue, e.g. "is not a date (YYYY-MM-DD)").
struct FieldResult {
    Value value;
    std::string problem; ///< empty when the field is valid
};

/// `today` is the import day: dates are limited relative to it (import-format.md).
FieldResult parse_field(const ColumnSpec& column, std::string_view raw, Date today);

bool is_valid_utf8(std::string_view text);
/// Nine digits passing the Dutch eleven-test: a citizen service number (BSN).
bool looks_like_bsn(std::string_view text);
/// `1234,5` or `-12.75` with at most one `.` or `,`, no thousands separator.
std::optional<double> parse_decimal(std::string_view text);

} // namespace ss
