#!/bin/sh
# The import's floor (docs/performance.md, "Import"): the SQLite shell loads the three largest
# files of a delivery, sorted by key beforehand, into the same WITHOUT ROWID tables with nothing
# checked, then builds their indexes. Usage: scripts/import-floor.sh [DELIVERY] (default: the
# national bench delivery that `make bench` makes in build/bench/delivery).
set -eu
delivery=${1:-build/bench/delivery}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tail -n +2 "$delivery/costs.csv" | LC_ALL=C sort -t, -k3,3 -k1,1 -k2,2 >"$work/costs.csv"
tail -n +2 "$delivery/trajectories.csv" | LC_ALL=C sort -t, -k1,1 >"$work/trajectories.csv"
tail -n +2 "$delivery/outcomes.csv" | LC_ALL=C sort -t, -k1,1 -k2,2 >"$work/outcomes.csv"
rows=$(cat "$work/costs.csv" "$work/trajectories.csv" "$work/outcomes.csv" | wc -l)
cd "$work"
start=$(date +%s.%N)
sqlite3 floor.db >/dev/null <<'SQL'
PRAGMA journal_mode = WAL;
CREATE TABLE costs (subject_type TEXT NOT NULL, subject_id TEXT NOT NULL, quarter TEXT NOT NULL, projected_eur REAL,
  actual_eur REAL, PRIMARY KEY (quarter, subject_type, subject_id)) WITHOUT ROWID;
CREATE TABLE trajectories (trajectory_id TEXT NOT NULL, child_id TEXT NOT NULL, municipality_code TEXT NOT NULL,
  provider_id TEXT NOT NULL, segment INTEGER NOT NULL, profile INTEGER, intensity TEXT NOT NULL, referrer TEXT NOT NULL,
  start_date TEXT NOT NULL, end_date TEXT, end_reason TEXT, PRIMARY KEY (trajectory_id)) WITHOUT ROWID;
CREATE TABLE outcomes (trajectory_id TEXT NOT NULL, moment TEXT NOT NULL, experience_youth INTEGER,
  experience_parent INTEGER, goal_education TEXT, goal_family_balance TEXT, goal_problem_reduction TEXT,
  goal_participation TEXT, PRIMARY KEY (trajectory_id, moment)) WITHOUT ROWID;
BEGIN;
.import --csv costs.csv costs
.import --csv trajectories.csv trajectories
.import --csv outcomes.csv outcomes
CREATE INDEX costs_by_subject ON costs (subject_type, subject_id, actual_eur);
CREATE INDEX trajectories_by_child ON trajectories (child_id, start_date, end_date);
COMMIT;
SQL
end=$(date +%s.%N)
echo "$rows rows loaded and indexed in $(awk "BEGIN { printf \"%.1f\", $end - $start }") s"
