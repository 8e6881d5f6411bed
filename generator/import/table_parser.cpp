#include "import/table_parser.hpp"

#include <algorithm>
#include <cctype>

#include "csv/csv_reader.hpp"
#include "import/field_parser.hpp"

namespace ss {

namespace {

std::string lower_trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// For each spec column, the index of its field in a record, or -1 when the column is absent.
std::vector<int> map_header(const FileSpec& spec, const CsvRecord& header,
                            std::vector<Issue>& issues) {
    const std::string file = spec.file_name();
    std::vector<int> positions(spec.columns.size(), -1);
    for (size_t f = 0; f < header.fields.size(); ++f) {
        const std::string name = lower_trimmed(header.fields[f]);
        const int column = spec.column_index(name);
        if (column < 0) {
            issues.push_back({Issue::Severity::warning, file, header.line, name, "",
                              "is not a column of " + file + "; it is ignored"});
        } else if (positions[column] >= 0) {
            issues.push_back({Issue::Severity::error, file, header.line, name, "",
                              "appears twice in the header"});
        } else {
            positions[column] = static_cast<int>(f);
        }
    }
    for (size_t c = 0; c < spec.columns.size(); ++c) {
        if (positions[c] >= 0) continue;
        const ColumnSpec& column = spec.columns[c];
        if (column.nullable)
            issues.push_back({Issue::Severity::warning, file, header.line, column.name, "",
                              "is missing from the header; its values are taken as empty"});
        else
            issues.push_back({Issue::Severity::error, file, header.line, column.name, "",
                              "is missing from the header (a required column)"});
    }
    return positions;
}

const std::string* text_at(const std::vector<Value>& row, int column) {
    if (column < 0) return nullptr;
    return std::get_if<std::string>(&row[column]);
}

/// Rules that span fields of one row.
void check_row(const FileSpec& spec, const std::vector<Value>& row, int line,
               std::vector<Issue>& issues) {
    const auto* start = text_at(row, spec.column_index("start_date"));
    const auto* end = text_at(row, spec.column_index("end_date"));
    // ISO dates compare correctly as text.
    if (start && end && *end < *start)
        issues.push_back({Issue::Severity::error, spec.file_name(), line, "end_date", *end,
                          "is before start_date " + *start});
    if (spec.table == "population") {
        const auto* inhabitants = std::get_if<std::int64_t>(&row[2]);
        const auto* youths = std::get_if<std::int64_t>(&row[3]);
        if (inhabitants && youths && *youths > *inhabitants)
            issues.push_back({Issue::Severity::error, spec.file_name(), line, "youths_0_17",
                              std::to_string(*youths),
                              "is more than inhabitants " + std::to_string(*inhabitants)});
    }
}

} // namespace

Table parse_table(const FileSpec& spec, std::string_view text, Date today,
                  std::vector<Issue>& issues) {
    Table table;
    table.spec = &spec;
    const std::string file = spec.file_name();
    try {
        CsvReader reader(file, text);
        CsvRecord record;
        if (!reader.next(record)) {
            issues.push_back({Issue::Severity::error, file, 1, "", "", "is empty (a header row is required)"});
            return table;
        }
        const size_t errors_before = std::count_if(issues.begin(), issues.end(), [](const Issue& i) {
            return i.severity == Issue::Severity::error;
        });
        const std::vector<int> positions = map_header(spec, record, issues);
        const size_t errors_after = std::count_if(issues.begin(), issues.end(), [](const Issue& i) {
            return i.severity == Issue::Severity::error;
        });
        if (errors_after > errors_before) return table; // no sense in checking rows
        const size_t header_width = record.fields.size();

        // Reserve for every line: growing vectors of millions of cells costs more than parsing.
        const size_t line_count = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
        table.lines.reserve(line_count);
        table.cells.reserve(line_count * spec.columns.size());
        std::vector<Value> row(spec.columns.size());
        while (reader.next(record)) {
            if (record.fields.size() != header_width) {
                issues.push_back({Issue::Severity::error, file, record.line, "", "",
                                  "has " + std::to_string(record.fields.size()) +
                                      " fields where the header has " +
                                      std::to_string(header_width)});
                continue;
            }
            bool row_ok = true;
            for (size_t c = 0; c < spec.columns.size(); ++c) {
                const std::string_view raw =
                    positions[c] >= 0 ? record.fields[positions[c]] : std::string_view{};
                FieldResult result = parse_field(spec.columns[c], raw, today);
                if (!result.problem.empty()) {
                    issues.push_back({Issue::Severity::error, file, record.line,
                                      spec.columns[c].name, std::string(raw), result.problem});
                    row_ok = false;
                }
                row[c] = std::move(result.value);
            }
            // A row with a bad field stays in the table (the bad value as NULL): the delivery is
            // rejected anyway, and keeping its key stops rows that refer to it from reporting
            // follow-on errors that would hide the real one.
            if (row_ok) check_row(spec, row, record.line, issues);
            for (auto& v : row) table.cells.push_back(std::move(v));
            table.lines.push_back(record.line);
        }
    } catch (const CsvSyntaxError& e) {
        issues.push_back({Issue::Severity::error, file, e.line, "", "", e.problem});
    }
    return table;
}

} // namespace ss
