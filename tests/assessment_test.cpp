// Target status and the comparison with a year ago, at their boundaries.
#include <doctest/doctest.h>

#include "db/database.hpp"
#include "kpi/assessment.hpp"
#include "test_support.hpp"

using namespace ss;

TEST_CASE("assessment: a target is met, nearly met (within 10% of it) or missed") {
    const Target lower{100.0, Direction::lower_is_better};
    CHECK(target_status(100.0, lower) == TargetStatus::on_target); // meeting it exactly
    CHECK(target_status(80.0, lower) == TargetStatus::on_target);
    CHECK(target_status(110.0, lower) == TargetStatus::near);      // misses by exactly 10%
    CHECK(target_status(110.5, lower) == TargetStatus::off_target);
    const Target higher{95.0, Direction::higher_is_better};
    CHECK(target_status(96.0, higher) == TargetStatus::on_target);
    CHECK(target_status(85.5, higher) == TargetStatus::near);      // 95 - 9.5
    CHECK(target_status(85.4, higher) == TargetStatus::off_target);
    CHECK(to_string(TargetStatus::near) == "near");
}

TEST_CASE("assessment: against a year ago a value rises, falls or stays the same within 2%") {
    CHECK(compare_with_year_ago(102.0, 100.0) == Change::same);
    CHECK(compare_with_year_ago(98.0, 100.0) == Change::same);
    CHECK(compare_with_year_ago(102.1, 100.0) == Change::rises);
    CHECK(compare_with_year_ago(97.9, 100.0) == Change::falls);
    CHECK(compare_with_year_ago(0.0, 0.0) == Change::same);
    CHECK(compare_with_year_ago(1.0, 0.0) == Change::rises);
    CHECK_FALSE(compare_with_year_ago(std::nullopt, 5.0));
    CHECK_FALSE(compare_with_year_ago(5.0, std::nullopt));
    CHECK(to_string(Change::falls) == "falls");
}

TEST_CASE("assessment: targets are read per year, by KPI, scope and breakdown") {
    ss::test::TempDir dir;
    auto db = open_database((dir / "t.db").string(), OpenMode::create_or_update);
    db->exec("INSERT INTO kpi_targets VALUES ('JH01', 'GM0505', 2025, '', 118.5, 'lower_is_better'),"
             "('JB06', 'JZ31', 2025, '', 95, 'higher_is_better'), ('JH01', 'GM0505', 2024, '', 120, 'lower_is_better'),"
             "('JH05', 'JZ31', 2025, 'segment=4', 12, 'lower_is_better')");
    const Targets t = read_targets(*db, 2025);
    REQUIRE(t.size() == 3);
    CHECK(t.at({"JH01", "GM0505", ""}).value == 118.5);
    CHECK(t.at({"JB06", "JZ31", ""}).direction == Direction::higher_is_better);
    CHECK(t.at({"JH05", "JZ31", "segment=4"}).value == 12);
    CHECK_FALSE(t.count({"JH05", "JZ31", ""})); // a breakdown's target is not the total's
}
