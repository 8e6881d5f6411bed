-- kpi: JH06
-- name: kosten jeugdhulp per jongere
-- kind: mean
-- breakdowns: segment@trajectories
-- Euros per youth 0-17: the sum of actual_eur of the trajectory cost records of Q (whether or not
-- the trajectory was active in Q; empty amounts skipped) over the scope's youths. The segment
-- rows keep all youths of the scope as denominator.
-- Summed per municipality and segment once per quarter (temp.quarter_trajectory_costs, made in
-- kpi_engine.cpp with the scopes), then rolled up to scopes.
WITH per_segment AS (
  SELECT municipality_code, segment, actual_eur AS eur FROM quarter_trajectory_costs
),
breakdowns AS (SELECT '' AS breakdown, NULL AS segment UNION ALL SELECT breakdown, segment FROM segment_codes),
sums AS (
  SELECT sm.scope_type, sm.scope_code, NULL AS segment, total(p.eur) AS n
  FROM per_segment p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code
  UNION ALL
  SELECT sm.scope_type, sm.scope_code, p.segment, total(p.eur)
  FROM per_segment p JOIN scope_members sm ON sm.municipality_code = p.municipality_code
  GROUP BY sm.scope_type, sm.scope_code, p.segment
)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, y.youths AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN sums c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.segment IS b.segment
LEFT JOIN scope_youths y ON y.scope_type = s.scope_type AND y.scope_code = s.scope_code
