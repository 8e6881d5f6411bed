#include "kpi/kpi_definition.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/text_file.hpp"
#include "core/text_split.hpp"
#include "kpi/measure_kpis.hpp"
#include "kpi/trajectory_kpis.hpp"
#include "schema/file_specs.hpp"

namespace ss {

namespace {

/// Where a fast path's KPIs are counted: its name in a query's header, its file, and what it counts.
struct FastPathCounter {
    FastPath path;
    const char* name;
    const char* file;
    bool (*has)(std::string_view kpi_id);
    std::string (*ids)();
};

constexpr FastPathCounter fast_path_counters[] = {
    {FastPath::trajectories, "trajectories", "trajectory_kpis.cpp", has_trajectory_fast_path, trajectory_fast_path_ids},
    {FastPath::measures, "measures", "measure_kpis.cpp", has_measure_fast_path, measure_fast_path_ids}};

FastPath parse_fast_path(std::string_view value) {
    for (const auto& counter : fast_path_counters)
        if (value == counter.name) return counter.path;
    throw InputError("a fast path is 'trajectories' or 'measures', not '" + std::string(value) + "'");
}

const FastPathCounter& fast_path_counter(FastPath path) {
    for (const auto& counter : fast_path_counters)
        if (counter.path == path) return counter;
    throw std::logic_error("a fast path without its counter");
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool parse_total(std::string_view value) {
    if (value == "yes") return true;
    if (value == "no") return false;
    throw InputError("'total' is 'yes' or 'no', not '" + std::string(value) + "'");
}

/// The codes of the import column an item names (`kind@measures`, `segment@trajectories`).
std::vector<std::string> item_codes(std::string_view item) {
    const size_t at = item.find('@');
    const FileSpec* spec = find_file_spec(item.substr(at + 1));
    const int index = spec ? spec->column_index(item.substr(0, at)) : -1;
    if (index < 0) throw InputError("breakdown '" + std::string(item) + "' names no column of an import file");
    const ColumnSpec& c = spec->columns[index];
    // An integer column with a wide range (a year, an amount) is no code list.
    if (c.kind == FieldKind::integer && c.max - c.min > 100)
        throw InputError("breakdown '" + std::string(item) + "' is not a column with a code list");
    std::vector<std::string> codes = column_codes(c);
    if (codes.empty()) throw InputError("breakdown '" + std::string(item) + "' is not a column with a code list");
    return codes;
}

std::vector<std::string> parse_breakdown_items(std::string_view value) {
    std::vector<std::string> items;
    for (const std::string_view part : split(value, ',')) {
        const std::string_view item = trim(part);
        if (item.empty()) continue;
        const bool literal = item.find('=') != std::string_view::npos;
        if (!literal && item.find('@') == std::string_view::npos)
            throw InputError("breakdown '" + std::string(item) + "' is neither 'key=value' nor 'column@file'");
        if (!literal) item_codes(item); // names a real column, or throws
        items.emplace_back(item);
    }
    return items;
}

} // namespace

bool kpi_has_breakdown(const KpiDefinition& kpi, std::string_view breakdown) {
    if (breakdown.empty()) return kpi.has_total;
    const size_t eq = breakdown.find('=');
    if (eq == std::string_view::npos || eq + 1 == breakdown.size()) return false;
    const std::string_view key = breakdown.substr(0, eq), code = breakdown.substr(eq + 1);
    for (const auto& item : kpi.breakdowns) {
        if (item == breakdown) return true;
        if (item == std::string(key) + "=*" && code.find(',') == std::string_view::npos) return true;
        const size_t at = item.find('@');
        if (at == std::string::npos || std::string_view(item).substr(0, at) != key) continue;
        for (const auto& c : item_codes(item))
            if (c == code) return true;
    }
    return false;
}

const KpiDefinition* find_kpi(const std::vector<KpiDefinition>& kpis, std::string_view id) {
    for (const auto& k : kpis)
        if (k.id == id) return &k;
    return nullptr;
}

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
    int fast_path_line = 0;
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
            else if (key == "total") def.has_total = parse_total(value);
            else if (key == "breakdowns") def.breakdowns = parse_breakdown_items(value);
            else if (key == "fast path") {
                def.fast_path = parse_fast_path(value);
                fast_path_line = n;
            }
        } catch (const InputError& e) {
            throw InputError(std::string(file_name) + ":" + std::to_string(n) + ": " + e.what());
        }
    }
    if (def.id.empty() || def.name.empty() || !has_kind)
        throw InputError(std::string(file_name) + ": the header must name the KPI ('-- kpi: JH01'), "
                         "its name ('-- name: …') and its kind ('-- kind: count')");
    if (def.fast_path != FastPath::none) {
        const FastPathCounter& counter = fast_path_counter(def.fast_path);
        if (!counter.has(def.id))
            throw InputError(std::string(file_name) + ":" + std::to_string(fast_path_line) + ": " + def.id +
                             " has no fast path (generator/kpi/" + counter.file + " counts " + counter.ids() +
                             "); remove the line '-- fast path: " + counter.name + "'");
    }
    return def;
}

std::vector<KpiDefinition> load_kpi_queries(const std::filesystem::path& folder) {
    if (!std::filesystem::is_directory(folder))
        throw InputError(folder.string() + ": no such query folder (the queries/ folder of samen-sturen)");
    std::vector<KpiDefinition> defs;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".sql") continue;
        defs.push_back(parse_kpi_query(entry.path().filename().string(), read_text_file(entry.path(), "query file")));
    }
    std::sort(defs.begin(), defs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return defs;
}

} // namespace ss
