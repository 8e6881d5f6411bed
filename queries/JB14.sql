-- kpi: JB14
-- name: voortgangsscores
-- kind: share
-- total: no
-- breakdowns: score@measure_progress
-- Of the measures active at the end of Q that have a progress record for Q, the share (%) with
-- each score 1-5. Measures without a record for Q are left out (DQ02 counts them).
-- Counted per municipality and GI first, then added up per scope (whole numbers: the same sums),
-- so that the scope members are joined to a few thousand rows instead of every measure.
WITH per_municipality AS (
  SELECT m.municipality_code, m.institution_id, p.score, count(*) AS n
  FROM measures m JOIN measure_progress p ON p.measure_id = m.measure_id AND p.quarter = :quarter
  WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  GROUP BY m.municipality_code, m.institution_id, p.score
),
scored AS (
  SELECT sm.scope_type, sm.scope_code, a.score, a.n
  FROM per_municipality a JOIN measure_scope_members sm
    ON sm.municipality_code = a.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = a.institution_id)
),
totals AS (SELECT scope_type, scope_code, sum(n) AS d FROM scored GROUP BY scope_type, scope_code),
counts AS (SELECT scope_type, scope_code, score, sum(n) AS n FROM scored GROUP BY scope_type, scope_code, score),
breakdowns (breakdown, score) AS (VALUES ('score=1', 1), ('score=2', 2), ('score=3', 3), ('score=4', 4), ('score=5', 5))
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, coalesce(t.d, 0) AS denominator
FROM measure_scopes s CROSS JOIN breakdowns b
LEFT JOIN totals t ON t.scope_type = s.scope_type AND t.scope_code = s.scope_code
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.score = b.score
