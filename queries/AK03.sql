-- kpi: AK03
-- name: aandeel in de kosten van maatregelen
-- kind: share
-- total: no
-- breakdowns: municipality=*
-- Regions only, a row per municipality: its sum of actual_eur of the measure cost records of the
-- rolling year ending Q as a share (%) of the region's. Provisional with DQ01 (measures).
WITH per_municipality AS (
  SELECT m.municipality_code, total(c.actual_eur) AS eur
  FROM costs c JOIN measures m ON m.measure_id = c.subject_id
  WHERE c.subject_type = 'measure' AND c.quarter IN (:quarter, :previous_quarter, :two_quarters_back, :three_quarters_back)
  GROUP BY m.municipality_code
),
region_costs AS (
  SELECT mu.region_code, total(p.eur) AS eur
  FROM per_municipality p JOIN municipalities mu ON mu.municipality_code = p.municipality_code
  GROUP BY mu.region_code
)
SELECT 'region' AS scope_type, mu.region_code AS scope_code, 'municipality=' || mu.municipality_code AS breakdown,
       coalesce(p.eur, 0) AS numerator, coalesce(r.eur, 0) AS denominator
FROM municipalities mu
LEFT JOIN per_municipality p ON p.municipality_code = mu.municipality_code
LEFT JOIN region_costs r ON r.region_code = mu.region_code
