// The scopes a quarter's KPIs are written for, as prepare_scopes (kpi_engine) made them on a
// connection, read for the KPIs counted in C++ (kpi/trajectory_kpis, kpi/measure_kpis).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace ss {

/// Every scope of the quarter, its youths 0-17 and the code lists of the breakdowns.
struct QuarterScopes {
    struct Scope {
        std::string type; ///< municipality or region
        std::string code;
        std::optional<double> youths;
    };
    /// A GI within a region (scope code `<region>/<institution>`): at full detail only, the GIs
    /// with a measure of the region's municipalities active in the quarter; its youths are its
    /// region's.
    struct GiScope {
        std::string code;
        std::string region;
        std::string institution;
        std::optional<double> youths;
    };
    std::vector<Scope> scopes;
    std::vector<GiScope> gi_scopes;
    std::vector<std::pair<std::string, int>> segments;            ///< breakdown (segment=4), segment
    std::vector<std::pair<std::string, std::string>> end_reasons; ///< breakdown (end_reason=planned), code
};

/// Reads the temporary tables prepare_scopes filled on this connection.
QuarterScopes read_quarter_scopes(SQLite::Database& db);

/// One row a KPI query would have returned.
struct KpiRow {
    std::string scope_type;
    std::string scope_code;
    std::string breakdown;
    std::optional<double> numerator;
    std::optional<double> denominator;
};

} // namespace ss
