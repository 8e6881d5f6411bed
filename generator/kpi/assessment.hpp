// Judging a KPI value: against its target (kpis.md "Targets") and against the same quarter a
// year before (kpis.md "Trends"). Pure functions on plain values.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

namespace ss {

enum class Direction { lower_is_better, higher_is_better };
enum class TargetStatus { on_target, near, off_target };
enum class Change { rises, falls, same };
enum class Judgement { better, worse, same };

/// A change seen from the direction that is better.
inline Judgement judge(Change change, Direction better) {
    if (change == Change::same) return Judgement::same;
    return (change == Change::rises) == (better == Direction::higher_is_better) ? Judgement::better : Judgement::worse;
}

struct Target {
    double value = 0;
    Direction direction = Direction::lower_is_better;
};

/// On target when the value meets the target in its direction; near when it misses by at most
/// 10% of the target; off target otherwise.
TargetStatus target_status(double value, const Target& target);

/// Rises or falls against `year_ago`, or stays the same when within 2% of it. No comparison
/// (nullopt) when either value is missing.
std::optional<Change> compare_with_year_ago(std::optional<double> now, std::optional<double> year_ago);

/// Which figure a target is for: a KPI of a scope, its total ("") or one breakdown row.
struct TargetKey {
    std::string kpi_id;
    std::string scope_code;
    std::string breakdown{};
    auto operator<=>(const TargetKey&) const = default;
};

/// Targets of `year` by KPI, scope and breakdown.
using Targets = std::map<TargetKey, Target>;
Targets read_targets(SQLite::Database& db, int year);

std::string to_string(TargetStatus s); ///< on_target, near, off_target
std::string to_string(Change c);       ///< rises, falls, same

} // namespace ss
