-- kpi: JH03
-- name: verwijsroute
-- kind: share
-- Share (%) of the trajectories started in Q by referrer; breakdown rows only, no total.
WITH started AS (
  SELECT sm.scope_type, sm.scope_code, t.referrer
  FROM trajectories t JOIN scope_members sm ON sm.municipality_code = t.municipality_code
  WHERE t.start_date BETWEEN :qs AND :qe
),
breakdowns AS (SELECT breakdown, referrer FROM referrer_codes),
totals AS (SELECT scope_type, scope_code, count(*) AS n FROM started GROUP BY scope_type, scope_code),
counts AS (SELECT scope_type, scope_code, referrer, count(*) AS n FROM started GROUP BY scope_type, scope_code, referrer)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, coalesce(t.n, 0) AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.referrer = b.referrer
LEFT JOIN totals t ON t.scope_type = s.scope_type AND t.scope_code = s.scope_code
