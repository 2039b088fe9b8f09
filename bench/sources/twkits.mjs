// Real pages: three open-source Tailwind CSS templates, read at render time from git mirrors at pinned commits:
//   - K-WD Dashboard (Kamona-WD/kwd-dashboard, MIT): its published build (the gh-pages branch: 13 pages, Tailwind 3.4
//     CSS compiled by the project's vite build, Alpine.js 3 + ApexCharts bundles; 11 pages used), light and dark;
//   - Tailwind Admin Template (davidgrzyb/tailwind-admin-template, Apache-2.0): 5 static pages that load Tailwind
//     2.2.19 (full build), Alpine.js 2 and Font Awesome 5.13.0 JS from CDNs; the same files come from npm, pinned;
//   - Tailwind CSS landing page (themesberg/tailwind-landing-page, MIT): one page with its committed compiled
//     output.css (Tailwind 3.1.4 + Flowbite plugin, darkMode 'class'), light and dark.
// Generator module for render.mjs:
//
//   MIRROR_ROOT=/work/.mirror node render.mjs --gen sources/twkits.mjs --seeds 1-57 --out "$OUT"
//
// Mirrors: KWD_MIRROR, TWADMIN_MIRROR, TWLANDING_MIRROR (a git directory holding the pinned commit, or a checkout;
// <VAR>_REV picks another commit), or $MIRROR_ROOT/<owner>+<name>/repo. BENCH_SOURCES_BUILD: the build folder
// (lib.mjs): the pinned npm packages (installed once, exact versions, integrity checked) and the inlined stylesheets.
//
// Static state. The K-WD and admin-template pages get their first screen from their own scripts (Alpine.js state:
// sidebars open or closed by viewport width, menus, panels, the dark scheme; Font Awesome's JS turns <i> into inline
// SVG). Those scripts are run once, as they are, in headless Chromium at the page's final viewport (scriptPass below):
// the page is served on a private origin from the mirror (K-WD: its own js/*.js bundles; admin template: the CDN files
// from the pinned npm packages; every other request is refused: no network), and the DOM after load is what
// render.mjs gets, with every <script> then removed (lib.mjs neutralise). The landing page needs no script for its
// first screen (Flowbite's JS only toggles the phone menu, hidden in the markup).
//
// `node sources/twkits.mjs --list` prints the pages; `node sources/twkits.mjs SEED > page.html` writes one page with
// its CSS inlined.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mirrorsOf, neutralise, newNotes, summariseNotes, viewport, writeCached, runAsScript, npmPinned } from './lib.mjs';

export const GENERATOR = 'src-twkits-v1';

const KITS = {
  kwd: {
    repo: 'Kamona-WD/kwd-dashboard', env: 'KWD_MIRROR', name: 'K-WD Dashboard 0.1.0',
    // gh-pages, 2025-01-23 "Updates": the `npm run build` + `gh-pages -d dist` output of main's 2025 rebuild
    commit: 'd7339ce7034d69f516949abb9336264ec4b9cc14', marker: 'css/main.css', framework: 'tailwindcss 3.4 (vite build, committed)',
  },
  adm: {
    repo: 'davidgrzyb/tailwind-admin-template', env: 'TWADMIN_MIRROR', name: 'Tailwind Admin Template',
    // master, 2022-02-08 "Update Tailwind CDN"
    commit: '37c4c6106c772260861da5386923abce4b492fb6', marker: 'index.html', framework: 'tailwindcss 2.2.19 (dist/tailwind.min.css)',
  },
  lnd: {
    repo: 'themesberg/tailwind-landing-page', env: 'TWLANDING_MIRROR', name: 'Tailwind CSS landing page (Flowbite)',
    // main, 2022-11-22 "Update README.md"
    commit: '3c1d9f3e574471fe9a6c0375439137068d5bdc33', marker: 'output.css', framework: 'tailwindcss 3.1.4 + flowbite 1.4 plugin (output.css, committed)',
  },
};

// npm, exact versions = the CDN URLs of the admin template's pages: cdnjs tailwindcss/2.2.19/tailwind.min.css (the npm
// package's dist/tailwind.min.css), jsdelivr gh/alpinejs/alpine@v2.x.x (the newest v2 tag, 2.8.2), cdnjs
// font-awesome/5.13.0/js/all.min.js (the npm package's js/all.min.js; the page's integrity attribute, sha256, is
// checked against it). Integrity = the registry's dist.integrity, checked against what npm installed.
const NPM_PINS = {
  tailwindcss: ['2.2.19', 'sha512-6Ui7JSVtXadtTUo2NtkBBacobzWiQYVjYW0ZnKaP9S1ZCKQ0w7KVNz+YSDI/j7O7KCMHbOkz94ZMQhbT9pOqjw=='],
  alpinejs: ['2.8.2', 'sha512-5yOUtckn4CBp0qsHpo2qgjZyZit84uXvHbB7NJ27sn4FA6UlFl2i9PGUAdTXkcbFvvxDJBM+zpOD8RuNYFvQAw=='],
  '@fortawesome/fontawesome-free': ['5.13.0', 'sha512-xKOeQEl5O47GPZYIMToj6uuA2syyFlq9EMSl2ui0uytjY9xbe8XS0pexNWmxrdcCyNGyDmLyYw5FtKsalBUeOg=='],
};
const CDN = [
  [/^https:\/\/cdnjs\.cloudflare\.com\/ajax\/libs\/tailwindcss\/2\.2\.19\/tailwind\.min\.css$/, 'tailwindcss/dist/tailwind.min.css', 'text/css'],
  [/^https:\/\/cdn\.jsdelivr\.net\/gh\/alpinejs\/alpine@v2\.x\.x\/dist\/alpine\.min\.js$/, 'alpinejs/dist/alpine.js', 'text/javascript'],
  [/^https:\/\/cdnjs\.cloudflare\.com\/ajax\/libs\/font-awesome\/5\.13\.0\/js\/all\.min\.js$/, '@fortawesome/fontawesome-free/js/all.min.js', 'text/javascript'],
];

// Spacing scale (CSS px, root font 16 px). All three use Tailwind's default spacing theme (v2 and v3 alike: step N =
// N * .25rem, half steps 0.5 1.5 2.5 3.5, `px` = 1 px; tailwindcss 2.2.19 stubs/defaultConfig.stub.js:30-66), and none
// of them changes it: K-WD tailwind.config.js:9-15 (main 76996c9; `extend` only fontFamily; tailwindcss 3.4.17 in
// yarn.lock), the landing page's tailwind.config.js:5-10 (`extend` only colors), the admin template the stock CDN
// build. Base unit 4 px. The scale is the set of steps the 17 distinct pages use after the script pass (p / m / gap /
// space utilities, any variant prefix, negative margins as their size, each distinct page once; counts in twkits.md):
// 1 1.5 2 2.5 3 4 5 6 7 8 10 12 16 24 -> 4 6 8 10 12 16 20 24 28 32 40 48 64 96 px (28 = K-WD's menu px-7, 96 = its
// auth pages' gap-24). Left off: 0 and `px` (p-px / -ml-px of K-WD's placeholder boxes, 1 px); no arbitrary values.
export const SCALE = [4, 6, 8, 10, 12, 16, 20, 24, 28, 32, 40, 48, 64, 96];
export const BASE_UNIT = 4;

// [kit, page (repository path), family, viewport code, options]; options: dark -> the kit's dark scheme; jpeg -> JPEG q80.
export const PAGES = [
  // K-WD Dashboard (33)
  ['kwd', 'index.html', 'dashboard', 'd'],
  ['kwd', 'index.html', 'dashboard', 'R', { dark: true }],
  ['kwd', 'index.html', 'dashboard', 'm'],
  ['kwd', 'index.html', 'dashboard', 'w', { jpeg: true }],
  ['kwd', 'index.html', 'dashboard', 'a', { dark: true }],
  ['kwd', 'pages/blank.html', 'layout', 'w'],
  ['kwd', 'pages/blank.html', 'layout', 'r'],
  ['kwd', 'pages/blank.html', 'layout', 'P', { dark: true }],
  ['kwd', 'layouts/two-columns-sidebar.html', 'layout', 'd'],
  ['kwd', 'layouts/two-columns-sidebar.html', 'layout', 'R', { dark: true }],
  ['kwd', 'layouts/two-columns-sidebar.html', 'layout', 'm'],
  ['kwd', 'layouts/mini-sidebar.html', 'layout', 'w'],
  ['kwd', 'layouts/mini-sidebar.html', 'layout', 'r'],
  ['kwd', 'layouts/mini-sidebar.html', 'layout', 'd', { dark: true }],
  ['kwd', 'layouts/mini-plus-one-column-sidebar.html', 'layout', 'd'],
  ['kwd', 'layouts/mini-plus-one-column-sidebar.html', 'layout', 'R'],
  ['kwd', 'layouts/mini-plus-one-column-sidebar.html', 'layout', 'a'],
  ['kwd', 'pages/404.html', 'error', 'w'],
  ['kwd', 'pages/404.html', 'error', 'r', { dark: true }],
  ['kwd', 'pages/404.html', 'error', 'p'],
  ['kwd', 'pages/500.html', 'error', 'd'],
  ['kwd', 'pages/500.html', 'error', 'R'],
  ['kwd', 'pages/500.html', 'error', 'p', { dark: true }],
  ['kwd', 'auth/login.html', 'auth', 'd'],
  ['kwd', 'auth/login.html', 'auth', 'R'],
  ['kwd', 'auth/login.html', 'auth', 'm', { dark: true }],
  ['kwd', 'auth/register.html', 'auth', 'w'],
  ['kwd', 'auth/register.html', 'auth', 'r', { jpeg: true }],
  ['kwd', 'auth/register.html', 'auth', 'P'],
  ['kwd', 'auth/forgot-password.html', 'auth', 'd'],
  ['kwd', 'auth/forgot-password.html', 'auth', 'R', { dark: true }],
  ['kwd', 'auth/reset-password.html', 'auth', 'w'],
  ['kwd', 'auth/reset-password.html', 'auth', 'a'],
  // Tailwind Admin Template (16)
  ['adm', 'index.html', 'dashboard', 'd'],
  ['adm', 'index.html', 'dashboard', 'R'],
  ['adm', 'index.html', 'dashboard', 'm'],
  ['adm', 'index.html', 'dashboard', 'w'],
  ['adm', 'tables.html', 'tables', 'w'],
  ['adm', 'tables.html', 'tables', 'r'],
  ['adm', 'tables.html', 'tables', 'd', { jpeg: true }],
  ['adm', 'tables.html', 'tables', 'p'],
  ['adm', 'forms.html', 'forms', 'd'],
  ['adm', 'forms.html', 'forms', 'R'],
  ['adm', 'forms.html', 'forms', 'a'],
  ['adm', 'tabs.html', 'components', 'w'],
  ['adm', 'tabs.html', 'components', 'r'],
  ['adm', 'tabs.html', 'components', 'P'],
  ['adm', 'blank.html', 'layout', 'd'],
  ['adm', 'blank.html', 'layout', 'R'],
  // landing page (7)
  ['lnd', 'index.html', 'marketing', 'd'],
  ['lnd', 'index.html', 'marketing', 'R'],
  ['lnd', 'index.html', 'marketing', 'w', { dark: true }],
  ['lnd', 'index.html', 'marketing', 'r', { dark: true, jpeg: true }],
  ['lnd', 'index.html', 'marketing', 'm'],
  ['lnd', 'index.html', 'marketing', 'p', { dark: true }],
  ['lnd', 'index.html', 'marketing', 'a'],
];
// Left out: K-WD's components/tables.html and components/form-elements.html (in this build both are copies of the
// blank page: header, breadcrumb, empty content), the admin template's calendar.html (Alpine draws the month of the current date: the page would change
// with the day it is rendered on), K-WD's gh-pages leftovers (build/js/script.js, a 2021 script no page loads).

const mirror = mirrorsOf(KITS);
const npmDir = () => npmPinned('twkits', 'adm-cdn-1', NPM_PINS);

const MIME = { html: 'text/html', css: 'text/css', js: 'text/javascript', png: 'image/png', jpeg: 'image/jpeg', jpg: 'image/jpeg', svg: 'image/svg+xml', ico: 'image/x-icon' };

// ------------------------------------------------------------------ the kits' own scripts, run once (static state)
// Loads `url` in an offline headless Chromium at the page's viewport (and colour scheme); `serve(url)` answers every
// request ({ body, type } or null = refused); after load, `script(args)` runs in the page (it may wait for the kit's
// asynchronous drawing) and the page's document is returned.
async function scriptPass(url, { vp, dpr, dark }, serve, script, args) {
  const { chromium } = await import('playwright-core');
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'twkits-state-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: vp, deviceScaleFactor: dpr, colorScheme: dark ? 'dark' : 'light', reducedMotion: 'reduce',
  });
  const refused = new Set();
  try {
    await ctx.route('**/*', async (route) => {
      const u = route.request().url();
      const r = serve(u);
      if (r) await route.fulfill({ status: 200, body: r.body, contentType: r.type, headers: { 'access-control-allow-origin': '*' } });
      else { refused.add(u.replace(/\?.*$/, '').slice(0, 90)); await route.abort(); }
    });
    const page = ctx.pages()[0] || (await ctx.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message || e).split('\n')[0].slice(0, 120)));
    await page.goto(url, { waitUntil: 'load' });
    const log = await page.evaluate(script, args);
    const html = await page.evaluate(() => '<!DOCTYPE html>\n' + document.documentElement.outerHTML);
    return { html, log, refused: [...refused], errors };
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
  }
}

// K-WD: after Alpine's start (the page's module script), wait for ApexCharts (dashboard), then every chart element
// (x-ref="…ChartEl") is emptied and keeps the height ApexCharts gave it, filled flat.
async function kwdAfterLoad({ fill }) {
  const log = [];
  const charts = [...document.querySelectorAll('[x-ref$="ChartEl"]')];
  const t0 = Date.now();
  while (charts.length && Date.now() - t0 < 8000 && !charts.every((c) => c.querySelector('svg'))) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 100));
  for (const c of charts) {
    const h = Math.round(c.getBoundingClientRect().height);
    const drawn = !!c.querySelector('svg');
    c.innerHTML = '';
    c.removeAttribute('style');
    c.style.height = `${h}px`;
    c.style.backgroundColor = fill;
    log.push(`ApexCharts ${c.getAttribute('x-ref')} -> empty block, height ${h}px${drawn ? '' : ' (not drawn!)'}`);
  }
  const root = document.querySelector('[x-data="setup()"]');
  log.push(`Alpine: ${window.Alpine ? 'started' : 'NOT started'}; dark=${root ? root.classList.contains('dark') : '?'}; loading screen ${document.querySelector('[x-ref="loading"]')?.classList.contains('hidden') ? 'hidden' : 'SHOWN'}`);
  return log;
}

// admin template: Alpine 2 and Font Awesome's SVG replacement run on load; the Chart.js canvases (Chart.js is not
// served) become flat blocks at the size Chart.js 2 gives them (responsive, width of the card, aspect ratio of the
// canvas attributes: 400x200).
async function admAfterLoad({ fill }) {
  const log = [];
  const t0 = Date.now();
  while (Date.now() - t0 < 5000 && (!window.Alpine || document.querySelector('i.fas, i.far, i.fab'))) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 100));
  for (const c of document.querySelectorAll('canvas')) {
    c.style.display = 'block'; c.style.width = '100%'; c.style.height = 'auto'; c.style.backgroundColor = fill;
    log.push(`Chart.js canvas #${c.id} -> flat block (width 100%, ${c.width}:${c.height})`);
  }
  log.push(`Alpine ${window.Alpine ? window.Alpine.version : 'NOT started'}; Font Awesome: ${document.querySelectorAll('svg.svg-inline--fa').length} inline SVG icons, ${document.querySelectorAll('i.fas, i.far, i.fab').length} <i> left`);
  return log;
}

function mime(p) { return MIME[p.split('.').pop().toLowerCase()] || 'application/octet-stream'; }

async function kwdPage(src, page, vp, dpr, dark, notes) {
  const ORIGIN = 'http://kwd-dashboard.invalid';
  const BASE = '/kwd-dashboard/'; // vite `base` of the build (the gh-pages site's path)
  let doc = src.text(page);
  if (doc == null) throw new Error(`${page} not in ${src.where}`);
  // the footer's x-text="new Date().getFullYear()": the build's year, so that a render does not depend on its date
  const year = src.date.slice(0, 4);
  doc = doc.replace(/x-text="new Date\(\)\.getFullYear\(\)"/g, () => { notes.static_state.push(`footer year = ${year} (the commit's; x-text="new Date().getFullYear()")`); return `x-text="'${year}'"`; });
  const serve = (u) => {
    const url = new URL(u);
    if (url.origin !== ORIGIN || !url.pathname.startsWith(BASE)) return null;
    let rel = url.pathname.slice(BASE.length);
    if (rel === page) return { body: doc, type: 'text/html' };
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const b = src.read(rel);
    return b ? { body: b, type: mime(rel) } : null;
  };
  const fill = dark ? '#2a2f3d' : '#e5e7eb';
  const st = await scriptPass(`${ORIGIN}${BASE}${page}`, { vp, dpr, dark }, serve, kwdAfterLoad, { fill });
  notes.static_state.push(`kit scripts run once at ${vp.width}x${vp.height}, prefers-color-scheme ${dark ? 'dark' : 'light'} (settings store: darkMode from the scheme, nothing in localStorage)`, ...st.log);
  if (st.errors.length) notes.static_state.push(...st.errors.map((e) => `page error: ${e}`));
  for (const r of st.refused) notes.dropped.push(`request refused: ${r}`);
  if (!/\bAlpine: started\b/.test(st.log.join(' '))) throw new Error(`${page}: Alpine did not start in the script pass (${st.errors.join('; ')})`);
  // the build's absolute URLs (vite base /kwd-dashboard/) -> repository paths
  return st.html.replace(/(\s(?:src|href)=")\/kwd-dashboard\//g, '$1/');
}

async function admPage(src, page, vp, dpr, notes) {
  const ORIGIN = 'http://tailwind-admin-template.invalid';
  const doc = src.text(page);
  if (doc == null) throw new Error(`${page} not in ${src.where}`);
  const dir = npmDir();
  // the Font Awesome script's integrity attribute (sha256 of the cdnjs file) must hold for the npm file
  const fa = fs.readFileSync(path.join(dir, 'node_modules', CDN[2][1]));
  const sri = doc.match(/font-awesome\/5\.13\.0\/js\/all\.min\.js"\s+integrity="sha256-([^"]+)"/);
  const { createHash } = await import('node:crypto');
  if (!sri || createHash('sha256').update(fa).digest('base64') !== sri[1]) throw new Error(`${page}: @fortawesome/fontawesome-free 5.13.0 js/all.min.js does not match the page's integrity value`);
  const serve = (u) => {
    if (u === `${ORIGIN}/${page}`) return { body: doc, type: 'text/html' };
    for (const [re, file, type] of CDN) if (re.test(u)) return { body: fs.readFileSync(path.join(dir, 'node_modules', file)), type };
    return null;
  };
  const st = await scriptPass(`${ORIGIN}/${page}`, { vp, dpr, dark: false }, serve, admAfterLoad, { fill: '#e5e7eb' });
  notes.static_state.push(`page scripts run once at ${vp.width}x${vp.height}: Alpine.js 2.8.2, Font Awesome 5.13.0 JS (npm)`, ...st.log);
  for (const r of st.refused) notes.dropped.push(`request refused: ${r}`);
  if (!/Alpine 2\.8\.2/.test(st.log.join(' ')) || /[1-9]\d* <i> left/.test(st.log.join(' '))) throw new Error(`${page}: the script pass did not complete: ${st.log.join('; ')} ${st.errors.join('; ')}`);
  let html = st.html;
  // Tailwind from cdnjs -> the same file from npm, inlined by render.mjs; Karla (Google Fonts @import) offline ->
  // `.font-family-karla { font-family: karla }` has no generic fallback (the browser's default serif): the installed sans
  const link = /<link\b[^>]*href="https:\/\/cdnjs\.cloudflare\.com\/ajax\/libs\/tailwindcss\/2\.2\.19\/tailwind\.min\.css"[^>]*>/;
  if (!link.test(html)) throw new Error(`${page}: no Tailwind 2.2.19 link`);
  html = html.replace(link, '<!--CSS:tailwind-2.2.19-->');
  html = html.replace(/@import url\('https:\/\/fonts\.googleapis\.com\/css\?family=Karla[^']*'\);/, () => { notes.dropped.push('Google Fonts @import (Karla)'); return ''; });
  html = html.replace(/\.font-family-karla\s*\{\s*font-family:\s*karla;\s*\}/, () => { notes.static_state.push('.font-family-karla: karla, sans-serif (Karla not available offline; the rule has no generic fallback)'); return '.font-family-karla { font-family: karla, sans-serif; }'; });
  return html;
}

function lndPage(src, page, dark, notes) {
  let doc = src.text(page);
  if (doc == null) throw new Error(`${page} not in ${src.where}`);
  if (dark) {
    if (!/<html lang="en" class="">/.test(doc)) throw new Error('landing page: <html class=""> not as expected');
    doc = doc.replace('<html lang="en" class="">', '<html lang="en" class="dark">');
    notes.static_state.push('dark: <html class="dark"> (tailwind.config.js darkMode: "class"; the markup carries dark: variants throughout)');
  }
  return doc;
}

// ------------------------------------------------------------------ page
export async function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [kit, page, family, vpCode, opt = {}] = PAGES[seed - 1];
  const K = KITS[kit];
  const src = mirror(kit);
  const [vp, dpr] = viewport(vpCode);
  const dark = !!opt.dark;
  const notes = newNotes();
  let raw;
  const extra = [];
  if (kit === 'kwd') raw = await kwdPage(src, page, vp, dpr, dark, notes);
  else if (kit === 'adm') {
    if (dark) throw new Error('the admin template has no dark theme');
    raw = await admPage(src, page, vp, dpr, notes);
    const css = fs.readFileSync(path.join(npmDir(), 'node_modules', 'tailwindcss/dist/tailwind.min.css'), 'utf8');
    extra.push({ placeholder: '<!--CSS:tailwind-2.2.19-->', file: writeCached('twkits-tailwind-2.2.19.min', css), label: 'npm tailwindcss@2.2.19/dist/tailwind.min.css (= cdnjs tailwindcss/2.2.19)' });
    notes.stylesheets.push('tailwindcss@2.2.19 dist/tailwind.min.css (npm; the page links the cdnjs copy)');
  } else raw = lndPage(src, page, dark, notes);
  const { html, inline } = neutralise(raw, {
    src, pagePath: page, notes, cacheName: `twkits-${kit}`,
    css: (href, repoPath) => ((kit === 'kwd' && repoPath === 'css/main.css') || (kit === 'lnd' && repoPath === 'output.css') ? { repoPath } : null),
  });
  if (kit !== 'adm' && inline.length !== 1) throw new Error(`${kit}/${page}: expected one stylesheet, got ${inline.length}`);
  if (kit === 'kwd') notes.static_state.push('fonts: Noto Sans (Google Fonts) -> installed sans-serif (the theme falls back to ui-sans-serif, system-ui, sans-serif)');
  if (kit === 'lnd') notes.static_state.push('fonts: none loaded by the page; Tailwind\'s default sans stack -> installed sans-serif');
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vp,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: `${K.framework} (${K.name})`, root_font_px: 16,
    scale_note: 'Tailwind default spacing (v2 / v3: step N = N * .25rem), none of the three templates extends it: base 4. Scale = the steps the 17 distinct pages use (4..96 px). The half steps (6/10 px) give gcd 2 on some pages.',
    source: { repo: K.repo, mode: src.mode, commit: src.commit, commit_date: src.date, path: page, ...(kit === 'adm' ? { npm: Object.entries(NPM_PINS).map(([k, [v]]) => `${k}@${v}`).join(' ') } : {}) },
    neutralized: summariseNotes(notes),
    style: { family, framework: kit === 'adm' ? 'tailwind2' : 'tailwind3', source: 'twkits', template: `${K.name}: ${page}${dark ? ' (dark)' : ''}`, layout: `${kit}/${page.replace(/\.html$/, '')}`, theme: dark ? 'dark' : 'light' },
  };
  return { id: `twk${String(seed).padStart(3, '0')}`, html, meta, inlineCss: [...extra, ...inline] };
}

runAsScript(import.meta.url, { prefix: 'twk', pages: PAGES, describe: ([kit, page, fam, vp, opt]) => [`${kit}/${page}`, fam, vp, opt], generatePage });
