// The quarter's trajectory cost records summed per municipality and segment (the temporary table
// quarter_trajectory_costs that DQ01, JH06 and JH07 read), made from the trajectory history
// instead of by looking each record up in `trajectories`: a quarter's 270,000 records were two
// thirds of a trend quarter's scope tables (docs/performance.md, item 12).
#pragma once

#include <cstdint>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/dates.hpp"
#include "kpi/trajectory_history.hpp"

namespace ss {

/// One row of quarter_trajectory_costs.
struct TrajectoryCostSums {
    std::uint16_t municipality = 0; ///< index into the history's municipalities
    int segment = 0;
    std::int64_t records = 0, records_with_actual = 0;
    double actual_eur = 0, projected_eur = 0; ///< total() of each, NULLs left out
};

/// The rows the table's query makes, in its order (municipality code, segment), each sum added in
/// the order SQLite adds it (the records in trajectory id order): the same bits.
/// Throws DatabaseError.
std::vector<TrajectoryCostSums> quarter_trajectory_costs(SQLite::Database& db, const TrajectoryHistory& history,
                                                         const Quarter& quarter);

/// Replaces the rows of temp.quarter_trajectory_costs (made by prepare_scopes) with `rows`.
void fill_quarter_trajectory_costs(SQLite::Database& db, const TrajectoryHistory& history,
                                   const std::vector<TrajectoryCostSums>& rows);

} // namespace ss
