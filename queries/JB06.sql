-- kpi: JB06
-- name: SKJ-registratie geldig
-- kind: share
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 11 says why.)
-- Share (%) of the measures active at the end of Q whose case worker's skj_valid_until is on or
-- after qe; no case worker or no registration date counts as not valid.
WITH active AS (
  SELECT sm.scope_type, sm.scope_code, coalesce(cw.skj_valid_until >= :qe, 0) AS valid
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  LEFT JOIN case_workers cw ON cw.case_worker_id = m.case_worker_id
  WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
counts AS (SELECT scope_type, scope_code, sum(valid) AS n, count(*) AS d FROM active GROUP BY scope_type, scope_code)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM measure_scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
