-- kpi: JH02
-- name: nieuwe trajecten
-- kind: count
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- breakdowns: segment@trajectories
-- Trajectories started in Q, in total and by segment.
-- Counted per municipality and segment first: the roll-up to scopes then joins a few thousand
-- rows instead of every trajectory twice (docs/kpis.md, "Speed").
WITH per_segment AS (
  SELECT t.municipality_code, t.segment, count(*) AS n
  FROM trajectories t
  WHERE t.start_date BETWEEN :qs AND :qe
  GROUP BY t.municipality_code, t.segment
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
counts AS (
  SELECT sm.scope_type, sm.scope_code, NULL AS segment, sum(p.n) AS n
  FROM per_segment p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
  UNION ALL
  SELECT sm.scope_type, sm.scope_code, p.segment, sum(p.n)
  FROM per_segment p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code, p.segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
