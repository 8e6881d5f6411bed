// The KPI engine: queries/*.sql run once per quarter for all scopes; values checked against a
// fixture computed by hand, with the edges of kpis.md (first and last day of the quarter,
// open-ended records, a child in two municipalities, population fallback, no population).
#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "core/errors.hpp"
#include "db/database.hpp"
#include "demo/demo_generator.hpp"
#include "import/importer.hpp"
#include "kpi/kpi_engine.hpp"
#include "kpi_fixture.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {


// Quarter 2025-Q3 runs from 2025-07-01 to 2025-09-30; its rolling year from 2024-10-01. R1 holds
// GM0001 (1,000 youths in 2025) and GM0002 (500 youths, known for 2024 only); R2 holds GM0003,
// which has no records at all, and GM0004, which has measures but no population.
const char* fixture_sql = R"sql(
INSERT INTO regions VALUES ('R1', 'Regio Een'), ('R2', 'Regio Twee');
INSERT INTO municipalities VALUES ('GM0001', 'Aadorp', 'R1'), ('GM0002', 'Beedorp', 'R1'),
                                  ('GM0003', 'Ceedorp', 'R2'), ('GM0004', 'Deedorp', 'R2');
INSERT INTO population VALUES ('GM0001', 2024, 9000, 900), ('GM0001', 2025, 10000, 1000), ('GM0002', 2024, 5000, 500),
                              ('GM0002', 2026, 6000, 600);
INSERT INTO institutions VALUES ('GI', 'GI', 'gi'), ('GI2', 'GI twee', 'gi'), ('P', 'Aanbieder', 'provider'),
                                ('P2', 'Aanbieder twee', 'provider');
INSERT INTO case_workers VALUES ('CW1', 'GI', 'S1', '2025-09-30'), ('CW2', 'GI', 'S2', '2025-09-29'),
                                ('CW3', 'GI', NULL, NULL);
INSERT INTO norms VALUES (7, 'perspectief', 172), (4, 'perspectief', 100);
INSERT INTO trajectories VALUES
  ('T1', 'K1', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp',         '2025-07-01', NULL,         NULL),
  ('T2', 'K1', 'GM0001', 'P', 7, 3,    'perspectief', 'local_team', '2025-01-10', '2025-07-01', 'planned'),
  ('T3', 'K2', 'GM0002', 'P', 4, NULL, 'acuut',       'gp',         '2025-09-30', '2025-09-30', 'planned'),
  ('T4', 'K3', 'GM0001', 'P', 4, NULL, 'acuut',       'gp',         '2025-10-01', NULL,         NULL),
  ('T5', 'K4', 'GM0001', 'P', 4, NULL, 'acuut',       'gp',         '2024-01-01', '2025-06-30', 'no_show'),
  ('T6', 'K2', 'GM0001', 'P', 5, NULL, 'acuut',       'local_team', '2025-08-01', NULL,         NULL),
  ('T7', 'K5', 'GM0001', 'P', 4, NULL, 'acuut',       'gp',         '2024-01-01', '2024-09-30', 'early_termination');
INSERT INTO measures VALUES
  ('M1',  'K10', 'GM0001', 'GI',  'CW1', 'ots',     'other', '2023-01-01', NULL,         NULL),
  ('M2',  'K10', 'GM0001', 'GI',  NULL,  'uhp',     'other', '2025-07-01', '2025-09-30', 'goal_reached'),
  ('M3',  'K11', 'GM0002', 'GI',  'CW2', 'voogdij', 'other', '2025-09-30', NULL,         NULL),
  ('M4',  'K12', 'GM0001', 'GI',  'CW3', 'jr',      'other', '2024-12-15', '2025-10-01', 'other'),
  ('M5',  'K13', 'GM0001', 'GI',  NULL,  'ots',     'other', '2022-07-01', '2025-07-01', 'goal_reached'),
  ('M7',  'K15', 'GM0004', 'GI',  NULL,  'uhp',     'other', '2025-01-01', NULL,         NULL),
  ('M8',  'K16', 'GM0004', 'GI',  'CW1', 'voogdij', 'other', '2020-01-01', NULL,         NULL),
  ('M9',  'K17', 'GM0004', 'GI',  'CW1', 'uhp',     'other', '2025-02-01', NULL,         NULL),
  ('M10', 'K18', 'GM0004', 'GI',  'CW1', 'uhp',     'other', '2025-08-01', NULL,         NULL),
  ('M11', 'K18', 'GM0002', 'GI',  NULL,  'vots',    'other', '2025-05-01', '2025-07-31', 'court'),
  ('M12', 'K19', 'GM0004', 'GI',  NULL,  'uhp',     'other', '2025-09-01', NULL,         NULL),
  ('M13', 'K20', 'GM0002', 'GI2', NULL,  'jr',      'other', '2025-03-01', NULL,         NULL);
INSERT INTO measure_extensions VALUES ('M1', '2024-01-01', 12), ('M1', '2025-09-30', 6), ('M1', '2025-10-01', 12),
                                      ('M5', '2023-07-01', 12), ('M5', '2024-07-01', 12);
INSERT INTO measure_progress VALUES
  ('M1', '2025-Q2', 3, NULL), ('M1', '2025-Q3', 3, NULL), ('M4', '2025-Q2', 4, NULL), ('M4', '2025-Q3', 2, NULL),
  ('M2', '2025-Q3', 3, 'yes'), ('M7', '2025-Q3', 2, NULL), ('M8', '2025-Q2', 4, 'no'), ('M8', '2025-Q3', 4, 'yes');
INSERT INTO costs VALUES
  ('trajectory', 'T1', '2025-Q3', 250, 300), ('trajectory', 'T2', '2025-Q3', 100, NULL),
  ('trajectory', 'T6', '2025-Q3', 200, 200), ('trajectory', 'T5', '2025-Q3', 50, 50),
  ('trajectory', 'T3', '2025-Q3', 100, 100), ('trajectory', 'T1', '2025-Q2', 999, 999),
  ('measure', 'M1', '2025-Q3', 1000, 1000), ('measure', 'M2', '2025-Q3', 500, 500),
  ('measure', 'M4', '2025-Q3', 300, NULL), ('measure', 'M5', '2025-Q3', 200, 200), ('measure', 'M1', '2025-Q2', 900, 900);
INSERT INTO outcomes VALUES
  ('T2', 'end', 8, 6, '1', '0', NULL, '1'), ('T2', 'start', 2, 2, '0', '0', '0', '0'),
  ('T5', 'end', NULL, 9, '0', NULL, NULL, NULL), ('T3', 'end', 5, NULL, '1', NULL, NULL, NULL),
  ('T7', 'end', 1, 1, '0', '0', '0', '0');
INSERT INTO waiting_lists VALUES ('P', 4, '2025-Q3', 3, 121), ('P2', 4, '2025-Q3', 9, 200), ('P', 4, '2025-Q2', 1, 300);
)sql";

struct Fixture : KpiFixture {
    Fixture() : KpiFixture({fixture_sql}) {}
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
    // Per segment a region counts K1 (in one municipality) and K2 (in two) once each.
    CHECK(f.get("R1", "JH01", "segment=4").numerator == 2.0); // K1 in GM0001, K2 in GM0002
    CHECK(f.get("R1", "JH01", "segment=5").numerator == 1.0); // K2 in GM0001
    CHECK(f.get("R1", "JH01", "segment=7").numerator == 1.0); // K1
    CHECK(f.get("GM0002", "JH01", "segment=4").numerator == 1.0);
    CHECK(f.get("GM0002", "JH01", "segment=5").numerator == 0.0);
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
    // Children under OTS, VOTS or voogdij at the end of Q: K10 (M1); not M4 (jr), M2 (a UHP, ends on qe).
    CHECK(f.get("GM0001", "JB01").numerator == 1.0);
    CHECK(f.value("GM0001", "JB01") == doctest::Approx(1.0));
    CHECK(f.value("GM0001", "JB01", "kind=ots") == doctest::Approx(1.0));
    CHECK(f.value("GM0001", "JB01", "kind=voogdij") == 0.0);
    CHECK(f.value("GM0001", "JB01", "placed=yes") == 0.0);
    CHECK(f.value("GM0002", "JB01") == doctest::Approx(2.0)); // M3 starts on qe; M13 is jr
    CHECK(f.value("R1", "JB01") == doctest::Approx(2000.0 / 1500));
    CHECK(f.get("GM0004", "JB01").numerator == 1.0);           // K16's voogdij; no population: no value
    CHECK_FALSE(f.get("GM0004", "JB01").value);
    CHECK(f.get("GM0004", "JB01", "placed=yes").numerator == 4.0); // K15, K17, K18, K19 placed
    // Juvenile probation apart: M4 runs past qe, M13 is open.
    CHECK(f.value("GM0001", "JB11") == doctest::Approx(1.0));
    CHECK(f.value("GM0002", "JB11") == doctest::Approx(2.0));

    CHECK(f.value("GM0001", "JB02") == 1); // M2 on qs
    CHECK(f.value("GM0001", "JB02", "kind=uhp") == 1);
    CHECK(f.value("GM0001", "JB02", "reason=other") == 1);
    CHECK(f.value("GM0002", "JB02") == 1); // M3 on qe
    CHECK(f.value("GM0001", "JB03") == 2); // M2 on qe, M5 on qs; not M4 (the day after)
    CHECK(f.value("GM0001", "JB03", "end_reason=goal_reached") == 2);
    CHECK(f.value("GM0001", "JB03", "end_reason=court") == 0);
    CHECK(f.value("R1", "JB03", "kind=ots") == 1);

    CHECK(f.value("GM0001", "JB04", "kind=ots") == doctest::Approx(1096 / 365.25)); // over a leap day
    CHECK(f.value("GM0001", "JB04", "kind=uhp") == doctest::Approx(91 / 365.25));
    CHECK_FALSE(f.get("GM0001", "JB04", "kind=jr").value);
    for (const auto& v : f.values) CHECK_FALSE((v.kpi_id == "JB04" && v.breakdown.empty()));
}

TEST_CASE("kpi: every scope gets every breakdown row of every KPI") {
    Fixture f;
    const std::map<std::string, size_t> breakdowns = {
        {"JH01", 8}, {"JH02", 8}, {"JH03", 6}, {"JH04", 8}, {"JH05", 8}, {"JH06", 8}, {"JH07", 1},
        {"JH08", 1}, {"JH09", 6}, {"JB01", 4}, {"JB02", 10}, {"JB03", 11}, {"JB04", 5}, {"JB05", 3},
        {"JB06", 1}, {"JB07", 1}, {"JB08", 3}, {"JB09", 1}, {"JB10", 1}, {"JB11", 1}, {"JB12", 1},
        {"JB13", 1}, {"JB14", 5}, {"UI01", 2}, {"UI02", 3}, {"UI03", 4}, {"GI01", 1}, {"GI02", 1},
        {"GI03", 6}, {"DQ01", 3}, {"DQ02", 1}};
    for (const char* scope : {"GM0001", "GM0003", "R2"}) {
        std::map<std::string, size_t> rows;
        for (const auto& v : f.values)
            if (v.scope_code == scope) ++rows[v.kpi_id];
        for (const auto& [kpi, n] : breakdowns) {
            INFO(scope << " " << kpi);
            CHECK(rows[kpi] == n);
        }
    }
}

TEST_CASE("kpi: JH05 over the norm, JH06 cost per youth, JH07 cost realisation") {
    Fixture f;
    // T2 lasted 172 days, its norm is 172: not over (strict). T3 has no norm: left out.
    CHECK(f.get("GM0001", "JH05").denominator == 1.0);
    CHECK(f.value("GM0001", "JH05") == 0.0);
    CHECK_FALSE(f.get("GM0002", "JH05").value);
    // Cost records of Q whatever the trajectory did in Q (T5 ended before it); empty actuals skipped.
    CHECK(f.get("GM0001", "JH06").numerator == 550.0);
    CHECK(f.value("GM0001", "JH06") == doctest::Approx(0.55));
    CHECK(f.value("GM0001", "JH06", "segment=4") == doctest::Approx(0.35));
    CHECK(f.get("GM0001", "JH06", "segment=4").denominator == 1000.0); // all youths of the scope
    CHECK(f.value("GM0001", "JH06", "segment=7") == 0.0);
    CHECK(f.value("R1", "JH06") == doctest::Approx(650.0 / 1500));
    CHECK(f.value("GM0001", "JH07") == doctest::Approx(100.0 * 550 / 600));
    CHECK(f.value("R1", "JH07") == doctest::Approx(100.0 * 650 / 700));
    CHECK_FALSE(f.get("GM0003", "JH07").value);
}

TEST_CASE("kpi: JB05-JB10 extensions, SKJ, stagnation, escalation, cost, contact") {
    Fixture f;
    // M1 has two extensions on or before qe (one on qe itself) and one after: structural.
    CHECK(f.value("GM0001", "JB05") == doctest::Approx(100.0));
    CHECK(f.value("GM0001", "JB05", "kind=ots") == doctest::Approx(100.0));
    CHECK_FALSE(f.get("GM0001", "JB05", "kind=uhp").value); // M2 ended on qe
    CHECK(f.value("GM0004", "JB05", "kind=uhp") == 0.0);    // M7, M9, M10, M12 without extensions
    CHECK_FALSE(f.get("GM0002", "JB05").value);
    // M1's case worker is valid until qe (valid), M4's has no date (not valid), M3's expired the day before.
    CHECK(f.value("GM0001", "JB06") == doctest::Approx(50.0));
    CHECK(f.value("GM0002", "JB06") == 0.0); // M3 expired, M13 without case worker
    CHECK(f.value("R1", "JB06") == doctest::Approx(25.0));
    CHECK(f.value("R2", "JB06") == doctest::Approx(60.0)); // M8, M9, M10 of M7-M12
    // M1 scores 3 (not at most 2) and has no score for Q-2; M8 is voogdij: no stagnation signals
    // here (the edges are tested on a fixture of their own).
    CHECK(f.value("GM0001", "JB07") == 0);
    CHECK(f.value("GM0004", "JB07") == 0);
    // M2: K10's OTS M1 ran since 2023 and was active the day before. M10: K18's VOTS in another
    // municipality started 92 days before and ended on the day before. M12 started in Q without
    // an earlier OTS; M9 and M7 started before Q; M3 is a voogdij without an OTS before it.
    CHECK(f.value("GM0001", "JB08") == 1);
    CHECK(f.value("GM0001", "JB08", "type=placement") == 1);
    CHECK(f.value("GM0004", "JB08") == 1);
    CHECK(f.value("GM0002", "JB08") == 0);
    CHECK(f.value("GM0002", "JB08", "type=guardianship") == 0);
    CHECK(f.value("R2", "JB08") == 1);
    // Cost of Q (1000 + 500 + 200; M4's empty actual skipped) over the measures active in Q
    // (M1, M2, M4, M5 which ended on qs).
    CHECK(f.get("GM0001", "JB09").numerator == 1700.0);
    CHECK(f.get("GM0001", "JB09").denominator == 4.0);
    CHECK(f.value("GM0001", "JB09") == doctest::Approx(425.0));
    CHECK(f.value("GM0002", "JB09") == 0.0); // M3, M11, M13 active, no costs
    // Placed at the end of Q in GM0004: M7 (empty contact: left out), M8 (yes), M9, M10, M12 (no record).
    CHECK(f.get("GM0004", "JB10").denominator == 4.0);
    CHECK(f.value("GM0004", "JB10") == doctest::Approx(25.0));
    CHECK(f.value("GM0002", "JB10") == 0.0); // M3 without a record
    CHECK_FALSE(f.get("GM0001", "JB10").value); // M2 ended on qe: nobody placed at the end
    // JB11-JB14: M3 is an entry into protection without an earlier measure; measure costs of Q are
    // 1,700 actual of 2,000 projected (M4's projected 300 counts, its empty actual does not);
    // progress scores of the measures active at the end with a record: M1 3, M4 2.
    CHECK(f.get("GM0002", "JB12").denominator == 1.0);
    CHECK(f.value("GM0002", "JB12") == 0.0);
    CHECK_FALSE(f.get("GM0001", "JB12").value); // no child entered child protection
    CHECK(f.value("GM0001", "JB13") == doctest::Approx(85.0));
    CHECK(f.value("GM0001", "JB14", "score=3") == doctest::Approx(50.0));
    CHECK(f.value("GM0001", "JB14", "score=2") == doctest::Approx(50.0));
    CHECK(f.value("GM0001", "JB14", "score=5") == 0.0);
    for (const auto& v : f.values) CHECK_FALSE((v.kpi_id == "JB14" && v.breakdown.empty()));
}

TEST_CASE("kpi: JH08 re-entry, JH09 cost per ended trajectory, DQ01-DQ02 completeness") {
    Fixture f;
    // T6 (K2, 1 August) is an entry: K2's other trajectory T3 starts later. T1 is not: K1's T2 ran
    // the day before. K2 had no trajectory that ended before: no re-entry.
    CHECK(f.get("GM0001", "JH08").denominator == 1.0);
    CHECK(f.value("GM0001", "JH08") == 0.0);
    // Ended in the rolling year in GM0001: T2 (planned, no actual cost) and T5 (no_show, 50 in Q).
    CHECK(f.value("GM0001", "JH09") == doctest::Approx(25.0));
    CHECK(f.value("GM0001", "JH09", "end_reason=no_show") == doctest::Approx(50.0));
    CHECK(f.value("GM0001", "JH09", "end_reason=planned") == 0.0);
    CHECK_FALSE(f.get("GM0001", "JH09", "end_reason=transfer").value);
    // Cost records of Q with an actual amount: trajectories T1, T6, T5 of four; measures M1, M2, M5 of four.
    CHECK(f.value("GM0001", "DQ01") == doctest::Approx(75.0));
    CHECK(f.value("GM0001", "DQ01", "subject_type=trajectory") == doctest::Approx(75.0));
    CHECK(f.value("GM0001", "DQ01", "subject_type=measure") == doctest::Approx(75.0));
    CHECK(f.value("GM0002", "DQ01", "subject_type=trajectory") == doctest::Approx(100.0)); // T3
    CHECK_FALSE(f.get("GM0003", "DQ01").value); // no cost records: nothing incomplete
    // Progress records for Q among the OTS, VOTS, UHP and voogdij active at the end: M7 and M8 of five.
    CHECK(f.value("GM0004", "DQ02") == doctest::Approx(40.0));
    CHECK(f.value("GM0001", "DQ02") == doctest::Approx(100.0)); // M1; M4 is jr
}

TEST_CASE("kpi: WL02 and WL03 name the providers' waits, AK01-AK04 the allocation key") {
    Fixture f;
    // P has trajectories in R1 active in Q and waits 121 days for 3 children; P2 works nowhere.
    CHECK(f.value("R1", "WL02", "provider=P") == 121);
    CHECK(f.value("R1", "WL03") == 3);
    CHECK(f.value("R1", "WL03", "segment=4") == 3);
    CHECK(f.value("R1", "WL03", "segment=1") == 0);
    for (const auto& v : f.values) CHECK_FALSE((v.kpi_id == "WL02" && v.breakdown == "provider=P2"));
    // Youths 1,000 and 500; children under a measure 1 and 1; measure costs of the rolling year
    // 2,600 (M1 twice, M2, M5) and 0.
    CHECK(f.value("R1", "AK01", "municipality=GM0001") == doctest::Approx(200.0 / 3));
    CHECK(f.value("R1", "AK02", "municipality=GM0001") == doctest::Approx(50.0));
    CHECK(f.value("R1", "AK03", "municipality=GM0001") == doctest::Approx(100.0));
    CHECK(f.value("R1", "AK03", "municipality=GM0002") == 0.0);
    CHECK(f.value("R1", "AK04", "municipality=GM0001") == doctest::Approx((0.5 - 2.0 / 3) * 2600));
    CHECK(f.value("R1", "AK04", "municipality=GM0002") == doctest::Approx((0.5 - 1.0 / 3) * 2600));
    CHECK_FALSE(f.get("R2", "AK01", "municipality=GM0004").value); // no population
    for (const auto& v : f.values) CHECK_FALSE((v.kpi_id.rfind("AK", 0) == 0 && v.scope_type != "region"));
}

TEST_CASE("kpi: the GI benchmark scopes are each GI within a region") {
    Fixture f;
    // CW1 has M1, M8, M9 and M10 at the end of Q, in two regions: a caseload of 4 in both.
    CHECK(f.value("R1/GI", "GI01") == doctest::Approx(6.0 / 3)); // CW1 4, CW2 1, CW3 1
    CHECK(f.value("R2/GI", "GI01") == doctest::Approx(4.0));     // CW1 only
    CHECK_FALSE(f.get("R1/GI2", "GI01").value);                  // M13 has no case worker
    CHECK(f.value("R1/GI", "GI02") == 0.0);     // K10 under OTS; its UHP M2 ended on qe
    CHECK_FALSE(f.get("R2/GI", "GI02").value);  // no child under OTS in R2
    CHECK(f.value("R1/GI", "GI03") == doctest::Approx(100.0 / 3)); // M3 voogdij of M1, M3, M4
    CHECK(f.value("R1/GI", "GI03", "kind=jr") == doctest::Approx(100.0 / 3));
    CHECK(f.get("R1/GI", "JB01").denominator == 1500.0); // the youths of the whole region
    CHECK(f.value("R1/GI", "JB01") == doctest::Approx(2000.0 / 1500)); // K10, K11
    // In the GI benchmark JB01 is the total only; JB04 keeps its rows by kind.
    size_t jb01 = 0, jb04 = 0;
    for (const auto& v : f.values) {
        jb01 += v.scope_code == "R1/GI" && v.kpi_id == "JB01";
        jb04 += v.scope_code == "R1/GI" && v.kpi_id == "JB04";
    }
    CHECK(jb01 == 1);
    CHECK(jb04 == 5);
    CHECK(f.value("R1/GI2", "JB01") == 0.0); // M13 is juvenile probation
    CHECK(f.get("R1/GI", "JB01").scope_type == "gi");
    CHECK(f.value("R1/GI", "JB09") == doctest::Approx(1700.0 / 6)); // M1, M2, M3, M4, M5, M11
    bool gi_rows_for_trajectories = false;
    for (const auto& v : f.values) gi_rows_for_trajectories |= v.scope_type == "gi" && v.kpi_id[1] == 'H';
    CHECK_FALSE(gi_rows_for_trajectories);
}

TEST_CASE("kpi: UI01-UI03 outcomes over the rolling year, with the transparency table") {
    Fixture f;
    // Ended in the rolling year 2024-10-01 .. 2025-09-30: T2, T3, T5 (not T7, 2024-09-30).
    CHECK(f.value("GM0001", "UI01", "respondent=youth") == doctest::Approx(8.0)); // T5's empty score left out
    CHECK(f.value("GM0001", "UI01", "respondent=parent") == doctest::Approx(7.5));
    CHECK_FALSE(f.get("GM0002", "UI01", "respondent=parent").value);
    CHECK(f.value("R1", "UI01", "respondent=youth") == doctest::Approx(6.5));
    CHECK(f.value("GM0001", "UI02") == doctest::Approx(50.0)); // T5 no_show of T2, T5
    CHECK(f.value("GM0001", "UI02", "end_reason=no_show") == doctest::Approx(50.0));
    CHECK(f.value("GM0001", "UI02", "end_reason=early_termination") == 0.0);
    CHECK(f.value("R1", "UI02") == doctest::Approx(100.0 / 3));
    CHECK(f.value("GM0001", "UI03", "goal=education") == doctest::Approx(50.0));
    CHECK(f.value("GM0001", "UI03", "goal=participation") == doctest::Approx(100.0));
    CHECK_FALSE(f.get("GM0001", "UI03", "goal=problem_reduction").value);
    CHECK(f.value("R1", "UI03", "goal=education") == doctest::Approx(200.0 / 3));
    // The transparency table over two years (from 2023-10-01), crisis care left out: of T2, T3, T5
    // and T7 only T2 (perspectief) counts; its rows per provider, provider x intensity, profile,
    // intensity and cell, each with the KPI's own key.
    for (const std::string row : {"provider=P", "provider=P,intensity=perspectief", "profile=3", "intensity=perspectief",
                                  "provider=P,profile=3,intensity=perspectief"}) {
        INFO(row);
        CHECK(f.value("R1", "TR01", row + ",respondent=youth") == 8.0);
        CHECK(f.value("R1", "TR01", row + ",respondent=parent") == 6.0);
        CHECK(f.get("R1", "TR02", row).denominator == 1.0);
        CHECK(f.value("R1", "TR02", row) == 0.0);
        CHECK(f.value("R1", "TR03", row + ",goal=education") == 100.0);
        CHECK(f.value("R1", "TR04", row) == 0.0); // T2's only cost record has no actual amount
    }
    size_t tr_rows = 0;
    for (const auto& v : f.values) {
        tr_rows += v.kpi_id == "TR02" && v.breakdown.find("end_reason") == std::string::npos;
        CHECK_FALSE((v.kpi_id.rfind("TR", 0) == 0 && v.breakdown.find("acuut") != std::string::npos));
        CHECK_FALSE((v.kpi_id.rfind("TR", 0) == 0 && v.scope_type != "region"));
    }
    CHECK(tr_rows == 5); // only combinations with an ended trajectory
}

TEST_CASE("kpi: WL01 long waits, for regions only") {
    Fixture f;
    // P waits 121 days and has trajectories in R1 active in Q; P2 waits 200 days but has none.
    CHECK(f.value("R1", "WL01") == 1);
    CHECK(f.value("R2", "WL01") == 0);
    for (const auto& v : f.values) CHECK_FALSE((v.kpi_id == "WL01" && v.scope_type != "region"));
}

TEST_CASE("kpi: on demo data, region counts add up from their municipalities") {
    TempDir dir;
    auto db = open_database((dir / "demo.db").string(), OpenMode::create_or_update);
    import_delivery(*db, demo::generate_demo({demo::Scale::region, 1}), {}, "demo", fixture_import_options());
    const auto values = compute_kpis(*db, load_kpi_queries(query_folder()), Quarter{2025, 3});
    std::map<std::string, double> municipal_sum, region;
    for (const auto& v : values) {
        if (v.breakdown != "" || !(v.kpi_id == "JH02" || v.kpi_id == "JB01" || v.kpi_id == "JB03")) continue;
        if (v.scope_type == "region") region[v.kpi_id] += *v.numerator;
        if (v.scope_type == "municipality") municipal_sum[v.kpi_id] += *v.numerator;
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
    const std::string head = "-- kpi: Z\n-- name: z\n-- kind: count\n";
    CHECK_THROWS_WITH_AS(parse_kpi_query("Z.sql", head + "-- breakdowns: colour@measures\nSELECT 1"),
                         doctest::Contains("Z.sql:4: breakdown 'colour@measures' names no column of an import file"), InputError);
    CHECK_THROWS_WITH_AS(parse_kpi_query("Z.sql", head + "-- breakdowns: inhabitants@population\nSELECT 1"),
                         doctest::Contains("Z.sql:4: breakdown 'inhabitants@population' is not a column with a code list"), InputError);
    CHECK_THROWS_WITH_AS(parse_kpi_query("Z.sql", head + "-- breakdowns: segment\nSELECT 1"),
                         doctest::Contains("Z.sql:4: breakdown 'segment' is neither 'key=value' nor 'column@file'"), InputError);
    CHECK_THROWS_WITH_AS(parse_kpi_query("Z.sql", head + "-- total: maybe\nSELECT 1"),
                         doctest::Contains("Z.sql:4: 'total' is 'yes' or 'no', not 'maybe'"), InputError);
    const KpiDefinition z = parse_kpi_query("Z.sql", head + "-- total: no\n-- breakdowns: segment@trajectories, placed=yes, provider=*\nSELECT 1");
    CHECK_FALSE(kpi_has_breakdown(z, ""));
    CHECK(kpi_has_breakdown(z, "segment=7"));
    CHECK_FALSE(kpi_has_breakdown(z, "segment=8"));
    CHECK(kpi_has_breakdown(z, "placed=yes"));
    CHECK_FALSE(kpi_has_breakdown(z, "placed=no"));
    CHECK(kpi_has_breakdown(z, "provider=P-17"));
    CHECK_FALSE(kpi_has_breakdown(z, "provider=P-17,intensity=acuut"));
}

TEST_CASE("kpi: trend detail gives the same municipality and region figures, without GIs and transparency cells") {
    Fixture f;
    const auto trend = compute_kpis(*f.db, load_kpi_queries(query_folder()), Quarter{2025, 3}, KpiDetail::trend);
    std::map<std::string, const KpiValue*> full;
    size_t expected = 0;
    for (const auto& v : f.values) {
        const bool kept = v.scope_type != "gi" && v.kpi_id.rfind("TR", 0) != 0;
        if (!kept) continue;
        ++expected;
        full[v.scope_type + v.scope_code + v.kpi_id + v.breakdown] = &v;
    }
    CHECK(trend.size() == expected);
    for (const auto& v : trend) {
        INFO(v.scope_code << " " << v.kpi_id << " " << v.breakdown);
        CHECK(v.scope_type != "gi");
        CHECK(v.kpi_id.rfind("TR", 0) != 0);
        const auto found = full.find(v.scope_type + v.scope_code + v.kpi_id + v.breakdown);
        REQUIRE(found != full.end());
        CHECK(v.numerator == found->second->numerator);
        CHECK(v.denominator == found->second->denominator);
        CHECK(v.value == found->second->value);
    }
}
