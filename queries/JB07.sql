-- kpi: JB07
-- name: stagnatiesignalen
-- kind: count
-- OTS, VOTS and UHP active at the end of Q that started more than 365 days before qe and have
-- progress scores for Q and the two calendar quarters before it, whose score for Q is at most 2
-- and not higher than the score of Q-2: half a year without progress, and little to show.
-- Voogdij runs to 18 by design and jr is criminal law: neither is counted. The selection is the
-- view temp.stagnating_measures (kpi_engine.cpp), which queries/signals/signals.sql lists by id.
WITH counts AS (
  SELECT sm.scope_type, sm.scope_code, count(*) AS n
  FROM stagnating_measures m JOIN measure_scope_members sm
    ON sm.municipality_code = m.municipality_code AND (sm.institution_id IS NULL OR sm.institution_id = m.institution_id)
  GROUP BY sm.scope_type, sm.scope_code
)
SELECT s.scope_type, s.scope_code, '' AS breakdown, coalesce(c.n, 0) AS numerator, NULL AS denominator
FROM measure_scopes s LEFT JOIN counts c ON c.scope_type = s.scope_type AND c.scope_code = s.scope_code
