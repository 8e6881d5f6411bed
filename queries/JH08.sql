-- kpi: JH08
-- name: herinstroom in de jeugdhulp
-- kind: share
-- fast path: trajectories
-- (Counted in C++ by generator/kpi/trajectory_kpis.cpp, which tests/trajectory_kpis_test.cpp holds
-- equal to this query, the definition; docs/performance.md item 10 says why.)
-- Of the children who entered youth care in Q (a trajectory of the scope started in Q while no
-- other trajectory of theirs was active on the day before), the share (%) whose last earlier
-- trajectory (in any municipality) ended in the 365 days before that start. Decided per child:
-- a child with two entries in Q counts once, with its first.
WITH entries AS (
  SELECT t.child_id, t.municipality_code, t.start_date
  FROM trajectories t
  WHERE t.start_date BETWEEN :qs AND :qe
    AND NOT EXISTS (
      SELECT 1 FROM trajectories o
      WHERE o.child_id = t.child_id AND o.trajectory_id <> t.trajectory_id
        AND o.start_date <= date(t.start_date, '-1 day')
        AND (o.end_date IS NULL OR o.end_date >= date(t.start_date, '-1 day')))
),
-- The gap is looked up once per child and municipality, then each scope keeps the child's first
-- entry in it (SQLite takes `gap` from the row with the smallest start_date: its documented
-- "bare column" rule for min()).
first_per_municipality AS (
  SELECT municipality_code, child_id, min(start_date) AS start_date FROM entries GROUP BY municipality_code, child_id
),
judged AS (
  SELECT f.municipality_code, f.child_id, f.start_date,
         julianday(f.start_date) - julianday((
           SELECT max(o.end_date) FROM trajectories o
           WHERE o.child_id = f.child_id AND o.end_date < f.start_date)) AS gap
  FROM first_per_municipality f
),
first_per_scope AS (
  SELECT sm.scope_type, sm.scope_code, j.child_id, min(j.start_date) AS start_date, j.gap
  FROM judged j JOIN scope_members sm ON sm.municipality_code = j.municipality_code
  GROUP BY sm.scope_type, sm.scope_code, j.child_id
),
counts AS (
  SELECT scope_type, scope_code, sum(coalesce(gap <= 365, 0)) AS n, count(*) AS d
  FROM first_per_scope GROUP BY scope_type, scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
