// Calendar dates as day numbers, ISO parsing/formatting and calendar quarters (kpis.md "Time").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ss {

/// A calendar date as days since 1970-01-01 (proleptic Gregorian); plain data, cheap to compare.
struct Date {
    int days = 0;
    auto operator<=>(const Date&) const = default;
};

Date make_date(int year, int month, int day);
void split_date(Date d, int& year, int& month, int& day);
int year_of(Date d);

/// Strict ISO `YYYY-MM-DD` with a real day of the month; nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(Date d);

/// Adds calendar months, clamping the day to the target month's length (31 Jan + 1 = 28/29 Feb).
Date add_months(Date d, int months);

/// A calendar quarter, `YYYY-Qn`.
struct Quarter {
    int year = 0;
    int q = 1; ///< 1..4
    auto operator<=>(const Quarter&) const = default;

    Date first_day() const;
    Date last_day() const;
    Quarter next() const;
    Quarter previous() const;
    std::string code() const; ///< "2025-Q3"
};

std::optional<Quarter> parse_quarter(std::string_view text);
Quarter quarter_of(Date d);

} // namespace ss
