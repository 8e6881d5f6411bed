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

} // namespace ss
