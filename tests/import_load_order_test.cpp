// The import's load order: every table sorted by its key (by the reader beside its parsing, or
// on several workers, each table as on one), and a load that stops when the checks beside it
// have found an error.
#include <doctest/doctest.h>

#include <atomic>

#include <SQLiteCpp/Transaction.h>

#include "core/dates.hpp"
#include "db/database.hpp"
#include "demo/demo_generator.hpp"
#include "import/importer.hpp"
#include "import/delivery_plan.hpp"
#include "import/key_order.hpp"
#include "import/loader.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

/// Population rows (key: municipality_code, year) in a deliberately shuffled file order.
Delivery shuffled_delivery() {
    Delivery d;
    Table& population = d.table(file_spec("population"));
    const std::vector<std::pair<std::string, std::int64_t>> keys = {
        {"GM0642", 2025}, {"GM0505", 2025}, {"GM0642", 2024}, {"GM0505", 2024}, {"GM0505", 2025}};
    int line = 2;
    for (const auto& [code, year] : keys)
        population.add_row({code, year, std::int64_t{1000}, std::int64_t{line}}, line), ++line;
    Table& regions = d.table(file_spec("regions"));
    regions.add_row({std::string("JZ33"), std::string("Noordoost Brabant")}, 2);
    regions.add_row({std::string("JZ31"), std::string("Zuid-Holland Zuid")}, 3);
    return d;
}

} // namespace

TEST_CASE("key order: rows sort by their key, equal keys in file order, the same on two workers as on one") {
    const Delivery d = shuffled_delivery();
    const KeyOrders one = key_orders(d, 1);
    const KeyOrders two = key_orders(d, 2);
    CHECK(one == two);
    // GM0505 2024, GM0505 2025 (line 3), GM0505 2025 (line 6), GM0642 2024, GM0642 2025.
    CHECK(one.at("population") == std::vector<std::uint32_t>{3, 1, 4, 2, 0});
    CHECK(one.at("regions") == std::vector<std::uint32_t>{1, 0});
    CHECK(one.at("population") == key_order(*d.find("population")));
}

TEST_CASE("load: a load told to stop throws before it writes, and the transaction leaves nothing") {
    TempDir dir;
    auto db = open_database((dir / "m.db").string(), OpenMode::create_or_update);
    Delivery d;
    Table& regions = d.table(file_spec("regions"));
    for (int i = 0; i < 10; ++i) regions.add_row({"JZ" + std::to_string(10 + i), std::string("Regio")}, i + 2);
    const KeyOrders orders = key_orders(d, 1);
    DeliveryPlan plan;
    FilePlan file;
    file.table = "regions";
    file.rows.assign(regions.rows(), RowChange::added);
    file.added = regions.rows();
    plan.files.push_back(file);

    const std::atomic<bool> stop{true};
    {
        SQLite::Transaction tx(*db);
        CHECK_THROWS_WITH(load_delivery(*db, d, orders, plan, &stop),
                          "the load was stopped: the delivery's checks found an error");
        CHECK(query_int(*db, "SELECT count(*) FROM regions") == 0);
    }
    const std::atomic<bool> go_on{false};
    {
        SQLite::Transaction tx(*db);
        load_delivery(*db, d, orders, plan, &go_on);
        tx.commit();
    }
    CHECK(query_int(*db, "SELECT count(*) FROM regions") == 10);
    CHECK(query_int(*db, "SELECT count(*) FROM regions WHERE region_code = 'JZ19'") == 1);
}

TEST_CASE("load: tables loaded whole get their indexes back, and the connection its page cache") {
    TempDir dir;
    auto db = open_database((dir / "demo.db").string(), OpenMode::create_or_update);
    const int cache = static_cast<int>(query_int(*db, "PRAGMA cache_size"));
    import_delivery(*db, demo::generate_demo({demo::Scale::region, 1}), {}, "demo", fixture_import_options());
    CHECK(query_int(*db, "SELECT count(*) FROM costs") > 10000);
    CHECK(query_int(*db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                         "('costs_by_subject', 'trajectories_by_child', 'measures_by_scope')") == 3);
    CHECK(query_int(*db, "PRAGMA cache_size") == cache);
    // The index holds every row: the count through it is the table's.
    CHECK(query_int(*db, "SELECT count(*) FROM costs INDEXED BY costs_by_subject WHERE subject_type >= ''") ==
          query_int(*db, "SELECT count(*) FROM costs"));
}

TEST_CASE("key order: the reader sorts each file it parsed, and only a table it did not sort is sorted again") {
    TempDir dir;
    write_delivery(dir / "in", valid_delivery());
    std::vector<Issue> issues;
    const Delivery read = read_delivery_folder(dir / "in", *parse_iso_date("2026-01-20"), issues, 2);
    REQUIRE(read.sorted_rows.size() == read.tables.size());
    for (const auto& [name, table] : read.tables) {
        INFO(name);
        CHECK(read.sorted_rows.at(name) == key_order(table));
    }
    // An order the reader gave is taken as it is (here deliberately not the key order); one of
    // the wrong length (rows added since) is sorted again.
    Delivery d = read;
    d.sorted_rows["measures"] = {2, 1, 0};
    d.sorted_rows["regions"] = {0};
    const KeyOrders orders = key_orders(d, 1);
    CHECK(orders.at("measures") == std::vector<std::uint32_t>{2, 1, 0}); // taken as the reader gave it
    CHECK(orders.at("regions") == key_order(*d.find("regions")));
    CHECK(orders.at("regions").size() == 3);
}
