#include "kpi/trajectory_history.hpp"

#include <algorithm>
#include <string_view>
#include <functional>
#include <future>
#include <unordered_map>

#include <SQLiteCpp/Statement.h>

#include "core/dates.hpp"
#include "core/errors.hpp"
#include "kpi/child_numbers.hpp"
#include "kpi/row_reader.hpp"

namespace ss {

namespace {

const std::string reading = "reading the trajectories for the trajectory KPIs";

std::int32_t days_of(std::string_view text, std::string_view trajectory_id, const char* column) {
    return stored_days(text, "trajectories", "trajectory", trajectory_id, column);
}

template <typename Index>
Index index_of(const std::vector<std::string>& sorted, std::string_view code) {
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), code);
    return static_cast<Index>(it - sorted.begin());
}

/// A query's rows in trajectory id order (its first column), read beside the trajectories, which
/// are read in the same order: a merge, with no look-up per trajectory.
class ByTrajectory {
public:
    ByTrajectory(SQLite::Database& db, const char* sql) : rows_(db, sql, reading) { advance(); }
    /// The next row of `trajectory_id` not yet passed, or nullptr; the ids asked for must ascend.
    const RowReader* at(std::string_view trajectory_id) {
        while (more_ && current_ < trajectory_id) advance();
        return more_ && current_ == trajectory_id ? &rows_ : nullptr;
    }
    /// Passes the current row (for a query with several rows per trajectory).
    void advance() {
        more_ = rows_.next();
        if (more_) current_ = rows_.text(0); // SQLite's text of the row: valid until the next step
    }

private:
    RowReader rows_;
    bool more_ = false;
    std::string_view current_;
};

/// Each trajectory's actual euros summed over its cost records, in trajectory id order. The sum is
/// SQLite's total() over the same rows in the same order (the index costs_by_subject: subject,
/// then amount; total() skips empty amounts, the query leaves them out), so the same bits as the
/// queries' per-trajectory sums; summing here instead of under a GROUP BY saves SQLite's grouping,
/// a third of reading the history's costs (docs/performance.md, item 14). trajectory_kpis_test
/// holds the two to the bit.
struct CostSums {
    std::string id_text;              ///< the trajectories' ids, one after the other
    std::vector<std::uint32_t> id_ends; ///< where each id ends in id_text
    std::vector<double> euros;

    std::string_view id(size_t i) const {
        const std::uint32_t begin = i == 0 ? 0 : id_ends[i - 1];
        return std::string_view(id_text).substr(begin, id_ends[i] - begin);
    }
};

CostSums read_cost_sums(SQLite::Database& db) {
    CostSums sums;
    RowReader records(db, "SELECT subject_id, actual_eur FROM costs WHERE subject_type = 'trajectory' "
                          "AND actual_eur IS NOT NULL ORDER BY subject_id", reading);
    while (records.next()) {
        const std::string_view id = records.text(0);
        if (sums.euros.empty() || sums.id(sums.euros.size() - 1) != id) {
            sums.id_text.append(id);
            sums.id_ends.push_back(static_cast<std::uint32_t>(sums.id_text.size()));
            sums.euros.push_back(0);
        }
        sums.euros.back() += records.real(1);
    }
    return sums;
}

/// Gives each trajectory (in id order, as read) the sum of its cost records; 0 when it has none.
void add_cost_sums(TrajectoryHistory& history, const CostSums& sums) {
    size_t next = 0;
    std::uint32_t begin = 0;
    for (size_t i = 0; i < history.trajectories.size(); ++i) {
        const std::string_view id = std::string_view(history.id_text).substr(begin, history.id_ends[i] - begin);
        begin = history.id_ends[i];
        while (next < sums.euros.size() && sums.id(next) < id) ++next;
        history.trajectories[i].eur = next < sums.euros.size() && sums.id(next) == id ? sums.euros[next] : 0;
    }
}

/// A score of 1-10 (an experience), or a profile.
std::int16_t small_number(const RowReader& row, int column, std::string_view trajectory_id, const char* table,
                          const char* name) {
    if (row.is_null(column)) return TrajectoryHistory::none;
    const sqlite3_int64 n = row.integer64(column);
    if (!row.is_integer(column) || n < 0 || n > 1000)
        throw DatabaseError(std::string(table) + ": trajectory " + std::string(trajectory_id) + " has " + name + " '" +
                            std::string(row.text(column)) + "', not a whole number from 0 to 1000");
    return static_cast<std::int16_t>(n);
}

void read_end_outcome(const RowReader& row, std::string_view id, TrajectoryHistory::Trajectory& t) {
    t.experience_youth = small_number(row, 1, id, "outcomes", "experience_youth");
    t.experience_parent = small_number(row, 2, id, "outcomes", "experience_parent");
    for (int goal = 0; goal < 4; ++goal)
        if (!row.is_null(3 + goal)) t.goals[static_cast<size_t>(goal)] = row.text(3 + goal) == "1" ? 1 : 0;
}

/// A code (an end reason, an intensity) as 1 + its index among the codes of its column met so far.
std::uint8_t number_met(std::vector<std::string>& seen, std::string_view code, std::string_view trajectory_id,
                         const char* column) {
    for (size_t i = 0; i < seen.size(); ++i)
        if (seen[i] == code) return static_cast<std::uint8_t>(i + 1);
    if (seen.size() == 0xFE)
        throw DatabaseError("trajectories: trajectory " + std::string(trajectory_id) + " has the 255th " + column + " '" +
                            std::string(code) + "'; the trajectory KPIs count at most 254");
    seen.emplace_back(code);
    return static_cast<std::uint8_t>(seen.size());
}

/// Each trajectory's norm (norms.max_duration_days of its segment and intensity).
void add_norms(SQLite::Database& db, TrajectoryHistory& history) {
    const auto& intensities = history.intensities;
    constexpr size_t segments = 64;
    std::vector<std::int32_t> norm((intensities.size() + 1) * segments, TrajectoryHistory::no_norm);
    RowReader norms(db, "SELECT segment, intensity, max_duration_days FROM norms", reading);
    while (norms.next()) {
        const auto it = std::find(intensities.begin(), intensities.end(), norms.text(1));
        const int segment = norms.integer(0);
        if (it == intensities.end() || segment < 0 || segment >= static_cast<int>(segments)) continue;
        norm[static_cast<size_t>(it - intensities.begin() + 1) * segments + static_cast<size_t>(segment)] = norms.integer(2);
    }
    for (auto& t : history.trajectories) t.norm_days = norm[t.intensity * segments + t.segment];
}

/// Sorts the end reasons (the queries meet them in code order) and renumbers the trajectories.
void number_reasons_in_order(TrajectoryHistory& history, const std::vector<std::string>& seen) {
    history.end_reasons = seen;
    std::sort(history.end_reasons.begin(), history.end_reasons.end());
    std::vector<std::uint8_t> renumbered(seen.size() + 1, 0);
    for (size_t i = 0; i < seen.size(); ++i)
        renumbered[i + 1] = static_cast<std::uint8_t>(index_of<size_t>(history.end_reasons, seen[i]) + 1);
    for (auto& t : history.trajectories) t.end_reason = renumbered[t.end_reason];
}

void read_waiting_lists(SQLite::Database& db, TrajectoryHistory& history,
                        const std::unordered_map<std::string, std::uint32_t>& providers) {
    RowReader lists(db, "SELECT quarter, provider_id, segment, waiting_count, longest_wait_days FROM waiting_lists", reading);
    while (lists.next()) {
        const auto provider = providers.find(std::string(lists.text(1)));
        if (provider == providers.end()) continue; // no trajectory of any region is with it
        history.waiting_lists.push_back({std::string(lists.text(0)), provider->second, lists.integer(2), lists.real(3), lists.integer(4)});
    }
}

size_t trajectory_count(SQLite::Database& db) {
    RowReader count(db, "SELECT count(*) FROM trajectories", reading);
    count.next();
    return static_cast<size_t>(count.integer(0));
}

} // namespace

std::uint8_t trajectory_segment(int segment, std::string_view trajectory_id) {
    if (segment < 0 || segment > 62)
        throw DatabaseError("trajectories: trajectory " + std::string(trajectory_id) + " has segment " +
                            std::to_string(segment) + ", outside 0-62");
    return static_cast<std::uint8_t>(segment);
}

int code_number(const std::vector<std::string>& codes, std::string_view code) {
    const auto it = std::find(codes.begin(), codes.end(), code);
    return it == codes.end() ? -1 : static_cast<int>(it - codes.begin()) + 1;
}

TrajectoryHistory load_trajectory_history(SQLite::Database& db, std::optional<Date> first_end_day,
                                          SQLite::Database* costs_db) {
    // The cost records are a third of the reading: on a second connection they are summed beside
    // the trajectories (a run's guard connection, idle meanwhile; docs/performance.md, item 17).
    std::future<CostSums> costs = std::async(costs_db ? std::launch::async : std::launch::deferred,
                                             [&] { return read_cost_sums(costs_db ? *costs_db : db); });
    TrajectoryHistory history;
    if (first_end_day) history.first_end_day = first_end_day->days;
    static_cast<Places&>(history) = read_places(db);
    ByTrajectory outcomes(db, "SELECT trajectory_id, experience_youth, experience_parent, goal_education, "
                              "goal_family_balance, goal_problem_reduction, goal_participation FROM outcomes "
                              "WHERE moment = 'end' ORDER BY trajectory_id");
    // SQLite still scans every row, but those left out cost it little more than that.
    const std::string ended_recently =
        first_end_day ? " WHERE end_date IS NULL OR end_date >= '" + format_iso_date(*first_end_day) + "'" : "";
    const std::string sql = "SELECT trajectory_id, child_id, municipality_code, segment, start_date, end_date, end_reason, "
                            "intensity, provider_id, profile FROM trajectories" + ended_recently + " ORDER BY trajectory_id";
    RowReader rows(db, sql.c_str(), reading);
    std::unordered_map<std::string, std::uint32_t> providers;
    ChildNumbers children(trajectory_count(db));
    const MunicipalityNumbers municipalities(history);
    std::vector<std::string> reasons_seen; // in the order met; sorted below
    while (rows.next()) {
        const std::string_view id = rows.text(0);
        TrajectoryHistory::Trajectory t;
        children.add(rows.text(1));
        t.municipality = municipalities.of(rows.text(2), "trajectories", "trajectory", id);
        t.segment = trajectory_segment(rows.integer(3), id);
        t.start = days_of(rows.text(4), id, "start_date");
        if (!rows.is_null(5)) t.end = days_of(rows.text(5), id, "end_date");
        // The counts walk only the trajectories near a quarter, found by their end (trajectory_kpis).
        if (t.end < t.start)
            throw DatabaseError("trajectories: trajectory " + std::string(id) + " has end_date '" + std::string(rows.text(5)) +
                                "' before its start_date '" + std::string(rows.text(4)) + "' (import the delivery again)");
        if (!rows.is_null(6)) t.end_reason = number_met(reasons_seen, rows.text(6), id, "end reason");
        if (const RowReader* outcome = outcomes.at(id)) read_end_outcome(*outcome, id, t);
        t.intensity = number_met(history.intensities, rows.text(7), id, "intensity");
        t.profile = small_number(rows, 9, id, "trajectories", "profile");
        t.provider = providers.try_emplace(std::string(rows.text(8)), static_cast<std::uint32_t>(providers.size())).first->second;
        history.trajectories.push_back(t);
        history.id_text.append(id);
        history.id_ends.push_back(static_cast<std::uint32_t>(history.id_text.size()));
    }
    add_cost_sums(history, costs.get());
    const auto& child_of = children.numbers();
    for (size_t i = 0; i < history.trajectories.size(); ++i) history.trajectories[i].child = child_of[i];
    number_reasons_in_order(history, reasons_seen);
    add_norms(db, history);
    history.providers.resize(providers.size());
    for (const auto& [provider, number] : providers) history.providers[number] = provider;
    read_waiting_lists(db, history, providers);
    group_by_child(history.trajectories, children.count(), history.child_begin, history.by_child);
    return history;
}

} // namespace ss
