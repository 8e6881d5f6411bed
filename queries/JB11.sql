-- kpi: JB11
-- name: jongeren met jeugdreclassering per 1.000 jongeren
-- kind: rate_per_1000
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 11 says why.)
-- Distinct children with a juvenile-probation measure (jr) active at the end of Q, per 1,000
-- youths 0-17. Criminal law, counted apart from child protection (JB01).
WITH children AS (
  SELECT DISTINCT sm.scope_type, sm.scope_code, m.child_id
  FROM measures m JOIN scope_members sm ON sm.municipality_code = m.municipality_code
  WHERE m.kind = 'jr' AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
counts AS (SELECT scope_type, scope_code, count(*) AS n FROM children GROUP BY scope_type, scope_code)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, y.youths AS denominator
FROM scopes s
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
LEFT JOIN scope_youths y ON y.scope_type = s.scope_type AND y.scope_code = s.scope_code
