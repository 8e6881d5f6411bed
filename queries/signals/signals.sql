-- The case-level signals of the Samen Sturen report, for every municipality of the quarter at
-- once: the measures behind JB07 (stagnation) and JB08 (escalation: the UHP or voogdij that made
-- it), read from the same views the KPIs count (temp.stagnating_measures, temp.escalations, made
-- by the engine's scope tables for the quarter), and the measures active at the end of Q whose
-- case worker has no valid SKJ registration (JB06's complement). Only pseudonymous measure ids;
-- each row belongs to the municipality of its measure.
SELECT municipality_code, 'stagnation' AS signal, measure_id, kind, start_date FROM stagnating_measures
UNION ALL
SELECT municipality_code, 'escalation', measure_id, kind, start_date FROM escalations
UNION ALL
SELECT m.municipality_code, 'skj_expired', m.measure_id, m.kind, m.start_date
FROM measures m LEFT JOIN case_workers cw ON cw.case_worker_id = m.case_worker_id
WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  AND coalesce(cw.skj_valid_until >= :qe, 0) = 0
ORDER BY 1, 2, 3
