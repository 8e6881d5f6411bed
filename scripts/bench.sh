#!/usr/bin/env bash
# Benchmarks the import of the national demo delivery: median of three runs into a fresh database.
# Usage: scripts/bench.sh path/to/samen-sturen
set -euo pipefail
bin=${1:?usage: bench.sh BINARY}
work=${BENCH_DIR:-build/bench}
runs=${BENCH_RUNS:-3}
mkdir -p "$work"
if [ ! -f "$work/delivery/measures.csv" ]; then
  rm -rf "$work/delivery" "$work/demo.db"
  echo "bench: generating the national demo delivery (once) in $work/delivery"
  "$bin" demo --db "$work/demo.db" --scale national --csv "$work/delivery" >/dev/null
fi
rows=$(tail -q -n +2 "$work"/delivery/*.csv | wc -l)
times=()
for i in $(seq "$runs"); do
  rm -f "$work/import.db"
  start=$(date +%s.%N)
  "$bin" import --db "$work/import.db" "$work/delivery" --today 2026-01-20 --timings > "$work/import-$i.log"
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
  times+=("$t")
  echo "bench: import run $i: $t s ($(grep -E '^  (read|check|load):' "$work/import-$i.log" | tr -s ' ' | tr '\n' ' '))"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "bench: national demo import: $rows rows, median $median s over $runs runs, $(awk -v r="$rows" -v m="$median" 'BEGIN {printf "%d", r / m}') rows/s"
echo "bench: machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m)"
