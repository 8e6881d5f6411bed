-- kpi: JB07
-- name: stagnatiesignalen
-- kind: count
-- OTS, VOTS and UHP active at the end of Q that started more than 365 days before qe and have
-- progress scores for Q and the two calendar quarters before it, whose score for Q is at most 2
-- and not higher than the score of Q-2: half a year without progress, and little to show.
-- Voogdij runs to 18 by design and jr is criminal law: neither is counted.
-- queries/signals/signals.sql lists the same measures by id.
WITH signals AS (
  SELECT sm.scope_type, sm.scope_code
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  JOIN measure_progress now ON now.measure_id = m.measure_id AND now.quarter = :quarter
  JOIN measure_progress q1 ON q1.measure_id = m.measure_id AND q1.quarter = :previous_quarter
  JOIN measure_progress q2 ON q2.measure_id = m.measure_id AND q2.quarter = :two_quarters_back
  WHERE m.kind IN ('ots', 'vots', 'uhp') AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
    AND julianday(:qe) - julianday(m.start_date) > 365
    AND now.score <= 2 AND now.score <= q2.score
),
counts AS (SELECT scope_type, scope_code, count(*) AS n FROM signals GROUP BY scope_type, scope_code)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM measure_scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
