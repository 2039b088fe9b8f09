#!/usr/bin/env bash
# Installs everything Copy That needs on Debian, skipping what is already there: apt packages,
# the UI's npm packages and the cargo tools. Safe to run again and again.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_PACKAGES=(
  build-essential pkg-config libssl-dev file
  # GNU time (a child's peak memory in the bad-input tests); setpriv comes with util-linux.
  time util-linux
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev libdbus-1-dev
  xvfb xauth webkit2gtk-driver dbus dbus-x11 gnome-keyring libsecret-tools
  xdotool python3-gi gir1.2-gtk-3.0
)

apt_install_missing "${APT_PACKAGES[@]}"

# npm: reinstall a folder's packages only when its lock file changed since the last install.
for pkg in ui tests/consumers; do
  stamp="$ROOT/$pkg/node_modules/.copy-that-lock"
  if ! cmp -s "$ROOT/$pkg/package-lock.json" "$stamp" 2>/dev/null; then
    step "npm: installing $pkg's packages"
    # `npm ci` refuses locks whose optional per-platform packages the registry does not list
    # (Tailwind's oxide builds); `npm install` follows the same lock and skips them.
    (cd "$ROOT/$pkg" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
      npm install --no-audit --no-fund --loglevel=error; })
    cp "$ROOT/$pkg/package-lock.json" "$stamp"
  fi
done

if ! command -v tauri-driver >/dev/null 2>&1; then
  step "cargo: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2' --quiet
fi

# cargo-deny for the licence, ban, source and advisory checks (scripts/deny.sh).
if ! cargo deny --version 2>/dev/null | grep -q '^cargo-deny 0\.20\.'; then
  step "cargo: installing cargo-deny"
  cargo install cargo-deny --locked --version '~0.20.2' --quiet
fi

# cargo-fuzz for the short fuzz run in scripts/test.sh (scripts/fuzz.sh); it runs on stable too.
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  step "cargo: installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi
