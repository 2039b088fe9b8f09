#!/usr/bin/env bash
# Times `copy-that aggregate` (release build, whole process, JSON output) against the planning
# documents' Python aggregator (bench/plan_aggregator.py) on the same generated batch, one after
# the other in one run, best of 3 each, and prints the ratio (issue 16 asks for at least 8x).
#
#   scripts/bench_aggregate.sh [MEASUREMENTS]    # default 1000000
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
n="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --locked -p copy-that-cli >&2
cli="$CARGO_TARGET_DIR/release/copy-that"
python3 bench/gen_measurements.py "$n" >"$work/batch.json"
best() { # best wall time in seconds of three runs of "$@", output discarded
  local b="" t s e
  for _ in 1 2 3; do
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
  done
  echo "$b"
}
rust=$(best "$cli" aggregate "$work/batch.json" --json)
plan=$(best python3 bench/plan_aggregator.py "$work/batch.json")
printf '%s measurements (%s MB): copy-that aggregate --json %.2f s, planning documents'"'"' aggregator %.2f s: %.1fx faster\n' \
  "$n" "$(( $(stat -c %s "$work/batch.json") / 1000000 ))" "$rust" "$plan" "$(echo "$plan / $rust" | bc -l)"
