-- kpi: JH02
-- name: nieuwe trajecten
-- kind: count
-- Trajectories started in Q, in total and by segment.
WITH started AS (
  SELECT sm.scope_type, sm.scope_code, t.segment
  FROM trajectories t JOIN scope_members sm ON sm.municipality_code = t.municipality_code
  WHERE t.start_date BETWEEN :qs AND :qe
),
breakdowns (breakdown, segment) AS (VALUES
  ('', NULL), ('segment=1', 1), ('segment=2', 2), ('segment=3', 3), ('segment=4', 4),
  ('segment=5', 5), ('segment=6', 6), ('segment=7', 7)
),
counts AS (
  SELECT scope_type, scope_code, NULL AS segment, count(*) AS n FROM started GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, segment, count(*) FROM started GROUP BY scope_type, scope_code, segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
