-- kpi: JB05
-- name: structureel verlengd
-- kind: share
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 11 says why.)
-- breakdowns: kind=ots, kind=uhp
-- Share (%) of the OTS and UHP active at the end of Q with two or more extensions dated on or
-- before qe (whatever their months); in total and per kind.
WITH active AS (
  SELECT sm.scope_type, sm.scope_code, m.kind,
         (SELECT count(*) FROM measure_extensions e
           WHERE e.measure_id = m.measure_id AND e.extension_date <= :qe) >= 2 AS structural
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  WHERE m.kind IN ('ots', 'uhp') AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
counts AS (
  SELECT scope_type, scope_code, '' AS breakdown, sum(structural) AS n, count(*) AS d
  FROM active GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, 'kind=' || kind, sum(structural), count(*)
  FROM active GROUP BY scope_type, scope_code, kind
),
breakdowns (breakdown) AS (VALUES (''), ('kind=ots'), ('kind=uhp'))
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM measure_scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.breakdown = b.breakdown
