-- kpi: JH01
-- name: jongeren in jeugdhulp per 1.000 jongeren
-- kind: rate_per_1000
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- breakdowns: segment@trajectories
-- Distinct children with a trajectory active in Q, per 1,000 youths 0-17. A child counts once in
-- the total and in every segment it had; a region counts a child once across its municipalities.
-- Distinct counts do not add up from municipalities to a region, so the active trajectories are
-- grouped once per child: a child seen in one municipality (nearly all) is counted there with the
-- set of its segments as bits, and those counts do add up. The few children seen in several
-- municipalities are counted apart, distinct per municipality and per region (docs/kpis.md,
-- "Speed": half the time of counting distinct children per scope directly).
WITH active AS (
  SELECT t.child_id, t.municipality_code, t.segment
  FROM trajectories t
  WHERE t.start_date <= :qe AND (t.end_date IS NULL OR t.end_date >= :qs)
),
per_child AS (
  SELECT child_id, min(municipality_code) AS municipality_code, count(DISTINCT municipality_code) AS municipalities,
         sum(DISTINCT 1 << segment) AS segments
  FROM active GROUP BY child_id
),
single AS (
  SELECT municipality_code, segments, count(*) AS n FROM per_child WHERE municipalities = 1
  GROUP BY municipality_code, segments
),
moved AS (
  SELECT mu.region_code, a.municipality_code, a.segment, a.child_id
  FROM active a JOIN municipalities mu ON mu.municipality_code = a.municipality_code
  WHERE a.child_id IN (SELECT child_id FROM per_child WHERE municipalities > 1)
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
single_counts AS (
  SELECT sm.scope_type, sm.scope_code, NULL AS segment, sum(s.n) AS n
  FROM single s JOIN scope_members sm ON sm.municipality_code = s.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
  UNION ALL
  SELECT sm.scope_type, sm.scope_code, c.segment, sum(s.n)
  FROM single s JOIN scope_members sm ON sm.municipality_code = s.municipality_code
  JOIN segment_codes c ON s.segments & (1 << c.segment)
  GROUP BY sm.scope_type, sm.scope_code, c.segment
),
moved_counts AS (
  SELECT 'municipality' AS scope_type, municipality_code AS scope_code, NULL AS segment, count(DISTINCT child_id) AS n
  FROM moved GROUP BY municipality_code
  UNION ALL
  SELECT 'municipality', municipality_code, segment, count(DISTINCT child_id) FROM moved GROUP BY municipality_code, segment
  UNION ALL
  SELECT 'region', region_code, NULL, count(DISTINCT child_id) FROM moved GROUP BY region_code
  UNION ALL
  SELECT 'region', region_code, segment, count(DISTINCT child_id) FROM moved GROUP BY region_code, segment
),
counts AS (
  SELECT scope_type, scope_code, segment, sum(n) AS n
  FROM (SELECT * FROM single_counts UNION ALL SELECT * FROM moved_counts)
  GROUP BY scope_type, scope_code, segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, y.youths AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
LEFT JOIN scope_youths y ON y.scope_type = s.scope_type AND y.scope_code = s.scope_code
