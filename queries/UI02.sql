-- kpi: UI02
-- name: uitval
-- kind: share
-- Share (%) of the trajectories ended in the rolling year ending Q that ended with
-- early_termination or no_show; the breakdown rows are each reason as a share of all ended
-- trajectories. For regions also per provider x profile x intensity.
WITH ended AS (
  SELECT t.municipality_code, t.provider_id, t.profile, t.intensity,
         t.end_reason IS 'early_termination' AS early, t.end_reason IS 'no_show' AS no_show
  FROM trajectories t
  WHERE t.end_date BETWEEN :rolling_start AND :qe
),
scope_sums AS (
  SELECT sm.scope_type, sm.scope_code, sum(early) AS early, sum(no_show) AS no_show, count(*) AS n
  FROM ended e JOIN scope_members sm ON sm.municipality_code = e.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
),
cell_sums AS (
  SELECT mu.region_code, e.provider_id, e.profile, e.intensity, sum(early) AS early, sum(no_show) AS no_show, count(*) AS n
  FROM ended e JOIN municipalities mu ON mu.municipality_code = e.municipality_code
  GROUP BY mu.region_code, e.provider_id, e.profile, e.intensity
),
breakdowns (key) AS (VALUES (''), ('end_reason=early_termination'), ('end_reason=no_show'))
SELECT s.scope_type, s.scope_code, b.key AS breakdown,
       coalesce(CASE b.key WHEN '' THEN c.early + c.no_show WHEN 'end_reason=no_show' THEN c.no_show ELSE c.early END, 0) AS numerator,
       coalesce(c.n, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN scope_sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
UNION ALL
SELECT 'region', c.region_code,
       'provider=' || c.provider_id || ',profile=' || coalesce(c.profile, '') || ',intensity=' || c.intensity ||
         CASE b.key WHEN '' THEN '' ELSE ',' || b.key END,
       CASE b.key WHEN '' THEN c.early + c.no_show WHEN 'end_reason=no_show' THEN c.no_show ELSE c.early END,
       c.n
FROM cell_sums c CROSS JOIN breakdowns b
WHERE :detail = 1 -- the transparency cells: the report quarter only, not the trend quarters
