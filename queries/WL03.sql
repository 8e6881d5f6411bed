-- kpi: WL03
-- name: wachtende kinderen
-- kind: count
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- breakdowns: segment@waiting_lists
-- Regions only: the sum of waiting_count of the waiting_lists rows for Q of the providers that have
-- a trajectory of one of the region's municipalities active in Q; in total and by segment. A
-- provider's list is not split by municipality, so a provider serving two regions counts in both.
WITH providers AS (
  SELECT DISTINCT mu.region_code, t.provider_id
  FROM trajectories t JOIN municipalities mu ON mu.municipality_code = t.municipality_code
  WHERE t.start_date <= :qe AND (t.end_date IS NULL OR t.end_date >= :qs)
),
waiting AS (
  SELECT p.region_code, w.segment, w.waiting_count
  FROM providers p JOIN waiting_lists w ON w.provider_id = p.provider_id AND w.quarter = :quarter
),
counts AS (
  SELECT region_code, NULL AS segment, sum(waiting_count) AS n FROM waiting GROUP BY region_code
  UNION ALL
  SELECT region_code, segment, sum(waiting_count) FROM waiting GROUP BY region_code, segment
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes)
SELECT 'region' AS scope_type, r.region_code AS scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM regions r CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.region_code = r.region_code AND c.segment IS b.segment
