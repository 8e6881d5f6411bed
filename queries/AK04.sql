-- kpi: AK04
-- name: verschuiving door de maatregelensleutel
-- kind: count
-- total: no
-- breakdowns: municipality=*
-- Regions only, a row per municipality: (AK02 - AK01) / 100 x the region's sum of actual_eur of the
-- measure cost records of the rolling year ending Q, in euros (numerator = the euros, no
-- denominator): what the municipality would pay more (+) or less (-) if the region's measure
-- costs were allocated by its children under a measure instead of by its youths. Provisional
-- with DQ01 (measures). No value where a share has no denominator.
WITH children AS (
  SELECT DISTINCT sm.scope_type, sm.scope_code, m.child_id
  FROM measures m JOIN scope_members sm ON sm.municipality_code = m.municipality_code
  WHERE m.kind IN ('ots', 'vots', 'voogdij') AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
counts AS (SELECT scope_type, scope_code, count(*) AS n FROM children GROUP BY scope_type, scope_code),
region_costs AS (
  SELECT mu.region_code, total(c.actual_eur) AS eur
  FROM costs c JOIN measures m ON m.measure_id = c.subject_id
  JOIN municipalities mu ON mu.municipality_code = m.municipality_code
  WHERE c.subject_type = 'measure' AND c.quarter IN (:quarter, :previous_quarter, :two_quarters_back, :three_quarters_back)
  GROUP BY mu.region_code
)
SELECT 'region' AS scope_type, mu.region_code AS scope_code, 'municipality=' || mu.municipality_code AS breakdown,
       (1.0 * coalesce(m.n, 0) / nullif(r.n, 0) - 1.0 * ym.youths / nullif(yr.youths, 0)) * coalesce(rc.eur, 0) AS numerator,
       NULL AS denominator
FROM municipalities mu
LEFT JOIN counts m ON m.scope_type = 'municipality' AND m.scope_code = mu.municipality_code
LEFT JOIN counts r ON r.scope_type = 'region' AND r.scope_code = mu.region_code
LEFT JOIN scope_youths ym ON ym.scope_type = 'municipality' AND ym.scope_code = mu.municipality_code
LEFT JOIN scope_youths yr ON yr.scope_type = 'region' AND yr.scope_code = mu.region_code
LEFT JOIN region_costs rc ON rc.region_code = mu.region_code
