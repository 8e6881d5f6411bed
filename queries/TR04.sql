-- kpi: TR04
-- name: kosten per afgesloten traject per aanbieder
-- kind: mean
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- total: no
-- Regions only, the provider transparency table: JH09's total (the sum of actual_eur of all cost
-- records of the ended trajectories, any quarter, over how many there are) over the region's
-- trajectories ended in the two years ending Q, crisis care left out, for every row of
-- temp.transparency_cells. Each trajectory's euros are its `eur` column in
-- temp.transparency_trajectories.
WITH finest AS (
  SELECT region_code, provider_id, profile, intensity, total(eur) AS eur, count(*) AS n
  FROM transparency_trajectories
  GROUP BY region_code, provider_id, profile, intensity
),
sums AS (
  SELECT c.region_code, c.row_key, total(f.eur) AS eur, sum(f.n) AS n
  FROM finest f JOIN transparency_cells c
    ON c.region_code = f.region_code AND c.provider_id = f.provider_id AND c.profile = f.profile AND c.intensity = f.intensity
  GROUP BY c.region_code, c.row_key
)
SELECT 'region' AS scope_type, s.region_code AS scope_code, s.row_key AS breakdown, s.eur AS numerator, s.n AS denominator
FROM sums s
