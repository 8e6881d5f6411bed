-- The case-level signals of the Samen Sturen report, for every municipality of the quarter at
-- once: the measures behind JB07 (stagnation) and JB08 (escalation: the UHP or voogdij that made
-- it), and the measures active at the end of Q whose case worker has no valid SKJ registration
-- (JB06's complement). Only pseudonymous measure ids; each row belongs to the municipality of
-- its measure. The predicates are those of queries/JB07.sql and queries/JB08.sql.
SELECT m.municipality_code, 'stagnation' AS signal, m.measure_id, m.kind, m.start_date
FROM measures m
JOIN measure_progress now ON now.measure_id = m.measure_id AND now.quarter = :quarter
JOIN measure_progress q1 ON q1.measure_id = m.measure_id AND q1.quarter = :previous_quarter
JOIN measure_progress q2 ON q2.measure_id = m.measure_id AND q2.quarter = :two_quarters_back
WHERE m.kind IN ('ots', 'vots', 'uhp') AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  AND julianday(:qe) - julianday(m.start_date) > 365
  AND now.score <= 2 AND now.score <= q2.score
UNION ALL
SELECT e.municipality_code, 'escalation', e.measure_id, e.kind, e.start_date
FROM measures e
WHERE e.kind = 'uhp' AND e.start_date BETWEEN :qs AND :qe
  AND EXISTS (
    SELECT 1 FROM measures o
    WHERE o.child_id = e.child_id AND o.kind IN ('ots', 'vots')
      AND o.start_date <= date(e.start_date, '-90 days')
      AND (o.end_date IS NULL OR o.end_date >= date(e.start_date, '-1 day')))
UNION ALL
SELECT e.municipality_code, 'escalation', e.measure_id, e.kind, e.start_date
FROM measures e
WHERE e.kind = 'voogdij' AND e.start_date BETWEEN :qs AND :qe
  AND EXISTS (
    SELECT 1 FROM measures o
    WHERE o.child_id = e.child_id AND o.kind IN ('ots', 'vots')
      AND o.start_date < e.start_date
      AND (o.end_date IS NULL OR o.end_date >= date(e.start_date, '-90 days')))
UNION ALL
SELECT m.municipality_code, 'skj_expired', m.measure_id, m.kind, m.start_date
FROM measures m LEFT JOIN case_workers cw ON cw.case_worker_id = m.case_worker_id
WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  AND coalesce(cw.skj_valid_until >= :qe, 0) = 0
ORDER BY 1, 2, 3
