// Dates and quarters: the calendar arithmetic every KPI period rests on.
#include <doctest/doctest.h>

#include "core/dates.hpp"

using namespace ss;

TEST_CASE("dates: ISO dates round-trip and reject impossible days") {
    CHECK(format_iso_date(*parse_iso_date("2024-02-29")) == "2024-02-29");
    CHECK(format_iso_date(make_date(1970, 1, 1)) == "1970-01-01");
    CHECK(make_date(1970, 1, 2).days == 1);
    CHECK_FALSE(parse_iso_date("2025-02-29")); // not a leap year
    CHECK_FALSE(parse_iso_date("2025-13-01"));
    CHECK_FALSE(parse_iso_date("2025-4-01"));
    CHECK_FALSE(parse_iso_date("01-04-2025"));
    CHECK_FALSE(parse_iso_date("2025-04-01x"));
    CHECK(make_date(2025, 3, 1).days - make_date(2025, 2, 28).days == 1);
}

TEST_CASE("dates: adding months clamps to the end of the month") {
    CHECK(format_iso_date(add_months(make_date(2024, 1, 31), 1)) == "2024-02-29");
    CHECK(format_iso_date(add_months(make_date(2025, 11, 15), 3)) == "2026-02-15");
    CHECK(format_iso_date(add_months(make_date(2025, 3, 31), -1)) == "2025-02-28");
}

TEST_CASE("dates: quarters know their first and last day and neighbours") {
    const Quarter q3 = *parse_quarter("2025-Q3");
    CHECK(format_iso_date(q3.first_day()) == "2025-07-01");
    CHECK(format_iso_date(q3.last_day()) == "2025-09-30");
    CHECK(q3.next().code() == "2025-Q4");
    CHECK(Quarter{2025, 1}.previous().code() == "2024-Q4");
    CHECK(format_iso_date(Quarter{2024, 1}.last_day()) == "2024-03-31");
    CHECK(quarter_of(make_date(2025, 12, 31)).code() == "2025-Q4");
    CHECK_FALSE(parse_quarter("2025-Q5"));
    CHECK_FALSE(parse_quarter("2025Q1"));
}
