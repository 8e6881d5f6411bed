-- kpi: TR02
-- name: uitval per aanbieder
-- kind: share
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- total: no
-- Regions only, the provider transparency table: UI02 (share of ended trajectories that ended
-- early or with a no-show; the `end_reason=` rows each a share of all ended) over the region's
-- trajectories ended in the two years ending Q, crisis care left out, for every row of
-- temp.transparency_cells. Its denominator is the row's number of ended trajectories: the n of
-- the table.
WITH finest AS (
  SELECT region_code, provider_id, profile, intensity, sum(end_reason IS 'early_termination') AS early,
         sum(end_reason IS 'no_show') AS no_show, count(*) AS n
  FROM transparency_trajectories
  GROUP BY region_code, provider_id, profile, intensity
),
sums AS (
  SELECT c.region_code, c.row_key, sum(f.early) AS early, sum(f.no_show) AS no_show, sum(f.n) AS n
  FROM finest f JOIN transparency_cells c
    ON c.region_code = f.region_code AND c.provider_id = f.provider_id AND c.profile = f.profile AND c.intensity = f.intensity
  GROUP BY c.region_code, c.row_key
),
own (key) AS (VALUES (''), ('end_reason=early_termination'), ('end_reason=no_show'))
SELECT 'region' AS scope_type, s.region_code AS scope_code,
       s.row_key || CASE o.key WHEN '' THEN '' ELSE ',' || o.key END AS breakdown,
       CASE o.key WHEN '' THEN s.early + s.no_show WHEN 'end_reason=no_show' THEN s.no_show ELSE s.early END AS numerator,
       s.n AS denominator
FROM sums s CROSS JOIN own o
