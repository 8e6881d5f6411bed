// Dutch formats as a policy officer reads them.
#include <doctest/doctest.h>

#include <cmath>

#include "format/dutch.hpp"

using namespace ss;

TEST_CASE("dutch: numbers have a thousands dot and a decimal comma") {
    CHECK(format_number(1234.5, 1) == "1.234,5");
    CHECK(format_number(1234567) == "1.234.567");
    CHECK(format_number(999) == "999");
    CHECK(format_number(0.04, 1) == "0,0");
    CHECK(format_number(0.05, 1) == "0,1"); // half away from zero
    CHECK(format_number(2.5) == "3");
    CHECK(format_number(-1234.56, 2) == "-1.234,56");
    CHECK(format_number(-0.04, 1) == "0,0"); // no "-0,0"
    CHECK(format_number(83.0167955699968, 1) == "83,0");
    CHECK(format_number(1000000.0, 0) == "1.000.000");
    // Beyond what an integer holds, and what is not a number: as printf's "%.0f" writes them.
    CHECK(format_number(1e20, 0) == "100.000.000.000.000.000.000");
    CHECK(format_number(123456789012345678.0, 1) == "123.456.789.012.345.676,8");
    CHECK(format_number(0.0, 2) == "0,00");
    CHECK(format_number(7.0, 3) == "7,000");
    CHECK(format_number(std::nan(""), 0) == "nan");
}

TEST_CASE("dutch: euros, percentages, dates and quarters") {
    CHECK(format_euro(1234567) == "€\u00A01.234.567");
    CHECK(format_euro(425.5, 2) == "€\u00A0425,50");
    CHECK(format_euro(-12) == "-€\u00A012");
    CHECK(format_percent(36.206896) == "36,2%");
    CHECK(format_percent(100, 0) == "100%");
    CHECK(format_long_date(make_date(2025, 9, 30)) == "30 september 2025");
    CHECK(format_long_date(make_date(2026, 1, 1)) == "1 januari 2026");
    CHECK(format_quarter(Quarter{2025, 3}) == "3e kwartaal 2025");
    CHECK(format_quarter_period(Quarter{2025, 3}) == "1 juli 2025 t/m 30 september 2025");
}
