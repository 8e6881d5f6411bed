// The import contract of shared/spec/import-format.md as data: every file, its columns, types,
// keys and references. Validation, loading and the demo's CSV writer all read these tables.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace ss {

enum class FieldKind {
    text,              ///< any non-empty UTF-8 text
    id,                ///< an opaque id (pseudonym); text, never a number
    child_id,          ///< an id that must not be a BSN (AVG: children are pseudonymous)
    integer,           ///< whole number within [min, max]
    decimal,           ///< a number with `.` or `,` as decimal separator
    amount,            ///< euros, `.` or `,` decimal separator, not negative
    date,              ///< ISO YYYY-MM-DD, not before 2000
    quarter,           ///< YYYY-Qn
    code,              ///< one of `codes` (case-insensitive; stored as listed)
    municipality_code, ///< GM + 4 digits
    email,             ///< name@domain
    report_list,       ///< `;`-separated report kinds
    breakdown,         ///< a breakdown key of kpis.md (`segment=4`); empty (or no column) is the total,
                       ///< stored as '' so that it can be part of a key
};

/// How far after the import day a date may lie (import-format.md "Referential checks").
enum class DateLimit { none, event_one_year, registration_six_years };

struct ColumnSpec {
    std::string name;
    FieldKind kind = FieldKind::text;
    bool nullable = false;
    std::int64_t min = std::numeric_limits<std::int64_t>::min();
    std::int64_t max = std::numeric_limits<std::int64_t>::max(); ///< text: the most characters
    std::vector<std::string> codes = {};
    DateLimit date_limit = DateLimit::none;
};

/// A column whose value must be the key of a record in `table` (in the delivery or the database);
/// for institutions, optionally of one of `kinds`.
struct Reference {
    std::string column;
    std::string table;
    std::vector<std::string> kinds = {};
};

struct FileSpec {
    std::string table;                ///< also the file's stem: `measures` <- measures.csv
    std::vector<ColumnSpec> columns;  ///< in database order
    /// Id column or natural key. Its column order is the primary key's order in the database:
    /// quarter first where the KPI queries select by quarter, so the key doubles as that index.
    std::vector<std::string> key;
    bool required = false;            ///< must be in every delivery
    std::vector<Reference> references = {};

    std::string file_name() const { return table + ".csv"; }
    /// Index of a column by exact name, or -1.
    int column_index(std::string_view name) const;
};

/// Every file of a delivery, in the order they are loaded (referenced tables first).
const std::vector<FileSpec>& file_specs();
/// The spec of `table`; throws std::out_of_range for an unknown table.
const FileSpec& file_spec(std::string_view table);
/// The spec of `table`, or nullptr for an unknown table.
const FileSpec* find_file_spec(std::string_view table);

/// The codes a column takes, as breakdowns spell them: its code list, or every whole number of
/// an integer column's range (segment: "1" … "7"); empty for other columns.
std::vector<std::string> column_codes(const ColumnSpec& column);
/// The codes of `column` of `table` (both known to the specs).
std::vector<std::string> column_codes(std::string_view table, std::string_view column);


} // namespace ss
