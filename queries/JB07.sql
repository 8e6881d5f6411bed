-- kpi: JB07
-- name: stagnatiesignalen
-- kind: count
-- Measures (any kind) active at the end of Q that started more than 365 days before qe, with
-- progress scores for Q and for the calendar quarter before, where the score of Q is not higher.
WITH signals AS (
  SELECT sm.scope_type, sm.scope_code
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  JOIN measure_progress now ON now.measure_id = m.measure_id AND now.quarter = :quarter
  JOIN measure_progress before ON before.measure_id = m.measure_id AND before.quarter = :previous_quarter
  WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
    AND julianday(:qe) - julianday(m.start_date) > 365
    AND now.score <= before.score
),
counts AS (SELECT scope_type, scope_code, count(*) AS n FROM signals GROUP BY scope_type, scope_code)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM measure_scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
