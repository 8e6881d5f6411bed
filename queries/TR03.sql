-- kpi: TR03
-- name: doelrealisatie per aanbieder
-- kind: share
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- total: no
-- Regions only, the provider transparency table: UI03 (per goal, the share of `end` outcomes with
-- the goal reached among those with the goal 0 or 1) over the region's trajectories ended in the
-- two years ending Q, crisis care left out, for every row of temp.transparency_cells, each with
-- its `goal=` key. Each trajectory's `end` outcome is a column of temp.transparency_trajectories.
WITH finest AS (
  SELECT region_code, provider_id, profile, intensity,
         sum(goal_education = '1') AS ed1, count(goal_education) AS ed_n,
         sum(goal_family_balance = '1') AS fb1, count(goal_family_balance) AS fb_n,
         sum(goal_problem_reduction = '1') AS pr1, count(goal_problem_reduction) AS pr_n,
         sum(goal_participation = '1') AS pa1, count(goal_participation) AS pa_n
  FROM transparency_trajectories
  GROUP BY region_code, provider_id, profile, intensity
),
sums AS (
  SELECT c.region_code, c.row_key, total(f.ed1) AS ed1, sum(f.ed_n) AS ed_n, total(f.fb1) AS fb1, sum(f.fb_n) AS fb_n,
         total(f.pr1) AS pr1, sum(f.pr_n) AS pr_n, total(f.pa1) AS pa1, sum(f.pa_n) AS pa_n
  FROM finest f JOIN transparency_cells c
    ON c.region_code = f.region_code AND c.provider_id = f.provider_id AND c.profile = f.profile AND c.intensity = f.intensity
  GROUP BY c.region_code, c.row_key
),
own (key) AS (VALUES ('goal=education'), ('goal=family_balance'), ('goal=problem_reduction'), ('goal=participation'))
SELECT 'region' AS scope_type, s.region_code AS scope_code, s.row_key || ',' || o.key AS breakdown,
       CASE o.key WHEN 'goal=education' THEN s.ed1 WHEN 'goal=family_balance' THEN s.fb1
                  WHEN 'goal=problem_reduction' THEN s.pr1 ELSE s.pa1 END AS numerator,
       CASE o.key WHEN 'goal=education' THEN s.ed_n WHEN 'goal=family_balance' THEN s.fb_n
                  WHEN 'goal=problem_reduction' THEN s.pr_n ELSE s.pa_n END AS denominator
FROM sums s CROSS JOIN own o
