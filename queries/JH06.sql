-- kpi: JH06
-- name: kosten jeugdhulp per jongere
-- kind: mean
-- Euros per youth 0-17: the sum of actual_eur of the trajectory cost records of Q (whether or not
-- the trajectory was active in Q; empty amounts skipped) over the scope's youths. The segment
-- rows keep all youths of the scope as denominator.
WITH cost AS (
  SELECT sm.scope_type, sm.scope_code, t.segment, c.actual_eur
  FROM costs c
  JOIN trajectories t ON t.trajectory_id = c.subject_id
  JOIN scope_members sm ON sm.municipality_code = t.municipality_code
  WHERE c.quarter = :quarter AND c.subject_type = 'trajectory'
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
sums AS (
  SELECT scope_type, scope_code, NULL AS segment, total(actual_eur) AS n FROM cost GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, segment, total(actual_eur) FROM cost GROUP BY scope_type, scope_code, segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, y.youths AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
LEFT JOIN scope_youths y ON y.scope_type = s.scope_type AND y.scope_code = s.scope_code
