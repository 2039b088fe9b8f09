#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 20), from the committed seeds in
# fuzz/corpus/TARGET plus what it finds (kept in a temporary folder, so the committed corpus only
# changes by hand). Fails on the first crash, panic, timeout (30 s for one input) or allocation
# over 2 GB; the input that did it is left in fuzz/artifacts/TARGET/ with the command to replay it.
# Prints each target's executions. `scripts/fuzz.sh 300` is the longer run docs/RELIABILITY.md
# reports; `scripts/fuzz.sh 20 dtcg_import` runs one target.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds="${1:-20}"
shift || true
cd "$ROOT"

# cargo-fuzz needs nightly flags (sanitizer coverage). A nightly toolchain when rustup has one;
# otherwise the stable compiler is allowed them, as CI machines may only have stable.
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi
# No sanitizer: the engine is safe Rust (unsafe_code = "forbid"); what is looked for is panics,
# hangs and memory, at several times the executions an AddressSanitizer build would manage.
# `-s address` can be given by hand for the decoders' own unsafe code.
"${fuzz[@]}" build -s none --release >/dev/null

targets=("$@")
((${#targets[@]})) || mapfile -t targets < <("${fuzz[@]}" list)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  log="$work/$t.log"
  if ! "${fuzz[@]}" run -s none --release "$t" "$work/$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -60 "$log" >&2
    echo "error: fuzz target $t failed (input saved under fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
  peak="$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")"
  echo "fuzz $t: ${execs:-?} executions in ${seconds} s, no crash (peak RSS ${peak:-?} MB)"
done
