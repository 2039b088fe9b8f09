#!/usr/bin/env bash
# Runs every check CI runs: formatting, lints, Rust tests, the engine's independence from Tauri,
# the UI's type check and unit tests, binding drift, and the end-to-end suite in the real window.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
started=$SECONDS
"$ROOT/scripts/setup.sh"
cd "$ROOT"

step "cargo fmt --check"
cargo fmt --all --check

# The app embeds ui/dist at compile time, so the UI is built before anything compiles the app.
step "UI: type check and build"
(cd ui && npx tsc -b && npx vite build --logLevel warn)

step "UI: unit tests"
(cd ui && npx vitest run)

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "engine crates do not depend on Tauri"
for crate in copy-that-spacing copy-that-measure copy-that-store copy-that-export copy-that-ai copy-that-pipeline copy-that-cli; do for dep in tauri gtk webkit2gtk; do
  tree="$(cargo tree --locked -p "$crate" -e normal,build -i "$dep" 2>&1 || true)"
  if grep -qE "^$dep v" <<<"$tree" || ! grep -q 'did not match any packages' <<<"$tree"; then
    echo "error: $crate depends on $dep (or cargo tree failed):" >&2
    echo "$tree" >&2
    exit 1
  fi
  done; echo "$crate: no tauri, gtk or webkit2gtk in its tree"
done

step "keyring uses the OS's own store on macOS and Windows (not keyring's mock)"
for pair in x86_64-apple-darwin:apple-native x86_64-pc-windows-msvc:windows-native; do
  target="${pair%%:*}" feature="${pair##*:}"
  if ! cargo tree --locked -p copy-that-ai --target "$target" -e features -i keyring | grep -q "keyring feature \"$feature\""; then
    echo "error: keyring is built without $feature for $target" >&2
    exit 1
  fi
  echo "$target: keyring with $feature"
done

step "cargo deny: advisories, licences, bans, sources (deny.toml, offline snapshot)"
"$ROOT/scripts/deny.sh"

step "cargo test (includes the bindings drift check)"
cargo test --workspace --locked

# A short run of every fuzz target from the committed seeds (scripts/fuzz.sh 300 is the longer
# run docs/RELIABILITY.md reports); a crash fails the run and leaves its input in fuzz/artifacts.
step "fuzz: every target for 20 s"
"$ROOT/scripts/fuzz.sh" 20

step "exports through their real consumers (Terrazzo, Style Dictionary, sass, tsc, Tailwind, lightningcss, XML)"
COPY_THAT_CLI="$CARGO_TARGET_DIR/debug/copy-that" node --test tests/consumers/

step "end-to-end: the real window"
cargo build --locked -p copy-that-app
"$ROOT/scripts/e2e.sh"

step "all checks passed in $((SECONDS - started)) s"
