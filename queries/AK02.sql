-- kpi: AK02
-- name: aandeel in de kinderen met een maatregel
-- kind: share
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 15 says why.)
-- total: no
-- breakdowns: municipality=*
-- Regions only, a row per municipality: the municipality's JB01 numerator (children with an OTS,
-- VOTS or voogdij active at the end of Q) as a share (%) of the region's. A child under a
-- measure in two municipalities counts in both and once for the region, as in JB01.
WITH children AS (
  SELECT DISTINCT sm.scope_type, sm.scope_code, m.child_id
  FROM measures m JOIN scope_members sm ON sm.municipality_code = m.municipality_code
  WHERE m.kind IN ('ots', 'vots', 'voogdij') AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
counts AS (SELECT scope_type, scope_code, count(*) AS n FROM children GROUP BY scope_type, scope_code)
SELECT 'region' AS scope_type, mu.region_code AS scope_code, 'municipality=' || mu.municipality_code AS breakdown,
       coalesce(m.n, 0) AS numerator, coalesce(r.n, 0) AS denominator
FROM municipalities mu
LEFT JOIN counts m ON m.scope_type = 'municipality' AND m.scope_code = mu.municipality_code
LEFT JOIN counts r ON r.scope_type = 'region' AND r.scope_code = mu.region_code
