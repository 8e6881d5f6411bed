-- kpi: TR01
-- name: ervaring per aanbieder
-- kind: mean
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- total: no
-- breakdowns: respondent=youth, respondent=parent
-- Regions only, the provider transparency table: UI01 (mean experience of youth and parent, `end`
-- outcomes, empty scores left out) over the region's trajectories ended in the two years ending
-- Q, crisis care left out, for every row of temp.transparency_cells (provider, provider x
-- intensity, profile, intensity, provider x profile x intensity), each with its `respondent=` key.
-- Each trajectory's `end` outcome is a column of temp.transparency_trajectories.
WITH finest AS (
  SELECT region_code, provider_id, profile, intensity,
         total(experience_youth) AS youth, count(experience_youth) AS youths,
         total(experience_parent) AS parent, count(experience_parent) AS parents
  FROM transparency_trajectories
  GROUP BY region_code, provider_id, profile, intensity
),
sums AS (
  SELECT c.region_code, c.row_key, total(f.youth) AS youth, sum(f.youths) AS youths,
         total(f.parent) AS parent, sum(f.parents) AS parents
  FROM finest f JOIN transparency_cells c
    ON c.region_code = f.region_code AND c.provider_id = f.provider_id AND c.profile = f.profile AND c.intensity = f.intensity
  GROUP BY c.region_code, c.row_key
),
own (key) AS (VALUES ('respondent=youth'), ('respondent=parent'))
SELECT 'region' AS scope_type, s.region_code AS scope_code, s.row_key || ',' || o.key AS breakdown,
       CASE o.key WHEN 'respondent=youth' THEN s.youth ELSE s.parent END AS numerator,
       CASE o.key WHEN 'respondent=youth' THEN s.youths ELSE s.parents END AS denominator
FROM sums s CROSS JOIN own o
