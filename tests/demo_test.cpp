// The demo data: deterministic, importable through the front door, and realistic where the
// issue says so (CBS national figures, the real municipalities and regions, tiny islands).
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>

#include "db/database.hpp"
#include "demo/demo_generator.hpp"
#include "demo/reference_data.hpp"
#include "import/delivery_writer.hpp"
#include "import/importer.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

std::string column_text(const Table& t, size_t row, const std::string& column) {
    return value_text(t.at(row, t.spec->column_index(column)));
}

/// Measures of `kind` running at the end of `day` (start <= day < end or open).
long active_at_end_of(const Delivery& d, const std::string& kind, const std::string& day) {
    const Table& m = *d.find("measures");
    long n = 0;
    for (size_t r = 0; r < m.rows(); ++r) {
        if (column_text(m, r, "kind") != kind || column_text(m, r, "start_date") > day) continue;
        const std::string end = column_text(m, r, "end_date");
        if (end.empty() || end > day) ++n;
    }
    return n;
}

/// Distinct children with a record of `table` (of `kind`, if given) active some day in [from, to].
long children_active_between(const Delivery& d, const std::string& table, const std::string& kind,
                             const std::string& from, const std::string& to) {
    const Table& t = *d.find(table);
    std::set<std::string> children;
    for (size_t r = 0; r < t.rows(); ++r) {
        if (!kind.empty() && column_text(t, r, "kind") != kind) continue;
        const std::string end = column_text(t, r, "end_date");
        if (column_text(t, r, "start_date") <= to && (end.empty() || end >= from))
            children.insert(column_text(t, r, "child_id"));
    }
    return static_cast<long>(children.size());
}

/// The national demo, generated once for all the tests that read it (it takes seconds).
const Delivery& national_demo() {
    static const Delivery d = demo::generate_demo({demo::Scale::national, 1});
    return d;
}

size_t d_rows(const Delivery& d, const std::string& table) { return d.find(table)->rows(); }

void check_within_25_percent(const char* what, long demo, long cbs) {
    INFO(what << ": demo " << demo << ", CBS " << cbs);
    CHECK(std::abs(demo - cbs) <= cbs / 4);
}

} // namespace

TEST_CASE("demo: the same seed gives the same delivery, another seed another one") {
    const Delivery a = demo::generate_demo({demo::Scale::small, 7});
    const Delivery b = demo::generate_demo({demo::Scale::small, 7});
    const Delivery c = demo::generate_demo({demo::Scale::small, 8});
    for (const auto& [name, table] : a.tables) {
        INFO(name);
        CHECK(table_csv(table) == table_csv(b.tables.at(name)));
    }
    CHECK(table_csv(a.tables.at("measures")) != table_csv(c.tables.at("measures")));
}

TEST_CASE("demo: twice the history doubles the quarters delivered and keeps the last years alike") {
    const Delivery three = demo::generate_demo({demo::Scale::small, 1});
    const Delivery six = demo::generate_demo({demo::Scale::small, 1, 6});
    auto quarters = [](const Delivery& d) {
        std::set<std::string> q;
        const Table& w = *d.find("waiting_lists");
        for (size_t r = 0; r < w.rows(); ++r) q.insert(column_text(w, r, "quarter"));
        return q;
    };
    CHECK(quarters(three).size() == 12);
    CHECK(*quarters(three).begin() == "2023-Q1");
    CHECK(quarters(six).size() == 24);
    CHECK(*quarters(six).begin() == "2020-Q1");
    CHECK(*quarters(six).rbegin() == "2025-Q4");
    // Running trajectories at the end of 2025 come from the same rates: within 15% of each other.
    const long now_three = children_active_between(three, "trajectories", "", "2025-10-01", "2025-12-31");
    const long now_six = children_active_between(six, "trajectories", "", "2025-10-01", "2025-12-31");
    INFO(now_three << " vs " << now_six);
    CHECK(std::abs(now_six - now_three) <= now_three * 15 / 100);
    // The first delivered quarter has a stock of running trajectories, not an empty start.
    CHECK(children_active_between(six, "trajectories", "", "2020-01-01", "2020-03-31") > now_six / 2);
    CHECK(d_rows(six, "costs") > d_rows(three, "costs") * 3 / 2);

    CHECK_THROWS_WITH_AS(demo::demo_period(0), "--history-years: 0 is not between 1 and 10", UsageError);
    CHECK_THROWS_AS(demo::demo_period(11), UsageError);
}

TEST_CASE("demo: its CSV delivery passes import and gives the same database content") {
    TempDir dir;
    const Delivery delivery = demo::generate_demo({demo::Scale::small, 3});
    write_delivery_csv(delivery, dir / "csv");
    const ImportOptions options = fixture_import_options();
    auto direct = open_database((dir / "direct.db").string(), OpenMode::create_or_update);
    import_delivery(*direct, delivery, {}, "demo", options);
    auto imported = open_database((dir / "imported.db").string(), OpenMode::create_or_update);
    const ImportResult result = import_folder(*imported, dir / "csv", options);
    CHECK(result.warnings.empty());
    CHECK(result.rows_read == delivery.total_rows());
    for (const auto& [name, table] : delivery.tables) {
        INFO(name);
        // The same rows in the same key order, compared value by value through SQLite.
        std::string all_columns;
        for (size_t c = 0; c < table.spec->columns.size(); ++c)
            all_columns += (c ? " || ',' || quote(" : "quote(") + table.spec->columns[c].name + ")";
        std::string key;
        for (const auto& k : table.spec->key) key += (key.empty() ? "" : ", ") + k;
        const std::string q = "SELECT count(*) || ':' || ifnull(sum(length(r)), 0) || ':' || "
                              "ifnull(group_concat(r, '|'), '') FROM (SELECT " + all_columns +
                              " AS r FROM " + name + " ORDER BY " + key + ")";
        CHECK(query_text(*direct, q) == query_text(*imported, q));
    }
}

TEST_CASE("demo: the national scale has every municipality in its real region") {
    const Delivery& d = national_demo();
    const Table& municipalities = *d.find("municipalities");
    CHECK(municipalities.rows() == 342);
    CHECK(d.find("regions")->rows() == 42);
    std::map<std::string, std::string> region_of;
    for (const auto& m : demo::reference_municipalities()) region_of[m.code] = m.region_code;
    for (size_t r = 0; r < municipalities.rows(); ++r)
        CHECK(region_of.at(column_text(municipalities, r, "municipality_code")) ==
              column_text(municipalities, r, "region_code"));

    SUBCASE("calibrated to CBS's national figures within 25%") {
        // cbs_jeugdzorg_kerncijfers_nl.csv: youths under OTS / voogdij at the end of 2024,
        // youths with a UHP authorisation in 2024, jeugdreclassering running at the end of 2024,
        // youths with youth care in 2023.
        check_within_25_percent("OTS 2024-12-31", active_at_end_of(d, "ots", "2024-12-31"), 17690);
        check_within_25_percent("voogdij 2024-12-31", active_at_end_of(d, "voogdij", "2024-12-31"), 7920);
        check_within_25_percent("UHP in 2024", children_active_between(d, "measures", "uhp", "2024-01-01", "2024-12-31"), 8975);
        check_within_25_percent("JR 2024-12-31", active_at_end_of(d, "jr", "2024-12-31"), 5805);
        check_within_25_percent("youth care 2023",
                                children_active_between(d, "trajectories", "", "2023-01-01", "2023-12-31"), 474000);
    }
    SUBCASE("about one youth in ten has youth care and one in a hundred a measure") {
        long youths = 0;
        const Table& population = *d.find("population");
        for (size_t r = 0; r < population.rows(); ++r)
            if (column_text(population, r, "year") == "2024") youths += std::stol(column_text(population, r, "youths_0_17"));
        CHECK(youths > 3'100'000);
        CHECK(youths < 3'700'000);
        const long youth_care = children_active_between(d, "trajectories", "", "2024-01-01", "2024-12-31");
        CHECK(youth_care > youths / 14);
        CHECK(youth_care < youths / 7);
        long measured = 0;
        for (const char* kind : {"ots", "vots", "uhp", "voogdij", "jr"})
            measured += active_at_end_of(d, kind, "2024-12-31");
        CHECK(measured > youths / 200);
        CHECK(measured < youths / 50);
    }
    SUBCASE("the Wadden islands have tiny numbers, Amsterdam large ones") {
        std::map<std::string, long> youths;
        const Table& population = *d.find("population");
        for (size_t r = 0; r < population.rows(); ++r)
            if (column_text(population, r, "year") == "2025")
                youths[column_text(population, r, "municipality_code")] = std::stol(column_text(population, r, "youths_0_17"));
        CHECK(youths.at("GM0088") < 300);    // Schiermonnikoog
        CHECK(youths.at("GM0096") < 300);    // Vlieland
        CHECK(youths.at("GM0363") > 100000); // Amsterdam
    }
    SUBCASE("twelve quarters of history ending in 2025-Q4") {
        std::set<std::string> quarters;
        const Table& costs = *d.find("costs");
        for (size_t r = 0; r < costs.rows(); ++r) quarters.insert(column_text(costs, r, "quarter"));
        CHECK(quarters.size() == 12);
        CHECK(*quarters.begin() == "2023-Q1");
        CHECK(*quarters.rbegin() == "2025-Q4");
    }
}
