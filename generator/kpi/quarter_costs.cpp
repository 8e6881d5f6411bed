#include "kpi/quarter_costs.hpp"

#include <SQLiteCpp/Statement.h>

#include "kpi/row_reader.hpp"

namespace ss {

std::vector<TrajectoryCostSums> quarter_trajectory_costs(SQLite::Database& db, const TrajectoryHistory& history,
                                                         const Quarter& quarter) {
    constexpr size_t segments = 64;
    std::vector<TrajectoryCostSums> cells(history.municipalities.size() * segments);
    // The records of the quarter in key order (quarter, subject type, subject id): in trajectory
    // id order, as the history's trajectories, so that a merge finds each one's trajectory.
    const std::string sql = "SELECT subject_id, actual_eur, projected_eur FROM costs WHERE quarter = '" + quarter.code() +
                            "' AND subject_type = 'trajectory' ORDER BY subject_id";
    RowReader records(db, sql.c_str(), "reading the cost records of " + quarter.code() + " for the trajectory KPIs");
    size_t t = 0;
    while (records.next()) {
        const std::string_view id = records.text(0);
        while (t < history.trajectories.size() && history.id(t) < id) ++t;
        if (t == history.trajectories.size() || history.id(t) != id) continue; // no trajectory: the join drops it
        const auto& trajectory = history.trajectories[t];
        TrajectoryCostSums& cell = cells[trajectory.municipality * segments + trajectory.segment];
        ++cell.records;
        if (!records.is_null(1)) {
            ++cell.records_with_actual;
            cell.actual_eur += records.real(1);
        }
        if (!records.is_null(2)) cell.projected_eur += records.real(2);
    }
    std::vector<TrajectoryCostSums> rows;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].records == 0) continue;
        cells[i].municipality = static_cast<std::uint16_t>(i / segments);
        cells[i].segment = static_cast<int>(i % segments);
        rows.push_back(cells[i]);
    }
    return rows;
}

void fill_quarter_trajectory_costs(SQLite::Database& db, const TrajectoryHistory& history,
                                   const std::vector<TrajectoryCostSums>& rows) {
    db.exec("DELETE FROM temp.quarter_trajectory_costs");
    SQLite::Statement insert(db, "INSERT INTO temp.quarter_trajectory_costs (municipality_code, segment, records, "
                                 "records_with_actual, actual_eur, projected_eur) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& r : rows) {
        insert.bind(1, history.municipalities[r.municipality]);
        insert.bind(2, r.segment);
        insert.bind(3, static_cast<int64_t>(r.records));
        insert.bind(4, static_cast<int64_t>(r.records_with_actual));
        insert.bind(5, r.actual_eur);
        insert.bind(6, r.projected_eur);
        insert.exec();
        insert.reset();
    }
}

} // namespace ss
