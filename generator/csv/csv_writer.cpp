#include "csv/csv_writer.hpp"

namespace ss {

void append_csv_field(std::string& out, std::string_view field, char delimiter) {
    const bool needs_quotes = field.find_first_of(std::string{'"', '\n', '\r', delimiter}) !=
                              std::string_view::npos;
    if (!needs_quotes) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields, char delimiter) {
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out.push_back(delimiter);
        append_csv_field(out, fields[i], delimiter);
    }
    out.push_back('\n');
}

} // namespace ss
