-- kpi: GI02
-- name: aandeel uithuisgeplaatst
-- kind: share
-- Share (%) of the measures active at the end of Q that are a UHP or voogdij.
WITH active AS (
  SELECT sm.scope_type, sm.scope_code, sum(m.kind IN ('uhp', 'voogdij')) AS placed, count(*) AS n
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  GROUP BY sm.scope_type, sm.scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(a.placed, 0) AS numerator, coalesce(a.n, 0) AS denominator
FROM measure_scopes s LEFT JOIN active a ON a.scope_type = s.scope_type AND a.scope_code = s.scope_code
