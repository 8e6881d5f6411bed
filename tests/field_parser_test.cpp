// One field at a time: every kind of column accepts what the import format allows and says what
// it expected otherwise.
#include <doctest/doctest.h>

#include "import/field_parser.hpp"

using namespace ss;

namespace {
const Date today = make_date(2026, 1, 20);

ColumnSpec column(FieldKind kind, bool nullable = false) { return {"c", kind, nullable}; }

std::string problem(const ColumnSpec& c, const std::string& raw) { return parse_field(c, raw, today).problem; }
} // namespace

TEST_CASE("fields: amounts accept a dot or a comma and refuse thousands separators and minus") {
    const auto c = column(FieldKind::amount);
    CHECK(std::get<double>(parse_field(c, "1234,50", today).value) == doctest::Approx(1234.5));
    CHECK(std::get<double>(parse_field(c, "1234.5", today).value) == doctest::Approx(1234.5));
    CHECK(std::get<double>(parse_field(c, "0", today).value) == 0.0);
    CHECK(problem(c, "1.234,50").find("not an amount") != std::string::npos);
    CHECK(problem(c, "-5") == "is a negative amount");
    CHECK(problem(c, "12 euro").find("not an amount") != std::string::npos);
}

TEST_CASE("fields: dates must exist, lie after 2000 and not too far after the import day") {
    ColumnSpec event{"start_date", FieldKind::date};
    event.date_limit = DateLimit::event_one_year;
    CHECK(problem(event, "2025-13-01") == "is not a date (YYYY-MM-DD)");
    CHECK(problem(event, "1999-12-31") == "is before 2000");
    CHECK(problem(event, "2027-01-20").empty()); // exactly a year after the import day
    CHECK(problem(event, "2027-01-21").find("more than a year after") != std::string::npos);
    ColumnSpec registration{"skj_valid_until", FieldKind::date, true};
    registration.date_limit = DateLimit::registration_six_years;
    CHECK(problem(registration, "2032-01-20").empty());
    CHECK(problem(registration, "2032-01-21").find("more than six years") != std::string::npos);
}

TEST_CASE("fields: whole numbers are checked against their range") {
    ColumnSpec score{"score", FieldKind::integer, false, 1, 5};
    CHECK(std::get<std::int64_t>(parse_field(score, "5", today).value) == 5);
    CHECK(problem(score, "6") == "is out of range (1 to 5)");
    CHECK(problem(score, "0") == "is out of range (1 to 5)");
    CHECK(problem(score, "3.5") == "is not a whole number");
}

TEST_CASE("fields: codes are matched without regard to case and stored as listed") {
    ColumnSpec kind{"kind", FieldKind::code, false, 0, 0, {"ots", "uhp"}};
    CHECK(std::get<std::string>(parse_field(kind, "OTS", today).value) == "ots");
    CHECK(problem(kind, "ots2") == "is not a known code (expected one of: ots, uhp)");
}

TEST_CASE("fields: empty is NULL only where the column is nullable") {
    CHECK(is_null(parse_field(column(FieldKind::text, true), "", today).value));
    CHECK(problem(column(FieldKind::text), "") == "is empty (a value is required)");
    CHECK(problem(column(FieldKind::text), "   ") == "is empty (a value is required)");
}

TEST_CASE("fields: municipality codes, e-mail addresses, quarters and report lists") {
    CHECK(std::get<std::string>(parse_field(column(FieldKind::municipality_code), "gm0505", today).value) == "GM0505");
    CHECK(problem(column(FieldKind::municipality_code), "0505").find("GM and four digits") != std::string::npos);
    CHECK(problem(column(FieldKind::email), "jeugd@dordrecht").find("not an e-mail") != std::string::npos);
    CHECK(problem(column(FieldKind::email), "jeugd@dordrecht.nl").empty());
    CHECK(problem(column(FieldKind::quarter), "2025-Q5").find("not a quarter") != std::string::npos);
    CHECK(std::get<std::string>(parse_field(column(FieldKind::report_list), "Council; samen-sturen", today).value) ==
          "council;samen-sturen");
    CHECK(problem(column(FieldKind::report_list), "council;weekly").find("unknown report kind 'weekly'") != std::string::npos);
}

TEST_CASE("fields: a child id that is a valid BSN is refused (children are pseudonymous)") {
    CHECK(looks_like_bsn("111222333"));  // passes the eleven-test
    CHECK_FALSE(looks_like_bsn("123456789"));
    CHECK_FALSE(looks_like_bsn("K12345678"));
    CHECK(problem(column(FieldKind::child_id), "111222333").find("BSN") != std::string::npos);
    CHECK(problem(column(FieldKind::child_id), "123456789").empty());
}

TEST_CASE("fields: text that is not UTF-8 (a Windows-1252 export) is refused") {
    CHECK(problem(column(FieldKind::text), "S\xFA" "dwest").find("not valid UTF-8") != std::string::npos);
    CHECK(problem(column(FieldKind::text), "Súdwest-Fryslân").empty());
}
