// The histories the fast-path KPIs count from (`-- fast path: trajectories` or `measures`), read
// once per run and shared by the quarters' workers.
#pragma once

#include <functional>

#include <SQLiteCpp/Database.h>

#include "kpi/measure_history.hpp"
#include "kpi/trajectory_history.hpp"

namespace ss {

struct KpiHistory {
    TrajectoryHistory trajectories;
    MeasureHistory measures;
};

/// Reads both histories, the trajectories from `first_end_day` on (load_trajectory_history; all
/// when not given; `costs_db` as there). Throws DatabaseError.
KpiHistory load_kpi_history(SQLite::Database& db, std::optional<Date> first_end_day = std::nullopt,
                            SQLite::Database* costs_db = nullptr);

/// Where compute_kpis finds the history when its first fast-path KPI comes: one read for many
/// quarters, perhaps still being read by another worker. Empty: it reads its own.
using KpiHistorySource = std::function<const KpiHistory&()>;

} // namespace ss
