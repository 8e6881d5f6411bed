#include "kpi/assessment.hpp"

#include <cmath>

#include <SQLiteCpp/Statement.h>

namespace ss {

TargetStatus target_status(double value, const Target& t) {
    const bool met = t.direction == Direction::lower_is_better ? value <= t.value : value >= t.value;
    if (met) return TargetStatus::on_target;
    // "Misses by at most 10% of the target": the distance measured against the target itself.
    return std::abs(value - t.value) <= 0.1 * std::abs(t.value) ? TargetStatus::near : TargetStatus::off_target;
}

std::optional<Change> compare_with_year_ago(std::optional<double> now, std::optional<double> year_ago) {
    if (!now || !year_ago) return std::nullopt;
    const double difference = *now - *year_ago;
    // Within 2% of last year's value counts as the same; from zero any change is a change.
    if (std::abs(difference) <= 0.02 * std::abs(*year_ago)) return Change::same;
    return difference > 0 ? Change::rises : Change::falls;
}

Targets read_targets(SQLite::Database& db, int year) {
    SQLite::Statement q(db, "SELECT kpi_id, scope_code, breakdown, target, direction FROM kpi_targets WHERE year = ?");
    q.bind(1, year);
    Targets targets;
    while (q.executeStep())
        targets[{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()}] =
            Target{q.getColumn(3).getDouble(), q.getColumn(4).getString() == "higher_is_better"
                                                   ? Direction::higher_is_better
                                                   : Direction::lower_is_better};
    return targets;
}

std::string to_string(TargetStatus s) {
    switch (s) {
    case TargetStatus::on_target: return "on_target";
    case TargetStatus::near: return "near";
    case TargetStatus::off_target: return "off_target";
    }
    return "";
}

std::string to_string(Change c) {
    switch (c) {
    case Change::rises: return "rises";
    case Change::falls: return "falls";
    case Change::same: return "same";
    }
    return "";
}

} // namespace ss
