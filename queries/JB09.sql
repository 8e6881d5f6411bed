-- kpi: JB09
-- name: kosten per maatregel
-- kind: mean
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 16 says why.)
-- Sum of actual_eur of the measure cost records of Q (empty amounts skipped) over the measures
-- active in Q (not only at its end).
WITH cost AS (
  SELECT sm.scope_type, sm.scope_code, total(c.actual_eur) AS amount
  FROM quarter_measure_costs c
  JOIN measure_scope_members sm
    ON sm.municipality_code = c.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = c.institution_id)
  GROUP BY sm.scope_type, sm.scope_code
),
-- Counted per municipality and GI first, then added up per scope (whole numbers: the same sums),
-- so that the scope members are joined to a few thousand rows instead of every active measure.
active_per_municipality AS (
  SELECT m.municipality_code, m.institution_id, count(*) AS n
  FROM measures m
  WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date >= :qs)
  GROUP BY m.municipality_code, m.institution_id
),
active AS (
  SELECT sm.scope_type, sm.scope_code, sum(a.n) AS n
  FROM active_per_municipality a JOIN measure_scope_members sm
    ON sm.municipality_code = a.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = a.institution_id)
  GROUP BY sm.scope_type, sm.scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.amount, 0) AS numerator, coalesce(a.n, 0) AS denominator
FROM measure_scopes s
LEFT JOIN cost c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
LEFT JOIN active a ON a.scope_type = s.scope_type AND a.scope_code = s.scope_code
