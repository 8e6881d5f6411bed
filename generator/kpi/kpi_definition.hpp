// A KPI as defined by its query file in queries/: the metadata in the file's header comment and
// the SQL that computes numerator and denominator for every scope of a quarter at once.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ss {

/// How a KPI's value follows from its numerator n and denominator d (kpis.md "Long form").
enum class KpiKind {
    count,         ///< value = n, no denominator
    rate_per_1000, ///< value = 1000 n / d
    share,         ///< value = 100 n / d (percent)
    mean,          ///< value = n / d
};

enum class FastPath { none, trajectories, measures };

struct KpiDefinition {
    std::string id;   ///< JH01
    std::string name; ///< Dutch name for reports
    KpiKind kind = KpiKind::count;
    std::string file; ///< the query file, for messages
    std::string sql{};
    bool has_total = true; ///< `-- total: no`: breakdown rows only (JH03, JB04, TR01, …)
    /// `-- breakdowns:` items: `placed=yes` (one key), `provider=*` (any id), or
    /// `kind@measures` (every code of that import column, spelled `kind=ots`).
    std::vector<std::string> breakdowns{};
    /// `-- fast path: trajectories` (counted by kpi/trajectory_kpis from the trajectory history)
    /// or `measures` (kpi/measure_kpis); the SQL stays the definition the tests hold it to.
    FastPath fast_path = FastPath::none;
};

/// Whether the KPI writes rows with `breakdown` ("" for the total): what a target may be set for.
bool kpi_has_breakdown(const KpiDefinition& kpi, std::string_view breakdown);

/// The KPI of `id` in `kpis`, or nullptr.
const KpiDefinition* find_kpi(const std::vector<KpiDefinition>& kpis, std::string_view id);

/// Parses a query file. Its header holds `-- kpi: ID`, `-- name: …`,
/// `-- kind: count|rate_per_1000|share|mean` and optionally `-- total: no`,
/// `-- breakdowns: …` and `-- fast path: trajectories|measures`. Throws InputError naming the file and line.
KpiDefinition parse_kpi_query(std::string_view file_name, std::string_view text);

/// Every `*.sql` file of `folder`, sorted by KPI id. Throws InputError.
std::vector<KpiDefinition> load_kpi_queries(const std::filesystem::path& folder);

KpiKind parse_kpi_kind(std::string_view text);

} // namespace ss
