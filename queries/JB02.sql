-- kpi: JB02
-- name: nieuwe maatregelen
-- kind: count
-- Measures started in Q, in total and by kind.
WITH selected AS (
  SELECT sm.scope_type, sm.scope_code, m.kind
  FROM measures m JOIN scope_members sm ON sm.municipality_code = m.municipality_code
  WHERE m.start_date BETWEEN :qs AND :qe
),
breakdowns AS (SELECT '' AS breakdown, NULL AS kind UNION ALL SELECT breakdown, kind FROM kind_codes),
counts AS (
  SELECT scope_type, scope_code, NULL AS kind, count(*) AS n FROM selected GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, kind, count(*) FROM selected GROUP BY scope_type, scope_code, kind
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.kind IS b.kind
