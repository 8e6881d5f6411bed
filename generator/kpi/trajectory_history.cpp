#include "kpi/trajectory_history.hpp"

#include <algorithm>
#include <string_view>
#include <functional>
#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "core/dates.hpp"
#include "core/errors.hpp"

namespace ss {

namespace {

/// A statement read through SQLite's C interface: SQLiteCpp's Column objects cost a reference
/// count per value, a third of reading a million trajectories.
class RowReader {
public:
    RowReader(SQLite::Database& db, const char* sql) : db_(db.getHandle()) {
        if (sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail();
    }
    ~RowReader() { sqlite3_finalize(stmt_); }
    RowReader(const RowReader&) = delete;
    RowReader& operator=(const RowReader&) = delete;

    bool next() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) fail();
        return false;
    }
    std::string_view text(int column) const {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return text ? std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
    }
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    int integer(int column) const { return sqlite3_column_int(stmt_, column); }
    sqlite3_int64 integer64(int column) const { return sqlite3_column_int64(stmt_, column); }
    bool is_integer(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_INTEGER; }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }

private:
    [[noreturn]] void fail() const {
        throw DatabaseError(std::string("reading the trajectories for the trajectory KPIs: ") + sqlite3_errmsg(db_));
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// The days of an ISO date as the import wrote it; anything else is a database edited by hand.
std::int32_t days_of(std::string_view text, std::string_view trajectory_id, const char* column) {
    const auto date = parse_iso_date(text);
    if (!date)
        throw DatabaseError("trajectories: trajectory " + std::string(trajectory_id) + " has " + column + " '" +
                            std::string(text) + "', not a date YYYY-MM-DD (import the delivery again)");
    return date->days;
}

template <typename Index>
Index index_of(const std::vector<std::string>& sorted, std::string_view code) {
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), code);
    return static_cast<Index>(it - sorted.begin());
}

void read_places(SQLite::Database& db, TrajectoryHistory& history) {
    SQLite::Statement municipalities(db, "SELECT municipality_code, region_code FROM municipalities ORDER BY municipality_code");
    std::vector<std::string> region_of_code;
    while (municipalities.executeStep()) {
        history.municipalities.push_back(municipalities.getColumn(0).getString());
        region_of_code.push_back(municipalities.getColumn(1).getString());
    }
    SQLite::Statement regions(db, "SELECT region_code FROM regions ORDER BY region_code");
    while (regions.executeStep()) history.regions.push_back(regions.getColumn(0).getString());
    for (size_t m = 0; m < region_of_code.size(); ++m) {
        const auto region = index_of<std::uint16_t>(history.regions, region_of_code[m]);
        if (region >= history.regions.size() || history.regions[region] != region_of_code[m])
            throw DatabaseError("municipalities: " + history.municipalities[m] + " names region '" + region_of_code[m] +
                                "', which is not in regions");
        history.region_of.push_back(region);
    }
    history.region_members.resize(history.regions.size());
    for (size_t m = 0; m < history.municipalities.size(); ++m) history.region_members[history.region_of[m]].push_back(m);
    if (history.municipalities.size() > 0xFFFF)
        throw DatabaseError("municipalities: more than the trajectory KPIs can count (65,535)");
}

/// A query's rows in trajectory id order (its first column), read beside the trajectories, which
/// are read in the same order: a merge, with no look-up per trajectory.
class ByTrajectory {
public:
    ByTrajectory(SQLite::Database& db, const char* sql) : rows_(db, sql) { advance(); }
    /// The row of `trajectory_id`, or nullptr; the ids asked for must ascend.
    const RowReader* at(std::string_view trajectory_id) {
        while (more_ && current_ < trajectory_id) advance();
        return more_ && current_ == trajectory_id ? &rows_ : nullptr;
    }

private:
    void advance() {
        more_ = rows_.next();
        if (more_) current_ = rows_.text(0);
    }
    RowReader rows_;
    bool more_ = false;
    std::string current_;
};

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

/// Numbers the children 0, 1, 2, … in the order they are met: an open-addressing table over the
/// ids kept in one string, because std::unordered_map's node per child cost half a second a run.
class ChildNumbers {
public:
    explicit ChildNumbers(size_t expected) {
        size_t slots = 16;
        while (slots < 2 * expected) slots *= 2;
        slots_.assign(slots, 0);
        offsets_.push_back(0);
    }
    std::uint32_t number(std::string_view id) {
        if (2 * (count() + 1) > slots_.size()) grow();
        const std::uint64_t hash = std::hash<std::string_view>{}(id);
        const std::uint64_t fingerprint = hash >> 32;
        const size_t mask = slots_.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) {
                ids_.append(id);
                offsets_.push_back(static_cast<std::uint32_t>(ids_.size()));
                slots_[i] = fingerprint << 32 | count();
                return count() - 1;
            }
            const auto child = static_cast<std::uint32_t>(slot) - 1;
            if (slot >> 32 == fingerprint && id_of(child) == id) return child;
        }
    }
    std::uint32_t count() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }

private:
    std::string_view id_of(std::uint32_t child) const {
        return std::string_view(ids_).substr(offsets_[child], offsets_[child + 1] - offsets_[child]);
    }
    void grow() {
        std::vector<std::uint64_t> old;
        old.swap(slots_);
        slots_.assign(old.size() * 2, 0);
        const size_t mask = slots_.size() - 1;
        for (const std::uint64_t slot : old) {
            if (slot == 0) continue;
            const std::uint64_t hash = std::hash<std::string_view>{}(id_of(static_cast<std::uint32_t>(slot) - 1));
            size_t i = hash & mask;
            while (slots_[i] != 0) i = (i + 1) & mask;
            slots_[i] = slot;
        }
    }
    std::vector<std::uint64_t> slots_; ///< 0: empty; else the hash's high half << 32 | child + 1
    std::string ids_;
    std::vector<std::uint32_t> offsets_;
};

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
    RowReader norms(db, "SELECT segment, intensity, max_duration_days FROM norms");
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
    RowReader lists(db, "SELECT quarter, provider_id, segment, waiting_count, longest_wait_days FROM waiting_lists");
    while (lists.next()) {
        const auto provider = providers.find(std::string(lists.text(1)));
        if (provider == providers.end()) continue; // no trajectory of any region is with it
        history.waiting_lists.push_back({std::string(lists.text(0)), provider->second, lists.integer(2), lists.real(3), lists.integer(4)});
    }
}

size_t trajectory_count(SQLite::Database& db) {
    RowReader count(db, "SELECT count(*) FROM trajectories");
    count.next();
    return static_cast<size_t>(count.integer(0));
}

void group_by_child(TrajectoryHistory& history, std::uint32_t children) {
    auto& begin = history.child_begin;
    begin.assign(children + 1, 0);
    for (const auto& t : history.trajectories) ++begin[t.child + 1];
    for (size_t c = 1; c < begin.size(); ++c) begin[c] += begin[c - 1];
    history.by_child.resize(history.trajectories.size());
    std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
    for (std::uint32_t i = 0; i < history.trajectories.size(); ++i) history.by_child[next[history.trajectories[i].child]++] = i;
    const auto by_start = [&](std::uint32_t a, std::uint32_t b) {
        return history.trajectories[a].start < history.trajectories[b].start;
    };
    for (std::uint32_t c = 0; c < children; ++c)
        std::stable_sort(history.by_child.begin() + begin[c], history.by_child.begin() + begin[c + 1], by_start);
}

} // namespace

int code_number(const std::vector<std::string>& codes, std::string_view code) {
    const auto it = std::find(codes.begin(), codes.end(), code);
    return it == codes.end() ? -1 : static_cast<int>(it - codes.begin()) + 1;
}

TrajectoryHistory load_trajectory_history(SQLite::Database& db) {
    TrajectoryHistory history;
    try {
        read_places(db, history);
        // The same total() over the same index order as the queries' per-trajectory sums: the same bits.
        ByTrajectory costs(db, "SELECT subject_id, total(actual_eur) FROM costs WHERE subject_type = 'trajectory' "
                               "GROUP BY subject_id ORDER BY subject_id");
        ByTrajectory outcomes(db, "SELECT trajectory_id, experience_youth, experience_parent, goal_education, "
                                  "goal_family_balance, goal_problem_reduction, goal_participation FROM outcomes "
                                  "WHERE moment = 'end' ORDER BY trajectory_id");
        RowReader rows(db, "SELECT trajectory_id, child_id, municipality_code, segment, start_date, end_date, end_reason, "
                           "intensity, provider_id, profile FROM trajectories ORDER BY trajectory_id");
        std::unordered_map<std::string, std::uint32_t> providers;
        ChildNumbers children(trajectory_count(db));
        std::unordered_map<std::string, std::uint16_t> municipality_index;
        for (size_t m = 0; m < history.municipalities.size(); ++m)
            municipality_index.emplace(history.municipalities[m], static_cast<std::uint16_t>(m));
        std::vector<std::string> reasons_seen; // in the order met; sorted below
        while (rows.next()) {
            const std::string_view id = rows.text(0);
            TrajectoryHistory::Trajectory t;
            t.child = children.number(rows.text(1));
            const auto municipality = municipality_index.find(std::string(rows.text(2)));
            if (municipality == municipality_index.end())
                throw DatabaseError("trajectories: trajectory " + std::string(id) + " names municipality '" +
                                    std::string(rows.text(2)) + "', which is not in municipalities");
            t.municipality = municipality->second;
            const int segment = rows.integer(3);
            if (segment < 0 || segment > 62)
                throw DatabaseError("trajectories: trajectory " + std::string(id) + " has segment " + std::to_string(segment) +
                                    ", outside 0-62");
            t.segment = static_cast<std::uint8_t>(segment);
            t.start = days_of(rows.text(4), id, "start_date");
            if (!rows.is_null(5)) t.end = days_of(rows.text(5), id, "end_date");
            if (!rows.is_null(6)) t.end_reason = number_met(reasons_seen, rows.text(6), id, "end reason");
            if (const RowReader* cost = costs.at(id)) t.eur = cost->real(1);
            if (const RowReader* outcome = outcomes.at(id)) read_end_outcome(*outcome, id, t);
            t.intensity = number_met(history.intensities, rows.text(7), id, "intensity");
            t.profile = small_number(rows, 9, id, "trajectories", "profile");
            t.provider = providers.try_emplace(std::string(rows.text(8)), static_cast<std::uint32_t>(providers.size())).first->second;
            history.trajectories.push_back(t);
        }
        number_reasons_in_order(history, reasons_seen);
        add_norms(db, history);
        history.providers.resize(providers.size());
        for (const auto& [provider, number] : providers) history.providers[number] = provider;
        read_waiting_lists(db, history, providers);
        group_by_child(history, children.count());
    } catch (const SQLite::Exception& e) {
        throw DatabaseError(std::string("reading the places for the trajectory KPIs: ") + e.what());
    }
    return history;
}

} // namespace ss
