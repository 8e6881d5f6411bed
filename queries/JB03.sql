-- kpi: JB03
-- name: beëindigde maatregelen
-- kind: count
-- breakdowns: kind@measures, end_reason@measures
-- Measures ended in Q: in total, by kind and by end reason.
WITH selected AS (
  SELECT sm.scope_type, sm.scope_code, m.kind, m.end_reason
  FROM measures m JOIN scope_members sm ON sm.municipality_code = m.municipality_code
  WHERE m.end_date BETWEEN :qs AND :qe
),
counts AS (
  SELECT scope_type, scope_code, '' AS breakdown, count(*) AS n FROM selected GROUP BY scope_type, scope_code
  UNION ALL
  SELECT scope_type, scope_code, 'kind=' || kind, count(*) FROM selected GROUP BY scope_type, scope_code, kind
  UNION ALL
  SELECT scope_type, scope_code, 'end_reason=' || end_reason, count(*) FROM selected WHERE end_reason IS NOT NULL
  GROUP BY scope_type, scope_code, end_reason
),
breakdowns AS (SELECT '' AS breakdown UNION ALL SELECT breakdown FROM kind_codes
               UNION ALL SELECT breakdown FROM measure_end_reason_codes)
SELECT s.scope_type, s.scope_code, b.breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM scopes s CROSS JOIN breakdowns b
LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code AND c.breakdown = b.breakdown
