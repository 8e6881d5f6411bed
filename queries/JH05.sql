-- kpi: JH05
-- name: langer dan de norm
-- kind: share
-- Share (%) of the trajectories ended in Q whose duration exceeds (strictly) the max_duration_days
-- of their segment and intensity; only trajectories that have a norm count. Total and by segment.
WITH ended AS (
  SELECT sm.scope_type, sm.scope_code, t.segment,
         (julianday(t.end_date) - julianday(t.start_date)) > n.max_duration_days AS over_norm
  FROM trajectories t
  JOIN norms n ON n.segment = t.segment AND n.intensity = t.intensity
  JOIN scope_members sm ON sm.municipality_code = t.municipality_code
  WHERE t.end_date BETWEEN :qs AND :qe
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
counts AS (
  SELECT scope_type, scope_code, NULL AS segment, sum(over_norm) AS n, count(*) AS d FROM ended GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, segment, sum(over_norm), count(*) FROM ended GROUP BY scope_type, scope_code, segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
