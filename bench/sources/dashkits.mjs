// Real pages: three free Bootstrap 5 admin dashboard kits, read at render time from git mirrors (all MIT):
//   - Volt (themesberg/volt-bootstrap-5-dashboard, Bootstrap 5.1.3): 18 pages under src/ written with gulp-file-include
//     partials (`@@include('./_head.html', {...})`, `@@if (...) { ... }`, `@@path`), resolved here as the repository's
//     gulpfile.js (`fileinclude({ prefix: '@@', basepath: './src/partials/', context: { environment: 'development' } })`)
//     would. No compiled CSS is committed: src/scss/volt.scss is compiled here with the `sass` npm package at the
//     version of the repository's package-lock.json (1.47.0), against bootstrap 5.1.3, vanillajs-datepicker 1.2.0 and
//     chartist 0.11.4 (pinned with their lock-file integrity; lib.mjs npmPinned), into the build folder.
//   - Argon Dashboard 3 v2.1.0 (creativetimofficial/argon-dashboard) and Soft UI Dashboard 3 v1.1.0
//     (creativetimofficial/soft-ui-dashboard), Bootstrap 5.3.3: pages/*.html with assets/css/*.css committed.
// Generator module for render.mjs:
//
//   MIRROR_ROOT=/work/.mirror node render.mjs --gen sources/dashkits.mjs --seeds 1-59 --out "$OUT" --no-html
//
// Each repository is found through its own variable, or under $MIRROR_ROOT/<owner>+<name>/repo:
//   VOLT_MIRROR, ARGON_MIRROR, SOFT_UI_MIRROR (each: a git directory holding the pinned commit, or a checkout; *_REV
//   picks another commit). BENCH_SOURCES_BUILD: folder for the extracted / compiled stylesheets and the npm packages
//   (npm must reach its registry the first time). CHROMIUM: the browser of the static-state pass (Argon / Soft UI
//   pages with nav pills, Argon dark pages), default /usr/bin/chromium.
//
// `node sources/dashkits.mjs --list` prints the pages; `node sources/dashkits.mjs SEED > page.html` writes one page
// with its CSS inlined.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  mirrorsOf, neutralise, newNotes, summariseNotes, viewport, buildDir, writeCached, runAsScript, npmPinned,
  rewriteTags, attr, setAttr, serialize, staticState,
} from './lib.mjs';

export const GENERATOR = 'src-dashkits-v1';

// pinned commits (HEAD of each default branch when mirrored)
const REPOS = {
  volt: { repo: 'themesberg/volt-bootstrap-5-dashboard', env: 'VOLT_MIRROR', commit: '733061d47060d761254df349b17e2abd02de6c74', marker: 'src/scss/volt.scss', dir: 'src/', bs: '5.1.3', name: 'Volt' },
  // fontCommit: the last commit whose assets/fonts/nucleo-icons.woff2 is intact (see nucleoFont below)
  argon: { repo: 'creativetimofficial/argon-dashboard', env: 'ARGON_MIRROR', commit: '106e472674e5bc0908cec3d350082de78373812e', marker: 'assets/css/argon-dashboard.css', dir: '', bs: '5.3.3', name: 'Argon Dashboard 3', fontCommit: '5b330fd09d40df44bebb80a7c45b86f54456a395' },
  soft: { repo: 'creativetimofficial/soft-ui-dashboard', env: 'SOFT_UI_MIRROR', commit: '8d29eaac504f62240b5c7be56c93b27848280f77', marker: 'assets/css/soft-ui-dashboard.css', dir: '', bs: '5.3.3', name: 'Soft UI Dashboard 3', fontCommit: 'b6b2cff081d473be83e1fa6784be88fef16417c4' },
};

// Spacing scale (CSS px, root font 16 px: none of the three changes the root size). Bootstrap's spacer utilities
// ($spacer: 1rem; m-/p-/g-/gap-1..5 = .25 .5 1 1.5 3 rem) give 4 8 16 24 48 and the base 4 ($spacer * .25): Volt
// src/scss/volt/_variables.scss:309-315, Argon / Soft UI assets/css/*.css:10353 / :10361 `.p-1 { padding: 0.25rem }`,
// :9589 / :9597 `.m-5 { margin: 3rem }`, :791 `--bs-gutter-x: 1.5rem`. Volt's own map adds 'md' 2rem (32), 'lg' 4rem
// (64) and 6: 5rem (80) (:316, :324-325; 7-12 and 'xl' = 8-20rem pad page sections against the page edge, never
// measured, left off). Component paddings: Volt buttons .5rem 1rem (8 / 16, :657-658), small buttons / inputs .375rem
// .625rem (6 / 10, :668-669), input-group addon x .625rem (10, :914), table cells .75rem .5rem (12 / 8, :574-575),
// card spacer y / x 1.25rem / 1.5rem (20 / 24, :1244-1245); Argon .btn 0.625rem 1.25rem (10 / 20,
// argon-dashboard.css:3766-3767), Soft UI .btn 0.75rem 1.5rem (12 / 24, soft-ui-dashboard.css:3766-3767), both .btn-sm
// 0.5rem 2rem (8 / 32, :4207-4208), card spacer / cap padding 1rem / .5rem 1rem (:5377-5388). Left off: Volt's
// sidebar links .55rem .75rem with .2rem between items (8.8 / 3.2, src/scss/volt/layout/_sidenav.scss:40, :50), Volt
// .badge-sm .2rem .6rem (3.2 / 9.6, components/_badge.scss:40), Argon / Soft UI badges .55em .9em (5.78 / 9.45 at
// 10.5 px text). See dashkits.md.
export const SCALE = [4, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64, 80];
export const BASE_UNIT = 4;

// [kit, page (under the kit's dir), family, viewport code, options]; seed i -> PAGES[i-1].
// options: dark -> Argon's dark version (the configurator's "Light / Dark" switch, darkMode() in
// assets/js/argon-dashboard.js, applied by the static-state pass); jpeg -> JPEG q80.
export const PAGES = [
  // Volt
  ['volt', 'pages/dashboard/dashboard.html', 'dashboard', 'd'],
  ['volt', 'pages/dashboard/dashboard.html', 'dashboard', 'R'],
  ['volt', 'pages/dashboard/dashboard.html', 'dashboard', 'm'],
  ['volt', 'pages/dashboard/dashboard.html', 'dashboard', 'w', { jpeg: true }],
  ['volt', 'pages/transactions.html', 'tables', 'd'],
  ['volt', 'pages/transactions.html', 'tables', 'r'],
  ['volt', 'pages/transactions.html', 'tables', 'p'],
  ['volt', 'pages/settings.html', 'forms', 'w'],
  ['volt', 'pages/settings.html', 'forms', 'R'],
  ['volt', 'pages/settings.html', 'forms', 'a'],
  ['volt', 'pages/upgrade-to-pro.html', 'marketing', 'd'],
  ['volt', 'pages/tables/bootstrap-tables.html', 'tables', 'w'],
  ['volt', 'pages/tables/bootstrap-tables.html', 'tables', 'r'],
  ['volt', 'pages/components/buttons.html', 'components', 'd'],
  ['volt', 'pages/components/forms.html', 'forms', 'w'],
  ['volt', 'pages/components/forms.html', 'forms', 'P'],
  ['volt', 'pages/components/modals.html', 'components', 'd'],
  ['volt', 'pages/components/notifications.html', 'components', 'R'],
  ['volt', 'pages/components/typography.html', 'components', 'w'],
  ['volt', 'pages/examples/sign-in.html', 'auth', 'd'],
  ['volt', 'pages/examples/sign-in.html', 'auth', 'm'],
  ['volt', 'pages/examples/sign-up.html', 'auth', 'w'],
  ['volt', 'pages/examples/forgot-password.html', 'auth', 'r'],
  ['volt', 'pages/examples/reset-password.html', 'auth', 'd'],
  ['volt', 'pages/examples/lock.html', 'auth', 'R'],
  ['volt', 'pages/examples/404.html', 'error', 'd'],
  ['volt', 'pages/examples/500.html', 'error', 'a'],
  ['volt', 'index.html', 'marketing', 'd'],
  ['volt', 'index.html', 'marketing', 'R'],
  ['volt', 'index.html', 'marketing', 'm'],
  // Argon Dashboard 3
  ['argon', 'pages/dashboard.html', 'dashboard', 'd'],
  ['argon', 'pages/dashboard.html', 'dashboard', 'w', { dark: true }],
  ['argon', 'pages/dashboard.html', 'dashboard', 'm'],
  ['argon', 'pages/tables.html', 'tables', 'R'],
  ['argon', 'pages/tables.html', 'tables', 'd', { dark: true }],
  ['argon', 'pages/billing.html', 'account', 'w'],
  ['argon', 'pages/billing.html', 'account', 'a', { dark: true }],
  ['argon', 'pages/profile.html', 'account', 'd'],
  ['argon', 'pages/profile.html', 'account', 'R', { dark: true }],
  ['argon', 'pages/virtual-reality.html', 'dashboard', 'r'],
  ['argon', 'pages/rtl.html', 'dashboard', 'w'],
  ['argon', 'pages/sign-in.html', 'auth', 'd'],
  ['argon', 'pages/sign-in.html', 'auth', 'p'],
  ['argon', 'pages/sign-up.html', 'auth', 'w', { jpeg: true }],
  ['argon', 'pages/sign-up.html', 'auth', 'r'],
  // Soft UI Dashboard 3
  ['soft', 'pages/dashboard.html', 'dashboard', 'd'],
  ['soft', 'pages/dashboard.html', 'dashboard', 'r'],
  ['soft', 'pages/dashboard.html', 'dashboard', 'm'],
  ['soft', 'pages/tables.html', 'tables', 'w'],
  ['soft', 'pages/tables.html', 'tables', 'a'],
  ['soft', 'pages/billing.html', 'account', 'd'],
  ['soft', 'pages/billing.html', 'account', 'P'],
  ['soft', 'pages/profile.html', 'account', 'w'],
  ['soft', 'pages/profile.html', 'account', 'r', { jpeg: true }],
  ['soft', 'pages/virtual-reality.html', 'dashboard', 'R'],
  ['soft', 'pages/rtl.html', 'dashboard', 'd'],
  ['soft', 'pages/sign-in.html', 'auth', 'd'],
  ['soft', 'pages/sign-in.html', 'auth', 'm'],
  ['soft', 'pages/sign-up.html', 'auth', 'R', { jpeg: true }],
];

const mirror = mirrorsOf(REPOS);

// ------------------------------------------------------------------ Volt: SCSS -> CSS
// The versions of Volt's package-lock.json (lockfileVersion 2) with its integrity values.
const VOLT_NPM = {
  sass: ['1.47.0', 'sha512-GtXwvwgD7/6MLUZPnlA5/8cdRgC9SzT5kAnnJMRmEZQFRE3J56Foswig4NyyyQGsnmNvg6EUM/FP0Pe9Y2zywQ=='],
  bootstrap: ['5.1.3', 'sha512-fcQztozJ8jToQWXxVuEyXWW+dSo8AiXWKwiSSrKWsRB/Qt+Ewwza+JWoLKiTuQLaEPhdNAJ7+Dosc9DOIqNy7Q=='],
  'vanillajs-datepicker': ['1.2.0', 'sha512-bfGdPYMf/lPwx0bJaXKKeyr3J7TnSBzB8xRWxMq6rtLxyAyyAjdCQ1h0WRGpRmE0qXIKdDy3yzRMDLHEGOub3A=='],
  chartist: ['0.11.4', 'sha512-H4AimxaUD738/u9Mq8t27J4lh6STsLi4BQHt65nOtpLk3xyrBPaLiLMrHw7/WV9CmsjGA02WihjuL5qpSagLYw=='],
};
const VOLT_CSS_PATH = 'src/css/volt.css'; // where gulp writes it (.temp/css/volt.css), relative to the pages as src/ is
let VOLT_CSS = null;
function voltCss(notes) {
  notes.static_state.push(`src/scss/volt.scss compiled with sass ${VOLT_NPM.sass[0]} + bootstrap ${VOLT_NPM.bootstrap[0]} (Inter @import dropped)`);
  if (VOLT_CSS) return VOLT_CSS;
  const src = mirror('volt');
  const cacheFile = path.join(buildDir(), `dashkits-volt-${src.commit || 'tree'}.css`);
  if (fs.existsSync(cacheFile)) return (VOLT_CSS = fs.readFileSync(cacheFile, 'utf8'));
  const npm = npmPinned('dashkits', `volt-sass-${VOLT_NPM.sass[0]}-bs-${VOLT_NPM.bootstrap[0]}`, VOLT_NPM);
  // volt.scss imports "../../node_modules/bootstrap/scss/..." relative to src/scss/: the SCSS tree is written out of
  // the mirror into a folder next to a node_modules link, as in the repository's own checkout.
  const root = path.join(buildDir(), `dashkits-volt-scss-${src.commit || 'tree'}`);
  fs.rmSync(root, { recursive: true, force: true });
  const files = voltScssFiles(src);
  for (const f of files) {
    const p = path.join(root, f);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, src.read(f));
  }
  fs.symlinkSync(path.join(npm, 'node_modules'), path.join(root, 'node_modules'));
  const sass = createRequire(path.join(npm, 'package.json'))('sass');
  const out = sass.compile(path.join(root, 'src/scss/volt.scss'), { style: 'expanded', quietDeps: true, logger: sass.Logger.silent });
  // the Inter web font import (Google Fonts) goes: no network, text in the installed sans
  const css = out.css.replace(/@import url\((["'])https:\/\/fonts\.googleapis\.com[^)]*\);?/g, '');
  fs.writeFileSync(cacheFile + '.tmp', css); fs.renameSync(cacheFile + '.tmp', cacheFile);
  fs.rmSync(root, { recursive: true, force: true });
  return (VOLT_CSS = css);
}
function voltScssFiles(src) {
  if (src.mode === 'git') {
    const { execFileSync } = require_child();
    return execFileSync('git', ['--git-dir', src.where, 'ls-tree', '-r', '--name-only', src.commit, 'src/scss'], { maxBuffer: 64 << 20 })
      .toString().split('\n').filter((f) => f.endsWith('.scss'));
  }
  const out = [];
  const walk = (d) => { for (const e of fs.readdirSync(path.join(src.where, d), { withFileTypes: true })) { const p = `${d}/${e.name}`; if (e.isDirectory()) walk(p); else if (p.endsWith('.scss')) out.push(p); } };
  walk('src/scss');
  return out;
}
let CHILD = null;
function require_child() { return (CHILD ||= createRequire(import.meta.url)('node:child_process')); }

// ------------------------------------------------------------------ Volt: gulp-file-include
// `@@include('file', { json })` (relative to src/partials/), `@@if (cond) { body }`, `@@name` variables. Order per file
// as gulp-file-include 2.x: conditionals, variables, then includes (each included file with the caller's data plus
// the include's own). Conditions are read with a small parser (comparisons of `context.x` / `x` with string literals,
// joined by && / ||), not evaluated as code.
function matchClose(s, i, open, close) {
  // s[i] === open; returns the index of the matching close, skipping quoted strings when in a parenthesis
  let depth = 0, q = null;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (q) { if (c === q) q = null; continue; }
    if (open === '(' && (c === '"' || c === "'")) { q = c; continue; }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j;
  }
  throw new Error(`unbalanced ${open} at ${i}`);
}
function evalCond(cond, data) {
  const val = (t) => {
    t = t.trim();
    let m = t.match(/^(['"])(.*)\1$/); if (m) return m[2];
    m = t.match(/^(?:context\.)?([A-Za-z_]\w*)$/); if (m) return data[m[1]];
    throw new Error(`@@if: cannot read ${t}`);
  };
  return cond.split('||').some((or) => or.split('&&').every((and) => {
    const m = and.match(/^\s*\(?\s*(.+?)\s*(===|!==|==|!=)\s*(.+?)\s*\)?\s*$/);
    if (!m) return !!val(and);
    const eq = val(m[1]) === val(m[3]);
    return m[2].startsWith('=') ? eq : !eq;
  }));
}
function fileInclude(text, data, src, depth = 0) {
  if (depth > 10) throw new Error('@@include nested too deep');
  let i;
  while ((i = text.indexOf('@@if')) >= 0) {
    const p = text.indexOf('(', i);
    const pc = matchClose(text, p, '(', ')');
    const b = text.indexOf('{', pc);
    const bc = matchClose(text, b, '{', '}');
    const body = text.slice(b + 1, bc);
    text = text.slice(0, i) + (evalCond(text.slice(p + 1, pc), data) ? body : '') + text.slice(bc + 1);
  }
  for (const [k, v] of Object.entries(data)) if (typeof v === 'string') text = text.split(`@@${k}`).join(v);
  let out = '';
  while ((i = text.indexOf('@@include')) >= 0) {
    const p = text.indexOf('(', i);
    const pc = matchClose(text, p, '(', ')');
    const args = text.slice(p + 1, pc);
    const m = args.match(/^\s*(['"])([^'"]+)\1\s*(?:,([\s\S]*))?$/);
    if (!m) throw new Error(`@@include: cannot read ${args.slice(0, 60)}`);
    const file = path.posix.normalize(path.posix.join('src/partials', m[2]));
    const part = src.text(file);
    if (part == null) throw new Error(`${file} not in ${src.where}`);
    const own = m[3] && m[3].trim() ? JSON.parse(m[3]) : {};
    out += text.slice(0, i) + fileInclude(part, { ...data, ...own }, src, depth + 1);
    text = text.slice(pc + 1);
  }
  return out + text;
}

// ------------------------------------------------------------------ page fixes
const hasClass = (attrs, n) => (attr(attrs, 'class') || '').split(/\s+/).includes(n);
const addClass = (attrs, ...names) => {
  const cls = (attr(attrs, 'class') || '').split(/\s+/).filter(Boolean);
  for (const n of names) if (!cls.includes(n)) cls.push(n);
  setAttr(attrs, 'class', cls.join(' '));
};
const addStyle = (attrs, s) => { const st = attr(attrs, 'style'); setAttr(attrs, 'style', `${st ? st.replace(/;?\s*$/, ';') : ''}${s}`); };

// What Volt's src/assets/js/volt.js does on DOMContentLoaded, applied to the markup (no script runs here):
//  - the theme-settings card (#theme-settings, class collapse) stays hidden with nothing in localStorage
//    (themeSettingsCollapse.hide()) and the small "Settings" tab #theme-settings-expand gets `show` (height 40 px);
//  - [data-background] -> style background: url(...); [data-background-lg] the same when body.clientWidth > 960;
//  - Chartist charts (.ct-chart-*) are not drawn: their containers keep the aspect-ratio box of their ct-* class
//    (chartist.scss ct-responsive-svg-container) and get a flat fill.
function voltState(html, vpWidth, notes) {
  let n = 0;
  html = rewriteTags(html, ['div'], (name, attrs, sc, all) => {
    if (attr(attrs, 'id') === 'theme-settings-expand') { addClass(attrs, 'show'); n++; return serialize(name, attrs, sc); }
    return all;
  });
  if (n) notes.static_state.push('#theme-settings-expand.show (volt.js: settings card collapsed, nothing stored)');
  html = rewriteTags(html, ['div', 'section'], (name, attrs, sc, all) => {
    const bg = attr(attrs, 'data-background');
    const bgl = attr(attrs, 'data-background-lg');
    if (bg) { addStyle(attrs, `background:url(${bg})`); notes.static_state.push(`data-background -> style background url(${bg})`); return serialize(name, attrs, sc); }
    if (bgl && vpWidth > 960) { addStyle(attrs, `background:url(${bgl})`); notes.static_state.push(`data-background-lg -> style background url(${bgl}) (width > 960)`); return serialize(name, attrs, sc); }
    return all;
  });
  let charts = 0;
  html = rewriteTags(html, ['div'], (name, attrs, sc, all) => {
    if (!(attr(attrs, 'class') || '').split(/\s+/).some((c) => c.startsWith('ct-chart'))) return all;
    charts++;
    addStyle(attrs, 'background-color:#e5e7eb');
    return serialize(name, attrs, sc);
  });
  if (charts) notes.dropped.push(`${charts} Chartist charts -> empty blocks of their ct-* aspect-ratio box, filled #e5e7eb`);
  return html;
}

// Creative Tim pages load their Nucleo icon CSS from demos.creative-tim.com; the same files are committed under
// assets/css/ (with the fonts in assets/fonts/): the remote links are pointed at them.
function localNucleo(html, notes) {
  return html.replace(/href="https:\/\/demos\.creative-tim\.com\/[^"]*\/assets\/css\/(nucleo-(?:icons|svg)\.css)"/g, (all, f) => {
    notes.static_state.push(`remote ${f} -> the committed assets/css/${f}`);
    return `href="../assets/css/${f}"`;
  });
}

// The Nucleo icon font as committed at the pinned commits is damaged: every assets/fonts/nucleo-icons.* (and nucleo.*)
// holds U+FFFD replacement bytes (81 in the woff2; the files were once re-encoded as text) and Chromium rejects it
// (document.fonts status "error"), so every `ni` icon would be a missing-glyph box. The same file is intact at an
// earlier commit of each repository (Argon 5b330fd, v2.0.0, 2022-01-25; Soft UI b6b2cff, 2021-04-01: the same blob,
// sha1 64baa329...), and assets/css/nucleo-icons.css is unchanged since then: that woff2 is read instead.
const NUCLEO_WOFF2 = 'assets/fonts/nucleo-icons.woff2';
function nucleoFont(src, fontCommit, notes) {
  if (src.mode !== 'git') return src; // a plain checkout: read as it is
  let font = null;
  try { font = require_child().execFileSync('git', ['--git-dir', src.where, 'cat-file', 'blob', `${fontCommit}:${NUCLEO_WOFF2}`], { stdio: ['ignore', 'pipe', 'ignore'] }); } catch (e) { font = null; }
  if (!font) { notes.dropped.push(`intact ${NUCLEO_WOFF2} (commit ${fontCommit.slice(0, 7)} not in the mirror): damaged font kept`); return src; }
  notes.static_state.push(`${NUCLEO_WOFF2} read at ${fontCommit.slice(0, 7)} (the pinned commit's copy is damaged)`);
  return { ...src, read: (p) => (p === NUCLEO_WOFF2 ? font : src.read(p)), text(p) { const b = this.read(p); return b ? b.toString('utf8') : null; } };
}

// Chart.js canvases (Argon / Soft UI dashboards and RTL pages): empty blocks of their height attribute, full width.
function canvases(html, dark, notes) {
  let n = 0;
  html = rewriteTags(html, ['canvas'], (name, attrs, sc) => {
    const h = parseInt(attr(attrs, 'height') || '150', 10);
    addStyle(attrs, `display:block;width:100%;height:${h}px;background-color:${dark ? '#2d3748' : '#e9ecef'}`);
    n++;
    return serialize(name, attrs, sc);
  });
  if (n) notes.dropped.push(`${n} Chart.js canvases -> empty blocks, width 100%, height of their height attribute, filled ${dark ? '#2d3748' : '#e9ecef'}`);
  return html;
}

// Static-state pass (run once in headless Chromium at the page's viewport, with the page's CSS; our code, after
// assets/js/argon-dashboard.js and soft-ui-dashboard.js):
//  - initNavs() (100 ms after load): each .nav-pills gets a `.moving-tab.position-absolute.nav-link` holding a clone
//    of its first link ("-"), padding 0, the width of the first item, translate3d(0,0,0); below 991 px wide,
//    `flex-row` pills become `flex-column on-resize` first.
//  - dark (Argon): darkMode(el) as the configurator's switch runs it: body.dark-version, `hr.dark` -> light (outside
//    the sidenav / not in .bg-gradient-dark), text-dark -> text-white on button children, spans, strongs, breadcrumb
//    items, nav links and link buttons, .text-secondary -> text-white opacity-8, bg-gray-100 -> bg-gray-600,
//    <g fill> -> #fff, .card.border + border-dark, the switch checked.
function ctStateScript({ dark }) {
  const log = [];
  if (dark) {
    const body = document.body;
    const swap = (els, from, to, extra = []) => { for (const e of els) if (e.classList.contains(from)) { e.classList.remove(from); e.classList.add(to, ...extra); } };
    const hr = document.querySelectorAll('div:not(.sidenav) > hr');
    const hrCard = document.querySelectorAll('div:not(.bg-gradient-dark) hr');
    const textBtn = document.querySelectorAll('button:not(.btn) > .text-dark');
    const textSpan = document.querySelectorAll('span.text-dark, .breadcrumb .text-dark');
    const textStrong = document.querySelectorAll('strong.text-dark');
    const navLink = document.querySelectorAll('a.nav-link.text-dark');
    const secondary = document.querySelectorAll('.text-secondary');
    const gray100 = document.querySelectorAll('.bg-gray-100');
    const btnDark = document.querySelectorAll('.btn.btn-link.text-dark, .material-symbols-rounded.text-dark');
    const gs = document.querySelectorAll('g');
    const cardBorder = document.querySelectorAll('.card.border');
    body.classList.add('dark-version');
    swap(hr, 'dark', 'light'); swap(hrCard, 'dark', 'light');
    swap(textBtn, 'text-dark', 'text-white'); swap(textSpan, 'text-dark', 'text-white'); swap(textStrong, 'text-dark', 'text-white');
    swap(navLink, 'text-dark', 'text-white'); swap(secondary, 'text-secondary', 'text-white', ['opacity-8']);
    swap(gray100, 'bg-gray-100', 'bg-gray-600');
    for (const e of btnDark) { e.classList.remove('text-dark'); e.classList.add('text-white'); }
    for (const g of gs) if (g.hasAttribute('fill')) g.setAttribute('fill', '#fff');
    for (const c of cardBorder) c.classList.add('border-dark');
    const sw = document.getElementById('dark-version'); if (sw) sw.setAttribute('checked', 'true');
    // sidebarType(the configurator's "Dark" sidenav button): otherwise the white sidenav keeps the dark version's
    // white nav-link text (.dark-version .navbar-vertical .nav-link { color: #fff })
    const sidenav = document.querySelector('.sidenav');
    const types = [...document.querySelectorAll('[data-class]')];
    const darkBtn = types.find((b) => b.getAttribute('data-class') === 'bg-default');
    if (sidenav && darkBtn) {
      for (const b of types) { b.classList.remove('active'); sidenav.classList.remove(b.getAttribute('data-class')); }
      darkBtn.classList.add('active');
      sidenav.classList.add('bg-default');
      for (const e of document.querySelectorAll('.sidenav .text-dark')) { e.classList.add('text-white'); e.classList.remove('text-dark'); }
      log.push('sidenav type "Dark" (sidebarType: .sidenav.bg-default, text-dark -> text-white inside)');
    }
    log.push(`body.dark-version (darkMode): ${secondary.length} text-secondary, ${gray100.length} bg-gray-100, ${textSpan.length} span.text-dark swapped`);
  }
  const pills = document.querySelectorAll('.nav-pills');
  if (window.innerWidth < 991) for (const p of pills) if (p.classList.contains('flex-row')) { p.classList.remove('flex-row'); p.classList.add('flex-column', 'on-resize'); }
  for (const item of pills) {
    const first = item.querySelector('li:first-child .nav-link');
    if (!first) continue;
    const moving = document.createElement('div');
    const tab = first.cloneNode();
    tab.innerHTML = '-';
    moving.classList.add('moving-tab', 'position-absolute', 'nav-link');
    moving.appendChild(tab);
    item.appendChild(moving);
    moving.style.padding = '0px';
    moving.style.width = item.querySelector('li:nth-child(1)').offsetWidth + 'px';
    moving.style.transform = 'translate3d(0px, 0px, 0px)';
  }
  if (pills.length) log.push(`${pills.length} .nav-pills: .moving-tab under the first item (initNavs)`);
  return log;
}

async function ctState(html, inline, { vpSize, dpr, dark }, notes) {
  if (!dark && !/\bnav-pills\b/.test(html)) return html;
  let withCss = html;
  inline.forEach((inc, i) => { withCss = withCss.replace(inc.placeholder, () => `<style data-dk-ph="${i}">${fs.readFileSync(inc.file, 'utf8')}</style>`); });
  const st = await staticState(withCss, { vp: vpSize, dpr, prefix: 'dashkits-state-' }, ctStateScript, { dark });
  notes.static_state.push(...st.log);
  return st.html.replace(/<style data-dk-ph="(\d+)">[\s\S]*?<\/style>/g, (all, i) => inline[+i].placeholder);
}

export async function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [key, page, family, vp, opt = {}] = PAGES[seed - 1];
  const R = REPOS[key];
  const src = mirror(key);
  const rel = R.dir + page;
  let raw = src.text(rel);
  if (raw == null) throw new Error(`${rel} not in ${src.where}`);
  const notes = newNotes();
  const [vpSize, dpr] = viewport(vp);
  const dark = !!opt.dark;
  let reader = src;
  if (key === 'volt') {
    raw = fileInclude(raw, { environment: 'development' }, src);
    notes.static_state.push('gulp-file-include partials resolved (src/partials/, environment "development")');
    raw = voltState(raw, vpSize.width, notes);
    const css = Buffer.from(voltCss(notes));
    reader = { ...src, read: (p) => (p === VOLT_CSS_PATH ? css : src.read(p)), text(p) { const b = this.read(p); return b ? b.toString('utf8') : null; } };
  } else {
    raw = localNucleo(raw, notes);
    raw = canvases(raw, dark, notes);
    reader = nucleoFont(src, R.fontCommit, notes);
    if (key === 'soft') {
      // assets/css/soft-ui-dashboard.css:76 `--bs-font-sans-serif: "Inter";` has no generic fallback: without the
      // Google font the text would be in the browser's default serif. The installed sans is given as the fallback.
      raw = raw.replace(/<\/head>/i, '<style data-note="Inter (Google Fonts) -> installed sans-serif">:root{--bs-font-sans-serif:"Inter",sans-serif}</style></head>');
      notes.static_state.push('--bs-font-sans-serif: "Inter", sans-serif (the CSS has no generic fallback)');
    }
  }
  let { html, inline } = neutralise(raw, {
    src: reader, pagePath: rel, notes, cacheName: `dashkits-${key}`,
    // Volt: volt.css (compiled above); its sweetalert2 / notyf vendor CSS (gulp-npm-dist copies, not committed)
    // only styles script-made popups and is left out. Creative Tim: the committed CSS the page links.
    css: (href, repoPath) => (repoPath.startsWith('src/vendor/') ? null : { repoPath }),
  });
  if (key !== 'volt') html = await ctState(html, inline, { vpSize, dpr, dark }, notes);
  if (dark && key !== 'argon') throw new Error('dark pages: Argon only');
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vpSize,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: `bootstrap ${R.bs} (${R.name})`, root_font_px: 16,
    scale_note: 'Bootstrap spacers 4/8/16/24/48 ($spacer 1rem) + component paddings 6/10/12/20/32 (Volt small buttons / input addons, Argon / Soft UI buttons, cards) and Volt spacers md/lg/6 = 32/64/80 px; base 4 ($spacer/4). Volt sidebar (.55rem/.2rem) and badge (.2rem .6rem) values off the grid left off. The 6/10 px steps give gcd 2 on some pages.',
    source: { repo: R.repo, mode: src.mode, commit: src.commit, commit_date: src.date, path: rel },
    neutralized: summariseNotes(notes),
    style: { family, framework: 'bootstrap5', source: 'dashkits', template: `${R.name}: ${page}`, layout: `${key}/${path.posix.basename(page, '.html')}`, theme: dark ? 'dark' : 'light' },
  };
  return { id: `dkt${String(seed).padStart(3, '0')}`, html, meta, inlineCss: inline };
}

runAsScript(import.meta.url, { prefix: 'dkt', pages: PAGES, describe: ([key, page, fam, vp, opt]) => [`${key}/${page}`, fam, vp, opt], generatePage });
