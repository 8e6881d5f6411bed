-- kpi: JH05
-- name: langer dan de norm
-- kind: share
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- breakdowns: segment@trajectories
-- Share (%) of the trajectories ended in Q whose duration exceeds (strictly) the max_duration_days
-- of their segment and intensity; only trajectories that have a norm count. Total and by segment.
-- Counted per municipality and segment first, then rolled up to scopes.
WITH per_segment AS (
  SELECT t.municipality_code, t.segment,
         sum((julianday(t.end_date) - julianday(t.start_date)) > n.max_duration_days) AS over_norm, count(*) AS n
  FROM trajectories t
  JOIN norms n ON n.segment = t.segment AND n.intensity = t.intensity
  WHERE t.end_date BETWEEN :qs AND :qe
  GROUP BY t.municipality_code, t.segment
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
counts AS (
  SELECT sm.scope_type, sm.scope_code, NULL AS segment, sum(p.over_norm) AS n, sum(p.n) AS d
  FROM per_segment p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
  UNION ALL
  SELECT sm.scope_type, sm.scope_code, p.segment, sum(p.over_norm), sum(p.n)
  FROM per_segment p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code, p.segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
