// The trajectory KPIs counted in C++ from the trajectory history instead of by their query (JH01,
// JH02, JH04, JH05, JH08, JH09, UI01-UI03, TR01-TR04, WL01-WL03), whose GROUP BYs were most of
// the SQL stage. Their query files stay the
// definition (`-- fast path: trajectories`); tests/trajectory_kpis_test.cpp holds both equal.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/dates.hpp"
#include "kpi/trajectory_history.hpp"

namespace ss {

/// What prepare_scopes made for a quarter that the counts are written for: every scope, its
/// youths 0-17 and the code lists of the breakdowns.
struct QuarterScopes {
    struct Scope {
        std::string type; ///< municipality or region
        std::string code;
        std::optional<double> youths;
    };
    std::vector<Scope> scopes;
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

/// Whether `kpi_id` can be counted here.
bool has_trajectory_fast_path(std::string_view kpi_id);

/// The KPIs that can be counted here, as `JH01, JH08, …`.
std::string trajectory_fast_path_ids();

/// The fast-path KPIs of one quarter, counted from the history. What several of them share (the
/// transparency table, the providers active in the quarter) is made once, when first asked for.
class TrajectoryCounts {
public:
    /// `full_detail`: the report quarter, with the transparency table (TR01-TR04 are empty otherwise).
    TrajectoryCounts(const TrajectoryHistory& history, QuarterScopes scopes, const Quarter& quarter, bool full_detail);
    ~TrajectoryCounts();
    TrajectoryCounts(const TrajectoryCounts&) = delete;
    TrajectoryCounts& operator=(const TrajectoryCounts&) = delete;

    /// The KPI's rows, the same as its query returns (in another order).
    std::vector<KpiRow> rows(std::string_view kpi_id);

private:
    struct Input;
    QuarterScopes scopes_;
    std::unique_ptr<Input> input_;
};

} // namespace ss
