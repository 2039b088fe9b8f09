#!/usr/bin/env bash
# Installs what is missing, builds the UI and the app, and opens the window (under Xvfb when
# there is no display).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
step "building the UI"
(cd "$ROOT/ui" && npm run --silent build)
step "building the app"
cargo build --manifest-path "$ROOT/Cargo.toml" -p copy-that-app
app="$CARGO_TARGET_DIR/debug/copy-that-app"
step "launching $app"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "(no display: running under Xvfb)"
  exec xvfb-run -a dbus-run-session -- "$app" "$@"
fi
exec "$app" "$@"
