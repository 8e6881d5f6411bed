// The trajectory KPIs counted in C++ (kpi/trajectory_kpis) give what their queries give, to the
// bit, on the region demo over eight quarters and on edges worked out by hand; a fast path is
// asked for by name, and a database the import did not write is named, not counted.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include "core/errors.hpp"
#include "db/database.hpp"
#include "demo/demo_generator.hpp"
#include "import/importer.hpp"
#include "kpi/kpi_engine.hpp"
#include "kpi/kpi_periods.hpp"
#include "kpi/quarter_costs.hpp"
#include "kpi/trajectory_kpis.hpp"
#include "kpi_fixture.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

// R1 holds GM0001 and GM0002. Quarter 2025-Q3: 2025-07-01 to 2025-09-30.
const char* places_sql = R"sql(
INSERT INTO regions VALUES ('R1', 'Regio Een'), ('R2', 'Regio Twee');
INSERT INTO municipalities VALUES ('GM0001', 'Aadorp', 'R1'), ('GM0002', 'Beedorp', 'R1'), ('GM0003', 'Ceedorp', 'R2');
INSERT INTO population VALUES ('GM0001', 2025, 10000, 1000), ('GM0002', 2025, 5000, 500);
INSERT INTO institutions VALUES ('P', 'Aanbieder', 'provider'), ('P2', 'Aanbieder twee', 'provider');
)sql";

} // namespace

TEST_CASE("trajectory history: the cost records summed on a second connection give every trajectory the same euros, to the bit") {
    TempDir dir;
    const std::string path = (dir / "demo.db").string();
    auto db = open_database(path, OpenMode::create_or_update);
    import_delivery(*db, demo::generate_demo({demo::Scale::region, 1}), {}, "demo", fixture_import_options());
    const auto second = open_database(path, OpenMode::read_only);
    const std::optional<Date> start = history_start(Quarter{2025, 3});
    const TrajectoryHistory alone = load_trajectory_history(*db, start);
    const TrajectoryHistory beside = load_trajectory_history(*db, start, second.get());
    REQUIRE(beside.trajectories.size() == alone.trajectories.size());
    size_t with_costs = 0, same = 0;
    for (size_t i = 0; i < alone.trajectories.size(); ++i) {
        with_costs += alone.trajectories[i].eur > 0;
        same += std::memcmp(&alone.trajectories[i].eur, &beside.trajectories[i].eur, sizeof(double)) == 0;
    }
    CHECK(same == alone.trajectories.size());
    CHECK(with_costs > 1000);
    // A trajectory's sum, worked out in SQL over the same records.
    const auto first = std::find_if(alone.trajectories.begin(), alone.trajectories.end(), [](const auto& t) { return t.eur > 0; });
    const size_t n = static_cast<size_t>(first - alone.trajectories.begin());
    const std::string id = alone.id_text.substr(n == 0 ? 0 : alone.id_ends[n - 1], alone.id_ends[n] - (n == 0 ? 0 : alone.id_ends[n - 1]));
    SQLite::Statement sum(*db, "SELECT total(actual_eur) FROM costs WHERE subject_type = 'trajectory' AND subject_id = ?");
    sum.bind(1, id);
    REQUIRE(sum.executeStep());
    CHECK(beside.trajectories[n].eur == doctest::Approx(sum.getColumn(0).getDouble()).epsilon(1e-12));

    SUBCASE("a second connection that cannot read the cost records fails the read, named") {
        SQLite::Database empty(":memory:");
        CHECK_THROWS_WITH_AS(load_trajectory_history(*db, start, &empty),
                             "reading the trajectories for the trajectory KPIs: no such table: costs", DatabaseError);
    }
}

TEST_CASE("trajectory KPIs: the fast path counts what the queries count, on the region demo over eight quarters") {
    TempDir dir;
    auto db = open_database((dir / "demo.db").string(), OpenMode::create_or_update);
    import_delivery(*db, demo::generate_demo({demo::Scale::region, 1}), {}, "demo", fixture_import_options());
    const auto queries = queries_with_fast_path(FastPath::trajectories);
    REQUIRE(queries.size() == 16);
    const size_t all_trajectories = load_kpi_history(*db).trajectories.trajectories.size();
    size_t compared = 0, transparency = 0, quarters_on_less = 0;
    double children = 0;
    for (Quarter q{2024, 1}; q <= Quarter{2025, 4}; q = q.next()) {
        INFO(q.code());
        // The least history the quarter's counts may be given: none that ended before its
        // history_start (a run reads from its earliest quarter's).
        const KpiHistory history = load_kpi_history(*db, history_start(q));
        quarters_on_less += history.trajectories.trajectories.size() < all_trajectories;
        // The last two quarters at full detail, as a report quarter: the transparency table too.
        const KpiDetail detail = q >= Quarter{2025, 3} ? KpiDetail::full : KpiDetail::trend;
        const auto fast = compute_kpis(*db, queries, q, detail, nullptr,
                                       [&]() -> const KpiHistory& { return history; });
        KpiFixture::check_same_values(fast, compute_kpis(*db, queries, q, detail, nullptr, {}, KpiPath::sql));
        compared += fast.size();
        for (const auto& v : fast) {
            if (v.kpi_id == "JH01" && v.scope_type == "region" && v.breakdown.empty()) children += *v.numerator;
            transparency += v.kpi_id == "TR04" && v.numerator.value_or(0) > 0;
        }
    }
    CHECK(transparency > 100);
    CHECK(compared > 1000);
    CHECK(quarters_on_less >= 3); // the demo's trajectories end from 2023 on
    CHECK(children > 1000); // real counts were compared, not zeros
}

TEST_CASE("trajectory KPIs: a quarter's cost sums taken from the history are the query's, to the bit") {
    TempDir dir;
    auto db = open_database((dir / "demo.db").string(), OpenMode::create_or_update);
    import_delivery(*db, demo::generate_demo({demo::Scale::region, 1}), {}, "demo", fixture_import_options());
    std::vector<KpiDefinition> queries; // the queries that read quarter_trajectory_costs
    for (auto& q : load_kpi_queries(query_folder()))
        if (q.sql.find("quarter_trajectory_costs") != std::string::npos) queries.push_back(std::move(q));
    REQUIRE(queries.size() == 3); // DQ01, JH06, JH07
    // A late invoice: a 2025-Q2 record of a trajectory that ended in the first half of 2023, which
    // the quarter's history leaves out (history_start: 2023-07-01); and a record of no trajectory
    // at all, which the join drops.
    const std::string ended_long_ago =
        query_text(*db, "SELECT trajectory_id FROM trajectories WHERE end_date < '2023-06-30' ORDER BY trajectory_id LIMIT 1");
    db->exec("INSERT INTO costs VALUES ('trajectory', '" + ended_long_ago + "', '2025-Q2', NULL, 1234.5), "
             "('trajectory', 'T-NONE', '2025-Q2', 10, 20)");
    double euros = 0;
    for (Quarter q{2024, 1}; q <= Quarter{2025, 4}; q = q.next()) {
        INFO(q.code());
        const KpiHistory history = load_kpi_history(*db, history_start(q));
        if (q == Quarter{2025, 2}) {
            bool kept = false;
            for (size_t i = 0; i < history.trajectories.trajectories.size(); ++i)
                kept = kept || history.trajectories.id(i) == ended_long_ago;
            CHECK_FALSE(kept);
        }
        // The last quarter at full detail, as a report quarter.
        const KpiDetail detail = q == Quarter{2025, 4} ? KpiDetail::full : KpiDetail::trend;
        const auto fast = compute_kpis(*db, queries, q, detail, nullptr, [&]() -> const KpiHistory& { return history; });
        KpiFixture::check_same_values(fast, compute_kpis(*db, queries, q, detail, nullptr, {}, KpiPath::sql));
        for (const auto& v : fast)
            if (v.kpi_id == "JH06" && v.scope_type == "region" && v.breakdown.empty()) euros += *v.numerator;
    }
    CHECK(euros > 1e6); // real sums were compared, not zeros
    // Summed per municipality and segment in the rows' order, a record without an amount counted
    // but not added.
    const KpiHistory history = load_kpi_history(*db, history_start(Quarter{2025, 2}));
    const auto rows = quarter_trajectory_costs(*db, history.trajectories, Quarter{2025, 2});
    REQUIRE_FALSE(rows.empty());
    SQLite::Statement check(*db, "SELECT count(*), count(c.actual_eur) FROM costs c JOIN trajectories t "
                                 "ON t.trajectory_id = c.subject_id WHERE c.quarter = '2025-Q2' AND c.subject_type = 'trajectory' "
                                 "AND t.municipality_code = ? AND t.segment = ?");
    check.bind(1, history.trajectories.municipalities[rows.front().municipality]);
    check.bind(2, rows.front().segment);
    REQUIRE(check.executeStep());
    CHECK(rows.front().records == check.getColumn(0).getInt64());
    CHECK(rows.front().records_with_actual == check.getColumn(1).getInt64());
}

TEST_CASE("trajectory KPIs: edges worked out by hand") {
    // K1 enters in GM0001 on 2025-07-10, exactly 365 days after its last trajectory ended, and in
    // GM0002 on 2025-08-01, 12 days after the one in GM0001 ended (one region: counted once, with
    // the first entry). K2 enters 2025-07-02, 366 days after: no re-entry. K3's new trajectory
    // starts the day after another ended: no entry. K4 enters in R2 with no trajectory before.
    KpiFixture f({places_sql, R"sql(
INSERT INTO trajectories VALUES
  ('T1', 'K1', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', '2024-01-01', '2024-07-10', 'planned'),
  ('T2', 'K1', 'GM0001', 'P', 5, NULL, 'perspectief', 'gp', '2025-07-10', '2025-07-20', 'transfer'),
  ('T3', 'K1', 'GM0002', 'P', 6, NULL, 'perspectief', 'gp', '2025-08-01', '2025-09-01', 'no_show'),
  ('T4', 'K2', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', '2024-01-01', '2024-07-01', 'early_termination'),
  ('T5', 'K2', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', '2025-07-02', NULL,         NULL),
  ('T6', 'K3', 'GM0002', 'P', 4, NULL, 'perspectief', 'gp', '2025-01-01', '2025-07-14', 'transfer'),
  ('T7', 'K3', 'GM0002', 'P', 7, NULL, 'perspectief', 'gp', '2025-07-15', NULL,         NULL),
  ('T8', 'K4', 'GM0003', 'P', 4, NULL, 'perspectief', 'gp', '2025-09-30', NULL,         NULL);
INSERT INTO costs VALUES ('trajectory', 'T3', '2025-Q3', NULL, 100.5), ('trajectory', 'T6', '2025-Q1', 50, 40.25),
                         ('trajectory', 'T6', '2025-Q2', NULL, NULL), ('trajectory', 'T6', '2025-Q3', NULL, 0.25);
INSERT INTO norms VALUES (4, 'perspectief', 180), (6, 'perspectief', 31);
INSERT INTO waiting_lists VALUES ('P', 4, '2025-Q3', 10, 121), ('P', 5, '2025-Q3', 3, 30), ('P', 4, '2025-Q2', 50, 300),
                                 ('P2', 4, '2025-Q3', 7, 200);
INSERT INTO outcomes VALUES ('T3', 'end', 8, NULL, '1', '0', NULL, '1'), ('T6', 'end', 6, 7, '0', NULL, NULL, '1'),
                            ('T6', 'start', 1, 1, '0', '0', '0', '0');
)sql"});
    CHECK(f.numerator("GM0001", "JH08") == 1); // K1 (365 days); K2 is 366
    CHECK(f.get("GM0001", "JH08").denominator == 2.0);
    CHECK(f.numerator("GM0002", "JH08") == 1); // K1 again, 12 days after; K3 continued
    CHECK(f.get("GM0002", "JH08").denominator == 1.0);
    CHECK(f.numerator("R1", "JH08") == 1); // K1 once, with its first entry, and K2
    CHECK(f.get("R1", "JH08").denominator == 2.0);
    CHECK(f.numerator("R2", "JH08") == 0); // K4: nothing before
    CHECK(f.get("R2", "JH08").denominator == 1.0);
    CHECK(f.numerator("R1", "JH01") == 3);                  // K1, K2, K3: K1 once though in both
    CHECK(f.numerator("GM0001", "JH01") == 2);              // K1, K2
    CHECK(f.numerator("R1", "JH01", "segment=4") == 2);     // K2's T5, K3's T6 (ended in Q)
    CHECK(f.numerator("GM0002", "JH01", "segment=4") == 1); // K3
    CHECK(f.numerator("R2", "JH01") == 1);
    // Ended in the rolling year: T2 (transfer, no costs), T3 (no show, 100.50), T6 (transfer,
    // 40.25 + an empty amount + 0.25).
    CHECK(f.value("R1", "JH09") == doctest::Approx(141.0 / 3));
    CHECK(f.value("R1", "JH09", "end_reason=transfer") == doctest::Approx(20.25));
    CHECK(f.value("GM0002", "JH09", "end_reason=transfer") == doctest::Approx(40.5));
    CHECK(f.value("GM0001", "JH09") == 0.0);
    CHECK_FALSE(f.get("GM0003", "JH09").value); // nothing ended there
    CHECK(f.value("R1", "UI02") == doctest::Approx(100.0 / 3));
    CHECK(f.value("GM0002", "UI02", "end_reason=no_show") == doctest::Approx(50.0));
    CHECK(f.value("GM0002", "UI02", "end_reason=early_termination") == 0.0);
    // Started in Q: T2, T3, T5, T7 in R1, T8 in R2. Ended in Q: T2 (10 days, no norm for segment
    // 5), T3 (31 days, norm 31: not over), T6 (194 days, norm 180: over).
    CHECK(f.numerator("R1", "JH02") == 4);
    CHECK(f.numerator("R1", "JH02", "segment=4") == 1);
    CHECK_FALSE(f.get("R1", "JH02").denominator);
    CHECK(f.numerator("GM0003", "JH02") == 1);
    CHECK(f.value("R1", "JH04") == doctest::Approx(235.0 / 3));
    CHECK(f.value("GM0002", "JH04") == doctest::Approx(112.5));
    CHECK(f.value("R1", "JH05") == doctest::Approx(50.0));
    CHECK(f.value("GM0002", "JH05", "segment=6") == 0.0);
    CHECK_FALSE(f.get("GM0001", "JH05").value); // T2 has no norm
    // P has trajectories active in Q in both regions; P2 none (its list does not count).
    CHECK(f.numerator("R1", "WL01") == 1); // P waits 121 days in segment 4
    CHECK(f.numerator("R2", "WL01") == 1);
    CHECK(f.numerator("R1", "WL02", "provider=P") == 121);
    CHECK(f.numerator("R1", "WL03") == 13);
    CHECK(f.numerator("R1", "WL03", "segment=4") == 10);
    CHECK(f.numerator("R2", "WL03", "segment=5") == 3);
    for (const auto& v : f.values) CHECK_FALSE((v.kpi_id == "WL02" && v.breakdown == "provider=P2"));
    // End outcomes of the trajectories ended in the rolling year: T3 and T6 (the start one is not read).
    CHECK(f.value("R1", "UI01", "respondent=youth") == doctest::Approx(7.0));
    CHECK(f.get("R1", "UI01", "respondent=parent").denominator == 1.0);
    CHECK(f.value("R1", "UI03", "goal=education") == doctest::Approx(50.0));
    CHECK(f.value("GM0002", "UI03", "goal=participation") == doctest::Approx(100.0));
    CHECK_FALSE(f.get("R1", "UI03", "goal=problem_reduction").value);
    // The transparency table: R1's trajectories ended in the two years ending Q (T1-T4, T6), one
    // provider, no profile, all perspectief.
    CHECK(f.get("R1", "TR04", "provider=P").denominator == 5.0);
    CHECK(f.value("R1", "TR04", "provider=P,profile=,intensity=perspectief") == doctest::Approx(141.0 / 5));
    CHECK(f.value("R1", "TR02", "profile=") == doctest::Approx(40.0)); // T4 early, T3 no show
    CHECK(f.value("R1", "TR01", "intensity=perspectief,respondent=youth") == doctest::Approx(7.0));
    CHECK(f.value("R1", "TR03", "provider=P,intensity=perspectief,goal=participation") == doctest::Approx(100.0));
    for (const auto& v : f.values) CHECK_FALSE((v.kpi_id.rfind("TR", 0) == 0 && v.scope_code != "R1"));
}

TEST_CASE("trajectory KPIs: a query asks for the fast path by name, and only where there is one") {
    const std::string head = "-- kpi: JH03\n-- name: n\n-- kind: count\n";
    CHECK_THROWS_WITH_AS(parse_kpi_query("JH03.sql", head + "-- fast path: trajectories\nSELECT 1"),
                         doctest::Contains("JH03.sql:4: JH03 has no fast path (generator/kpi/trajectory_kpis.cpp counts "
                                           "JH01, JH02, JH04, JH05, JH08, JH09, TR01, TR02, TR03, TR04, UI01, UI02, UI03, WL01, WL02, "
                                           "WL03); remove the line"),
                         InputError);
    CHECK_THROWS_WITH_AS(parse_kpi_query("JH01.sql", "-- kpi: JH01\n-- name: n\n-- kind: count\n-- fast path: windows\nSELECT 1"),
                         doctest::Contains("JH01.sql:4: a fast path is 'trajectories' or 'measures', not 'windows'"), InputError);
    CHECK(parse_kpi_query("JH01.sql", "-- kpi: JH01\n-- name: n\n-- kind: count\n-- fast path: trajectories\nSELECT 1")
              .fast_path == FastPath::trajectories);
    CHECK(parse_kpi_query("JH01.sql", "-- kpi: JH01\n-- name: n\n-- kind: count\nSELECT 1").fast_path == FastPath::none);
}

TEST_CASE("trajectory KPIs: a trajectory the import would have refused is named, not counted") {
    TempDir dir;
    auto db = open_database((dir / "kpi.db").string(), OpenMode::create_or_update);
    db->exec(places_sql);
    db->exec("PRAGMA foreign_keys = OFF");
    SUBCASE("a date that is no date") {
        db->exec("INSERT INTO trajectories VALUES ('T9', 'K1', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', "
                 "'2025-7-1', NULL, NULL)");
        CHECK_THROWS_WITH_AS(load_trajectory_history(*db),
                             "trajectories: trajectory T9 has start_date '2025-7-1', not a date YYYY-MM-DD "
                             "(import the delivery again)",
                             DatabaseError);
    }
    SUBCASE("an end before the start (the counts find a quarter's trajectories by their end)") {
        db->exec("INSERT INTO trajectories VALUES ('T9', 'K1', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', "
                 "'2025-07-01', '2025-06-30', 'planned')");
        CHECK_THROWS_WITH_AS(load_trajectory_history(*db),
                             "trajectories: trajectory T9 has end_date '2025-06-30' before its start_date '2025-07-01' "
                             "(import the delivery again)",
                             DatabaseError);
    }
    SUBCASE("a municipality that is not in the database") {
        db->exec("INSERT INTO trajectories VALUES ('T9', 'K1', 'GM0999', 'P', 4, NULL, 'perspectief', 'gp', "
                 "'2025-07-01', NULL, NULL)");
        CHECK_THROWS_WITH_AS(load_trajectory_history(*db),
                             "trajectories: trajectory T9 names municipality 'GM0999', which is not in municipalities",
                             DatabaseError);
    }
    SUBCASE("a municipality in a region that is not in the database") {
        db->exec("INSERT INTO municipalities VALUES ('GM0009', 'Ergens', 'R9')");
        CHECK_THROWS_WITH_AS(load_trajectory_history(*db), "municipalities: GM0009 names region 'R9', which is not in regions",
                             DatabaseError);
    }
    SUBCASE("an experience score that is no whole number") {
        db->exec("INSERT INTO trajectories VALUES ('T9', 'K1', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', "
                 "'2025-07-01', '2025-08-01', 'planned')");
        db->exec("INSERT INTO outcomes VALUES ('T9', 'end', 7.5, NULL, NULL, NULL, NULL, NULL)");
        CHECK_THROWS_WITH_AS(load_trajectory_history(*db),
                             "outcomes: trajectory T9 has experience_youth '7.5', not a whole number from 0 to 1000",
                             DatabaseError);
    }
    SUBCASE("a table that is not there") {
        db->exec("DROP TABLE outcomes");
        CHECK_THROWS_WITH_AS(load_trajectory_history(*db),
                             "reading the trajectories for the trajectory KPIs: no such table: outcomes", DatabaseError);
    }
    SUBCASE("a segment out of range") {
        db->exec("INSERT INTO trajectories VALUES ('T9', 'K1', 'GM0001', 'P', 99, NULL, 'perspectief', 'gp', "
                 "'2025-07-01', NULL, NULL)");
        CHECK_THROWS_WITH_AS(load_trajectory_history(*db), "trajectories: trajectory T9 has segment 99, outside 0-62",
                             DatabaseError);
    }
}

TEST_CASE("trajectory KPIs: a run whose trajectory history cannot be read stops with the reason, writes nothing and "
          "does not wait for it") {
    TempDir dir;
    const auto db = dir / "demo.db";
    std::filesystem::copy_file(small_demo_run().db, db);
    {
        auto edit = open_database(db.string(), OpenMode::create_or_update);
        edit->exec("UPDATE trajectories SET start_date = '2025-7-1' "
                   "WHERE trajectory_id = (SELECT min(trajectory_id) FROM trajectories)");
    }
    for (const char* jobs : {"1", "2"}) {
        INFO("--jobs " << jobs);
        const auto run = run_cli("run --db " + db.string() + " --quarter 2025-Q3 --jobs " + jobs + " --out " +
                                 (dir / "out").string());
        CHECK(run.exit_code == 4);
        CHECK(run.err.find("has start_date '2025-7-1', not a date YYYY-MM-DD (import the delivery again)") !=
              std::string::npos);
        CHECK_FALSE(std::filesystem::exists(dir / "out" / "2025-Q3"));
    }
}
