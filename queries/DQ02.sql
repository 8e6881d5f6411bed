-- kpi: DQ02
-- name: voortgangsrapportages aanwezig
-- kind: share
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 11 says why.)
-- Share (%) of the OTS, VOTS, UHP and voogdij measures active at the end of Q that have a progress
-- record for Q: how complete JB07, JB10 and JB14 are.
WITH active AS (
  SELECT sm.scope_type, sm.scope_code,
         EXISTS (SELECT 1 FROM measure_progress p WHERE p.quarter = :quarter AND p.measure_id = m.measure_id) AS reported
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  WHERE m.kind IN ('ots', 'vots', 'uhp', 'voogdij') AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
counts AS (SELECT scope_type, scope_code, sum(reported) AS n, count(*) AS d FROM active GROUP BY scope_type, scope_code)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM measure_scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
