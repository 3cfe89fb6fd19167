#!/usr/bin/env bash
# Checks that the test suite depends on work, not on the machine's speed: runs `npm test` on the machine as it
# is, then again beside two CPU-bound loops (on a 2-core machine, roughly a machine 2-3x slower), and prints
# both durations. The loops are stopped however the script ends.
#
#   scripts/test-under-load.sh                 # quiet run, then loaded run
#   scripts/test-under-load.sh --loaded-only   # the loaded run alone
#   CI=true scripts/test-under-load.sh         # property tests at CI's full count (see CONTRIBUTING.md)
#
# Logs: reports/test-under-load/{quiet,loaded}.log. Exit status: 0 when every run passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."

node=node_modules/.bin/node
[ -x "$node" ] || { echo "test-under-load: $node is missing; run npm ci first" >&2; exit 2; }
logs=reports/test-under-load
mkdir -p "$logs"

loops=()
stop_loops() {
  for pid in "${loops[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${loops[@]}"; do wait "$pid" 2>/dev/null; done
  loops=()
}
trap stop_loops EXIT
trap 'exit 130' INT TERM

summary=()
failed=0

# run NAME: npm test with its output on the terminal and in $logs/NAME.log; records its duration and status.
run() {
  local name=$1 start end status
  echo "== test-under-load: $name run of npm test (load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null))"
  start=$(date +%s)
  npm test 2>&1 | tee "$logs/$name.log"
  status=${PIPESTATUS[0]}
  end=$(date +%s)
  [ "$status" -eq 0 ] || failed=1
  summary+=("$(printf '%-7s %5d s  exit %d  (vitest: %s)' "$name" $((end - start)) "$status" \
    "$(grep -a 'Duration' "$logs/$name.log" | tail -1 | sed 's/\x1b\[[0-9;]*m//g; s/^ *Duration *//')")")
}

if [ "${1:-}" != "--loaded-only" ]; then run quiet; fi

for _ in 1 2; do
  "$node" -e 'for (;;) {}' &
  loops+=("$!")
done
run loaded
stop_loops

echo "== test-under-load: CI=${CI:-unset} CCSIM_PROPERTY_SCALE=${CCSIM_PROPERTY_SCALE:-unset}, $(nproc) cores"
printf '%s\n' "${summary[@]}"
exit "$failed"
