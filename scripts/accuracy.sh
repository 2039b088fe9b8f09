#!/usr/bin/env bash
# Renders what is missing of the development corpus and prints the local extractor's accuracy per
# source, per density and per format, with the tuned and the judged-only sources apart (see
# bench/README.md for the protocol).
#
#   scripts/accuracy.sh [--twins] [--sources adminlte,uikit] [--jobs 2] [--json-out FILE]
#
# --twins also scores the tuning sources' twins, the same pages with one thing changed: re-encoded
# as JPEG q80 (<source>-j, bench/jpeg_twins.mjs) and rendered again at 1x and 3x with each page's own
# CSS viewport (<source>-x1, <source>-x3, bench/density_twins.mjs). They go to $COPY_THAT_TWINS
# (default ~/.cache/copy-that/twins); compare each with its source's PNG pages in the main table.
#
# Environment: COPY_THAT_CORPUS (rendered pages, default ~/.cache/copy-that/corpus), MIRROR_ROOT
# (git mirrors as <owner>+<name>/repo, default /work/.mirror), BENCH_PUBLIC (the public corpus,
# default ../shared/bench/corpus), CHROMIUM (default /usr/bin/chromium). A source whose mirror is
# missing is skipped with a warning; pages already rendered are not rendered again.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
twins=0
if [ "${1:-}" = --twins ]; then twins=1; shift; fi
CORPUS="${COPY_THAT_CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/copy-that/corpus}"
export MIRROR_ROOT="${MIRROR_ROOT:-/work/.mirror}"
BENCH_PUBLIC="${BENCH_PUBLIC:-$ROOT/../shared/bench/corpus}"
mkdir -p "$CORPUS"

step "release build of the CLI"
cargo build --release --locked -p copy-that-cli

# The renderer needs Debian's Chromium, and the fonts the sources' pages fall back to (Liberation
# Sans, Serif and Mono stand in for Arial, Helvetica, Times and Courier); a fresh machine has neither.
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
renderer=(fonts-liberation)
[ -x "$CHROMIUM" ] || renderer+=(chromium)
apt_install_missing "${renderer[@]}"
export CHROMIUM

if [ ! -d bench/node_modules/playwright-core ]; then
  step "npm: installing the renderer's packages"
  (cd bench && npm install --no-audit --no-fund --loglevel=error)
fi

# Bulma's templates link Bulma from a CDN: the module reads the same versions from npm.
if [ -z "${BULMA_NPM_DIR:-}" ]; then
  npm_bulma="$CORPUS/../npm-bulma"
  if [ ! -d "$npm_bulma/node_modules/bulma" ]; then
    mkdir -p "$npm_bulma" && (cd "$npm_bulma" && npm init -y >/dev/null &&
      npm install --no-audit --no-fund --loglevel=error bulma@1.0.4 bulma-1.0.2@npm:bulma@1.0.2) ||
      echo "warning: could not install Bulma for the bulma source" >&2
  fi
  export BULMA_NPM_DIR="$npm_bulma/node_modules"
fi

# How many pages a source module has, and how many of a folder's pages are rendered.
page_count() { node --input-type=module -e "const m = await import('$ROOT/$1'); console.log(m.PAGE_COUNT ?? m.PAGES.length)"; }
# A folder not yet made has none (find fails on it, and pipefail would end the script).
rendered() { [ -d "$1" ] || { echo 0; return; }; find "$1" -maxdepth 1 -name '*.json' ! -name index.json | wc -l; }

for mod in bench/sources/*.mjs; do
  name="$(basename "$mod" .mjs)"
  [ "$name" = lib ] && continue
  pages="$(page_count "$mod")"
  have="$(rendered "$CORPUS/$name")"
  if [ "$have" -lt "$pages" ]; then
    step "rendering $name ($pages pages, $have there)"
    node bench/render.mjs --gen "$mod" --seeds "1-$pages" --out "$CORPUS/$name" --no-html >"$CORPUS/$name.render.log" 2>&1 ||
      echo "warning: $name not rendered (see $CORPUS/$name.render.log; is its mirror under $MIRROR_ROOT?)" >&2
  fi
done
if [ -d "$BENCH_PUBLIC" ] && [ ! -e "$CORPUS/bench" ]; then ln -s "$(cd "$BENCH_PUBLIC" && pwd)" "$CORPUS/bench"; fi

step "scoring target/release/copy-that"
python3 bench/accuracy.py --cli "$CARGO_TARGET_DIR/release/copy-that" --corpus-root "$CORPUS" \
  --out "$CORPUS/../accuracy-results" "$@"

if [ "$twins" = 1 ]; then
  TWINS="${COPY_THAT_TWINS:-${XDG_CACHE_HOME:-$HOME/.cache}/copy-that/twins}"
  mkdir -p "$TWINS"
  tuned="$(python3 -c "import json; print(' '.join(s for s in json.load(open('bench/protocol.json'))['tune'] if s != 'bench'))")"
  list=()
  for name in $tuned; do
    [ -d "$CORPUS/$name" ] || continue
    if [ ! -f "$TWINS/$name-j/index.json" ]; then
      step "JPEG twins of $name"
      node bench/jpeg_twins.mjs "$CORPUS/$name" "$TWINS/$name-j" 80 >/dev/null
    fi
    list+=("$name-j")
    pages="$(page_count "bench/sources/$name.mjs")"
    for d in 1 3; do
      if [ "$(rendered "$TWINS/$name-x$d")" -lt "$pages" ]; then
        step "density twins of $name at ${d}x"
        TWIN_OF="bench/sources/$name.mjs" TWIN_DPR="$d" node bench/render.mjs --gen bench/density_twins.mjs \
          --seeds "1-$pages" --out "$TWINS/$name-x$d" --no-html >"$TWINS/$name-x$d.log" 2>&1 ||
          echo "warning: $name at ${d}x not rendered (see $TWINS/$name-x$d.log)" >&2
      fi
      list+=("$name-x$d")
    done
  done
  step "scoring the twins"
  python3 bench/accuracy.py --cli "$CARGO_TARGET_DIR/release/copy-that" --corpus-root "$TWINS" \
    --out "$CORPUS/../accuracy-twins" --sources "$(IFS=,; echo "${list[*]}")"
fi
