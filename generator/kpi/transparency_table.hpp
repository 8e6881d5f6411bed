// The provider transparency table's rows (TR01-TR04) summed from the trajectory history: the
// region's trajectories ended in the two years ending Q, crisis care left out, per provider,
// provider x intensity, profile, intensity and provider x profile x intensity.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "kpi/trajectory_history.hpp"

namespace ss {

/// What the ended trajectories of one row of a region's table add up to.
struct TransparencySums {
    double youth = 0, youths = 0, parent = 0, parents = 0; ///< experience scores and how many
    double early = 0, no_show = 0, ended = 0;              ///< drop-out and the row's n
    std::array<double, 4> goals_reached{}, goals_answered{}; ///< education, family balance, problem reduction, participation
    double eur = 0;                                        ///< the actual euros of their cost records
};

struct TransparencyTableRow {
    std::string region_code;
    std::string key; ///< `provider=P`, `provider=P,intensity=I`, `profile=3`, `intensity=I`, `provider=P,profile=3,intensity=I`
    TransparencySums sums;
};

/// The rows of every region, each region's in the order of its key. The sums add the finest cells
/// (provider x profile x intensity) in the order of their codes, each cell's trajectories in id
/// order: the order the queries add them in, so the same bits.
std::vector<TransparencyTableRow> transparency_rows(const TrajectoryHistory& history, std::int32_t first_day,
                                               std::int32_t last_day);

} // namespace ss
