-- kpi: JB05
-- name: structureel verlengd
-- kind: share
-- Share (%) of the OTS active at the end of Q with two or more extensions dated on or before qe
-- (whatever their months).
WITH ots AS (
  SELECT sm.scope_type, sm.scope_code,
         (SELECT count(*) FROM measure_extensions e
           WHERE e.measure_id = m.measure_id AND e.extension_date <= :qe) >= 2 AS structural
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  WHERE m.kind = 'ots' AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
counts AS (SELECT scope_type, scope_code, sum(structural) AS n, count(*) AS d FROM ots GROUP BY scope_type, scope_code)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM measure_scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
