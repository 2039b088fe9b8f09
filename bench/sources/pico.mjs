// Real pages: the Pico CSS v1 documentation (picocss/pico, branch v1-dev, docs/*.html built and committed, with
// css/pico.min.css and docs/css/pico.docs.min.css committed), read at render time from a git mirror. Generator
// module for render.mjs:
//
//   PICO_MIRROR=/path/to/pico.git node render.mjs --gen sources/pico.mjs --seeds 1-56 --out "$OUT"
//
// PICO_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT (branch v1-dev), or a clone / plain
// checkout of v1-dev. PICO_MIRROR_REV picks another commit. BENCH_SOURCES_BUILD: folder for the extracted stylesheets.
//
// `node sources/pico.mjs --list` prints the pages; `node sources/pico.mjs SEED > page.html` writes one page with
// its CSS inlined.
import path from 'node:path';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, rewriteTags, setAttr, serialize, runAsScript } from './lib.mjs';

export const GENERATOR = 'src-pico-v1';
const REPO = 'picocss/pico';
// HEAD of branch v1-dev: "chore: bump version to v1.5.13", 2024-03-03 (Pico CSS 1.5.13)
const COMMIT = 'd370d7b07a96b87fbb6c7b8391cf4272ed4a7bb3';

// Pico v1 sizes its spacing in rem of a root font that grows with the viewport (css/pico.css, :root --font-size:
// 16px below 576 px, 17 / 18 / 19 px at 576 / 768 / 992, 20px from 1200 px). Every viewport used here is either a
// phone (< 576 px: root 16) or a desktop (>= 1200 px: root 20), so one page has one root. The spacing variables are
// quarter-rem multiples: --spacing 1rem, --typography-spacing-vertical 1.5rem, --block-spacing-vertical 2rem..4rem
// (x2 / x2.5 / x3 / x3.5 / x4 of --spacing per breakpoint), --block-spacing-horizontal 1rem..2rem,
// --form-element-spacing .75rem 1rem, --nav-element-spacing 1rem .5rem, --nav-link-spacing .5rem .5rem.
// Base unit .25rem: 4 px on phones, 5 px on desktops.
export const SCALE_REM = [0.25, 0.375, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4];
const rootFor = (width) => (width < 576 ? 16 : width < 768 ? 17 : width < 992 ? 18 : width < 1200 ? 19 : 20);

// [page under docs/, family, viewport code, options]; seed i -> PAGES[i-1].
// options: dark -> Pico's own dark theme (html[data-theme=dark], in pico.css); jpeg -> JPEG q80.
export const PAGES = [
  ['index.html', 'docs', 'd'],
  ['index.html', 'docs', 'R', { dark: true }],
  ['index.html', 'docs', 'm'],
  ['index.html', 'docs', 'w'],
  ['themes.html', 'docs', 'w'],
  ['themes.html', 'docs', 'r'],
  ['themes.html', 'docs', 'p', { dark: true }],
  ['customization.html', 'docs', 'd'],
  ['customization.html', 'docs', 'R'],
  ['classless.html', 'docs', 'd'],
  ['classless.html', 'docs', 'a'],
  ['rtl.html', 'docs', 'w'],
  ['rtl.html', 'docs', 'r'],
  ['containers.html', 'layout', 'd'],
  ['containers.html', 'layout', 'r'],
  ['containers.html', 'layout', 'w', { dark: true }],
  ['grid.html', 'layout', 'w'],
  ['grid.html', 'layout', 'R', { jpeg: true }],
  ['grid.html', 'layout', 'p'],
  ['scroller.html', 'layout', 'd'],
  ['scroller.html', 'layout', 'a'],
  ['typography.html', 'typography', 'w'],
  ['typography.html', 'typography', 'r', { dark: true }],
  ['typography.html', 'typography', 'P'],
  ['buttons.html', 'components', 'd'],
  ['buttons.html', 'components', 'R'],
  ['buttons.html', 'components', 'm', { dark: true }],
  ['forms.html', 'forms', 'w'],
  ['forms.html', 'forms', 'r'],
  ['forms.html', 'forms', 'p', { jpeg: true }],
  ['forms.html', 'forms', 'd', { dark: true }],
  ['tables.html', 'tables', 'd'],
  ['tables.html', 'tables', 'R'],
  ['tables.html', 'tables', 'm'],
  ['accordions.html', 'components', 'w'],
  ['accordions.html', 'components', 'a', { dark: true }],
  ['cards.html', 'components', 'd'],
  ['cards.html', 'components', 'r'],
  ['cards.html', 'components', 'm'],
  ['dropdowns.html', 'navigation', 'w'],
  ['dropdowns.html', 'navigation', 'R', { dark: true }],
  ['dropdowns.html', 'navigation', 'd'],
  ['modal.html', 'components', 'd'],
  ['modal.html', 'components', 'R'],
  ['modal.html', 'components', 'm'],
  ['navs.html', 'navigation', 'w'],
  ['navs.html', 'navigation', 'r'],
  ['navs.html', 'navigation', 'P'],
  ['progress.html', 'components', 'd', { jpeg: true }],
  ['progress.html', 'components', 'r'],
  ['loading.html', 'components', 'w'],
  ['loading.html', 'components', 'a', { jpeg: true }],
  ['tooltips.html', 'components', 'd'],
  ['tooltips.html', 'components', 'R'],
  ['we-love-classes.html', 'docs', 'w', { dark: true }],
  ['we-love-classes.html', 'docs', 'r', { jpeg: true }],
];

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'PICO_MIRROR', repo: REPO, commit: COMMIT, marker: 'docs/css/pico.docs.min.css' }));

// Each docs page carries an inline script that marks its sidebar link (aria-current="page") and opens the
// sidebar <details> around it; applied statically. commons.js (theme-switcher button, mobile nav toggle) and the
// page scripts (grid / customization / modal demos) are not run; the grid demo's four columns are in the HTML.
function staticState(raw, notes) {
  const m = raw.match(/querySelector\("aside a#([\w-]+)"\)/);
  if (!m) return raw;
  const id = m[1];
  const at = raw.indexOf(`id="${id}"`);
  if (at < 0) return raw;
  const d = raw.lastIndexOf('<details>', at);
  let out = raw.slice(0, at) + `id="${id}" aria-current="page"` + raw.slice(at + `id="${id}"`.length);
  if (d >= 0) out = out.slice(0, d) + '<details open>' + out.slice(d + '<details>'.length);
  notes.static_state.push(`sidebar: a#${id} aria-current=page, its <details> open (inline script)`);
  return out;
}

export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [file, family, vp, opt = {}] = PAGES[seed - 1];
  const rel = `docs/${file}`;
  const src = mirror();
  let raw = src.text(rel);
  if (raw == null) throw new Error(`${rel} not in ${src.where}`);
  const notes = newNotes();
  raw = staticState(raw, notes);
  let { html, inline } = neutralise(raw, {
    src, pagePath: rel, notes, cacheName: 'pico1',
    css: (href, repoPath) => ({ repoPath }), // ../css/pico.min.css and css/pico.docs.min.css, as committed
  });
  // Pico v1 follows prefers-color-scheme unless data-theme is set (commons.js would set it): set it explicitly
  const theme = opt.dark ? 'dark' : 'light';
  html = rewriteTags(html, ['html'], (name, attrs, sc) => { setAttr(attrs, 'data-theme', theme); return serialize(name, attrs, sc); });
  notes.static_state.push(`html[data-theme=${theme}]`);
  const [vpSize, dpr] = viewport(vp);
  // Phones: the docs stack the banner, the top nav and the collapsed sidebar ("Table of contents") above the
  // content, so every page's first phone screen is the same chrome. render.mjs does not scroll; the phone variants
  // show the page as scrolled to its content by leaving that chrome out (display:none), nothing else changes.
  if (vpSize.width < 576) {
    html = html.replace(/<\/head>/i, '<style data-note="phone: scrolled to the content">body>.new-version,body>nav,main#docs>aside{display:none!important}</style></head>');
    notes.static_state.push('phone: banner, top nav and sidebar hidden (first screen = the content, as scrolled)');
  }
  const root = rootFor(vpSize.width);
  const base = root / 4;
  const scale = SCALE_REM.map((r) => r * root);
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vpSize,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: base, scale,
    framework: 'pico css 1.5.13', root_font_px: root,
    scale_note: `Pico v1 rem spacing (.25 .375 .5 .75 1 1.25 1.5 2 2.5 3 4 rem) at the responsive root ${root}px (16 below 576 px, 20 from 1200 px); base .25rem = ${base}px.`,
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: rel },
    neutralized: summariseNotes(notes),
    style: { family, framework: 'pico1', source: 'pico', template: `Pico CSS v1 docs: ${file}`, layout: path.posix.basename(file, '.html'), theme },
  };
  return { id: `pico${String(seed).padStart(3, '0')}`, html, meta, inlineCss: inline };
}

runAsScript(import.meta.url, { prefix: 'pico', pages: PAGES, describe: ([rel, fam, vp, opt]) => [rel, fam, vp, opt], generatePage });
