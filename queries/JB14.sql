-- kpi: JB14
-- name: voortgangsscores
-- kind: share
-- total: no
-- breakdowns: score@measure_progress
-- Of the measures active at the end of Q that have a progress record for Q, the share (%) with
-- each score 1-5. Measures without a record for Q are left out (DQ02 counts them).
WITH scored AS (
  SELECT sm.scope_type, sm.scope_code, p.score
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  JOIN measure_progress p ON p.measure_id = m.measure_id AND p.quarter = :quarter
  WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
totals AS (SELECT scope_type, scope_code, count(*) AS d FROM scored GROUP BY scope_type, scope_code),
counts AS (SELECT scope_type, scope_code, score, count(*) AS n FROM scored GROUP BY scope_type, scope_code, score),
breakdowns (breakdown, score) AS (VALUES ('score=1', 1), ('score=2', 2), ('score=3', 3), ('score=4', 4), ('score=5', 5))
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, coalesce(t.d, 0) AS denominator
FROM measure_scopes s CROSS JOIN breakdowns b
LEFT JOIN totals t ON t.scope_type = s.scope_type AND t.scope_code = s.scope_code
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.score = b.score
