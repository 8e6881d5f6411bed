-- kpi: GI01
-- name: caseload
-- kind: mean
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 15 says why.)
-- The distinct case workers of the scope's measures active at the end of Q (measures without a
-- case worker are left out), and for each the number of measures active at the end of Q that
-- the case worker has anywhere, whatever their kind or municipality: numerator = the sum of
-- those caseloads, denominator = the number of case workers. A case worker who also works in
-- another region brings the whole caseload, not the region's share of it.
WITH caseloads AS (
  SELECT m.case_worker_id, count(*) AS n
  FROM measures m
  WHERE m.case_worker_id IS NOT NULL AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  GROUP BY m.case_worker_id
),
workers AS (
  SELECT DISTINCT sm.scope_type, sm.scope_code, m.case_worker_id
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  WHERE m.case_worker_id IS NOT NULL AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
sums AS (
  SELECT w.scope_type, w.scope_code, sum(c.n) AS load, count(*) AS workers
  FROM workers w JOIN caseloads c ON c.case_worker_id = w.case_worker_id
  GROUP BY w.scope_type, w.scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(a.load, 0) AS numerator, coalesce(a.workers, 0) AS denominator
FROM measure_scopes s LEFT JOIN sums a ON a.scope_type = s.scope_type AND a.scope_code = s.scope_code
