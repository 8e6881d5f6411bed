-- kpi: UI02
-- name: uitval
-- kind: share
-- Share (%) of the trajectories ended in the rolling year ending Q that ended with
-- early_termination or no_show; the breakdown rows are each reason as a share of all ended
-- trajectories. For regions also per provider x profile x intensity.
WITH ended AS (
  SELECT t.municipality_code, t.end_reason,
         'provider=' || t.provider_id || ',profile=' || coalesce(t.profile, '') || ',intensity=' || t.intensity AS cell
  FROM trajectories t
  WHERE t.end_date BETWEEN :rolling_start AND :qe
),
cells AS (
  SELECT sm.scope_type, sm.scope_code, '' AS cell, e.end_reason
  FROM ended e JOIN scope_members sm ON sm.municipality_code = e.municipality_code
  UNION ALL
  SELECT 'region', mu.region_code, e.cell, e.end_reason
  FROM ended e JOIN municipalities mu ON mu.municipality_code = e.municipality_code
),
sums AS (
  SELECT scope_type, scope_code, cell, '' AS key,
         sum(end_reason IN ('early_termination', 'no_show')) AS n, count(*) AS d
  FROM cells GROUP BY scope_type, scope_code, cell
  UNION ALL
  SELECT scope_type, scope_code, cell, 'end_reason=early_termination', sum(end_reason = 'early_termination'), count(*)
  FROM cells GROUP BY scope_type, scope_code, cell
  UNION ALL
  SELECT scope_type, scope_code, cell, 'end_reason=no_show', sum(end_reason = 'no_show'), count(*)
  FROM cells GROUP BY scope_type, scope_code, cell
),
breakdowns (key) AS (VALUES (''), ('end_reason=early_termination'), ('end_reason=no_show'))
SELECT s.scope_type, s.scope_code, b.key AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.cell = '' AND c.key = b.key
UNION ALL
SELECT scope_type, scope_code, CASE key WHEN '' THEN cell ELSE cell || ',' || key END, n, d
FROM sums WHERE cell <> ''
