#!/usr/bin/env bash
# Runs the end-to-end suite against the real app window: Xvfb, a private D-Bus session, isolated
# app data, tauri-driver + WebKitWebDriver. Expects the UI and the debug app to be built.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export XDG_DATA_HOME="$data/data" XDG_CONFIG_HOME="$data/config" XDG_CACHE_HOME="$data/cache"
export COPY_THAT_APP="$CARGO_TARGET_DIR/debug/copy-that-app"
cd "$ROOT"
# A real Secret Service for the keyring step: gnome-keyring, unlocked (an empty password would make
# writes ask a GUI prompt), with its files under the temporary XDG_DATA_HOME.
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- sh -c \
  "printf 'copy-that-e2e\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec node --test tests/e2e/*.e2e.mjs"
