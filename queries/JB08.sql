-- kpi: JB08
-- name: escalaties
-- kind: count
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 11 says why.)
-- breakdowns: type=placement, type=guardianship
-- Children with, in Q, (a) a UHP of the scope started while an OTS or VOTS of theirs (in any
-- municipality) was active on the day before and had started at least 90 days before the UHP:
-- a placement during supervision, not at its start; or (b) a voogdij of the scope started while
-- an OTS or VOTS of theirs, started before it, was active on at least one of the 90 days before
-- it: authority ended after supervision. A child counts once in the total and once per type.
-- The selection is the view temp.escalations (kpi_engine.cpp), which queries/signals/signals.sql
-- lists by id.
WITH children AS (
  SELECT DISTINCT sm.scope_type, sm.scope_code, e.child_id, 'type=' || e.type AS type
  FROM escalations e JOIN measure_scope_members sm
    ON sm.municipality_code = e.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = e.institution_id)
),
counts AS (
  SELECT scope_type, scope_code, '' AS breakdown, count(DISTINCT child_id) AS n
  FROM children GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, type, count(*) FROM children GROUP BY scope_type, scope_code, type
),
breakdowns (breakdown) AS (VALUES (''), ('type=placement'), ('type=guardianship'))
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM measure_scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.breakdown = b.breakdown
