// Real pages: TailAdmin free (TailAdmin/tailadmin-free-tailwind-dashboard-template), a Tailwind CSS v4 admin dashboard
// (Alpine.js for state), read at render time from a git mirror and styled with its stylesheet compiled at render time
// by the pinned Tailwind v4 CLI from npm. Generator module for render.mjs:
//
//   TAILADMIN_MIRROR=/path/to/tailadmin.git node render.mjs --gen sources/tailadmin.mjs --seeds 1-51 --out "$OUT"
//
// TAILADMIN_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a clone / plain checkout
// (MIRROR_ROOT=<root> finds <root>/TailAdmin+tailadmin-free-tailwind-dashboard-template/repo). TAILADMIN_MIRROR_REV
// picks another commit. BENCH_SOURCES_BUILD: the build folder (lib.mjs): it receives the pinned npm packages (installed
// once, exact versions, integrity checked) and the compiled stylesheet (content-addressed, compiled once).
//
// Pages are src/*.html with `<include src="./partials/…">` partials, resolved here as webpack.config.js's html-loader
// preprocessor does (processNestedHtml): the pattern /<include\s+src=["'](.+?)["']\s*\/?>\s*(?:<\/include>)?/gis is
// replaced by the file's text, the path resolved against the including file's folder (the page's folder at the top),
// recursively; no locals / attributes (the preprocessor has none). src/sidebar.html is a fragment (a copy of the sidebar
// partial, no <html>/<body>/x-data): not a page.
//
// The stylesheet is src/css/style.css (`@import "tailwindcss"`, `@custom-variant dark (&:is(.dark *))`, an `@theme`
// that resets fonts and breakpoints and adds colours / text sizes / shadows, custom @utility menu-item…, third-party
// overrides; no @plugin: @tailwindcss/forms is a devDependency but not loaded). It is compiled by @tailwindcss/cli
// 4.0.8 with tailwindcss 4.0.0 beside it, which is the package-lock.json's resolution: @tailwindcss/postcss 4.0.0 runs
// the compiler of @tailwindcss/node 4.0.8 (its own nested tailwindcss 4.0.8), and `@import "tailwindcss"` resolves to
// the project's top-level tailwindcss 4.0.0 (theme.css / preflight.css / utilities.css). Two edits: the Google Fonts
// `@import url(…Outfit…) layer(base)` goes (offline; Outfit is not in the repository, text falls back to the installed
// sans-serif), and Tailwind's sources are restricted to the final pages (`source(none)` + `@source`). The npm CSS that
// src/js/index.js imports (jsvectormap, flatpickr, dropzone) styles script-drawn widgets only: not included.
//
// Alpine.js is not run. Its first render is applied statically (alpineStatic): every x-data scope is evaluated by a
// small expression evaluator (string / number / boolean / null literals, identifiers of the scope chain, `!`, `===`,
// `!==`, `==`, `&&`, `||`, `?:`, `.prop`, object and array literals, `$persist(v)` = v as on a first visit, and the
// methods of the one script-defined component, dropdown(), as form-elements.html's inline script defines them); any
// other form throws. x-show false -> display:none; :class (string, object, array) appended to class; :type / :value
// set; x-text replaces the element's text; x-model sets an input's value / a select's option; x-cloak removed;
// <template> content (x-for) stays inert; @… / x-on / x-transition dropped; x-init only in the three known forms
// (darkMode from localStorage, the preloader's timer, loadOptions()). The body's state after load is used: loaded =
// false (the preloader's timer has run: preloader hidden), darkMode = null (nothing stored) or true on dark pages
// (what the header's toggle does: body gets `dark bg-gray-900`), sidebarToggle = false (the sidebar is
// `-translate-x-full lg:static lg:translate-x-0`: open at ≥ 1024 px, so on every desktop page, closed on phones), selected = 'Dashboard' (the menu's
// $persist default: the Dashboard submenu open).
//
// Script-drawn widgets keep the size the markup gives them, filled with a neutral grey: ApexCharts containers
// (#chartOne / #chartTwo / #chartThree) get a min-height of the configured chart height (src/js/components/charts:
// 180 / 330 / 310 px; the radial #chartTwo capped at its box's max-h-[195px]), the jsvectormap #mapOne keeps its h-[212px], the FullCalendar #calendar its min-h-screen;
// flatpickr inputs stay empty (placeholder); the videos page's YouTube iframes -> empty grey boxes (neutralise). Remote images -> grey blocks (lib.mjs neutralise); local images from the
// mirror's src/images.
//
// `node sources/tailadmin.mjs --list` prints the pages; `node sources/tailadmin.mjs SEED > page.html` writes one page
// with its CSS inlined.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, buildDir, runAsScript, parseAttrs, attr, setAttr, dropAttrs, serialize, npmPinned } from './lib.mjs';

export const GENERATOR = 'src-tailadmin-v1';
const REPO = 'TailAdmin/tailadmin-free-tailwind-dashboard-template';
// main, 2025-12-30 "date picker update"; package.json version 2.0.1
const COMMIT = '50aa8c15fac0f361b040ab29837c0ad505e98c24';

// npm, exact versions = package-lock.json's resolution (see above). Integrity = the registry's dist.integrity (the
// lockfile's for tailwindcss 4.0.0 / 4.0.8 and @tailwindcss/node 4.0.8; the registry's for @tailwindcss/cli 4.0.8),
// checked against what npm installed (every copy of a package of that name and version in the tree).
const TW_VERSION = '4.0.8';
const NPM_PINS = {
  '@tailwindcss/cli': ['4.0.8', 'sha512-nFN0QjibH8Yhd028TP+WnStfEG0Bw9uS8ojqJNeEo4RfXH8Mfi42Y9lvhl3yPcii8/xt0/Mq/kZywjvpkcgLJg=='],
  tailwindcss: ['4.0.0', 'sha512-ULRPI3A+e39T7pSaf1xoi58AqqJxVCLg8F/uM5A3FadUbnyDTgltVnXJvdkTjwCOGA6NazqHVcwPJC5h2vRYVQ=='],
};
const NESTED_PINS = {
  '@tailwindcss/node': ['4.0.8', 'sha512-FKArQpbrbwv08TNT0k7ejYXpF+R8knZFAatNc0acOxbgeqLzwb86r+P3LGOjIeI3Idqe9CVkZrh4GlsJLJKkkw=='],
  tailwindcss: ['4.0.8', 'sha512-Me7N5CKR+D2A1xdWA5t5+kjjT7bwnxZOE6/yDI/ixJdJokszsn2n++mdU5yJwrsTpqFX2B9ZNMBJDwcqk9C9lw=='],
};

// Spacing scale (CSS px, root font 16 px). Tailwind v4: every p/m/gap/space utility is calc(var(--spacing) * N) with
// --spacing .25rem (tailwindcss/theme.css; TailAdmin's @theme does not change it), so the base unit is 4 px. The scale
// is the set of --spacing steps the 17 pages' final HTML uses (each page once, its first seed; Alpine's :class
// included; the @utility menu classes expanded: menu-item px-3 py-2 gap-3, menu-dropdown-item px-3 py-2.5 gap-3,
// menu-dropdown-badge px-2.5 py-0.5; any variant prefix; negative margins as their size): 0.5 1 1.5 2 2.5 3 3.5 4 4.5
// 5 6 6.5 7 8 9 10 11 12 14 32 -> 2 4 6 8 10 12 14 16 18 20 24 26 28 32 36 40 44 48 56 128 px (counts in tailadmin.md;
// 18 = px-4.5 / py-4.5 of the header and cards, 128 = the auth pages' gap-x-32). Left off: 0, and the arbitrary
// [Npx] values (mt-[17px] of the closed header dropdowns, [4.5px] / [7px] / [22px] / [34px] / [62px] / [84px] /
// [90px] / [120px], 1-14 uses each).
export const SCALE = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 26, 28, 32, 36, 40, 44, 48, 56, 128];
export const BASE_UNIT = 4;

// [page (src/<page>.html), family, viewport code, options]; options: dark -> darkMode = true; jpeg -> JPEG q80.
export const PAGES = [
  ['index', 'dashboard', 'd'],
  ['index', 'dashboard', 'R', { dark: true }],
  ['index', 'dashboard', 'm'],
  ['alerts', 'components', 'w'],
  ['alerts', 'components', 'r'],
  ['alerts', 'components', 'p', { dark: true }],
  ['avatars', 'components', 'd'],
  ['avatars', 'components', 'R'],
  ['avatars', 'components', 'w', { jpeg: true }],
  ['badge', 'components', 'w'],
  ['badge', 'components', 'r', { dark: true }],
  ['badge', 'components', 'd'],
  ['bar-chart', 'charts', 'd'],
  ['bar-chart', 'charts', 'R'],
  ['bar-chart', 'charts', 'a'],
  ['basic-tables', 'tables', 'w'],
  ['basic-tables', 'tables', 'r'],
  ['basic-tables', 'tables', 'd', { dark: true }],
  ['blank', 'layout', 'd'],
  ['blank', 'layout', 'R'],
  ['blank', 'layout', 'P', { jpeg: true }],
  ['buttons', 'components', 'w'],
  ['buttons', 'components', 'r'],
  ['buttons', 'components', 'd', { dark: true }],
  ['calendar', 'layout', 'd'],
  ['calendar', 'layout', 'R', { jpeg: true }],
  ['calendar', 'layout', 'w'],
  ['form-elements', 'forms', 'w'],
  ['form-elements', 'forms', 'r'],
  ['form-elements', 'forms', 'm', { dark: true }],
  ['images', 'components', 'd'],
  ['images', 'components', 'R'],
  ['images', 'components', 'w', { jpeg: true }],
  ['line-chart', 'charts', 'w'],
  ['line-chart', 'charts', 'r', { dark: true }],
  ['line-chart', 'charts', 'd'],
  ['profile', 'profile', 'd'],
  ['profile', 'profile', 'R'],
  ['profile', 'profile', 'p'],
  ['signin', 'auth', 'w'],
  ['signin', 'auth', 'r'],
  ['signin', 'auth', 'a', { dark: true }],
  ['signup', 'auth', 'd'],
  ['signup', 'auth', 'R', { jpeg: true }],
  ['signup', 'auth', 'w'],
  ['videos', 'components', 'w'],
  ['videos', 'components', 'r'],
  ['videos', 'components', 'P'],
  ['404', 'auth', 'd'],
  ['404', 'auth', 'r', { dark: true }],
  ['404', 'auth', 'm'],
];
// Left out: src/sidebar.html (a fragment, not a page). Modals (profile, calendar event) stay closed, dropdowns closed.

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'TAILADMIN_MIRROR', repo: REPO, commit: COMMIT, marker: 'src/css/style.css' }));

// ------------------------------------------------------------------ includes (webpack.config.js processNestedHtml)
const INCLUDE = /<include\s+src=["'](.+?)["']\s*\/?>\s*(?:<\/include>)?/gis;
function expandIncludes(src, text, dir, depth = 0) {
  if (depth > 20) throw new Error('include nesting too deep');
  return text.replace(INCLUDE, (m, s) => {
    const f = path.posix.normalize(path.posix.join(dir, s));
    const t = src.text(f);
    if (t == null) throw new Error(`include ${f} not in ${src.where}`);
    return expandIncludes(src, t, path.posix.dirname(f), depth + 1);
  });
}

// ------------------------------------------------------------------ a small evaluator for Alpine expressions
function tokenize(s) {
  const out = [];
  const re = /\s*(?:('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`$]*`)|(\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*)|(===|!==|==|!=|&&|\|\||[!?:.,()[\]{}]))/y;
  let i = 0;
  while (i < s.length) {
    if (/^\s*$/.test(s.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw new Error(`Alpine expression not supported: ${s}`);
    i = re.lastIndex;
    if (m[1] != null) out.push({ t: 'str', v: m[1].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[2] != null) out.push({ t: 'num', v: +m[2] });
    else if (m[3] != null) out.push({ t: 'id', v: m[3] });
    else out.push({ t: 'op', v: m[4] });
  }
  return out;
}
function evaluate(expr, scopes) {
  const tk = tokenize(expr);
  let p = 0;
  const peek = (v) => tk[p] && tk[p].t === 'op' && tk[p].v === v;
  const eat = (v) => { if (!peek(v)) throw new Error(`Alpine expression not supported (expected ${v}): ${expr}`); p++; };
  const lookup = (name) => {
    if (name === 'true') return true; if (name === 'false') return false; if (name === 'null') return null;
    if (name === '$persist') return (v) => v; // @alpinejs/persist: the initial value when nothing is stored
    for (let i = scopes.length - 1; i >= 0; i--) if (Object.prototype.hasOwnProperty.call(scopes[i], name)) return scopes[i][name];
    throw new Error(`Alpine: ${name} is not in scope (${expr})`);
  };
  function primary() {
    const t = tk[p++];
    if (!t) throw new Error(`Alpine expression ends early: ${expr}`);
    if (t.t === 'str' || t.t === 'num') return t.v;
    if (t.t === 'id') return lookup(t.v);
    if (t.v === '(') { const v = ternary(); eat(')'); return v; }
    if (t.v === '[') { const a = []; while (!peek(']')) { a.push(ternary()); if (!peek(']')) eat(','); } eat(']'); return a; }
    if (t.v === '{') {
      const o = {};
      while (!peek('}')) {
        const k = tk[p++];
        if (!k || (k.t !== 'str' && k.t !== 'id')) throw new Error(`Alpine object key not supported: ${expr}`);
        eat(':'); o[k.v] = ternary();
        if (!peek('}')) eat(',');
      }
      eat('}'); return o;
    }
    throw new Error(`Alpine expression not supported: ${expr}`);
  }
  function postfix() {
    let v = primary();
    for (;;) {
      if (peek('.')) { p++; const k = tk[p++]; if (!k || k.t !== 'id') throw new Error(`Alpine: bad member in ${expr}`); if (v == null || !(k.v in Object(v))) throw new Error(`Alpine: no ${k.v} in ${expr}`); v = v[k.v]; } else if (peek('(')) { p++; const args = []; while (!peek(')')) { args.push(ternary()); if (!peek(')')) eat(','); } eat(')'); if (typeof v !== 'function') throw new Error(`Alpine: call of a non-function in ${expr}`); v = v(...args); } else return v;
    }
  }
  function unary() { if (peek('!')) { p++; return !unary(); } return postfix(); }
  function equality() {
    let v = unary();
    while (peek('===') || peek('!==') || peek('==') || peek('!=')) {
      const op = tk[p++].v; const w = unary();
      // eslint-disable-next-line eqeqeq
      v = op === '===' ? v === w : op === '!==' ? v !== w : op === '==' ? v == w : v != w;
    }
    return v;
  }
  function and() { let v = equality(); while (peek('&&')) { p++; const w = equality(); v = v && w; } return v; }
  function or() { let v = and(); while (peek('||')) { p++; const w = and(); v = v || w; } return v; }
  function ternary() { const c = or(); if (peek('?')) { p++; const a = ternary(); eat(':'); const b = ternary(); return c ? a : b; } return c; }
  const v = ternary();
  if (p !== tk.length) throw new Error(`Alpine expression not supported (trailing): ${expr}`);
  return v;
}
const classOf = (v) => {
  if (v == null || v === false) return [];
  if (typeof v === 'string') return v.split(/\s+/).filter(Boolean);
  if (Array.isArray(v)) return v.flatMap(classOf);
  if (typeof v === 'object') return Object.entries(v).filter(([, on]) => on).flatMap(([k]) => k.split(/\s+/).filter(Boolean));
  throw new Error(`Alpine :class value ${JSON.stringify(v)}`);
};

// ------------------------------------------------------------------ Alpine's first render, statically
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const isAlpine = (n) => n.startsWith('x-') || n.startsWith(':') || n.startsWith('@');
const KNOWN_INIT = [
  /^darkMode = JSON\.parse\(localStorage\.getItem\('darkMode'\)\); \$watch\('darkMode', value => localStorage\.setItem\('darkMode', JSON\.stringify\(value\)\)\)$/,
  /^window\.addEventListener\('DOMContentLoaded', \(\) => \{setTimeout\(\(\) => loaded = false, 500\)\}\)$/,
  /^loadOptions\(\)$/,
];
const escText = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
// form-elements.html's inline `function dropdown()` (multi-select): its initial state and the methods the markup calls
function dropdownComponent(html) {
  const m = html.match(/function dropdown\(\)\s*\{\s*return\s*\{\s*options:\s*\[\],\s*selected:\s*\[\],\s*show:\s*false,/);
  if (!m) throw new Error('x-data="dropdown()" without the known inline dropdown() definition');
  const sel = html.match(/<select\b[^>]*\bid="select"[^>]*>([\s\S]*?)<\/select>/);
  const options = sel ? [...sel[1].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((o) => ({ value: attr(parseAttrs(o[1]), 'value'), text: o[2].trim(), selected: attr(parseAttrs(o[1]), 'selected') ?? false })) : [];
  if (options.some((o) => o.selected !== false)) throw new Error('dropdown(): preselected options not supported');
  const d = { options, selected: [], show: false };
  d.isOpen = () => d.show === true;
  d.selectedValues = () => d.selected.map((i) => d.options[i].value);
  return d;
}

function alpineStatic(html, { dark, notes, pageId }) {
  const TOK = /<!--[\s\S]*?-->|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  const out = [];
  const stack = []; // { name, scope, xtext, outLen, model }
  let last = 0; let m; let selectModel = null;
  const scopes = () => stack.filter((e) => e.scope).map((e) => e.scope);
  let bodySeen = false;
  while ((m = TOK.exec(html))) {
    out.push(html.slice(last, m.index)); last = TOK.lastIndex;
    if (m[0].startsWith('<!--')) { out.push(m[0]); continue; }
    if (m[1]) { // end tag
      const name = m[1].toLowerCase();
      let i = stack.length - 1; while (i >= 0 && stack[i].name !== name) i--;
      if (i >= 0) {
        const e = stack[i];
        if (e.xtext !== undefined) { out.length = e.outLen; out.push(escText(e.xtext)); }
        if (name === 'select') selectModel = null;
        stack.length = i;
      }
      out.push(m[0]); continue;
    }
    const name = m[2].toLowerCase(); const rest = m[3]; const sc = !!m[4];
    const entry = { name };
    const inTemplate = stack.some((e) => e.name === 'template');
    let tag = m[0];
    if (/\s(x-|:|@)/.test(rest)) {
      let attrs = parseAttrs(rest);
      if (attrs.some((a) => isAlpine(a.name.toLowerCase())) && !inTemplate) {
        const get = (n) => attrs.find((a) => a.name === n);
        const xd = get('x-data');
        if (xd) {
          const v = (xd.value || '').trim();
          if (v === 'dropdown()') entry.scope = dropdownComponent(html);
          else { entry.scope = evaluate(v, scopes()); if (!entry.scope || typeof entry.scope !== 'object') throw new Error(`x-data ${v}`); }
          if (name === 'body') {
            bodySeen = true;
            for (const k of ['page', 'loaded', 'darkMode', 'sidebarToggle']) if (!(k in entry.scope)) throw new Error(`${pageId}: body x-data without ${k}`);
            entry.scope.loaded = false;
            entry.scope.darkMode = dark ? true : null;
            notes.static_state.push(`Alpine state after load: page='${entry.scope.page}', loaded=false (preloader hidden), darkMode=${dark ? 'true' : 'null'}, sidebarToggle=${entry.scope.sidebarToggle}`);
          }
        }
        const sx = [...scopes(), ...(entry.scope ? [entry.scope] : [])];
        let cls = [];
        for (const a of attrs) {
          const n = a.name.toLowerCase(); const v = (a.value || '').trim();
          if (!isAlpine(n) || n === 'x-data' || n === 'x-cloak' || n.startsWith('x-transition') || n.startsWith('@') || n.startsWith('x-on:')) continue;
          if (name === 'template' && (n === 'x-for' || n === ':key')) continue; // inert: its content is not rendered
          if (n === 'x-init') { if (!KNOWN_INIT.some((re) => re.test(v.replace(/\s+/g, ' ')))) throw new Error(`${pageId}: unknown x-init ${v}`); continue; }
          if (n === 'x-show' || n.startsWith('x-show.')) {
            if (!evaluate(v, sx)) { const st = attr(attrs, 'style'); setAttr(attrs, 'style', `${st ? st.replace(/;?\s*$/, ';') : ''}display:none`); }
          } else if (n === ':class' || n === 'x-bind:class') cls.push(...classOf(evaluate(v, sx)));
          else if (n === ':type' || n === ':value') {
            const r = evaluate(v, sx);
            setAttr(attrs, n.slice(1), Array.isArray(r) ? r.join(',') : String(r));
          } else if (n === 'x-text') { if (sc || VOID.has(name)) throw new Error('x-text on a void element'); entry.xtext = String(evaluate(v, sx)); }
          else if (n === 'x-model') {
            const r = evaluate(v, sx);
            if (name === 'input' || name === 'textarea') setAttr(attrs, 'value', String(r));
            else if (name === 'select') entry.model = String(r);
            else throw new Error(`x-model on <${name}>`);
          } else throw new Error(`${pageId}: unsupported Alpine attribute ${n}="${v}"`);
        }
        if (cls.length) setAttr(attrs, 'class', `${(attr(attrs, 'class') || '').trim()} ${cls.join(' ')}`.trim());
        attrs = dropAttrs(attrs, isAlpine);
        tag = serialize(name, attrs, sc);
      } else if (inTemplate) {
        tag = serialize(name, dropAttrs(attrs, isAlpine), sc);
      }
    }
    if (name === 'option' && selectModel != null) {
      let attrs = dropAttrs(parseAttrs(rest), (n) => n === 'selected');
      if (String(attr(attrs, 'value')) === selectModel) attrs.push({ name: 'selected', value: null });
      tag = serialize(name, attrs, sc);
    }
    if (name === 'select' && entry.model != null) selectModel = entry.model;
    out.push(tag);
    if (!sc && !VOID.has(name)) { entry.outLen = out.length; stack.push(entry); }
  }
  out.push(html.slice(last));
  if (!bodySeen) throw new Error(`${pageId}: no x-data on <body>`);
  return out.join('');
}

// ------------------------------------------------------------------ script-drawn widgets
// ApexCharts heights (src/js/components/charts/chart-0N.js: 180 / 330 / 310); chartTwo (a 330 px radial half-gauge,
// drawn as a semicircle whose lower half is empty) sits in a `relative max-h-[195px]` box: capped at those 195 px, so
// that the grey block does not cover the text under the gauge
const WIDGETS = { chartOne: 180, chartTwo: 195, chartThree: 310 };
const WIDGET_FILL = { light: '#e4e7ec', dark: '#1d2939' }; // the theme's gray-200 / gray-800
function widgets(html, dark, notes) {
  const fill = dark ? WIDGET_FILL.dark : WIDGET_FILL.light;
  return html.replace(/<div\b((?:[^>"']|"[^"]*"|'[^']*')*?)>/g, (all, rest) => {
    const attrs = parseAttrs(rest); const id = attr(attrs, 'id');
    if (!id || !(id in WIDGETS || id === 'mapOne' || id === 'calendar')) return all;
    const st = attr(attrs, 'style');
    const add = id in WIDGETS ? `min-height:${WIDGETS[id]}px;background-color:${fill}` : `background-color:${fill}`;
    setAttr(attrs, 'style', `${st ? st.replace(/;?\s*$/, ';') : ''}${add}`);
    notes.dropped.push(id in WIDGETS ? `ApexCharts #${id} -> grey block, min-height ${WIDGETS[id]}px` : id === 'mapOne' ? 'jsvectormap #mapOne -> grey block (h-[212px] of the markup)' : 'FullCalendar #calendar -> grey block (min-h-screen of the markup)');
    return serialize('div', attrs, false);
  });
}

// the page's document before neutralising
function pageDoc(src, page, opt, notes) {
  const p = `src/${page}.html`;
  const t = src.text(p);
  if (t == null) throw new Error(`${p} not in ${src.where}`);
  let h = expandIncludes(src, t, 'src');
  h = alpineStatic(h, { dark: !!opt.dark, notes, pageId: p });
  h = widgets(h, !!opt.dark, notes);
  h = h.replace(/<\/head>/i, () => '<!--CSS:tailadmin-->\n</head>');
  return h;
}

// ------------------------------------------------------------------ the stylesheet (compiled once)
const npmDir = () => npmPinned('tailadmin', `tailwindcss-${TW_VERSION}`, NPM_PINS, NESTED_PINS);

function entryCss(src) {
  let css = src.text('src/css/style.css');
  if (css == null) throw new Error('src/css/style.css not in mirror');
  const font = /@import\s+url\("https:\/\/fonts\.googleapis\.com\/[^"]*"\)\s*layer\(base\);/;
  if (!font.test(css)) throw new Error('src/css/style.css: the Google Fonts import is not as expected');
  css = css.replace(font, '/* Google Fonts (Outfit) import removed: offline */');
  if (!/@import\s+"tailwindcss";/.test(css)) throw new Error('src/css/style.css: no @import "tailwindcss"');
  css = css.replace(/@import\s+"tailwindcss";/, () => '@import "tailwindcss" source(none);\n@source "../content";');
  if (/@plugin\b/.test(css)) throw new Error('src/css/style.css now loads a plugin: pin it');
  return css;
}

let CSS = null;
function tailadminCss(src, notes) {
  if (!CSS) {
    const content = PAGES.map(([page, , , opt = {}]) => pageDoc(src, page, opt, newNotes())).join('\n');
    const files = { 'src/style.css': entryCss(src), 'content/pages.html': content };
    const key = crypto.createHash('sha1').update(JSON.stringify([TW_VERSION, NPM_PINS, NESTED_PINS, files])).digest('hex').slice(0, 16);
    const out = path.join(buildDir(), `tailadmin-tailwind-${key}.css`);
    if (!fs.existsSync(out)) {
      const dir = npmDir();
      const work = path.join(dir, `build-${key}`);
      fs.rmSync(work, { recursive: true, force: true });
      for (const [k, v] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(work, k)), { recursive: true }); fs.writeFileSync(path.join(work, k), v); }
      const cli = path.join(dir, 'node_modules', '@tailwindcss', 'cli', 'dist', 'index.mjs');
      execFileSync(process.execPath, [cli, '-i', path.join(work, 'src/style.css'), '-o', out + '.tmp'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
      const css = fs.readFileSync(out + '.tmp', 'utf8');
      if (!/tailwindcss v4\.0\.\d/.test(css) || !/--color-brand-500\s*:/.test(css) || !/\.menu-item\s*\{/.test(css)) throw new Error(`${out}.tmp: not a Tailwind 4.0 build with TailAdmin's theme`);
      fs.renameSync(out + '.tmp', out);
      fs.rmSync(work, { recursive: true, force: true });
    }
    CSS = out;
  }
  notes.stylesheets.push(`src/css/style.css compiled by @tailwindcss/cli ${TW_VERSION} (tailwindcss 4.0.0 CSS)`);
  return { placeholder: '<!--CSS:tailadmin-->', file: CSS, label: `${REPO}/src/css/style.css (tailwindcss ${TW_VERSION})` };
}

// ------------------------------------------------------------------ page
export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [page, family, vpCode, opt = {}] = PAGES[seed - 1];
  const src = mirror();
  const [vp, dpr] = viewport(vpCode);
  const notes = newNotes();
  const raw = pageDoc(src, page, opt, notes);
  const inc = tailadminCss(src, notes);
  const { html } = neutralise(raw, { src, pagePath: `src/${page}.html`, notes, cacheName: 'tailadmin', css: () => null });
  if (opt.dark) notes.static_state.push('dark: darkMode = true -> body class "dark bg-gray-900" (@custom-variant dark (&:is(.dark *)))');
  notes.static_state.push('fonts: Outfit (Google Fonts) not in the repository -> installed sans-serif');
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vp,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: `tailwindcss ${TW_VERSION} (tailadmin free 2.0.1)`, root_font_px: 16,
    scale_note: 'Tailwind v4 spacing: every p/m/gap/space utility is a multiple of --spacing .25rem (4 px; the @theme keeps it); scale = the steps the 17 TailAdmin pages take (2..128 px). Base 4; the half steps (2/6/10/14 px) give gcd 2 on some pages.',
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: `src/${page}.html`, npm: `@tailwindcss/cli@${TW_VERSION} tailwindcss@4.0.0` },
    neutralized: summariseNotes(notes),
    style: {
      family, framework: 'tailwind4', source: 'tailadmin',
      template: `TailAdmin ${page}${opt.dark ? ' (dark)' : ''}`,
      layout: 'page',
      theme: opt.dark ? 'dark' : 'light',
    },
  };
  return { id: `tad${String(seed).padStart(3, '0')}`, html, meta, inlineCss: [inc] };
}

runAsScript(import.meta.url, { prefix: 'tad', pages: PAGES, describe: ([page, fam, vp, opt]) => [page, fam, vp, opt], generatePage });
