#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS on a working copy of its seed corpus (tests/fuzz/corpus),
# FUZZ_PARALLEL at a time (default 2); prints each target's result and exits non-zero if any found a crash.
set -uo pipefail
build="$1"; seconds="$2"; shift 2
failed=0
run_one() {
  local target="$1" corpus="$build/corpus-${1#fuzz_}"
  mkdir -p "$corpus" && cp -n "tests/fuzz/corpus/${target#fuzz_}/"* "$corpus/" 2>/dev/null
  if "$build/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$build/$target-" "$corpus" > "$build/$target.log" 2>&1; then
    echo "fuzz: $target: no crash in $seconds s ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/$target.log" | grep -o '[0-9]*$') runs)"
  else
    echo "fuzz: $target: FOUND A PROBLEM, see $build/$target.log and $build/$target-*"
    return 1
  fi
}
pids=()
for target in "$@"; do
  run_one "$target" & pids+=($!)
  if [ ${#pids[@]} -ge "${FUZZ_PARALLEL:-2}" ]; then wait "${pids[0]}" || failed=1; pids=("${pids[@]:1}"); fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
exit $failed
