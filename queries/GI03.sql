-- kpi: GI03
-- name: samenstelling van de maatregelen
-- kind: share
-- breakdowns: kind@measures
-- The case mix: of the measures active at the end of Q, the share (%) that is voogdij (the total)
-- and the share of each kind (the breakdown rows). Shown beside every comparison of GIs, so that
-- a guardianship organisation is not read as an outlier.
-- Counted per municipality and GI first, then added up per scope (whole numbers: the same sums),
-- so that the scope members are joined to a few thousand rows instead of every measure.
WITH per_municipality AS (
  SELECT m.municipality_code, m.institution_id, m.kind, count(*) AS n
  FROM measures m
  WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  GROUP BY m.municipality_code, m.institution_id, m.kind
),
active AS (
  SELECT sm.scope_type, sm.scope_code, a.kind, a.n
  FROM per_municipality a JOIN measure_scope_members sm
    ON sm.municipality_code = a.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = a.institution_id)
),
totals AS (SELECT scope_type, scope_code, sum(n) AS d FROM active GROUP BY scope_type, scope_code),
counts AS (SELECT scope_type, scope_code, kind, sum(n) AS n FROM active GROUP BY scope_type, scope_code, kind),
breakdowns AS (SELECT '' AS breakdown, 'voogdij' AS kind UNION ALL SELECT breakdown, kind FROM kind_codes)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, coalesce(t.d, 0) AS denominator
FROM measure_scopes s CROSS JOIN breakdowns b
LEFT JOIN totals t ON t.scope_type = s.scope_type AND t.scope_code = s.scope_code
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.kind = b.kind
