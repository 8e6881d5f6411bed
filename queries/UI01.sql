-- kpi: UI01
-- name: ervaring jongere en ouder
-- kind: mean
-- Mean experience_youth and experience_parent (1-10) of the `end` outcomes of trajectories ended
-- in the rolling year ending Q; empty scores left out. For regions also per provider x profile x
-- intensity (the transparency table).
WITH ended AS (
  SELECT t.municipality_code,
         'provider=' || t.provider_id || ',profile=' || coalesce(t.profile, '') || ',intensity=' || t.intensity AS cell,
         o.experience_youth, o.experience_parent
  FROM trajectories t JOIN outcomes o ON o.trajectory_id = t.trajectory_id AND o.moment = 'end'
  WHERE t.end_date BETWEEN :rolling_start AND :qe
),
cells AS (
  SELECT sm.scope_type, sm.scope_code, '' AS cell, e.experience_youth, e.experience_parent
  FROM ended e JOIN scope_members sm ON sm.municipality_code = e.municipality_code
  UNION ALL
  SELECT 'region', mu.region_code, e.cell, e.experience_youth, e.experience_parent
  FROM ended e JOIN municipalities mu ON mu.municipality_code = e.municipality_code
),
sums AS (
  SELECT scope_type, scope_code, cell, 'respondent=youth' AS key, total(experience_youth) AS n, count(experience_youth) AS d
  FROM cells GROUP BY scope_type, scope_code, cell
  UNION ALL
  SELECT scope_type, scope_code, cell, 'respondent=parent', total(experience_parent), count(experience_parent)
  FROM cells GROUP BY scope_type, scope_code, cell
),
breakdowns (key) AS (VALUES ('respondent=youth'), ('respondent=parent'))
SELECT s.scope_type, s.scope_code, b.key AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.cell = '' AND c.key = b.key
UNION ALL
SELECT scope_type, scope_code, cell || ',' || key, n, d FROM sums WHERE cell <> ''
