-- kpi: JB04
-- name: gemiddelde duur maatregel (jaren)
-- kind: mean
-- total: no
-- breakdowns: kind@measures
-- Mean duration in years (days / 365.25) of the measures ended in Q, by kind only (no total).
WITH ended AS (
  SELECT sm.scope_type, sm.scope_code, m.kind,
         (julianday(m.end_date) - julianday(m.start_date)) / 365.25 AS years
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  WHERE m.end_date BETWEEN :qs AND :qe
),
breakdowns AS (SELECT breakdown, kind FROM kind_codes),
sums AS (SELECT scope_type, scope_code, kind, sum(years) AS total, count(*) AS n FROM ended GROUP BY scope_type, scope_code, kind)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.total, 0) AS numerator, coalesce(c.n, 0) AS denominator
FROM measure_scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.kind = b.kind
