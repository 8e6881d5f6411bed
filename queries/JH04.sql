-- kpi: JH04
-- name: gemiddelde trajectduur (dagen)
-- kind: mean
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- breakdowns: segment@trajectories
-- Mean duration in days (end_date - start_date) of the trajectories ended in Q; total and by segment.
-- Summed per municipality and segment first, then rolled up to scopes.
WITH per_segment AS (
  SELECT t.municipality_code, t.segment, sum(julianday(t.end_date) - julianday(t.start_date)) AS days, count(*) AS n
  FROM trajectories t
  WHERE t.end_date BETWEEN :qs AND :qe
  GROUP BY t.municipality_code, t.segment
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
sums AS (
  SELECT sm.scope_type, sm.scope_code, NULL AS segment, sum(p.days) AS total, sum(p.n) AS n
  FROM per_segment p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
  UNION ALL
  SELECT sm.scope_type, sm.scope_code, p.segment, sum(p.days), sum(p.n)
  FROM per_segment p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code, p.segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.total, 0) AS numerator, coalesce(c.n, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
