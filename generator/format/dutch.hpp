// Dutch number, money and date formats for the reports (reports.md "Formats"):
// 1.234,5 - € 1.234.567 - 12,3% - 30 september 2025 - 3e kwartaal 2025.
#pragma once

#include <string>

#include "core/dates.hpp"

namespace ss {

/// `1.234,5`: `.` between thousands, `,` before decimals, rounded half away from zero.
std::string format_number(double value, int decimals = 0);
/// `€ 1.234.567` with a no-break space after the euro sign, so it never wraps.
std::string format_euro(double value, int decimals = 0);
/// `12,3%`.
std::string format_percent(double value, int decimals = 1);
/// `30 september 2025`.
std::string format_long_date(Date d);
/// The same from an ISO date (`2026-01-20` -> `20 januari 2026`); text that is not one, as it is.
std::string format_long_date(const std::string& iso);
/// `3e kwartaal 2025`.
std::string format_quarter(const Quarter& q);
/// `1 juli 2025 t/m 30 september 2025`.
std::string format_quarter_period(const Quarter& q);

} // namespace ss
