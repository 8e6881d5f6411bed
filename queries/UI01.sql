-- kpi: UI01
-- name: ervaring jongere en ouder
-- kind: mean
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- total: no
-- breakdowns: respondent=youth, respondent=parent
-- Mean experience_youth and experience_parent (1-10) of the `end` outcomes of trajectories ended
-- in the rolling year ending Q; empty scores left out.
-- Summed per municipality first, then rolled up to scopes.
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
breakdowns (key) AS (VALUES ('respondent=youth'), ('respondent=parent'))
SELECT s.scope_type, s.scope_code, b.key AS breakdown,
       coalesce(CASE b.key WHEN 'respondent=youth' THEN c.youth ELSE c.parent END, 0) AS numerator,
       coalesce(CASE b.key WHEN 'respondent=youth' THEN c.youths ELSE c.parents END, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN scope_sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
