// The periods the KPI catalogue counts over (kpis.md, "Time"), defined once for the queries'
// parameters and the KPIs counted in C++.
#pragma once

#include "core/dates.hpp"

namespace ss {

/// The first day of the rolling year ending with `q` (its four quarters).
inline Date rolling_year_start(const Quarter& q) { return q.previous().previous().previous().first_day(); }

/// The first day of the two years ending with `q` (its eight quarters).
inline Date two_year_start(Quarter q) {
    for (int i = 0; i < 7; ++i) q = q.previous();
    return q.first_day();
}

/// The first day a trajectory's end must fall on, or after, for any count of `q` to look at it:
/// the transparency table's two years. The others look less far back: the rolling year (JH09,
/// UI01-UI03), and JH08 a year before Q for a child's earlier trajectory (365 days from an entry
/// in Q), both after this day. A run over several quarters reads from its earliest one's.
inline Date history_start(const Quarter& q) { return two_year_start(q); }

} // namespace ss
