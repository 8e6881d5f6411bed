-- kpi: JB12
-- name: herinstroom in de jeugdbescherming
-- kind: share
-- fast path: measures
-- (Counted in C++ by generator/kpi/measure_kpis.cpp, which tests/measure_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 11 says why.)
-- Of the children who entered child protection in Q (an OTS, VOTS or voogdij of the scope started
-- in Q while none of those was active on the day before), the share (%) whose last earlier such
-- measure (in any municipality) ended 30 to 365 days before that start. Decided per child: a
-- child with two entries in Q counts once, with its first. A VOTS followed by an OTS is one
-- stay, not an entry: the VOTS is active on the day before the OTS starts.
WITH protection AS (
  SELECT child_id, municipality_code, start_date, end_date FROM measures WHERE kind IN ('ots', 'vots', 'voogdij')
),
entries AS (
  SELECT p.child_id, p.municipality_code, p.start_date
  FROM protection p
  WHERE p.start_date BETWEEN :qs AND :qe
    AND NOT EXISTS (
      SELECT 1 FROM measures o
      WHERE o.child_id = p.child_id AND o.kind IN ('ots', 'vots', 'voogdij')
        AND o.start_date <= date(p.start_date, '-1 day')
        AND (o.end_date IS NULL OR o.end_date >= date(p.start_date, '-1 day')))
),
first_entries AS (
  SELECT sm.scope_type, sm.scope_code, e.child_id, min(e.start_date) AS start_date
  FROM entries e JOIN scope_members sm ON sm.municipality_code = e.municipality_code
  GROUP BY sm.scope_type, sm.scope_code, e.child_id
),
judged AS (
  SELECT f.scope_type, f.scope_code,
         julianday(f.start_date) - julianday((
           SELECT max(o.end_date) FROM measures o
           WHERE o.child_id = f.child_id AND o.kind IN ('ots', 'vots', 'voogdij') AND o.end_date < f.start_date)) AS gap
  FROM first_entries f
),
counts AS (
  SELECT scope_type, scope_code, sum(coalesce(gap BETWEEN 30 AND 365, 0)) AS n, count(*) AS d
  FROM judged GROUP BY scope_type, scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
