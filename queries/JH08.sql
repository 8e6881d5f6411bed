-- kpi: JH08
-- name: herinstroom in de jeugdhulp
-- kind: share
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
first_entries AS (
  SELECT sm.scope_type, sm.scope_code, e.child_id, min(e.start_date) AS start_date
  FROM entries e JOIN scope_members sm ON sm.municipality_code = e.municipality_code
  GROUP BY sm.scope_type, sm.scope_code, e.child_id
),
judged AS (
  SELECT f.scope_type, f.scope_code,
         julianday(f.start_date) - julianday((
           SELECT max(o.end_date) FROM trajectories o
           WHERE o.child_id = f.child_id AND o.end_date < f.start_date)) AS gap
  FROM first_entries f
),
counts AS (
  SELECT scope_type, scope_code, sum(coalesce(gap <= 365, 0)) AS n, count(*) AS d
  FROM judged GROUP BY scope_type, scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, coalesce(c.d, 0) AS denominator
FROM scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
