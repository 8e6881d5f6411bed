// The measure KPIs counted in C++ (kpi/measure_kpis) give what their queries give, to the bit, on
// the region demo over eight quarters (the GIs within the region too) and on edges worked out by
// hand; a database the import did not write is named, not counted.
#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "db/database.hpp"
#include "demo/demo_generator.hpp"
#include "import/importer.hpp"
#include "kpi/kpi_engine.hpp"
#include "kpi/measure_kpis.hpp"
#include "kpi_fixture.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

// R1 holds GM0001 and GM0002 (1,500 youths), R2 holds GM0003. Quarter 2025-Q3: 2025-07-01 to
// 2025-09-30.
const char* places_sql = R"sql(
INSERT INTO regions VALUES ('R1', 'Regio Een'), ('R2', 'Regio Twee');
INSERT INTO municipalities VALUES ('GM0001', 'Aadorp', 'R1'), ('GM0002', 'Beedorp', 'R1'), ('GM0003', 'Ceedorp', 'R2');
INSERT INTO population VALUES ('GM0001', 2025, 10000, 1000), ('GM0002', 2025, 5000, 500);
INSERT INTO institutions VALUES ('GI', 'GI', 'gi'), ('GI2', 'GI twee', 'gi');
INSERT INTO case_workers VALUES ('CW1', 'GI', 'S1', '2025-09-30'), ('CW2', 'GI', 'S2', '2025-09-29'), ('CW3', 'GI', NULL, NULL);
)sql";

} // namespace

TEST_CASE("measure KPIs: the fast path counts what the queries count, on the region demo over eight quarters") {
    TempDir dir;
    auto db = open_database((dir / "demo.db").string(), OpenMode::create_or_update);
    import_delivery(*db, demo::generate_demo({demo::Scale::region, 1}), {}, "demo", fixture_import_options());
    const auto queries = queries_with_fast_path(FastPath::measures);
    REQUIRE(queries.size() == 12);
    const KpiHistory history = load_kpi_history(*db);
    size_t compared = 0, gi_rows = 0;
    double children = 0, structural = 0, contact = 0, reentries = 0, escalations = 0, placed = 0, shares = 0, caseloads = 0, euros = 0;
    for (Quarter q{2024, 1}; q <= Quarter{2025, 4}; q = q.next()) {
        INFO(q.code());
        // The last two quarters at full detail, as a report quarter: with the GIs within the region.
        const KpiDetail detail = q >= Quarter{2025, 3} ? KpiDetail::full : KpiDetail::trend;
        const auto fast = compute_kpis(*db, queries, q, detail, nullptr, [&]() -> const KpiHistory& { return history; });
        KpiFixture::check_same_values(fast, compute_kpis(*db, queries, q, detail, nullptr, {}, KpiPath::sql));
        compared += fast.size();
        for (const auto& v : fast) {
            gi_rows += v.scope_type == "gi" && v.numerator.value_or(0) > 0;
            if (v.kpi_id == "AK02") shares += v.numerator.value_or(0) > 0; // regions, a row per municipality
            if (v.scope_type != "region" || !v.breakdown.empty()) continue;
            if (v.kpi_id == "GI02") placed += *v.numerator;
            if (v.kpi_id == "GI01") caseloads += *v.numerator;
            if (v.kpi_id == "JB01") children += *v.numerator;
            if (v.kpi_id == "JB05") structural += *v.numerator;
            if (v.kpi_id == "JB10") contact += *v.numerator;
            if (v.kpi_id == "JB12") reentries += *v.numerator;
            if (v.kpi_id == "JB08") escalations += *v.numerator;
            if (v.kpi_id == "JB09") euros += *v.numerator;
        }
    }
    CHECK(compared > 1000);
    CHECK(gi_rows > 10);
    // Real counts were compared, not zeros.
    CHECK(children > 1000);
    CHECK(structural > 10);
    CHECK(contact > 10);
    CHECK(reentries > 0);
    CHECK(escalations > 0);
    CHECK(placed > 10);
    CHECK(caseloads > 100);
    CHECK(shares > 10);
    CHECK(euros > 100000);
}

TEST_CASE("measure KPIs: edges worked out by hand") {
    // K1: an OTS in GM0001 and a UHP in GM0002 at the end of Q (one child in the region, placed).
    // K2: a voogdij ending on qe (not active at the end) and a jr. K3: an OTS with two
    // extensions, one after qe. K4: a UHP with two extensions on qe, its record's contact empty.
    // K5: an OTS of GI2 whose case worker's registration ends the day before qe.
    KpiFixture f({places_sql, R"sql(
INSERT INTO measures VALUES
  ('M1', 'K1', 'GM0001', 'GI', 'CW1', 'ots', 'r', '2025-01-01', NULL, NULL),
  ('M2', 'K1', 'GM0002', 'GI', 'CW1', 'uhp', 'r', '2025-02-01', NULL, NULL),
  ('M3', 'K2', 'GM0001', 'GI', NULL, 'voogdij', 'r', '2024-01-01', '2025-09-30', 'x'),
  ('M4', 'K2', 'GM0002', 'GI', NULL, 'jr', 'r', '2025-08-01', NULL, NULL),
  ('M5', 'K3', 'GM0002', 'GI', 'CW3', 'ots', 'r', '2024-01-01', NULL, NULL),
  ('M6', 'K4', 'GM0001', 'GI', 'CW1', 'uhp', 'r', '2024-06-01', NULL, NULL),
  ('M7', 'K5', 'GM0002', 'GI2', 'CW2', 'ots', 'r', '2025-07-01', NULL, NULL);
INSERT INTO measure_extensions VALUES ('M5', '2025-01-01', 12), ('M5', '2025-10-01', 12),
                                      ('M6', '2025-06-30', 6), ('M6', '2025-09-30', 6);
INSERT INTO measure_progress VALUES ('M2', '2025-Q3', 3, 'yes'), ('M6', '2025-Q3', 3, NULL);
)sql"});
    CHECK(f.numerator("R1", "JB01") == 3);                  // K1, K3, K5; K4 is only placed
    CHECK(f.numerator("R1", "JB01", "placed=yes") == 2);    // K1, K4
    CHECK(f.numerator("GM0002", "JB01") == 2);              // K3, K5; K1 has only its UHP here
    CHECK(f.numerator("GM0002", "JB01", "placed=yes") == 1);
    CHECK(f.numerator("R1", "JB01", "kind=voogdij") == 0);  // M3 ended on qe
    CHECK(f.numerator("R1/GI", "JB01") == 2);               // K1, K3
    CHECK(f.numerator("R1/GI2", "JB01") == 1);              // K5
    CHECK(f.numerator("GM0002", "JB11") == 1);              // K2's jr
    CHECK(f.numerator("R1", "JB05", "kind=ots") == 0);      // M5's second extension is after qe
    CHECK(f.numerator("R1", "JB05", "kind=uhp") == 1);      // M6: two, the second on qe
    CHECK(f.get("R1", "JB05").denominator == 5);            // M1, M2, M5, M6, M7
    CHECK(f.numerator("R1", "JB06") == 3);                  // CW1 valid on qe: M1, M2, M6
    CHECK(f.get("R1", "JB06").denominator == 6);            // M4 (no case worker), M5 (no date), M7 (expired)
    CHECK(f.get("R1", "JB10").denominator == 1);            // M2; M6's empty contact leaves it out
    CHECK(f.numerator("R1", "JB10") == 1);
    CHECK(f.numerator("R1", "DQ02") == 2);                  // M2, M6 of M1, M2, M5, M6, M7 (jr left out)
    CHECK(f.get("R1", "DQ02").denominator == 5);
}

TEST_CASE("measure KPIs: a query asks for the measures' fast path by name, and only where there is one") {
    CHECK_THROWS_WITH_AS(parse_kpi_query("JB02.sql", "-- kpi: JB02\n-- name: n\n-- kind: count\n-- fast path: measures\nSELECT 1"),
                         doctest::Contains("JB02.sql:4: JB02 has no fast path (generator/kpi/measure_kpis.cpp counts AK02, DQ02, "
                                           "GI01, GI02, JB01, JB05, JB06, JB08, JB09, JB10, JB11, JB12); remove the line '-- fast path: measures'"),
                         InputError);
    CHECK_THROWS_WITH_AS(parse_kpi_query("JB01.sql", "-- kpi: JB01\n-- name: n\n-- kind: count\n-- fast path: trajectories\nSELECT 1"),
                         doctest::Contains("JB01.sql:4: JB01 has no fast path (generator/kpi/trajectory_kpis.cpp"), InputError);
    CHECK(parse_kpi_query("JB01.sql", "-- kpi: JB01\n-- name: n\n-- kind: count\n-- fast path: measures\nSELECT 1").fast_path ==
          FastPath::measures);
}

TEST_CASE("measure KPIs: a measure the import would have refused is named, not counted") {
    TempDir dir;
    auto db = open_database((dir / "kpi.db").string(), OpenMode::create_or_update);
    db->exec(places_sql);
    db->exec("PRAGMA foreign_keys = OFF");
    SUBCASE("a start date that is no date") {
        db->exec("INSERT INTO measures VALUES ('M9', 'K1', 'GM0001', 'GI', NULL, 'ots', 'r', '2025-7-1', NULL, NULL)");
        CHECK_THROWS_WITH_AS(load_measure_history(*db),
                             "measures: measure M9 has start_date '2025-7-1', not a date YYYY-MM-DD (import the delivery again)",
                             DatabaseError);
    }
    SUBCASE("a municipality that is not in the database") {
        db->exec("INSERT INTO measures VALUES ('M9', 'K1', 'GM0999', 'GI', NULL, 'ots', 'r', '2025-07-01', NULL, NULL)");
        CHECK_THROWS_WITH_AS(load_measure_history(*db),
                             "measures: measure M9 names municipality 'GM0999', which is not in municipalities", DatabaseError);
    }
    SUBCASE("a registration date that is no date") {
        db->exec("INSERT INTO case_workers VALUES ('CW9', 'GI', 'S9', 'soon')");
        db->exec("INSERT INTO measures VALUES ('M9', 'K1', 'GM0001', 'GI', 'CW9', 'ots', 'r', '2025-07-01', NULL, NULL)");
        CHECK_THROWS_WITH_AS(load_measure_history(*db),
                             "case_workers: measure M9 has skj_valid_until 'soon', not a date YYYY-MM-DD (import the delivery again)",
                             DatabaseError);
    }
    SUBCASE("an extension date that is no date") {
        db->exec("INSERT INTO measures VALUES ('M9', 'K1', 'GM0001', 'GI', NULL, 'ots', 'r', '2025-07-01', NULL, NULL)");
        db->exec("INSERT INTO measure_extensions VALUES ('M9', '1-1-2026', 6)");
        CHECK_THROWS_WITH_AS(load_measure_history(*db),
                             "measure_extensions: measure M9 has extension_date '1-1-2026', not a date YYYY-MM-DD "
                             "(import the delivery again)",
                             DatabaseError);
    }
    SUBCASE("a table that is not there") {
        db->exec("DROP TABLE measure_extensions");
        CHECK_THROWS_WITH_AS(load_measure_history(*db), "reading the measures for the measure KPIs: no such table: measure_extensions",
                             DatabaseError);
    }
}
