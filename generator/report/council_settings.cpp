#include "report/council_settings.hpp"

#include <algorithm>
#include <vector>

#include "core/errors.hpp"
#include "core/text_file.hpp"
#include "csv/csv_reader.hpp"

namespace ss {

namespace {

const std::vector<std::string>& known_columns() {
    static const std::vector<std::string> columns = {"municipality_code", "portefeuillehouder", "contactpersoon",
                                                     "email", "telefoon", "kenmerk"};
    return columns;
}

std::string trimmed(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return "";
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

} // namespace

CouncilSettings parse_council_settings(std::string_view file_name, std::string_view text) {
    const std::string file(file_name);
    CsvReader reader(file_name, text);
    CsvRecord record;
    if (!reader.next(record)) throw InputError(file + ": is empty; it needs a header with municipality_code");
    std::vector<std::string> columns;
    for (const auto& field : record.fields) {
        std::string name = trimmed(field);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (std::find(known_columns().begin(), known_columns().end(), name) == known_columns().end())
            throw InputError(file + ":1: column " + name + ": is not a column of the council settings (municipality_code, "
                                                           "portefeuillehouder, contactpersoon, email, telefoon, kenmerk)");
        columns.push_back(name);
    }
    if (std::find(columns.begin(), columns.end(), "municipality_code") == columns.end())
        throw InputError(file + ":1: has no column municipality_code");
    CouncilSettings settings;
    while (reader.next(record)) {
        std::map<std::string, std::string> row;
        for (size_t c = 0; c < columns.size() && c < record.fields.size(); ++c) row[columns[c]] = trimmed(record.fields[c]);
        const std::string code = row["municipality_code"];
        if (code.empty())
            throw InputError(file + ":" + std::to_string(record.line) + ": column municipality_code: is empty");
        if (settings.count(code))
            throw InputError(file + ":" + std::to_string(record.line) + ": column municipality_code: '" + code +
                             "' is listed twice");
        settings[code] = {row["portefeuillehouder"], row["contactpersoon"], row["email"], row["telefoon"], row["kenmerk"]};
    }
    return settings;
}

CouncilSettings load_council_settings(const std::filesystem::path& file) {
    return parse_council_settings(file.string(), read_text_file(file, "council settings"));
}

} // namespace ss
