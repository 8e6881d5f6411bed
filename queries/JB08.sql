-- kpi: JB08
-- name: escalaties
-- kind: count
-- Children with a UHP of the scope started in Q who had an OTS or VOTS (in any municipality)
-- active on the day before that UHP started (its end date included); a child counts once.
WITH escalated AS (
  SELECT DISTINCT sm.scope_type, sm.scope_code, u.child_id
  FROM measures u JOIN scope_members sm ON sm.municipality_code = u.municipality_code
  WHERE u.kind = 'uhp' AND u.start_date BETWEEN :qs AND :qe
    AND EXISTS (
      SELECT 1 FROM measures o
      WHERE o.child_id = u.child_id AND o.kind IN ('ots', 'vots')
        AND o.start_date <= date(u.start_date, '-1 day')
        AND (o.end_date IS NULL OR o.end_date >= date(u.start_date, '-1 day')))
),
counts AS (SELECT scope_type, scope_code, count(*) AS n FROM escalated GROUP BY scope_type, scope_code)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
