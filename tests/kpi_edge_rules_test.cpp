// The edge rules of kpis.md version 2, each on a fixture of its own at its boundary: 89/90/91
// days, gaps of 29/30/365/366 days, scores 2 and 3, a VOTS followed by an OTS, a child in two
// municipalities, a case worker in two regions, a GI with only voogdij. Quarter: 2025-Q3
// (qs 2025-07-01, qe 2025-09-30).
#include <doctest/doctest.h>

#include "kpi_fixture.hpp"

using namespace ss;
using namespace ss::test;

namespace {

// R1 holds GM0001 and GM0002, R2 holds GM0003; 1,000 youths each.
const char* base_sql = R"sql(
INSERT INTO regions VALUES ('R1', 'Regio Een'), ('R2', 'Regio Twee');
INSERT INTO municipalities VALUES ('GM0001', 'Aadorp', 'R1'), ('GM0002', 'Beedorp', 'R1'), ('GM0003', 'Ceedorp', 'R2');
INSERT INTO population VALUES ('GM0001', 2025, 5000, 1000), ('GM0002', 2025, 5000, 1000), ('GM0003', 2025, 5000, 1000);
INSERT INTO institutions VALUES ('GI', 'GI', 'gi'), ('NID', 'Voogdij-GI', 'gi'), ('P', 'Aanbieder', 'provider');
INSERT INTO case_workers VALUES ('CW1', 'GI', NULL, NULL), ('CW2', 'GI', NULL, NULL);
)sql";

struct EdgeFixture : KpiFixture {
    explicit EdgeFixture(const std::string& rows) : KpiFixture({base_sql, rows}) {}
};

} // namespace

TEST_CASE("edge: JB07 needs more than 365 days, three scores, a score of at most 2 not above Q-2") {
    // qe - 365 days = 2024-09-30; M1 started then (365 days: not more), M2 a day earlier (366).
    EdgeFixture f(R"sql(
INSERT INTO measures VALUES
  ('M1', 'K1', 'GM0001', 'GI', NULL, 'ots',     'other', '2024-09-30', NULL, NULL),
  ('M2', 'K2', 'GM0001', 'GI', NULL, 'ots',     'other', '2024-09-29', NULL, NULL),
  ('M3', 'K3', 'GM0001', 'GI', NULL, 'uhp',     'other', '2023-01-01', NULL, NULL),
  ('M4', 'K4', 'GM0001', 'GI', NULL, 'vots',    'other', '2023-01-01', NULL, NULL),
  ('M5', 'K5', 'GM0001', 'GI', NULL, 'voogdij', 'other', '2023-01-01', NULL, NULL),
  ('M6', 'K6', 'GM0001', 'GI', NULL, 'ots',     'other', '2023-01-01', NULL, NULL),
  ('M7', 'K7', 'GM0001', 'GI', NULL, 'ots',     'other', '2023-01-01', NULL, NULL);
INSERT INTO measure_progress VALUES
  ('M1', '2025-Q1', 2, NULL), ('M1', '2025-Q2', 2, NULL), ('M1', '2025-Q3', 2, NULL),
  ('M2', '2025-Q1', 2, NULL), ('M2', '2025-Q2', 2, NULL), ('M2', '2025-Q3', 2, NULL),
  ('M3', '2025-Q1', 3, NULL), ('M3', '2025-Q2', 1, NULL), ('M3', '2025-Q3', 3, NULL),
  ('M4', '2025-Q1', 1, NULL), ('M4', '2025-Q2', 3, NULL), ('M4', '2025-Q3', 2, NULL),
  ('M5', '2025-Q1', 2, NULL), ('M5', '2025-Q2', 2, NULL), ('M5', '2025-Q3', 1, NULL),
  ('M6', '2025-Q1', 3, NULL), ('M6', '2025-Q3', 1, NULL),
  ('M7', '2025-Q1', 4, NULL), ('M7', '2025-Q2', 2, NULL), ('M7', '2025-Q3', 2, NULL);
)sql");
    // M2 (366 days, 2 after 2) and M7 (2 after 4); not M1 (365 days), M3 (score 3), M4 (2 above
    // Q-2's 1), M5 (voogdij), M6 (no score for Q-1).
    CHECK(f.numerator("GM0001", "JB07") == 2);
    CHECK(f.numerator("R1/GI", "JB07") == 2);
}

TEST_CASE("edge: JB08 a placement after 89, 90 or 91 days of supervision, and guardianship after it") {
    // Each UHP starts on 2025-08-01; 90 days before is 2025-05-03.
    EdgeFixture f(R"sql(
INSERT INTO measures VALUES
  ('O1', 'K1', 'GM0001', 'GI', NULL, 'ots',  'other', '2025-05-04', NULL, NULL),
  ('U1', 'K1', 'GM0001', 'GI', NULL, 'uhp',  'other', '2025-08-01', NULL, NULL),
  ('O2', 'K2', 'GM0001', 'GI', NULL, 'ots',  'other', '2025-05-03', NULL, NULL),
  ('U2', 'K2', 'GM0001', 'GI', NULL, 'uhp',  'other', '2025-08-01', NULL, NULL),
  ('O3', 'K3', 'GM0003', 'GI', NULL, 'vots', 'other', '2025-05-02', '2025-07-31', 'court'),
  ('U3', 'K3', 'GM0001', 'GI', NULL, 'uhp',  'other', '2025-08-01', NULL, NULL),
  ('O4', 'K4', 'GM0001', 'GI', NULL, 'ots',  'other', '2024-01-01', '2025-05-02', 'other'),
  ('V4', 'K4', 'GM0001', 'GI', NULL, 'voogdij', 'other', '2025-08-01', NULL, NULL),
  ('O5', 'K5', 'GM0001', 'GI', NULL, 'ots',  'other', '2024-01-01', '2025-05-03', 'other'),
  ('V5', 'K5', 'GM0001', 'GI', NULL, 'voogdij', 'other', '2025-08-01', NULL, NULL),
  ('O6', 'K6', 'GM0001', 'GI', NULL, 'ots',  'other', '2024-01-01', '2025-08-15', 'other'),
  ('U6', 'K6', 'GM0001', 'GI', NULL, 'uhp',  'other', '2025-08-01', NULL, NULL),
  ('V6', 'K6', 'GM0001', 'GI', NULL, 'voogdij', 'other', '2025-08-15', NULL, NULL);
)sql");
    // U1: 89 days of OTS, not an escalation; U2: 90 days; U3: a VOTS of 91 days in another
    // municipality, active the day before. V4: the OTS ended 91 days before; V5: 90 days before.
    // K6 is both a placement and a guardianship: once in the total.
    CHECK(f.numerator("GM0001", "JB08", "type=placement") == 3);    // K2, K3, K6
    CHECK(f.numerator("GM0001", "JB08", "type=guardianship") == 2); // K5, K6
    CHECK(f.numerator("GM0001", "JB08") == 4);
    CHECK(f.numerator("GM0003", "JB08") == 0); // the UHP must belong to the scope, the VOTS may not
    CHECK(f.numerator("R1", "JB08") == 4);
}

TEST_CASE("edge: JB12 re-entry after a gap of 29, 30, 365 or 366 days; a VOTS then an OTS is one stay") {
    // Each new measure starts on 2025-08-01.
    EdgeFixture f(R"sql(
INSERT INTO measures VALUES
  ('A0', 'K1', 'GM0001', 'GI', NULL, 'ots',  'other', '2024-01-01', '2025-07-03', 'goal_reached'),
  ('A1', 'K1', 'GM0001', 'GI', NULL, 'ots',  'other', '2025-08-01', NULL, NULL),
  ('B0', 'K2', 'GM0001', 'GI', NULL, 'ots',  'other', '2024-01-01', '2025-07-02', 'goal_reached'),
  ('B1', 'K2', 'GM0001', 'GI', NULL, 'ots',  'other', '2025-08-01', NULL, NULL),
  ('C0', 'K3', 'GM0003', 'GI', NULL, 'voogdij', 'other', '2020-01-01', '2024-08-01', 'transfer'),
  ('C1', 'K3', 'GM0001', 'GI', NULL, 'ots',  'other', '2025-08-01', NULL, NULL),
  ('D0', 'K4', 'GM0001', 'GI', NULL, 'ots',  'other', '2020-01-01', '2024-07-31', 'goal_reached'),
  ('D1', 'K4', 'GM0001', 'GI', NULL, 'ots',  'other', '2025-08-01', NULL, NULL),
  ('E0', 'K5', 'GM0001', 'GI', NULL, 'vots', 'other', '2025-05-01', '2025-08-01', 'court'),
  ('E1', 'K5', 'GM0001', 'GI', NULL, 'ots',  'other', '2025-08-01', NULL, NULL),
  ('F0', 'K6', 'GM0001', 'GI', NULL, 'jr',   'other', '2025-01-01', '2025-07-01', 'other'),
  ('F1', 'K6', 'GM0001', 'GI', NULL, 'ots',  'other', '2025-08-01', NULL, NULL),
  ('G1', 'K7', 'GM0001', 'GI', NULL, 'vots', 'other', '2025-07-15', '2025-08-14', 'court'),
  ('G2', 'K7', 'GM0001', 'GI', NULL, 'ots',  'other', '2025-08-15', NULL, NULL);
)sql");
    // Entries: K1 (gap 29), K2 (30), K3 (365, its earlier voogdij elsewhere), K4 (366), K6 (a jr is
    // not child protection: no earlier measure), K7 (its VOTS; the OTS after it is the same stay).
    // Not K5: its VOTS ran on the day before the OTS.
    CHECK(f.get("GM0001", "JB12").denominator == 6);
    CHECK(f.numerator("GM0001", "JB12") == 2); // K2 and K3
}

TEST_CASE("edge: JH08 re-entry into youth care within 365 days, decided per child") {
    EdgeFixture f(R"sql(
INSERT INTO trajectories VALUES
  ('A0', 'K1', 'GM0002', 'P', 4, NULL, 'perspectief', 'gp', '2024-01-01', '2024-08-01', 'planned'),
  ('A1', 'K1', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', '2025-08-01', NULL, NULL),
  ('B0', 'K2', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', '2024-01-01', '2024-07-31', 'planned'),
  ('B1', 'K2', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', '2025-08-01', NULL, NULL),
  ('C1', 'K3', 'GM0001', 'P', 4, NULL, 'perspectief', 'gp', '2025-07-10', '2025-07-20', 'planned'),
  ('C2', 'K3', 'GM0001', 'P', 5, NULL, 'acuut',       'gp', '2025-09-01', NULL, NULL);
)sql");
    // K1: 365 days after a trajectory in another municipality (re-entry); K2: 366 days (not);
    // K3 entered twice in Q and counts once, with its first entry, which had nothing before it.
    CHECK(f.get("GM0001", "JH08").denominator == 3);
    CHECK(f.numerator("GM0001", "JH08") == 1);
}

TEST_CASE("edge: JB01 counts a child in two municipalities once for the region, GI01 a whole caseload") {
    EdgeFixture f(R"sql(
INSERT INTO measures VALUES
  ('M1', 'K1', 'GM0001', 'GI',  'CW1', 'ots',     'other', '2025-01-01', NULL, NULL),
  ('M2', 'K1', 'GM0002', 'GI',  'CW1', 'voogdij', 'other', '2025-02-01', NULL, NULL),
  ('M3', 'K1', 'GM0001', 'GI',  'CW1', 'uhp',     'other', '2025-03-01', NULL, NULL),
  ('M4', 'K2', 'GM0003', 'GI',  'CW1', 'ots',     'other', '2025-01-01', NULL, NULL),
  ('M5', 'K3', 'GM0003', 'GI',  'CW1', 'jr',      'other', '2025-01-01', NULL, NULL),
  ('M6', 'K4', 'GM0003', 'GI',  'CW2', 'ots',     'other', '2025-01-01', '2025-09-30', 'other'),
  ('M7', 'K5', 'GM0001', 'NID', NULL,  'voogdij', 'other', '2025-01-01', NULL, NULL);
)sql");
    CHECK(f.numerator("GM0001", "JB01") == 2);               // K1 and K5
    CHECK(f.numerator("GM0002", "JB01") == 1);               // K1's voogdij
    CHECK(f.numerator("R1", "JB01") == 2);                   // K1 once
    CHECK(f.numerator("R1", "JB01", "kind=ots") == 1);
    CHECK(f.numerator("R1", "JB01", "kind=voogdij") == 2);   // K1 and K5: a child in two kinds counts in both
    CHECK(f.numerator("R1", "JB01", "placed=yes") == 1);
    // CW1 has M1-M5 active at the end of Q in two regions: caseload 5 in each. M6 ended on qe.
    CHECK(f.get("R1/GI", "GI01").value == doctest::Approx(5.0));
    CHECK(f.get("R2/GI", "GI01").value == doctest::Approx(5.0));
    // A GI with only voogdij: no children under OTS, so no share placed; its case mix is all voogdij.
    CHECK_FALSE(f.get("R1/NID", "GI02").value);
    CHECK(f.get("R1/NID", "GI03").value == doctest::Approx(100.0));
    CHECK(f.get("R1/GI", "GI02").value == doctest::Approx(100.0)); // K1 under OTS and placed
}
