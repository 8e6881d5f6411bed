// The KPI engine: queries/*.sql run once per quarter for all scopes; values checked against a
// fixture computed by hand, with the edges of kpis.md (first and last day of the quarter,
// open-ended records, a child in two municipalities, population fallback, no population).
#include <doctest/doctest.h>

#include <cmath>

#include "core/errors.hpp"
#include "db/database.hpp"
#include "demo/demo_generator.hpp"
#include "import/importer.hpp"
#include "kpi/kpi_engine.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

const std::string query_folder = std::string(SAMEN_STUREN_SOURCE_DIR) + "/queries";

// Quarter 2025-Q3 runs from 2025-07-01 to 2025-09-30. R1 holds GM0001 (1,000 youths in 2025) and
// GM0002 (500 youths, known for 2024 only); R2 holds GM0003, which has no records and no population.
const char* fixture_sql = R"sql(
INSERT INTO regions VALUES ('R1', 'Regio Een'), ('R2', 'Regio Twee');
INSERT INTO municipalities VALUES ('GM0001', 'Aadorp', 'R1'), ('GM0002', 'Beedorp', 'R1'), ('GM0003', 'Ceedorp', 'R2');
INSERT INTO population VALUES ('GM0001', 2024, 9000, 900), ('GM0001', 2025, 10000, 1000), ('GM0002', 2024, 5000, 500),
                              ('GM0002', 2026, 6000, 600);
INSERT INTO institutions VALUES ('GI', 'GI', 'gi'), ('P', 'Aanbieder', 'provider');
INSERT INTO trajectories VALUES
  ('T1', 'K1', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp',         '2025-07-01', NULL,         NULL),
  ('T2', 'K1', 'GM0001', 'P', 7, NULL, 'perspectief', 'local_team', '2025-01-10', '2025-07-01', 'planned'),
  ('T3', 'K2', 'GM0002', 'P', 4, NULL, 'acuut',       'gp',         '2025-09-30', '2025-09-30', 'planned'),
  ('T4', 'K3', 'GM0001', 'P', 4, NULL, 'acuut',       'gp',         '2025-10-01', NULL,         NULL),
  ('T5', 'K4', 'GM0001', 'P', 4, NULL, 'acuut',       'gp',         '2024-01-01', '2025-06-30', 'planned'),
  ('T6', 'K2', 'GM0001', 'P', 5, NULL, 'acuut',       'local_team', '2025-08-01', NULL,         NULL);
INSERT INTO measures VALUES
  ('M1', 'K10', 'GM0001', 'GI', NULL, 'ots',     'other', '2023-01-01', NULL,         NULL),
  ('M2', 'K10', 'GM0001', 'GI', NULL, 'uhp',     'other', '2025-07-01', '2025-09-30', 'goal_reached'),
  ('M3', 'K11', 'GM0002', 'GI', NULL, 'voogdij', 'other', '2025-09-30', NULL,         NULL),
  ('M4', 'K12', 'GM0001', 'GI', NULL, 'jr',      'other', '2024-12-15', '2025-10-01', 'other'),
  ('M5', 'K13', 'GM0001', 'GI', NULL, 'ots',     'other', '2022-07-01', '2025-07-01', 'goal_reached');
)sql";

struct Fixture {
    TempDir dir;
    std::unique_ptr<SQLite::Database> db = open_database((dir / "kpi.db").string(), OpenMode::create_or_update);
    std::vector<KpiValue> values;
    Fixture() {
        db->exec(fixture_sql);
        values = compute_kpis(*db, load_kpi_queries(query_folder), Quarter{2025, 3});
    }
    const KpiValue& get(const std::string& scope, const std::string& kpi, const std::string& breakdown = "") const {
        for (const auto& v : values)
            if (v.scope_code == scope && v.kpi_id == kpi && v.breakdown == breakdown) return v;
        FAIL("no value for " << scope << " " << kpi << " " << breakdown);
        throw std::logic_error("unreachable");
    }
    double value(const std::string& scope, const std::string& kpi, const std::string& breakdown = "") const {
        const auto& v = get(scope, kpi, breakdown);
        REQUIRE_MESSAGE(v.value.has_value(), scope << " " << kpi << " " << breakdown << " has no value");
        return *v.value;
    }
};

} // namespace

TEST_CASE("kpi: values follow from numerator and denominator by kind") {
    CHECK(*kpi_value(KpiKind::rate_per_1000, 3.0, 1500.0) == doctest::Approx(2.0));
    CHECK(*kpi_value(KpiKind::share, 1.0, 4.0) == doctest::Approx(25.0));
    CHECK(*kpi_value(KpiKind::mean, 172.0, 2.0) == doctest::Approx(86.0));
    CHECK(*kpi_value(KpiKind::count, 7.0, std::nullopt) == 7.0);
    CHECK_FALSE(kpi_value(KpiKind::share, 0.0, 0.0));          // a denominator of 0: no value
    CHECK_FALSE(kpi_value(KpiKind::rate_per_1000, 2.0, std::nullopt)); // no population
}

TEST_CASE("kpi: JH01 youths in youth care per 1,000") {
    Fixture f;
    CHECK(f.get("GM0001", "JH01").numerator == 2.0); // K1 (two trajectories, one ending on qs) and K2
    CHECK(f.value("GM0001", "JH01") == doctest::Approx(2.0));
    CHECK(f.value("GM0001", "JH01", "segment=4") == doctest::Approx(1.0));
    CHECK(f.value("GM0001", "JH01", "segment=7") == doctest::Approx(1.0));
    CHECK(f.value("GM0001", "JH01", "segment=5") == doctest::Approx(1.0));
    CHECK(f.value("GM0001", "JH01", "segment=1") == 0.0); // zero rows are written too
    CHECK(f.get("GM0002", "JH01").denominator == 500.0); // 2025 missing: the 2024 population
    CHECK(f.value("GM0002", "JH01") == doctest::Approx(2.0));
    CHECK(f.get("R1", "JH01").numerator == 2.0); // K2 is in both municipalities: once for the region
    CHECK(f.get("R1", "JH01").denominator == 1500.0);
    CHECK(f.value("R1", "JH01") == doctest::Approx(1000.0 * 2 / 1500));
    CHECK(f.get("GM0003", "JH01").numerator == 0.0); // no records, no population: no value
    CHECK_FALSE(f.get("GM0003", "JH01").value);
    CHECK_FALSE(f.get("R2", "JH01").value);
}

TEST_CASE("kpi: JH02 new trajectories, JH03 referral route, JH04 mean duration") {
    Fixture f;
    CHECK(f.value("GM0001", "JH02") == 2); // T1 on the first day, T6; not T4 (after qe)
    CHECK(f.value("GM0001", "JH02", "segment=5") == 1);
    CHECK_FALSE(f.get("GM0001", "JH02").denominator);
    CHECK(f.value("GM0002", "JH02") == 1); // T3 on the last day
    CHECK(f.value("R1", "JH02") == 3);
    CHECK(f.value("GM0003", "JH02") == 0);

    CHECK(f.value("GM0001", "JH03", "referrer=gp") == doctest::Approx(50.0));
    CHECK(f.value("GM0001", "JH03", "referrer=local_team") == doctest::Approx(50.0));
    CHECK(f.value("GM0001", "JH03", "referrer=gi") == 0.0);
    CHECK(f.value("R1", "JH03", "referrer=gp") == doctest::Approx(200.0 / 3));
    CHECK_FALSE(f.get("GM0003", "JH03", "referrer=gp").value); // nothing started: no share
    for (const auto& v : f.values) CHECK_FALSE((v.kpi_id == "JH03" && v.breakdown.empty()));

    CHECK(f.value("GM0001", "JH04") == doctest::Approx(172.0)); // T2: 2025-01-10 to 2025-07-01
    CHECK(f.value("GM0001", "JH04", "segment=7") == doctest::Approx(172.0));
    CHECK(f.value("GM0002", "JH04") == 0.0); // T3 starts and ends on the same day
    CHECK(f.value("R1", "JH04") == doctest::Approx(86.0));
    CHECK_FALSE(f.get("GM0001", "JH04", "segment=4").value);
}

TEST_CASE("kpi: JB01-JB04 the stand, inflow, outflow and duration of measures") {
    Fixture f;
    // Active at the end of Q: M1 (open) and M4 (ends the day after qe); not M2, which ends on qe.
    CHECK(f.get("GM0001", "JB01").numerator == 2.0);
    CHECK(f.value("GM0001", "JB01") == doctest::Approx(2.0));
    CHECK(f.value("GM0001", "JB01", "kind=uhp") == 0.0);
    CHECK(f.value("GM0001", "JB01", "kind=jr") == doctest::Approx(1.0));
    CHECK(f.value("GM0002", "JB01") == doctest::Approx(2.0)); // M3 starts on qe
    CHECK(f.value("R1", "JB01") == doctest::Approx(2.0));     // 3 per 1,500

    CHECK(f.value("GM0001", "JB02") == 1); // M2 on qs
    CHECK(f.value("GM0001", "JB02", "kind=uhp") == 1);
    CHECK(f.value("GM0002", "JB02") == 1); // M3 on qe
    CHECK(f.value("GM0001", "JB03") == 2); // M2 on qe, M5 on qs; not M4 (the day after)
    CHECK(f.value("R1", "JB03", "kind=ots") == 1);

    CHECK(f.value("GM0001", "JB04", "kind=ots") == doctest::Approx(1096 / 365.25)); // over a leap day
    CHECK(f.value("GM0001", "JB04", "kind=uhp") == doctest::Approx(91 / 365.25));
    CHECK_FALSE(f.get("GM0001", "JB04", "kind=jr").value);
    for (const auto& v : f.values) CHECK_FALSE((v.kpi_id == "JB04" && v.breakdown.empty()));
}

TEST_CASE("kpi: every scope gets every breakdown row of every KPI") {
    Fixture f;
    // 5 scopes (3 municipalities, 2 regions) x (JH01 8 + JH02 8 + JH03 6 + JH04 8 + JB01 6 +
    // JB02 6 + JB03 6 + JB04 5) breakdown rows.
    CHECK(f.values.size() == 5 * (8 + 8 + 6 + 8 + 6 + 6 + 6 + 5));
}

TEST_CASE("kpi: on demo data, region counts add up from their municipalities") {
    TempDir dir;
    auto db = open_database((dir / "demo.db").string(), OpenMode::create_or_update);
    ImportOptions options;
    options.today = fixture_today();
    import_delivery(*db, demo::generate_demo({demo::Scale::region, 1}), {}, "demo", options);
    const auto values = compute_kpis(*db, load_kpi_queries(query_folder), Quarter{2025, 3});
    std::map<std::string, double> municipal_sum, region;
    for (const auto& v : values) {
        if (v.breakdown != "" || !(v.kpi_id == "JH02" || v.kpi_id == "JB01" || v.kpi_id == "JB03")) continue;
        (v.scope_type == "region" ? region : municipal_sum)[v.kpi_id] += *v.numerator;
    }
    for (const char* kpi : {"JH02", "JB01", "JB03"}) {
        INFO(kpi);
        CHECK(region.at(kpi) == municipal_sum.at(kpi));
        CHECK(region.at(kpi) > 0);
    }
}

TEST_CASE("kpi: a query file must say which KPI it computes") {
    CHECK(parse_kpi_query("X.sql", "-- kpi: X1\n-- name: iets\n-- kind: share\nSELECT 1").kind == KpiKind::share);
    CHECK_THROWS_WITH_AS(parse_kpi_query("X.sql", "SELECT 1"),
                         doctest::Contains("X.sql: the header must name the KPI"), InputError);
    CHECK_THROWS_WITH_AS(parse_kpi_query("Y.sql", "-- kpi: Y\n-- name: y\n-- kind: ratio\nSELECT 1"),
                         doctest::Contains("Y.sql:3: 'ratio' is not a KPI kind"), InputError);
}
