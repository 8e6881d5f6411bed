#include "kpi/kpi_definition.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace ss {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

} // namespace

KpiKind parse_kpi_kind(std::string_view text) {
    if (text == "count") return KpiKind::count;
    if (text == "rate_per_1000") return KpiKind::rate_per_1000;
    if (text == "share") return KpiKind::share;
    if (text == "mean") return KpiKind::mean;
    throw InputError("'" + std::string(text) + "' is not a KPI kind (count, rate_per_1000, share, mean)");
}

KpiDefinition parse_kpi_query(std::string_view file_name, std::string_view text) {
    KpiDefinition def;
    def.file = file_name;
    def.sql = text;
    bool has_kind = false;
    std::istringstream lines{std::string(text)};
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n) {
        std::string_view l = trim(line);
        if (l.empty()) continue;
        if (l.substr(0, 2) != "--") break; // the header ends at the first line of SQL
        l = trim(l.substr(2));
        const size_t colon = l.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view key = trim(l.substr(0, colon));
        const std::string_view value = trim(l.substr(colon + 1));
        try {
            if (key == "kpi") def.id = value;
            else if (key == "name") def.name = value;
            else if (key == "kind") def.kind = parse_kpi_kind(value), has_kind = true;
        } catch (const InputError& e) {
            throw InputError(std::string(file_name) + ":" + std::to_string(n) + ": " + e.what());
        }
    }
    if (def.id.empty() || def.name.empty() || !has_kind)
        throw InputError(std::string(file_name) + ": the header must name the KPI ('-- kpi: JH01'), "
                         "its name ('-- name: …') and its kind ('-- kind: count')");
    return def;
}

std::vector<KpiDefinition> load_kpi_queries(const std::filesystem::path& folder) {
    if (!std::filesystem::is_directory(folder))
        throw InputError(folder.string() + ": no such query folder (the queries/ folder of samen-sturen)");
    std::vector<KpiDefinition> defs;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".sql") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        defs.push_back(parse_kpi_query(entry.path().filename().string(), text.str()));
    }
    std::sort(defs.begin(), defs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return defs;
}

} // namespace ss
