-- kpi: JH09
-- name: kosten per afgesloten traject
-- kind: mean
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- breakdowns: end_reason@trajectories
-- Trajectories ended in the rolling year ending Q: the sum of actual_eur of all their cost
-- records (any quarter; empty amounts skipped) over how many there are: euros per ended
-- trajectory, in total and by end reason. Cost against outcome: set beside UI02 and UI03.
WITH ended AS (
  SELECT t.municipality_code, t.end_reason,
         (SELECT total(c.actual_eur) FROM costs c
           WHERE c.subject_type = 'trajectory' AND c.subject_id = t.trajectory_id) AS eur
  FROM trajectories t
  WHERE t.end_date BETWEEN :rolling_start AND :qe
),
per_municipality AS (
  SELECT municipality_code, end_reason, total(eur) AS eur, count(*) AS n FROM ended GROUP BY municipality_code, end_reason
),
sums AS (
  SELECT sm.scope_type, sm.scope_code, '' AS breakdown, total(p.eur) AS eur, sum(p.n) AS n
  FROM per_municipality p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
  UNION ALL
  SELECT sm.scope_type, sm.scope_code, 'end_reason=' || p.end_reason, total(p.eur), sum(p.n)
  FROM per_municipality p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  WHERE p.end_reason IS NOT NULL
  GROUP BY sm.scope_type, sm.scope_code, p.end_reason
),
breakdowns AS (SELECT '' AS breakdown UNION ALL SELECT breakdown FROM trajectory_end_reason_codes)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.eur, 0) AS numerator, coalesce(c.n, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.breakdown = b.breakdown
