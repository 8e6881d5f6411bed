-- kpi: DQ01
-- name: kostenregels met werkelijk bedrag
-- kind: share
-- breakdowns: subject_type@costs
-- Share (%) of the cost records of Q that have an actual amount; in total and per subject type.
-- Below the threshold of templates/data-completeness.json the cost KPIs of that subject type
-- (JH06, JH07 for trajectories; JB09, JB13, AK03, AK04 for measures) are provisional: not all
-- invoices are in. A record belongs to the municipality of its trajectory or measure.
WITH per_municipality AS (
  SELECT municipality_code, 'subject_type=trajectory' AS breakdown, sum(records_with_actual) AS n, sum(records) AS d
  FROM quarter_trajectory_costs GROUP BY municipality_code
  UNION ALL
  SELECT municipality_code, 'subject_type=measure', sum(records_with_actual), sum(records)
  FROM quarter_measure_costs GROUP BY municipality_code
),
sums AS (
  SELECT sm.scope_type, sm.scope_code, p.breakdown, sum(p.n) AS n, sum(p.d) AS d
  FROM per_municipality p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code, p.breakdown
  UNION ALL
  SELECT sm.scope_type, sm.scope_code, '', sum(p.n), sum(p.d)
  FROM per_municipality p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
),
breakdowns (breakdown) AS (VALUES (''), ('subject_type=measure'), ('subject_type=trajectory'))
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.breakdown = b.breakdown
