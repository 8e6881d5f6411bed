-- kpi: UI03
-- name: doelrealisatie
-- kind: share
-- Per goal: share (%) of the `end` outcomes of trajectories ended in the rolling year ending Q
-- with that goal 1, among those with the goal 0 or 1. For regions also per provider x profile x
-- intensity.
WITH ended AS (
  SELECT t.municipality_code,
         'provider=' || t.provider_id || ',profile=' || coalesce(t.profile, '') || ',intensity=' || t.intensity AS cell,
         o.goal_education, o.goal_family_balance, o.goal_problem_reduction, o.goal_participation
  FROM trajectories t JOIN outcomes o ON o.trajectory_id = t.trajectory_id AND o.moment = 'end'
  WHERE t.end_date BETWEEN :rolling_start AND :qe
),
goals AS (
  SELECT municipality_code, cell, 'goal=education' AS key, goal_education AS reached FROM ended
  UNION ALL SELECT municipality_code, cell, 'goal=family_balance', goal_family_balance FROM ended
  UNION ALL SELECT municipality_code, cell, 'goal=problem_reduction', goal_problem_reduction FROM ended
  UNION ALL SELECT municipality_code, cell, 'goal=participation', goal_participation FROM ended
),
cells AS (
  SELECT sm.scope_type, sm.scope_code, '' AS cell, g.key, g.reached
  FROM goals g JOIN scope_members sm ON sm.municipality_code = g.municipality_code
  WHERE g.reached IS NOT NULL
  UNION ALL
  SELECT 'region', mu.region_code, g.cell, g.key, g.reached
  FROM goals g JOIN municipalities mu ON mu.municipality_code = g.municipality_code
  WHERE g.reached IS NOT NULL
),
sums AS (
  SELECT scope_type, scope_code, cell, key, sum(reached = '1') AS n, count(*) AS d
  FROM cells GROUP BY scope_type, scope_code, cell, key
),
breakdowns (key) AS (VALUES ('goal=education'), ('goal=family_balance'), ('goal=problem_reduction'), ('goal=participation'))
SELECT s.scope_type, s.scope_code, b.key AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.cell = '' AND c.key = b.key
UNION ALL
SELECT scope_type, scope_code, cell || ',' || key, n, d FROM sums WHERE cell <> ''
