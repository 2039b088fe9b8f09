// Real pages: the Spectre.css documentation site (picturepan2/spectre, docs/*.html: pages built from docs/src/*.pug
// and committed, with the built CSS in docs/dist/), read at render time from a git mirror. Generator module for
// render.mjs:
//
//   SPECTRE_MIRROR=/path/to/spectre.git node render.mjs --gen sources/spectre.mjs --seeds 1-56 --out "$OUT"
//
// SPECTRE_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a clone / plain checkout.
// SPECTRE_MIRROR_REV picks another commit. BENCH_SOURCES_BUILD: folder for the extracted stylesheets.
//
// `node sources/spectre.mjs --list` prints the pages; `node sources/spectre.mjs SEED > page.html` writes one page
// with its CSS inlined.
import path from 'node:path';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, runAsScript } from './lib.mjs';

export const GENERATOR = 'src-spectre-v1';
const REPO = 'picturepan2/spectre';
// HEAD of master: "Merge pull request #635 from picturepan2/0.5.9", 2020-07-02 (Spectre.css 0.5.9)
const COMMIT = '8847251d71b4dac27e8407cbdb71ae89ce156a43';

// Spacing scale (CSS px). Spectre sets `html { font-size: 20px }` ($html-font-size, src/_variables.scss:71) and
// sizes everything in its unit steps (src/_variables.scss:55-68): $unit-o .05rem (1), $unit-h .1rem (2),
// $unit-1 .2rem (4), $unit-2 .4rem (8), $unit-3 .6rem (12), $unit-4 .8rem (16), $unit-5 1rem (20),
// $unit-6 1.2rem (24), $unit-8 1.6rem (32), $unit-10 2rem (40), $unit-12 2.4rem (48), $unit-16 3.2rem (64).
// Layout spacing $layout-spacing = $unit-2 (8, column gutters 2 x .4rem = 16), -sm $unit-1 (4), -lg $unit-4 (16);
// $control-padding-x $unit-2 (8), -sm $unit-2 * .75 (6), -lg $unit-2 * 1.5 (12); $control-padding-y
// ($control-size - $line-height)/2 - $border-width (src/_variables.scss:91-93) = (36-24)/2-1 = 5, sm 1, lg 7 px,
// i.e. 6 / 2 / 8 with the 1 px border (counted as scale_value_incl_border). Base unit 4 ($unit-1). The docs chrome (docs/src/scss/docs.scss) adds rem steps of
// the 20 px root: .5rem 10, 1rem 20, 1.5rem 30, 2rem 40, 4.5rem/5rem 90/100.
export const SCALE = [2, 4, 6, 8, 10, 12, 16, 20, 24, 30, 32, 40, 48, 64];
export const BASE_UNIT = 4;

// [path under docs/, family, viewport code, options]; seed i -> PAGES[i-1]. options: jpeg -> JPEG q80.
// Spectre has no dark theme (0.5.9 ships none), so every page is light.
export const PAGES = [
  ['index.html', 'marketing', 'w'],
  ['getting-started.html', 'docs', 'd'],
  ['getting-started/installation.html', 'docs', 'd'],
  ['getting-started/custom.html', 'docs', 'r'],
  ['getting-started/browsers.html', 'tables', 'm'],
  ['getting-started/whatsnew.html', 'docs', 'w', { jpeg: true }],
  ['layout.html', 'docs', 'R'],
  ['layout/grid.html', 'layout', 'd'],
  ['layout/responsive.html', 'layout', 'r'],
  ['layout/hero.html', 'layout', 'p'],
  ['layout/navbar.html', 'navigation', 'd'],
  ['elements.html', 'docs', 'w'],
  ['elements/typography.html', 'typography', 'd'],
  ['elements/tables.html', 'tables', 'r'],
  ['elements/buttons.html', 'components', 'd'],
  ['elements/forms.html', 'forms', 'w'],
  ['elements/icons.html', 'components', 'R'],
  ['elements/labels.html', 'components', 'a'],
  ['elements/code.html', 'typography', 'd', { jpeg: true }],
  ['elements/media.html', 'components', 'r'],
  ['components.html', 'docs', 'd'],
  ['components/accordions.html', 'components', 'w'],
  ['components/avatars.html', 'components', 'd'],
  ['components/badges.html', 'components', 'R'],
  ['components/bars.html', 'components', 'P'],
  ['components/breadcrumbs.html', 'navigation', 'd'],
  ['components/cards.html', 'components', 'r'],
  ['components/chips.html', 'components', 'w'],
  ['components/empty.html', 'components', 'm'],
  ['components/menu.html', 'navigation', 'd'],
  ['components/modals.html', 'components', 'R'],
  ['components/nav.html', 'navigation', 'w'],
  ['components/pagination.html', 'navigation', 'r', { jpeg: true }],
  ['components/panels.html', 'components', 'd'],
  ['components/popovers.html', 'components', 'a'],
  ['components/steps.html', 'navigation', 'w'],
  ['components/tabs.html', 'navigation', 'R'],
  ['components/tiles.html', 'components', 'd'],
  ['components/toasts.html', 'components', 'p'],
  ['components/tooltips.html', 'components', 'r'],
  ['utilities.html', 'docs', 'w'],
  ['utilities/colors.html', 'components', 'd'],
  ['utilities/cursors.html', 'docs', 'm', { jpeg: true }],
  ['utilities/display.html', 'docs', 'R'],
  ['utilities/divider.html', 'components', 'd'],
  ['utilities/loading.html', 'docs', 'w'],
  ['utilities/position.html', 'layout', 'r'],
  ['utilities/shapes.html', 'components', 'P'],
  ['utilities/text.html', 'typography', 'd'],
  ['experimentals.html', 'docs', 'R'],
  ['experimentals/autocomplete.html', 'forms', 'd'],
  ['experimentals/calendars.html', 'components', 'r'],
  ['experimentals/filters.html', 'components', 'w'],
  ['experimentals/meters.html', 'components', 'a', { jpeg: true }],
  ['experimentals/timelines.html', 'components', 'R'],
  ['rtl.html', 'docs', 'd'],
];
// Left out: experimentals/viewer-360, parallax, carousels, comparison (image widgets: one large photo per demo),
// progress and sliders (near-duplicates of meters/forms), examples/starter.html (a title and a footer only).

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'SPECTRE_MIRROR', repo: REPO, commit: COMMIT, marker: 'docs/dist/spectre.css' }));

export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [rel0, family, vp, opt = {}] = PAGES[seed - 1];
  const rel = `docs/${rel0}`;
  const src = mirror();
  let raw = src.text(rel);
  if (raw == null) throw new Error(`${rel} not in ${src.where}`);
  const notes = newNotes();
  // Google AdSense slots (an empty 728x90 / 300x250 inline-block each): no ad is served offline, and an empty
  // reserved box is not part of the design; removed like an ad blocker does.
  raw = raw.replace(/<div class="docs-ad">\s*(<div\b[^>]*>[\s\S]*?<\/div>\s*)*<\/div>/g, () => { notes.dropped.push('docs-ad (AdSense slots)'); return ''; });
  let { html, inline } = neutralise(raw, {
    src, pagePath: rel, notes, cacheName: 'spectre',
    css: (href, repoPath) => ({ repoPath }), // docs/dist/spectre(.min|-icons|-exp|-rtl).css + docs.min.css, as committed
  });
  const [vpSize, dpr] = viewport(vp);
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vpSize,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: 'spectre.css 0.5.9', root_font_px: 20,
    scale_note: 'Spectre units at html 20px: $unit-h 2, $unit-1 4, -2 8, -3 12, -4 16, -5 20, -6 24, -8 32, -10 40, -12 48, -16 64; control padding-x-sm 6; docs chrome rem steps 10/20/30/40. Base 4 ($unit-1 = .2rem).',
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: rel },
    neutralized: summariseNotes(notes),
    style: { family, framework: 'spectre', source: 'spectre', template: `Spectre.css docs: ${rel0}`, layout: path.posix.basename(rel0, '.html'), theme: 'light' },
  };
  return { id: `spc${String(seed).padStart(3, '0')}`, html, meta, inlineCss: inline };
}

runAsScript(import.meta.url, { prefix: 'spc', pages: PAGES, describe: ([rel, fam, vp, opt]) => [rel, fam, vp, opt], generatePage });
