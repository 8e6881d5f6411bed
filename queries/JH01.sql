-- kpi: JH01
-- name: jongeren in jeugdhulp per 1.000 jongeren
-- kind: rate_per_1000
-- Distinct children with a trajectory active in Q, per 1,000 youths 0-17. A child counts once in
-- the total and in every segment it had; a region counts a child once across its municipalities.
-- Each child is taken once per municipality and segment first; the distinct counts then group
-- that set by municipality and by region (municipalities.region_code), not every trajectory twice.
WITH children AS (
  SELECT DISTINCT mu.region_code, t.municipality_code, t.segment, t.child_id
  FROM trajectories t JOIN municipalities mu ON mu.municipality_code = t.municipality_code
  WHERE t.start_date <= :qe AND (t.end_date IS NULL OR t.end_date >= :qs)
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
counts AS (
  SELECT 'municipality' AS scope_type, municipality_code AS scope_code, segment, count(*) AS n
  FROM children GROUP BY municipality_code, segment
  UNION ALL
  SELECT 'municipality', municipality_code, NULL, count(DISTINCT child_id) FROM children GROUP BY municipality_code
  UNION ALL
  SELECT 'region', region_code, segment, count(DISTINCT child_id) FROM children GROUP BY region_code, segment
  UNION ALL
  SELECT 'region', region_code, NULL, count(DISTINCT child_id) FROM children GROUP BY region_code
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, y.youths AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
LEFT JOIN scope_youths y ON y.scope_type = s.scope_type AND y.scope_code = s.scope_code
