-- kpi: JH02
-- name: nieuwe trajecten
-- kind: count
-- Trajectories started in Q, in total and by segment.
WITH started AS (
  SELECT sm.scope_type, sm.scope_code, t.segment
  FROM trajectories t JOIN scope_members sm ON sm.municipality_code = t.municipality_code
  WHERE t.start_date BETWEEN :qs AND :qe
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
counts AS (
  SELECT scope_type, scope_code, NULL AS segment, count(*) AS n FROM started GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, segment, count(*) FROM started GROUP BY scope_type, scope_code, segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
