-- kpi: WL01
-- name: lange wachttijden
-- kind: count
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- Regions only: distinct providers that have a trajectory of one of the region's municipalities
-- active in Q and a waiting_lists row for Q with longest_wait_days > 120 (a recovery plan is due).
WITH long_waits AS (
  SELECT DISTINCT mu.region_code, t.provider_id
  FROM trajectories t
  JOIN municipalities mu ON mu.municipality_code = t.municipality_code
  JOIN waiting_lists w ON w.provider_id = t.provider_id AND w.quarter = :quarter AND w.longest_wait_days > 120
  WHERE t.start_date <= :qe AND (t.end_date IS NULL OR t.end_date >= :qs)
),
counts AS (SELECT region_code, count(*) AS n FROM long_waits GROUP BY region_code)
SELECT 'region' AS scope_type, r.region_code AS scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator,
       NULL AS denominator
FROM regions r LEFT JOIN counts c ON c.region_code = r.region_code
