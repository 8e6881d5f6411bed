-- kpi: JH07
-- name: realisatie begroting jeugdhulp
-- kind: share
-- Sum of actual_eur over sum of projected_eur of the trajectory cost records of Q, in %; each
-- sum over the records that have that amount.
-- Summed per municipality from temp.quarter_trajectory_costs (kpi_engine.cpp), then rolled up to scopes.
WITH per_municipality AS (
  SELECT municipality_code, total(actual_eur) AS actual, total(projected_eur) AS projected
  FROM quarter_trajectory_costs
  GROUP BY municipality_code
),
sums AS (
  SELECT sm.scope_type, sm.scope_code, total(p.actual) AS actual, total(p.projected) AS projected
  FROM per_municipality p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.actual, 0) AS numerator,
       coalesce(c.projected, 0) AS denominator
FROM scopes s LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
