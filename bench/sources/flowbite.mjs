// Real pages: Flowbite (themesberg/flowbite), a Tailwind CSS v4 component library: the HTML examples of its
// documentation (content/{components,forms,typography}/*.md, Hugo `{{< example >}}` blocks), read at render time from
// a git mirror and styled with Flowbite's stylesheet compiled at render time by the pinned Tailwind CLI from npm.
// Generator module for render.mjs:
//
//   FLOWBITE_MIRROR=/path/to/flowbite.git node render.mjs --gen sources/flowbite.mjs --seeds 1-57 --out "$OUT"
//
// FLOWBITE_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a clone / plain checkout.
// FLOWBITE_MIRROR_REV picks another commit. BENCH_SOURCES_BUILD: the build folder (lib.mjs): it receives the pinned
// npm packages (installed once, `npm install` of exact versions, integrity checked) and the compiled stylesheet
// (content-addressed by everything that goes into it, so it is compiled once).
//
// The repository commits no compiled CSS (dist/ is built for npm). Flowbite's stylesheet is src/flowbite.css
// (`@import "tailwindcss"; @plugin "./../plugin.js"; @plugin "flowbite-typography"; @theme {fonts, spacing-2xl…}`)
// plus a theme: the examples use the semantic tokens of src/themes/default.css (bg-brand, text-heading,
// border-default, rounded-base, …; a `.dark` block redefines them). This module writes src/flowbite.css,
// src/themes/default.css and plugin.js from the mirror into the build folder, imports the theme and the class-based
// dark variant the docs' own stylesheet uses (src/main.css: `@import "./themes/themes.css"`, `@custom-variant dark
// (&:where(.dark, .dark *))`), restricts Tailwind's sources to the extracted examples (`source(none)` + `@source`),
// and runs @tailwindcss/cli 4.1.17 (package.json: tailwindcss ^4.1.12; package-lock.json: tailwindcss 4.1.17) once.
// The docs' Google Fonts imports (Inter) live in src/main.css, not in src/flowbite.css: text falls back to the
// installed fonts.
//
// A page is either a sheet of several examples or one example as a whole page. The docs show each example in an
// iframe: <html class="(dark)"><body class="p-5 bg-neutral-primary antialiased BODYCLASS"><div id="exampleWrapper"
// class="CLASS">EXAMPLE</div></body> (layouts/_shortcodes/example.html; CLASS / BODYCLASS from the shortcode's
// `class` / `bodyClass`). A sheet keeps that frame per example: each example becomes
// <div class="p-5 BODYCLASS"><div class="CLASS">EXAMPLE</div></div>, and the sheet stacks them in one column or a grid
// of equal columns with NO spacing of its own (no gap, no padding, no margin) on the body's bg-neutral-primary. Full
// pages (sidebars, fixed navbars, banners, bottom bars, which position themselves against the viewport) are the iframe
// document itself at the page's viewport, with the skeleton placeholders the docs add under them
// (`skeletonPlaceholders=true`, markup read from the shortcode). Dark pages put `dark` on <html>, as the docs' dark
// toggle does: the semantic tokens switch and the page background bg-neutral-primary becomes gray-950.
//
// `node sources/flowbite.mjs --list` prints the pages; `node sources/flowbite.mjs SEED > page.html` writes one page
// with its CSS inlined.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, buildDir, runAsScript, npmPinned } from './lib.mjs';

export const GENERATOR = 'src-flowbite-v1';
const REPO = 'themesberg/flowbite';
// main, 2026-02-06 "add mcp ui demo video"; package.json version 4.0.1
const COMMIT = '69594645a9e0fae17c31a0ef4acd42f08c1fc26e';

// npm packages, exact versions (the Tailwind CLI at the version of the lockfile's tailwindcss; the two packages
// plugin.js / src/flowbite.css need). Integrity = the registry's dist.integrity, checked against what npm installed.
const TW_VERSION = '4.1.17';
const NPM_PINS = {
  '@tailwindcss/cli': ['4.1.17', 'sha512-jUIxcyUNlCC2aNPnyPEWU/L2/ik3pB4fF3auKGXr8AvN3T3OFESVctFKOBoPZQaZJIeUpPn1uCLp0MRxuek8gg=='],
  tailwindcss: ['4.1.17', 'sha512-j9Ee2YjuQqYT9bbRTfTZht9W/ytp5H+jJpZKiYdP/bpnXARAuELt9ofP0lPnmHjbga7SNQIxdTAXCmtKVYjN+Q=='],
  'flowbite-typography': ['1.0.5', 'sha512-IqTwOYgGZkXTK/5ngx3A9oQwgOqnRyUKUfIiB+w6xDmiD8z3cKDIgYfFpHIMKbLVfg+QmJIPqEEPrGZbAwVT6g=='],
  'mini-svg-data-uri': ['1.4.4', 'sha512-r9deDe9p5FJUPZAk3A59wGH7Ii9YrjjWw0jmw/liSbHl2CHiyXj6FcDXDu2K3TjVAXqiJdaw3xxwlZZr9E6nHg=='],
};

// Spacing scale (CSS px, root font 16 px). Tailwind v4 derives every spacing utility from `--spacing: .25rem`
// (tailwindcss/theme.css; Flowbite's themes do not change it): p-N = calc(var(--spacing) * N), so the base unit is
// 4 px. The scale is the set of steps the 270 examples used here actually use, counted over their HTML plus the docs'
// frame (p-5) and the shortcodes' class / bodyClass: p/m/gap/space utilities with any variant prefix (sm:, md:, lg:,
// dark:, rtl:, …), negative margins as their size. Steps 0.5 1 1.5 2 2.5 3 3.5 4 5 6 7 8 9 10 12 16 48 64 -> 2 4 6 8
// 10 12 14 16 20 24 28 32 36 40 48 64 192 256 px (counts in flowbite.md; 192 = the docs wrapper's pb-48 under a
// breadcrumb, 256 = the sidebar layouts' sm:ml-64). Left off: 0 and the 1 px hairlines (-space-x-px, -mb-px, which
// overlap borders). The Flowbite plugin's form-control paddings (spacing[2] / spacing[3] = 8 / 12, select
// padding-right spacing[10] = 40, file button spacing[2.5] / [4] / [8]) are on it.
export const SCALE = [2, 4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 36, 40, 48, 64, 192, 256];
export const BASE_UNIT = 4;

// Example ids: '<section>/<page>:<n>' = the n-th {{< example >}} block (1-based) of content/<section>/<page>.md.
const ex = (section) => (page, nums) => nums.map((n) => `${section}/${page}:${n}`);
const C = ex('components'), F = ex('forms'), T = ex('typography');
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

// [items (list of example ids), family, viewport code, options]
// options: cols -> grid columns of a sheet (1 below 640 px); page -> the one example is the whole document (the
//          docs' iframe); dark -> <html class="dark">; jpeg -> JPEG q80.
export const PAGES = [
  // alerts, badges, buttons
  [C('alerts', [1, 2, 3]), 'components', 'd'],
  [C('alerts', [5, 7]), 'components', 'r', { dark: true }],
  [C('badge', [1, 3, 5, 8, 9, 12, 14, 16]), 'components', 'R', { cols: 3 }],
  [C('buttons', [1, 2, 9, 10, 11]), 'components', 'd'],
  [C('buttons', [3, 4, 6, 7, 12]), 'components', 'r'],
  [[...C('buttons', [13, 14, 15, 16, 17]), ...C('button-group', [1, 2, 3])], 'components', 'w', { cols: 2 }],
  [C('button-group', [7, 10, 11, 12, 13]), 'components', 'd', { dark: true }],
  // cards, list groups
  [C('card', [1, 2, 3, 8]), 'components', 'w', { cols: 2 }],
  [C('card', [4, 5, 9, 14]), 'ecommerce', 'r', { cols: 2 }],
  [C('list-group', range(1, 6)), 'components', 'd', { cols: 3 }],
  // tables
  [C('tables', [1, 2]), 'tables', 'd'],
  [C('tables', [5, 9]), 'tables', 'r', { dark: true }],
  [C('tables', [13]), 'tables', 'R'],
  [C('tables', [14, 16]), 'tables', 'd', { jpeg: true }],
  // navigation
  [[...C('breadcrumb', [1, 2, 6]), ...C('pagination', [1, 2])], 'navigation', 'd'],
  [C('tabs', [1, 2, 3, 4]), 'navigation', 'w'],
  [[...C('tabs', [5, 6, 7]), ...C('stepper', [1, 2])], 'navigation', 'd'],
  [C('stepper', [3, 4, 6, 7]), 'navigation', 'R', { cols: 2 }],
  // timelines, avatars, indicators, toasts
  [C('timeline', [1, 2, 3]), 'components', 'r', { cols: 3 }],
  [C('timeline', [4, 5]), 'components', 'w', { cols: 2, dark: true }],
  [[...C('avatar', [1, 2, 3, 4, 6, 7, 8, 10]), ...C('indicators', range(1, 5))], 'components', 'w', { cols: 3 }],
  [C('toast', range(8, 11)), 'components', 'r', { cols: 2 }],
  // marketing blocks
  [C('footer', [1, 2, 3, 4]), 'marketing', 'd'],
  [C('jumbotron', [1, 5]), 'marketing', 'w'],
  [[...C('jumbotron', [3]), ...C('footer', [4])], 'marketing', 'R', { dark: true }],
  [C('jumbotron', [4, 6]), 'marketing', 'r'],
  // forms
  [C('forms', [1, 3, 5, 6]), 'forms', 'd', { cols: 2 }],
  [C('forms', range(7, 15)), 'forms', 'r', { cols: 3 }],
  [F('input-field', [1, 2, 4, 5, 6, 7]), 'forms', 'w', { jpeg: true }],
  [F('checkbox', [1, 2, 3, 4, 5, 6, 8, 9]), 'forms', 'R', { cols: 2, jpeg: true }],
  [F('radio', [1, 2, 3, 4, 5, 6, 7, 9]), 'forms', 'd', { cols: 2, dark: true }],
  [F('toggle', range(1, 9)), 'forms', 'w', { cols: 3 }],
  [F('floating-label', [1, 2, 4, 5]), 'forms', 'r'],
  [F('number-input', [1, 2, 4, 5, 6, 8, 11, 12]), 'forms', 'd', { cols: 2 }],
  [[...F('select', [1, 2, 3, 4, 5, 7]), ...F('textarea', [1, 3, 4])], 'forms', 'w', { cols: 3 }],
  [[...F('file-input', range(1, 6)), ...F('search-input', [1, 3, 5])], 'forms', 'r', { cols: 2 }],
  // typography
  [[...T('blockquote', range(1, 6)), ...T('lists', range(1, 8))], 'typography', 'd', { cols: 2 }],
  [T('text', range(1, 21)), 'typography', 'R', { cols: 3 }],
  [[...T('hr', range(1, 5)), ...T('links', range(1, 8)), ...C('kbd', [1, 2, 4])], 'typography', 'd', { cols: 2, jpeg: true }],
  // misc components
  [C('rating', range(1, 8)), 'components', 'r', { cols: 2 }],
  [[...C('skeleton', range(1, 8)), ...C('progress', range(1, 5))], 'components', 'd', { cols: 3 }],
  [[...C('chat-bubble', [13, 14, 15, 18]), ...C('kbd', [3])], 'components', 'd', { cols: 2 }],
  // whole pages (the example positions itself against the viewport)
  [C('sidebar', [1]), 'layout', 'd', { page: true }],
  [C('sidebar', [3]), 'layout', 'R', { page: true, dark: true }],
  [C('navbar', [1]), 'navigation', 'd', { page: true }],
  [C('banner', [4]), 'marketing', 'w', { page: true }],
  // phones
  [C('alerts', [1, 2]), 'components', 'm'],
  [C('card', [2, 9]), 'ecommerce', 'p'],
  [C('toast', [1, 3, 4, 5, 6]), 'components', 'a'],
  [C('forms', [1, 7, 8]), 'forms', 'm', { dark: true }],
  [[...C('breadcrumb', [1]), ...C('pagination', [1, 3]), ...C('tabs', [4])], 'navigation', 'p', { jpeg: true }],
  [C('list-group', [1, 4, 5]), 'components', 'P'],
  [C('navbar', [5]), 'navigation', 'm', { page: true }],
  [C('bottom-navigation', [1]), 'navigation', 'm', { page: true }],
  [C('bottom-navigation', [2]), 'navigation', 'p', { page: true, dark: true }],
  [[...C('timeline', [2]), ...C('stepper', [4])], 'components', 'a'],
  [[...C('jumbotron', [1]), ...C('footer', [3])], 'marketing', 'a'],
];
// Left out: examples that show nothing without Flowbite's script or are script-drawn (modals, drawers, dropdowns,
// popovers, tooltips, speed dials, mega menus' panels, carousels / gallery sliders, datepickers, the WYSIWYG editor,
// charts), accordions (every panel closed without the script), videos, device mockups and galleries (remote
// screenshots and photos), and, for the page budget, headings, paragraphs, images, spinners, QR codes, clipboard,
// the second-tier table / card / navbar / sidebar variants.

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'FLOWBITE_MIRROR', repo: REPO, commit: COMMIT, marker: 'src/flowbite.css' }));

// ------------------------------------------------------------------ examples
// Hugo shortcode attributes: key="v", key='v', key=`v`, key=v
function shortcodeAttrs(s) {
  const o = {};
  const re = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s>]+))/g;
  let m;
  while ((m = re.exec(s))) if (!(m[1] in o)) o[m[1]] = m[2] ?? m[3] ?? m[4] ?? m[5];
  return o;
}
const EXAMPLES = new Map(); // md path -> [{ attrs, html, heading }]
function examplesOf(src, md) {
  if (EXAMPLES.has(md)) return EXAMPLES.get(md);
  const text = src.text(md);
  if (text == null) throw new Error(`${md} not in ${src.where}`);
  const out = [];
  const re = /\{\{<\s*example\b([\s\S]*?)>\}\}([\s\S]*?)\{\{<\s*\/example\s*>\}\}/g;
  let m;
  while ((m = re.exec(text))) {
    const hs = [...text.slice(0, m.index).matchAll(/^#{2,}\s+(.*)$/gm)];
    out.push({ attrs: shortcodeAttrs(m[1]), html: m[2], heading: hs.length ? hs[hs.length - 1][1].trim() : '' });
  }
  EXAMPLES.set(md, out);
  return out;
}
function example(src, id) {
  const m = id.match(/^([\w-]+\/[\w-]+):(\d+)$/);
  if (!m) throw new Error(`bad example id ${id}`);
  const list = examplesOf(src, `content/${m[1]}.md`);
  const e = list[+m[2] - 1];
  if (!e) throw new Error(`${id}: content/${m[1]}.md has ${list.length} examples`);
  return e;
}
// the shortcode's skeleton placeholders (shown under fixed navbars / banners / bottom bars in the docs)
let SKELETON = null;
function skeleton(src) {
  if (SKELETON != null) return SKELETON;
  const t = src.text('layouts/_shortcodes/example.html') || '';
  const m = t.match(/\$skeletonPlaceholdersMarkup\s*:=\s*"([^"]*)"/);
  if (!m) throw new Error('layouts/_shortcodes/example.html: no $skeletonPlaceholdersMarkup');
  return (SKELETON = m[1].replace(/'/g, '"'));
}

const classTokens = (html) => [...html.matchAll(/\bclass\s*=\s*"([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/).filter(Boolean));
const positionsFixed = (html) => classTokens(html).some((c) => c === 'fixed' || /:fixed$/.test(c));

// an example's markup, cleaned of the docs' own Hugo shortcodes and with its local images pointed at the mirror's
// static/ folder; ids / names / label targets made unique per block (two examples on a sheet share ids and radio
// group names otherwise)
function exampleHtml(src, id, idx, notes) {
  let h = example(src, id).html;
  h = h.replace(/\{\{<\s*param\s+homepage\s*>\}\}/g, 'https://flowbite.com');
  h = h.replace(/\{\{<\s*current_version\s*>\}\}/g, '4.0.1');
  h = h.replace(/\{\{<[\s\S]*?>\}\}/g, () => { notes.dropped.push('Hugo shortcode inside an example'); return ''; });
  // /docs/images/x (the docs site's static files) -> static/images/x; the same files on flowbite.com -> the mirror's
  h = h.replace(/\b(src|href)="(?:https:\/\/flowbite\.com)?\/docs\/(images|videos)\/([^"]+)"/g, (all, a, dir, rest) => {
    const p = `static/${dir}/${rest.split(/[?#]/)[0]}`;
    if (!src.read(p)) return all;
    return `${a}="/${p}"`;
  });
  if (idx != null) {
    const ids = new Set([...h.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const sfx = (v) => `${v}-b${idx}`;
    h = h.replace(/(\s)(id|for)="([^"]+)"/g, (all, sp, a, v) => (ids.has(v) ? `${sp}${a}="${sfx(v)}"` : all));
    h = h.replace(/(\s)name="([^"]+)"/g, (all, sp, v) => `${sp}name="${sfx(v)}"`);
    h = h.replace(/url\(#([^)]+)\)/g, (all, v) => (ids.has(v) ? `url(#${sfx(v)})` : all));
    h = h.replace(/((?:\s|xlink:)href)="#([^"]+)"/g, (all, a, v) => (ids.has(v) ? `${a}="#${sfx(v)}"` : all));
  }
  return h;
}
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;');

// one example as a sheet block: the docs iframe's body (p-5 + bodyClass) and wrapper (class) as divs
function sheetBlock(src, id, idx, notes) {
  const e = example(src, id);
  if (positionsFixed(e.html)) throw new Error(`${id} positions itself against the viewport (fixed): use it as a page`);
  const bodyClass = ['p-5', e.attrs.bodyClass || ''].join(' ').trim();
  return `<div data-flowbite="${esc(id)}" class="${esc(bodyClass)}"><div class="${esc(e.attrs.class || '')}">\n${exampleHtml(src, id, idx, notes)}\n</div></div>`;
}

const shell = (title, dark, body) => `<!DOCTYPE html>
<html lang="en"${dark ? ' class="dark"' : ''}>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(title)}</title>
<!--CSS:flowbite-->
</head>
${body}
</html>`;

function pageDoc(src, items, opt, cols, notes) {
  const dark = !!opt.dark;
  if (opt.page) {
    if (items.length !== 1) throw new Error('a whole page holds one example');
    const e = example(src, items[0]);
    const sk = e.attrs.skeletonPlaceholders === 'true' ? skeleton(src) : '';
    if (sk) notes.static_state.push('skeleton placeholders under the example, as the docs preview shows');
    notes.static_state.push('one example as the docs preview iframe document, at the page viewport');
    const body = `<body class="${esc(['p-5 bg-neutral-primary antialiased', e.attrs.bodyClass || ''].join(' ').trim())}"><div id="exampleWrapper" data-flowbite="${esc(items[0])}" class="${esc(e.attrs.class || '')}">\n${exampleHtml(src, items[0], null, notes)}${sk}\n</div></body>`;
    return shell(`Flowbite: ${e.heading}`, dark, body);
  }
  const blocks = items.map((id, i) => sheetBlock(src, id, i, notes));
  const sheetStyle = cols > 1 ? `display:grid;grid-template-columns:repeat(${cols},minmax(0,1fr));align-items:start` : 'display:block';
  notes.static_state.push(`sheet of ${items.length} examples, ${cols} column(s), no spacing of its own`);
  const body = `<body class="bg-neutral-primary antialiased">\n<div data-sheet style="${sheetStyle}">\n${blocks.join('\n')}\n</div>\n</body>`;
  return shell('Flowbite components', dark, body);
}

// ------------------------------------------------------------------ the stylesheet (compiled once)
const npmDir = () => npmPinned('flowbite', `tailwindcss-${TW_VERSION}`, NPM_PINS);

// src/flowbite.css with the default theme and the docs' class-based dark variant; sources = the examples only
function entryCss(src) {
  const fb = src.text('src/flowbite.css');
  if (fb == null || !/@import\s+["']tailwindcss["'];/.test(fb)) throw new Error('src/flowbite.css: no @import "tailwindcss"');
  return fb.replace(/@import\s+["']tailwindcss["'];/, () => [
    '@import "tailwindcss" source(none);',
    '@import "./themes/default.css";',
    '@custom-variant dark (&:where(.dark, .dark *));',
    '@source "../content";',
  ].join('\n'));
}

let CSS = null;
function flowbiteCss(src, notes) {
  if (!CSS) {
    // every page's markup is the content Tailwind scans, so one stylesheet serves all pages (as the docs' main.css)
    const content = PAGES.map((p, i) => {
      const [items, , vp, opt = {}] = p;
      const [v] = viewport(vp);
      return pageDoc(src, items, opt, v.width < 640 ? 1 : (opt.cols || 1), newNotes());
    }).join('\n');
    const files = {
      'src/flowbite.css': entryCss(src),
      'src/themes/default.css': src.text('src/themes/default.css'),
      'plugin.js': src.text('plugin.js'),
      'content/pages.html': content,
    };
    for (const [k, v] of Object.entries(files)) if (v == null) throw new Error(`${k} not in ${src.where}`);
    const key = crypto.createHash('sha1').update(JSON.stringify([TW_VERSION, NPM_PINS, files])).digest('hex').slice(0, 16);
    const out = path.join(buildDir(), `flowbite-tailwind-${key}.css`);
    if (!fs.existsSync(out)) {
      const dir = npmDir();
      const work = path.join(dir, `build-${key}`);
      fs.rmSync(work, { recursive: true, force: true });
      for (const [k, v] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(work, k)), { recursive: true }); fs.writeFileSync(path.join(work, k), v); }
      const cli = path.join(dir, 'node_modules', '@tailwindcss', 'cli', 'dist', 'index.mjs');
      execFileSync(process.execPath, [cli, '-i', path.join(work, 'src/flowbite.css'), '-o', out + '.tmp'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
      let css = fs.readFileSync(out + '.tmp', 'utf8');
      if (!css.includes('tailwindcss v' + TW_VERSION) || !/--color-brand\s*:/.test(css)) throw new Error(`${out}.tmp: not a Tailwind ${TW_VERSION} build with Flowbite's theme`);
      fs.renameSync(out + '.tmp', out);
      fs.rmSync(work, { recursive: true, force: true });
    }
    CSS = out;
  }
  notes.stylesheets.push(`src/flowbite.css + src/themes/default.css + plugin.js, compiled by @tailwindcss/cli ${TW_VERSION}`);
  return { placeholder: '<!--CSS:flowbite-->', file: CSS, label: `${REPO}/src/flowbite.css (tailwindcss ${TW_VERSION})` };
}

// ------------------------------------------------------------------ page
export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [items, family, vpCode, opt = {}] = PAGES[seed - 1];
  const src = mirror();
  const [vp, dpr] = viewport(vpCode);
  const notes = newNotes();
  const cols = vp.width < 640 ? 1 : (opt.cols || 1);
  const raw = pageDoc(src, items, opt, cols, notes);
  const inc = flowbiteCss(src, notes);
  // scripts, remote images (grey blocks), media; no other stylesheet is linked. Local images resolve from the root.
  const { html } = neutralise(raw, { src, pagePath: 'index.html', notes, cacheName: 'flowbite', css: () => null });
  if (opt.dark) notes.static_state.push('dark: class "dark" on <html> (default theme .dark tokens), page background bg-neutral-primary (gray-950)');
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vp,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: `tailwindcss ${TW_VERSION} (flowbite 4.0.1)`, root_font_px: 16,
    scale_note: 'Tailwind v4 spacing: every p/m/gap/space utility is a multiple of --spacing .25rem (4 px); scale = the steps the Flowbite examples used here take (2..256 px), the docs preview frame p-5 (20) and the plugin form paddings (8/12) included. Base 4; the 0.5/1.5/2.5/3.5 steps (2/6/10/14 px) give gcd 2 on most pages.',
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: items.map((id) => `content/${id.replace(/:\d+$/, '')}.md#example-${id.split(':')[1]}`), npm: `@tailwindcss/cli@${TW_VERSION}` },
    neutralized: summariseNotes(notes),
    style: {
      family, framework: 'tailwind4', source: 'flowbite',
      template: `Flowbite examples: ${items.map((id) => `${id} (${example(src, id).heading})`).join(', ')}${opt.dark ? ' (dark)' : ''}`,
      layout: opt.page ? 'page' : `sheet-${cols}col`,
      theme: opt.dark ? 'dark' : 'light',
    },
  };
  return { id: `fbt${String(seed).padStart(3, '0')}`, html, meta, inlineCss: [inc] };
}

runAsScript(import.meta.url, { prefix: 'fbt', pages: PAGES, describe: ([items, fam, vp, opt]) => [items.join(','), fam, vp, opt], generatePage });
