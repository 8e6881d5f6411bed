-- kpi: UI01
-- name: ervaring jongere en ouder
-- kind: mean
-- Mean experience_youth and experience_parent (1-10) of the `end` outcomes of trajectories ended
-- in the rolling year ending Q; empty scores left out. For regions also per provider x profile x
-- intensity (the transparency table).
WITH ended AS (
  SELECT t.municipality_code, t.provider_id, t.profile, t.intensity, o.experience_youth, o.experience_parent
  FROM trajectories t JOIN outcomes o ON o.trajectory_id = t.trajectory_id AND o.moment = 'end'
  WHERE t.end_date BETWEEN :rolling_start AND :qe
),
scope_sums AS (
  SELECT sm.scope_type, sm.scope_code, total(experience_youth) AS youth, count(experience_youth) AS youths,
         total(experience_parent) AS parent, count(experience_parent) AS parents
  FROM ended e JOIN scope_members sm ON sm.municipality_code = e.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
),
cell_sums AS (
  SELECT mu.region_code, e.provider_id, e.profile, e.intensity,
         total(experience_youth) AS youth, count(experience_youth) AS youths,
         total(experience_parent) AS parent, count(experience_parent) AS parents
  FROM ended e JOIN municipalities mu ON mu.municipality_code = e.municipality_code
  GROUP BY mu.region_code, e.provider_id, e.profile, e.intensity
),
breakdowns (key) AS (VALUES ('respondent=youth'), ('respondent=parent'))
SELECT s.scope_type, s.scope_code, b.key AS breakdown,
       coalesce(CASE b.key WHEN 'respondent=youth' THEN c.youth ELSE c.parent END, 0) AS numerator,
       coalesce(CASE b.key WHEN 'respondent=youth' THEN c.youths ELSE c.parents END, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN scope_sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
UNION ALL
SELECT 'region', c.region_code,
       'provider=' || c.provider_id || ',profile=' || coalesce(c.profile, '') || ',intensity=' || c.intensity || ',' || b.key,
       CASE b.key WHEN 'respondent=youth' THEN c.youth ELSE c.parent END,
       CASE b.key WHEN 'respondent=youth' THEN c.youths ELSE c.parents END
FROM cell_sums c CROSS JOIN breakdowns b
WHERE :detail = 1 -- the transparency cells: the report quarter only, not the trend quarters
