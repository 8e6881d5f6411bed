-- kpi: AK01
-- name: aandeel in de jongeren van de regio
-- kind: share
-- total: no
-- breakdowns: municipality=*
-- Regions only, a row per municipality (`municipality=<code>`): the municipality's youths 0-17 as
-- a share (%) of the region's. The allocation key by inhabitants that AK04 is set against.
SELECT 'region' AS scope_type, mu.region_code AS scope_code, 'municipality=' || mu.municipality_code AS breakdown,
       m.youths AS numerator, r.youths AS denominator
FROM municipalities mu
JOIN scope_youths m ON m.scope_type = 'municipality' AND m.scope_code = mu.municipality_code
JOIN scope_youths r ON r.scope_type = 'region' AND r.scope_code = mu.region_code
