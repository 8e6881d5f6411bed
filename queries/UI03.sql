-- kpi: UI03
-- name: doelrealisatie
-- kind: share
-- Per goal: share (%) of the `end` outcomes of trajectories ended in the rolling year ending Q
-- with that goal 1, among those with the goal 0 or 1. For regions also per provider x profile x
-- intensity.
WITH ended AS (
  SELECT t.municipality_code, t.provider_id, t.profile, t.intensity,
         o.goal_education AS ed, o.goal_family_balance AS fb, o.goal_problem_reduction AS pr, o.goal_participation AS pa
  FROM trajectories t JOIN outcomes o ON o.trajectory_id = t.trajectory_id AND o.moment = 'end'
  WHERE t.end_date BETWEEN :rolling_start AND :qe
),
scope_sums AS (
  SELECT sm.scope_type, sm.scope_code,
         sum(ed = '1') AS ed1, count(ed) AS ed_n, sum(fb = '1') AS fb1, count(fb) AS fb_n,
         sum(pr = '1') AS pr1, count(pr) AS pr_n, sum(pa = '1') AS pa1, count(pa) AS pa_n
  FROM ended e JOIN scope_members sm ON sm.municipality_code = e.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
),
cell_sums AS (
  SELECT mu.region_code, e.provider_id, e.profile, e.intensity,
         sum(ed = '1') AS ed1, count(ed) AS ed_n, sum(fb = '1') AS fb1, count(fb) AS fb_n,
         sum(pr = '1') AS pr1, count(pr) AS pr_n, sum(pa = '1') AS pa1, count(pa) AS pa_n
  FROM ended e JOIN municipalities mu ON mu.municipality_code = e.municipality_code
  GROUP BY mu.region_code, e.provider_id, e.profile, e.intensity
),
breakdowns (key) AS (VALUES ('goal=education'), ('goal=family_balance'), ('goal=problem_reduction'), ('goal=participation'))
SELECT s.scope_type, s.scope_code, b.key AS breakdown,
       coalesce(CASE b.key WHEN 'goal=education' THEN c.ed1 WHEN 'goal=family_balance' THEN c.fb1
                           WHEN 'goal=problem_reduction' THEN c.pr1 ELSE c.pa1 END, 0) AS numerator,
       coalesce(CASE b.key WHEN 'goal=education' THEN c.ed_n WHEN 'goal=family_balance' THEN c.fb_n
                           WHEN 'goal=problem_reduction' THEN c.pr_n ELSE c.pa_n END, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN scope_sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
UNION ALL
SELECT * FROM (
  SELECT 'region', c.region_code,
         'provider=' || c.provider_id || ',profile=' || coalesce(c.profile, '') || ',intensity=' || c.intensity || ',' || b.key,
         CASE b.key WHEN 'goal=education' THEN c.ed1 WHEN 'goal=family_balance' THEN c.fb1
                    WHEN 'goal=problem_reduction' THEN c.pr1 ELSE c.pa1 END AS n,
         CASE b.key WHEN 'goal=education' THEN c.ed_n WHEN 'goal=family_balance' THEN c.fb_n
                    WHEN 'goal=problem_reduction' THEN c.pr_n ELSE c.pa_n END AS d
  FROM cell_sums c CROSS JOIN breakdowns b)
-- A cell where nobody answered a goal has no row for it, as before the rewrite.
WHERE d > 0 AND :detail = 1 -- the transparency cells: the report quarter only, not the trend quarters
