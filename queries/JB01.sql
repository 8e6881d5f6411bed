-- kpi: JB01
-- name: lopende maatregelen per 1.000 jongeren
-- kind: rate_per_1000
-- Measures active at the end of Q (the stand: started on or before qe, not ended by qe), per
-- 1,000 youths 0-17; total and by kind.
WITH active AS (
  SELECT sm.scope_type, sm.scope_code, m.kind
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
breakdowns AS (SELECT '' AS breakdown, NULL AS kind UNION ALL SELECT breakdown, kind FROM kind_codes),
counts AS (
  SELECT scope_type, scope_code, NULL AS kind, count(*) AS n FROM active GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, kind, count(*) FROM active GROUP BY scope_type, scope_code, kind
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, y.youths AS denominator
FROM measure_scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.kind IS b.kind
LEFT JOIN scope_youths y ON y.scope_type = s.scope_type AND y.scope_code = s.scope_code
-- In the GI benchmark JB01 is the total only (kpis.md, edge rules).
WHERE s.scope_type <> 'gi' OR b.breakdown = ''
