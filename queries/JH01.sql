-- kpi: JH01
-- name: jongeren in jeugdhulp per 1.000 jongeren
-- kind: rate_per_1000
-- Distinct children with a trajectory active in Q, per 1,000 youths 0-17. A child counts once in
-- the total and in every segment it had; a region counts a child once across its municipalities.
WITH active AS (
  SELECT sm.scope_type, sm.scope_code, t.child_id, t.segment
  FROM trajectories t JOIN scope_members sm ON sm.municipality_code = t.municipality_code
  WHERE t.start_date <= :qe AND (t.end_date IS NULL OR t.end_date >= :qs)
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
counts AS (
  SELECT scope_type, scope_code, NULL AS segment, count(DISTINCT child_id) AS n
  FROM active GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, segment, count(DISTINCT child_id)
  FROM active GROUP BY scope_type, scope_code, segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, y.youths AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
LEFT JOIN scope_youths y ON y.scope_type = s.scope_type AND y.scope_code = s.scope_code
