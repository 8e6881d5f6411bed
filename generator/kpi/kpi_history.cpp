#include "kpi/kpi_history.hpp"

namespace ss {

KpiHistory load_kpi_history(SQLite::Database& db) { return {load_trajectory_history(db), load_measure_history(db)}; }

} // namespace ss
