-- kpi: JH03
-- name: verwijsroute
-- kind: share
-- total: no
-- breakdowns: referrer@trajectories
-- Share (%) of the trajectories started in Q by referrer; breakdown rows only, no total.
-- Counted per municipality and referrer first, then rolled up to scopes.
WITH per_referrer AS (
  SELECT t.municipality_code, t.referrer, count(*) AS n
  FROM trajectories t
  WHERE t.start_date BETWEEN :qs AND :qe
  GROUP BY t.municipality_code, t.referrer
),
breakdowns AS (SELECT breakdown, referrer FROM referrer_codes),
totals AS (
  SELECT sm.scope_type, sm.scope_code, sum(p.n) AS n
  FROM per_referrer p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
),
counts AS (
  SELECT sm.scope_type, sm.scope_code, p.referrer, sum(p.n) AS n
  FROM per_referrer p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code, p.referrer
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, coalesce(t.n, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.referrer = b.referrer
LEFT JOIN totals t ON t.scope_type = s.scope_type AND t.scope_code = s.scope_code
