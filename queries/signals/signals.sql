-- The case-level signals of the Samen Sturen report, for every municipality of the quarter at
-- once: the measures behind JB07 (stagnation) and JB08 (escalation), and the measures active at
-- the end of Q whose case worker has no valid SKJ registration (JB06's complement). Only
-- pseudonymous measure ids; each row belongs to the municipality of its measure.
SELECT m.municipality_code, 'stagnation' AS signal, m.measure_id, m.kind, m.start_date
FROM measures m
JOIN measure_progress now ON now.measure_id = m.measure_id AND now.quarter = :quarter
JOIN measure_progress before ON before.measure_id = m.measure_id AND before.quarter = :previous_quarter
WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  AND julianday(:qe) - julianday(m.start_date) > 365
  AND now.score <= before.score
UNION ALL
SELECT u.municipality_code, 'escalation', u.measure_id, u.kind, u.start_date
FROM measures u
WHERE u.kind = 'uhp' AND u.start_date BETWEEN :qs AND :qe
  AND EXISTS (
    SELECT 1 FROM measures o
    WHERE o.child_id = u.child_id AND o.kind IN ('ots', 'vots')
      AND o.start_date <= date(u.start_date, '-1 day')
      AND (o.end_date IS NULL OR o.end_date >= date(u.start_date, '-1 day')))
UNION ALL
SELECT m.municipality_code, 'skj_expired', m.measure_id, m.kind, m.start_date
FROM measures m LEFT JOIN case_workers cw ON cw.case_worker_id = m.case_worker_id
WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  AND coalesce(cw.skj_valid_until >= :qe, 0) = 0
ORDER BY 1, 2, 3
