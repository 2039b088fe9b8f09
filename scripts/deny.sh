#!/usr/bin/env bash
# cargo deny, offline: licences, bans, sources and RustSec advisories of the workspace.
#
#   scripts/deny.sh                      check (what ./scripts/test.sh runs)
#   scripts/deny.sh --refresh GIT_DIR    refresh deny/advisory-db from a clone of rustsec/advisory-db
#
# This machine reaches crates.io but not GitHub, where cargo deny fetches its advisories, so the
# advisories of every crate in Cargo.lock are kept as a snapshot in deny/advisory-db (RustSec's
# files, CC0-1.0, copied unchanged). The check turns the snapshot into the git repository cargo deny
# reads, dated as the snapshot. A crate added to Cargo.lock after the snapshot fails the check
# until the snapshot is refreshed, so no dependency goes unchecked.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
SNAP="$ROOT/deny/advisory-db"

lock_crates() { grep -h '^name = ' Cargo.lock | sed 's/^name = "\(.*\)"$/\1/' | sort -u; }

if [ "${1:-}" = "--refresh" ]; then
  src="${2:?usage: scripts/deny.sh --refresh GIT_DIR (a clone or mirror of rustsec/advisory-db)}"
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  git clone -q "$src" "$tmp/db"
  rm -rf "$SNAP/crates" "$SNAP/rust"; mkdir -p "$SNAP/crates"
  cp -r "$tmp/db/rust" "$SNAP/rust"
  lock_crates > "$SNAP/covered.txt"
  while read -r name; do
    [ -d "$tmp/db/crates/$name" ] && cp -r "$tmp/db/crates/$name" "$SNAP/crates/$name"
  done < "$SNAP/covered.txt"
  git -C "$tmp/db" log -1 --format='commit=%H%ndate=%cI' > "$SNAP/SOURCE"
  echo "snapshot of $(sed -n 's/^commit=//p' "$SNAP/SOURCE"): $(ls "$SNAP/crates" | wc -l) of $(wc -l < "$SNAP/covered.txt") crates have advisories"
  exit 0
fi

new="$(comm -13 "$SNAP/covered.txt" <(lock_crates))"
if [ -n "$new" ]; then
  echo "error: Cargo.lock has crates the advisory snapshot was not made for:" >&2
  echo "$new" | sed 's/^/  /' >&2
  echo "refresh it: scripts/deny.sh --refresh <clone of https://github.com/rustsec/advisory-db>" >&2
  exit 1
fi

# cargo deny reads its database as a git checkout in db-path, named after the default URL.
db="$ROOT/target/advisory-db/advisory-db-3157b0e258782691"
date="$(sed -n 's/^date=//p' "$SNAP/SOURCE")"
rm -rf "$db"; mkdir -p "$db"
cp -r "$SNAP/crates" "$SNAP/rust" "$db/"
(cd "$db" && git init -q && git add -A &&
  GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" git -c user.name=snapshot -c user.email=snapshot@localhost \
    commit -q -m "RustSec advisory-db $(sed -n 's/^commit=//p' "$SNAP/SOURCE")")
# cargo deny reads every package's manifest, for every target (a Windows-only crate too): fetch
# them from crates.io first (a no-op once cached), then check without the network.
cargo fetch --locked --quiet
cargo deny --offline --locked -c never check advisories bans licenses sources
