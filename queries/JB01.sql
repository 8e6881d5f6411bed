-- kpi: JB01
-- name: kinderen met een jeugdbeschermingsmaatregel per 1.000 jongeren
-- kind: rate_per_1000
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 11 says why.)
-- breakdowns: kind=ots, kind=voogdij, placed=yes
-- Distinct children with an OTS, VOTS or voogdij active at the end of Q, per 1,000 youths 0-17.
-- A UHP is a placement within an OTS, not a second child: it is the `placed=yes` row (children
-- with a UHP active at the end of Q). Juvenile probation (jr) is criminal law: JB11.
-- `kind=ots` counts children with an OTS or a VOTS. A GI's JB01 is the total only.
WITH children AS (
  SELECT sm.scope_type, sm.scope_code, m.child_id,
         max(m.kind IN ('ots', 'vots', 'voogdij')) AS protected, max(m.kind IN ('ots', 'vots')) AS ots,
         max(m.kind = 'voogdij') AS voogdij, max(m.kind = 'uhp') AS placed
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  WHERE m.kind <> 'jr' AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
  GROUP BY sm.scope_type, sm.scope_code, m.child_id
),
counts AS (
  SELECT scope_type, scope_code, sum(protected) AS protected, sum(ots) AS ots, sum(voogdij) AS voogdij,
         sum(placed) AS placed
  FROM children GROUP BY scope_type, scope_code
),
breakdowns (breakdown) AS (VALUES (''), ('kind=ots'), ('kind=voogdij'), ('placed=yes'))
SELECT s.scope_type, s.scope_code, b.breakdown,
       coalesce(CASE b.breakdown WHEN '' THEN c.protected WHEN 'kind=ots' THEN c.ots
                                 WHEN 'kind=voogdij' THEN c.voogdij ELSE c.placed END, 0) AS numerator,
       y.youths AS denominator
FROM measure_scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
LEFT JOIN scope_youths y ON y.scope_type = s.scope_type AND y.scope_code = s.scope_code
WHERE s.scope_type <> 'gi' OR b.breakdown = ''
