#include "kpi/kpi_history.hpp"

namespace ss {

KpiHistory load_kpi_history(SQLite::Database& db, std::optional<Date> first_end_day, SQLite::Database* costs_db) {
    return {load_trajectory_history(db, first_end_day, costs_db), load_measure_history(db)};
}

} // namespace ss
