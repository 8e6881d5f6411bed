-- kpi: WL02
-- name: langste wachttijd per aanbieder
-- kind: count
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- total: no
-- breakdowns: provider=*
-- Regions only: per provider that has a trajectory of one of the region's municipalities active in
-- Q and a waiting_lists row for Q, the longest wait in days over its segments (numerator = the
-- days, no denominator). More than 120 days: a recovery plan is due (WL01).
WITH providers AS (
  SELECT DISTINCT mu.region_code, t.provider_id
  FROM trajectories t JOIN municipalities mu ON mu.municipality_code = t.municipality_code
  WHERE t.start_date <= :qe AND (t.end_date IS NULL OR t.end_date >= :qs)
)
SELECT 'region' AS scope_type, p.region_code AS scope_code, 'provider=' || p.provider_id AS breakdown,
       max(w.longest_wait_days) AS numerator, NULL AS denominator
FROM providers p JOIN waiting_lists w ON w.provider_id = p.provider_id AND w.quarter = :quarter
GROUP BY p.region_code, p.provider_id
