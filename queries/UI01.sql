-- kpi: UI01
-- name: ervaring jongere en ouder
-- kind: mean
-- Mean experience_youth and experience_parent (1-10) of the `end` outcomes of trajectories ended
-- in the rolling year ending Q; empty scores left out. For regions also per provider x profile x
-- intensity (the transparency table).
-- Summed per municipality first, then rolled up to scopes; the cells are summed per region only
-- at full detail (the second scan of the rolling year is cheaper than keeping it in between).
WITH per_municipality AS (
  SELECT t.municipality_code, total(o.experience_youth) AS youth, count(o.experience_youth) AS youths,
         total(o.experience_parent) AS parent, count(o.experience_parent) AS parents
  FROM trajectories t JOIN outcomes o ON o.trajectory_id = t.trajectory_id AND o.moment = 'end'
  WHERE t.end_date BETWEEN :rolling_start AND :qe
  GROUP BY t.municipality_code
),
scope_sums AS (
  SELECT sm.scope_type, sm.scope_code, total(p.youth) AS youth, sum(p.youths) AS youths,
         total(p.parent) AS parent, sum(p.parents) AS parents
  FROM per_municipality p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
),
cell_sums AS (
  SELECT mu.region_code, t.provider_id, t.profile, t.intensity,
         total(o.experience_youth) AS youth, count(o.experience_youth) AS youths,
         total(o.experience_parent) AS parent, count(o.experience_parent) AS parents
  FROM trajectories t JOIN outcomes o ON o.trajectory_id = t.trajectory_id AND o.moment = 'end'
  JOIN municipalities mu ON mu.municipality_code = t.municipality_code
  WHERE t.end_date BETWEEN :rolling_start AND :qe
  GROUP BY mu.region_code, t.provider_id, t.profile, t.intensity
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
