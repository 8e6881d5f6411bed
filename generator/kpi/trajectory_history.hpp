// Every trajectory of the database as compact rows, read once per run, for the trajectory KPIs
// that are counted in C++ (kpi/trajectory_kpis): SQLite's GROUP BY sorter made them the bulk of
// the SQL stage (docs/performance.md, item 10).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/dates.hpp"
#include "kpi/places.hpp"

namespace ss {

struct TrajectoryHistory : Places {
    static constexpr std::int32_t open_end = std::numeric_limits<std::int32_t>::max();

    struct Trajectory {
        std::uint32_t child = 0;        ///< index into the children (not kept: only who is who)
        std::uint16_t municipality = 0; ///< index into municipalities
        std::uint8_t segment = 0;
        std::uint8_t end_reason = 0;    ///< 0: none; else index + 1 into end_reasons
        std::int32_t start = 0;         ///< days since 1970-01-01
        std::int32_t end = open_end;    ///< open_end while the trajectory runs
        double eur = 0;                 ///< the actual euros of all its cost records (total(), in index order)
        std::int32_t norm_days = no_norm; ///< the norms' max_duration_days of its segment and intensity
        std::uint32_t provider = 0;     ///< index into providers
        std::uint8_t intensity = 0;     ///< index + 1 into intensities
        std::int16_t profile = none;    ///< 1-10, or none
        /// Its `end` outcome (none: no score, or no outcome): the experience of youth and parent
        /// (1-10), and per goal (education, family balance, problem reduction, participation)
        /// 1 when reached, 0 when another answer, none when empty.
        std::int16_t experience_youth = none, experience_parent = none;
        std::array<std::int8_t, 4> goals{none, none, none, none};
    };
    static constexpr std::int8_t none = -1;
    /// A provider's waiting list row (waiting_lists): read with the trajectories because WL01 and
    /// WL03 count the lists of the providers a region's trajectories are with.
    struct WaitingList {
        std::string quarter;
        std::uint32_t provider = 0; ///< index into providers
        int segment = 0;
        double waiting_count = 0;
        int longest_wait_days = 0;
    };
    static constexpr std::int32_t no_norm = -1;

    std::vector<std::string> end_reasons;    ///< the end reasons found, sorted
    std::vector<std::string> providers;      ///< the providers of trajectories, in the order met
    std::vector<std::string> intensities;    ///< the intensities of trajectories, in the order met
    std::vector<WaitingList> waiting_lists;  ///< of the providers of trajectories only
    std::vector<Trajectory> trajectories;    ///< in trajectory_id order
    /// The trajectories' ids one after another, trajectory i's ending at id_ends[i] (for merging
    /// a quarter's cost records, which come in the same order: kpi/quarter_costs).
    std::string id_text;
    std::vector<std::uint32_t> id_ends;
    /// Indices into trajectories grouped per child, each child's by start date; the children's
    /// groups start at child_begin[c] and end at child_begin[c + 1].
    std::vector<std::uint32_t> by_child;
    std::vector<std::uint32_t> child_begin;
    /// The trajectories that ended before this day are left out (no_first_end_day: none are):
    /// no count of the quarters the history was read for looks at them (kpi_periods.hpp,
    /// history_start), and a history twice as long is read with little more work than SQLite's scan.
    std::int32_t first_end_day = no_first_end_day;
    static constexpr std::int32_t no_first_end_day = std::numeric_limits<std::int32_t>::min();

    std::size_t children() const { return child_begin.empty() ? 0 : child_begin.size() - 1; }
    std::string_view id(std::size_t i) const {
        const std::uint32_t begin = i == 0 ? 0 : id_ends[i - 1];
        return std::string_view(id_text).substr(begin, id_ends[i] - begin);
    }
};

/// A trajectory's segment as the history keeps it. Throws DatabaseError naming the trajectory for
/// one outside 0-62 (a database the import did not write).
std::uint8_t trajectory_segment(int segment, std::string_view trajectory_id);

/// A code's number as the trajectories carry it (index + 1 into `codes`: the history's
/// end_reasons or intensities), or -1 when no trajectory has it.
int code_number(const std::vector<std::string>& codes, std::string_view code);

/// Reads every trajectory that runs on or ended on or after `first_end_day` (every trajectory
/// when not given), its `end` outcome, its cost records' actual euros and its norm, and the
/// waiting lists. `costs_db`, a second connection to the same state of the database that nothing
/// else uses meanwhile, reads the cost records on a thread of its own.
/// Throws DatabaseError.
TrajectoryHistory load_trajectory_history(SQLite::Database& db, std::optional<Date> first_end_day = std::nullopt,
                                          SQLite::Database* costs_db = nullptr);

} // namespace ss
