#include "kpi/quarter_costs.hpp"

#include <optional>

#include <SQLiteCpp/Statement.h>

#include "kpi/row_reader.hpp"

namespace ss {

namespace {

struct Place {
    std::uint16_t municipality;
    std::uint8_t segment;
};

/// The municipality and segment of a trajectory the history left out because it ended before
/// the history's first day (kpi/trajectory_history): a cost record of the quarter for it, a late
/// invoice, still counts. Rare, so looked up one by one.
class LeftOutTrajectories {
public:
    LeftOutTrajectories(SQLite::Database& db, const TrajectoryHistory& history) : db_(db), history_(history) {}
    std::optional<Place> place_of(std::string_view id) {
        if (history_.first_end_day == TrajectoryHistory::no_first_end_day) return std::nullopt; // none left out
        if (!lookup_) lookup_.emplace(db_, "SELECT municipality_code, segment FROM trajectories WHERE trajectory_id = ?");
        lookup_->reset();
        lookup_->bind(1, std::string(id));
        if (!lookup_->executeStep()) return std::nullopt;
        if (!numbers_) numbers_.emplace(history_);
        return Place{numbers_->of(lookup_->getColumn(0).getText(), "trajectories", "trajectory", id),
                     trajectory_segment(lookup_->getColumn(1).getInt(), id)};
    }

private:
    SQLite::Database& db_;
    const TrajectoryHistory& history_;
    std::optional<MunicipalityNumbers> numbers_;
    std::optional<SQLite::Statement> lookup_;
};

} // namespace

std::vector<TrajectoryCostSums> quarter_trajectory_costs(SQLite::Database& db, const TrajectoryHistory& history,
                                                         const Quarter& quarter) {
    constexpr size_t segments = 64;
    std::vector<TrajectoryCostSums> cells(history.municipalities.size() * segments);
    // The records of the quarter in key order (quarter, subject type, subject id): in trajectory
    // id order, as the history's trajectories, so that a merge finds each one's trajectory.
    const std::string sql = "SELECT subject_id, actual_eur, projected_eur FROM costs WHERE quarter = '" + quarter.code() +
                            "' AND subject_type = 'trajectory' ORDER BY subject_id";
    RowReader records(db, sql.c_str(), "reading the cost records of " + quarter.code() + " for the trajectory KPIs");
    LeftOutTrajectories left_out(db, history);
    size_t t = 0;
    while (records.next()) {
        const std::string_view id = records.text(0);
        while (t < history.trajectories.size() && history.id(t) < id) ++t;
        const bool in_history = t < history.trajectories.size() && history.id(t) == id;
        const auto place = in_history ? std::optional(Place{history.trajectories[t].municipality, history.trajectories[t].segment})
                                      : left_out.place_of(id);
        if (!place) continue; // no trajectory: the join drops it
        TrajectoryCostSums& cell = cells[place->municipality * segments + place->segment];
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
