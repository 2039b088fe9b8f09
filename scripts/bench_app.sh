#!/usr/bin/env bash
# The app's launch time, memory and frame times with a 1,000-token project, on a release build in
# the real window (tests/bench/app.bench.mjs says what is measured and how).
#
#   scripts/bench_app.sh [TOKENS]    # default 1000; builds the UI and the release app first
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tokens="${1:-1000}"
cd "$ROOT"
step "UI and the release app"
(cd ui && npx vite build --logLevel warn)
cargo build --release --locked -p copy-that-app
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export XDG_DATA_HOME="$data/data" XDG_CONFIG_HOME="$data/config" XDG_CACHE_HOME="$data/cache"
step "a project with $tokens tokens"
cargo run --release --locked -q -p copy-that-store --example seed -- "$XDG_DATA_HOME/app.copythat.desktop" Big "$tokens"
export COPY_THAT_APP="$CARGO_TARGET_DIR/release/copy-that-app" BENCH_PROJECT=Big
step "measuring (Xvfb, WebDriver)"
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- node tests/bench/app.bench.mjs
