-- kpi: UI02
-- name: uitval
-- kind: share
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- breakdowns: end_reason=early_termination, end_reason=no_show
-- Share (%) of the trajectories ended in the rolling year ending Q that ended with
-- early_termination or no_show; the breakdown rows are each reason as a share of all ended
-- trajectories.
-- Counted per municipality first, then rolled up to scopes.
WITH per_municipality AS (
  SELECT t.municipality_code, sum(t.end_reason IS 'early_termination') AS early,
         sum(t.end_reason IS 'no_show') AS no_show, count(*) AS n
  FROM trajectories t
  WHERE t.end_date BETWEEN :rolling_start AND :qe
  GROUP BY t.municipality_code
),
scope_sums AS (
  SELECT sm.scope_type, sm.scope_code, sum(p.early) AS early, sum(p.no_show) AS no_show, sum(p.n) AS n
  FROM per_municipality p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
),
breakdowns (key) AS (VALUES (''), ('end_reason=early_termination'), ('end_reason=no_show'))
SELECT s.scope_type, s.scope_code, b.key AS breakdown,
       coalesce(CASE b.key WHEN '' THEN c.early + c.no_show WHEN 'end_reason=no_show' THEN c.no_show ELSE c.early END, 0) AS numerator,
       coalesce(c.n, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN scope_sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
