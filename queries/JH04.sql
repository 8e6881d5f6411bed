-- kpi: JH04
-- name: gemiddelde trajectduur (dagen)
-- kind: mean
-- Mean duration in days (end_date - start_date) of the trajectories ended in Q; total and by segment.
WITH ended AS (
  SELECT sm.scope_type, sm.scope_code, t.segment,
         julianday(t.end_date) - julianday(t.start_date) AS days
  FROM trajectories t JOIN scope_members sm ON sm.municipality_code = t.municipality_code
  WHERE t.end_date BETWEEN :qs AND :qe
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
sums AS (
  SELECT scope_type, scope_code, NULL AS segment, sum(days) AS total, count(*) AS n FROM ended GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, segment, sum(days), count(*) FROM ended GROUP BY scope_type, scope_code, segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.total, 0) AS numerator, coalesce(c.n, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
