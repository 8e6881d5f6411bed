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
#include "kpi/quarter_scopes.hpp"
#include "kpi/trajectory_history.hpp"

namespace ss {

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
