-- kpi: GI02
-- name: aandeel uithuisgeplaatst
-- kind: share
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 15 says why.)
-- Of the children with an OTS or VOTS of the scope active at the end of Q, the share (%) who also
-- have a UHP active then (of any GI). A GI without such children (a guardianship organisation)
-- has no value: placement is measured among the children under supervision.
WITH supervised AS (
  SELECT DISTINCT sm.scope_type, sm.scope_code, m.child_id
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  WHERE m.kind IN ('ots', 'vots') AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
placed AS (
  SELECT DISTINCT child_id FROM measures
  WHERE kind = 'uhp' AND start_date <= :qe AND (end_date IS NULL OR end_date > :qe)
),
counts AS (
  SELECT s.scope_type, s.scope_code, sum(p.child_id IS NOT NULL) AS n, count(*) AS d
  FROM supervised s LEFT JOIN placed p ON p.child_id = s.child_id
  GROUP BY s.scope_type, s.scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM measure_scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
