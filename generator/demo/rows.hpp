// Small helpers to build typed demo rows.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>

#include "core/dates.hpp"
#include "import/delivery.hpp"

namespace ss::demo {

inline Value text(std::string s) { return Value{std::move(s)}; }
inline Value whole(std::int64_t n) { return Value{n}; }
inline Value null_value() { return Value{}; }
inline Value date_value(Date d) { return Value{format_iso_date(d)}; }
inline Value optional_text(const std::string& s) { return s.empty() ? null_value() : text(s); }
/// Euros rounded to cents.
inline Value euros(double amount) { return Value{std::round(amount * 100.0) / 100.0}; }

/// Days of [start, last] that fall in quarter q (last: the end date, or the data's end for a
/// record still running).
inline int days_active_in(Date start, Date last, const Quarter& q) {
    const int from = std::max(start.days, q.first_day().days);
    const int to = std::min(last.days, q.last_day().days);
    return to >= from ? to - from + 1 : 0;
}

} // namespace ss::demo
