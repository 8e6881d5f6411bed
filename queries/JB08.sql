-- kpi: JB08
-- name: escalaties
-- kind: count
-- breakdowns: type=placement, type=guardianship
-- Children with, in Q, (a) a UHP of the scope started while an OTS or VOTS of theirs (in any
-- municipality) was active on the day before and had started at least 90 days before the UHP:
-- a placement during supervision, not at its start; or (b) a voogdij of the scope started while
-- an OTS or VOTS of theirs, started before it, was active on at least one of the 90 days before
-- it: authority ended after supervision. A child counts once in the total and once per type.
-- queries/signals/signals.sql lists the same measures by id.
WITH escalations AS (
  SELECT sm.scope_type, sm.scope_code, e.child_id, 'type=placement' AS type
  FROM measures e JOIN measure_scope_members sm
    ON sm.municipality_code = e.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = e.institution_id)
  WHERE e.kind = 'uhp' AND e.start_date BETWEEN :qs AND :qe
    AND EXISTS (
      SELECT 1 FROM measures o
      WHERE o.child_id = e.child_id AND o.kind IN ('ots', 'vots')
        AND o.start_date <= date(e.start_date, '-90 days')
        AND (o.end_date IS NULL OR o.end_date >= date(e.start_date, '-1 day')))
  UNION
  SELECT sm.scope_type, sm.scope_code, e.child_id, 'type=guardianship'
  FROM measures e JOIN measure_scope_members sm
    ON sm.municipality_code = e.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = e.institution_id)
  WHERE e.kind = 'voogdij' AND e.start_date BETWEEN :qs AND :qe
    AND EXISTS (
      SELECT 1 FROM measures o
      WHERE o.child_id = e.child_id AND o.kind IN ('ots', 'vots')
        AND o.start_date < e.start_date
        AND (o.end_date IS NULL OR o.end_date >= date(e.start_date, '-90 days')))
),
counts AS (
  SELECT scope_type, scope_code, '' AS breakdown, count(DISTINCT child_id) AS n
  FROM escalations GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, type, count(*) FROM escalations GROUP BY scope_type, scope_code, type
),
breakdowns (breakdown) AS (VALUES (''), ('type=placement'), ('type=guardianship'))
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM measure_scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.breakdown = b.breakdown
