-- kpi: UI03
-- name: doelrealisatie
-- kind: share
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- total: no
-- breakdowns: goal=education, goal=family_balance, goal=problem_reduction, goal=participation
-- Per goal: share (%) of the `end` outcomes of trajectories ended in the rolling year ending Q
-- with that goal 1, among those with the goal 0 or 1.
-- Counted per municipality first, then rolled up to scopes.
WITH per_municipality AS (
  SELECT t.municipality_code,
         sum(o.goal_education = '1') AS ed1, count(o.goal_education) AS ed_n,
         sum(o.goal_family_balance = '1') AS fb1, count(o.goal_family_balance) AS fb_n,
         sum(o.goal_problem_reduction = '1') AS pr1, count(o.goal_problem_reduction) AS pr_n,
         sum(o.goal_participation = '1') AS pa1, count(o.goal_participation) AS pa_n
  FROM trajectories t JOIN outcomes o ON o.trajectory_id = t.trajectory_id AND o.moment = 'end'
  WHERE t.end_date BETWEEN :rolling_start AND :qe
  GROUP BY t.municipality_code
),
scope_sums AS (
  SELECT sm.scope_type, sm.scope_code, sum(p.ed1) AS ed1, sum(p.ed_n) AS ed_n, sum(p.fb1) AS fb1, sum(p.fb_n) AS fb_n,
         sum(p.pr1) AS pr1, sum(p.pr_n) AS pr_n, sum(p.pa1) AS pa1, sum(p.pa_n) AS pa_n
  FROM per_municipality p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
),
breakdowns (key) AS (VALUES ('goal=education'), ('goal=family_balance'), ('goal=problem_reduction'), ('goal=participation'))
SELECT s.scope_type, s.scope_code, b.key AS breakdown,
       coalesce(CASE b.key WHEN 'goal=education' THEN c.ed1 WHEN 'goal=family_balance' THEN c.fb1
                           WHEN 'goal=problem_reduction' THEN c.pr1 ELSE c.pa1 END, 0) AS numerator,
       coalesce(CASE b.key WHEN 'goal=education' THEN c.ed_n WHEN 'goal=family_balance' THEN c.fb_n
                           WHEN 'goal=problem_reduction' THEN c.pr_n ELSE c.pa_n END, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN scope_sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
