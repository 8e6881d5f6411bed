-- kpi: JB10
-- name: contact ouder en kind
-- kind: share
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 11 says why.)
-- Share (%) of the UHP and voogdij measures active at the end of Q whose progress record for Q
-- says parent_child_contact = yes. A record with an empty contact leaves the measure out of
-- numerator and denominator; a measure without a record for Q stays in the denominator.
WITH placed AS (
  SELECT sm.scope_type, sm.scope_code, p.measure_id IS NOT NULL AS has_record, p.parent_child_contact AS contact
  FROM measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  LEFT JOIN measure_progress p ON p.measure_id = m.measure_id AND p.quarter = :quarter
  WHERE m.kind IN ('uhp', 'voogdij') AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
),
counts AS (
  SELECT scope_type, scope_code, sum(contact IS 'yes') AS n,
         sum(NOT (has_record AND contact IS NULL)) AS d
  FROM placed GROUP BY scope_type, scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM measure_scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
