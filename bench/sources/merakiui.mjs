// Real pages: Meraki UI (merakiuilabs/merakiui), free Tailwind CSS v3 components (Alpine.js for menus, dropdowns and
// modals), read at render time from a git mirror and styled with a stylesheet compiled at render time by the pinned
// Tailwind v3 CLI from npm. Generator module for render.mjs:
//
//   MERAKIUI_MIRROR=/path/to/merakiui.git node render.mjs --gen sources/merakiui.mjs --seeds 1-60 --out "$OUT"
//
// MERAKIUI_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a clone / plain checkout.
// MERAKIUI_MIRROR_REV picks another commit. BENCH_SOURCES_BUILD: the build folder (lib.mjs): it receives the pinned
// npm package (installed once, `npm install` of an exact version, integrity checked) and the compiled stylesheet
// (content-addressed by everything that goes into it, so it is compiled once).
//
// Every component is a standalone document components/<family>/<Name>.html that loads the Tailwind v3 Play CDN
// (`<script src="https://cdn.tailwindcss.com">`, no ?plugins=, no inline tailwind.config: the default theme, preflight,
// no plugins) and, for 25 of them, Alpine.js from unpkg. Neither can load offline, so both <script>s go (neutralise)
// and the CSS the Play CDN would generate is compiled once by tailwindcss 3.4.19 (the latest 3.4.x; the Play CDN serves
// v3) over the pages' final HTML, with the default config except `darkMode: 'class'` (see below).
//
// Alpine is not run. Every Alpine component in the repository is `x-data="{ isOpen: false }"` or `{ isOpen: true }`
// (one per file) with `x-show="isOpen"` / `x-show="!isOpen"` and one `:class="[isOpen ? 'A' : 'B']"`; the module
// evaluates exactly these forms with the file's initial isOpen, as Alpine's first render does: x-show false ->
// style display:none; :class -> its classes appended to class. `x-cloak` is removed, as Alpine removes it on init (no
// component defines an [x-cloak] rule, so it never hides anything). @click, @click.away, x-transition:* are dropped.
// Any other Alpine expression is refused (an error), so a newer commit cannot slip in a state this does not know.
//
// A page is either one component as the whole document (its own <body> at the page's viewport), or a sheet of 2-4
// components: each component's <body> content becomes a <div class="p-6">, a preview frame as documentation sites
// show examples in (Flowbite's docs frame each with p-5), stacked in one column or a grid of equal columns with no
// other spacing (one column below 640 px). Without the frame, small components (buttons, button groups, inputs)
// touched each other and the page's edge, which no real page does. The frame's 24 px is counted in the ground truth,
// like any padding (24 is on the scale anyway). Dark pages put `dark` on <html>
// (darkMode 'class': the markup is written for it, see merakiui.md) on a gray-900 page background.
//
// `node sources/merakiui.mjs --list` prints the pages; `node sources/merakiui.mjs SEED > page.html` writes one page
// with its CSS inlined.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, buildDir, runAsScript, parseAttrs, attr, setAttr, dropAttrs, serialize, npmPinned } from './lib.mjs';

export const GENERATOR = 'src-merakiui-v1';
const REPO = 'merakiuilabs/merakiui';
// main, 2025-07-11 "Merge pull request #102 from merakiuilabs/revert-96-feat/dark-themed-banner-component"
const COMMIT = 'fe0472efe93f6cd275424ecbdfa7f6cb8da6f908';

// npm, exact version: the latest tailwindcss 3.4.x on the registry (the Play CDN at cdn.tailwindcss.com serves v3).
// Integrity = the registry's dist.integrity, checked against what npm installed.
const TW_VERSION = '3.4.19';
const NPM_PINS = {
  tailwindcss: ['3.4.19', 'sha512-3ofp+LL8E+pK/JuPLPggVAIaEuhvIz4qNcf3nA1Xn2o/7fb7s/TYpHhwGDv1ZU3PkBluUVaF8PyCHcm48cKLWQ=='],
};

// Spacing scale (CSS px, root font 16 px). Tailwind v3's default theme spacing is 0.25rem steps (p-1 = .25rem = 4 px,
// p-N = N * 4 px, plus px = 1 px and the half steps 0.5 1.5 2.5 3.5), so the base unit is 4 px. The scale is the set of
// steps the 108 components used here actually use, each component counted once over its HTML (p/m/gap/space utilities
// with any variant prefix: sm:, md:, lg:, xl:, rtl:, …; negative margins as their size; Alpine's :class classes
// included; only classes the compiled stylesheet defines): 0.5 1 1.5 2 2.5 3 3.5 4 5 6 8 10 11 12 16 20 24 32 72 80 96
// -> 2 4 6 8 10 12 14 16 20 24 32 40 44 48 64 80 96 128 288 320 384 px (counts in merakiui.md; 44 = pl-11 / px-11 of
// icon inputs and social sign-in buttons, 288 / 320 / 384 = teams/Background's mt-72, sm:-mt-80, md:-mt-96). Left off:
// 0 and the 1 px `px` steps (-space-x-px, -mb-px of tabs, which overlap borders).
export const SCALE = [2, 4, 6, 8, 10, 12, 14, 16, 20, 24, 32, 40, 44, 48, 64, 80, 96, 128, 288, 320, 384];
export const BASE_UNIT = 4;

// [items (components 'family/Name'), family, viewport code, options]
// one item -> the component's document is the page; several -> a sheet.
// options: cols -> grid columns of a sheet (1 below 640 px); dark -> <html class="dark">; jpeg -> JPEG q80.
export const PAGES = [
  // heroes (whole pages; navbars inside)
  [['heros/Image'], 'marketing', 'd'],
  [['heros/SideImage'], 'marketing', 'w'],
  [['heros/CenterContent'], 'marketing', 'r'],
  [['heros/E-commerce'], 'ecommerce', 'R'],
  [['heros/ComingSoon'], 'marketing', 'd', { dark: true }],
  [['heros/ImageWithNewsletter'], 'marketing', 'r', { dark: true }],
  [['heros/Slide'], 'marketing', 'm'],
  // navbars, footers, landing sections
  [['navbars/Simple', 'navbars/Avatar', 'navbars/Search'], 'navigation', 'd'],
  [['navbars/E-Commerce', 'navbars/Categories'], 'navigation', 'r', { dark: true }],
  [['navbars/SocialMediaLinks', 'cta/Simple', 'footers/SimpleWithLinks'], 'navigation', 'm'],
  [['footers/Simple', 'footers/SimpleWithLinks', 'footers/Centered'], 'marketing', 'w'],
  [['footers/CTAWithLinks', 'footers/Links'], 'marketing', 'R'],
  [['footers/SubscribeFromAndLinks'], 'marketing', 'd', { jpeg: true }],
  [['cta/Centered', 'testimonials/Single', 'footers/CTA'], 'marketing', 'd'],
  [['cta/Card', 'cta/Form', 'cta/Grid'], 'marketing', 'r'],
  [['cta/Image', 'footers/Details'], 'marketing', 'p'],
  // features, pricing, teams, testimonials, blog, portfolio, FAQ
  [['features/TrustedBy'], 'marketing', 'w'],
  [['features/Cards'], 'marketing', 'p'],
  [['pricing/Popular'], 'pricing', 'd'],
  [['pricing/SideBySide'], 'pricing', 'r'],
  [['pricing/Navigation'], 'pricing', 'w', { dark: true }],
  [['pricing/Centered', 'pricing/Simple'], 'pricing', 'R', { jpeg: true }],
  [['pricing/CheckboxWithDetails'], 'pricing', 'm'],
  [['teams/Cards'], 'marketing', 'd'],
  [['teams/Background'], 'marketing', 'a', { dark: true }],
  [['testimonials/Card', 'testimonials/Centered2'], 'marketing', 'w'],
  [['blog/RecentPosts'], 'blog', 'w', { jpeg: true }],
  [['portfolio/Cards'], 'blog', 'R'],
  [['faq/CollapseWithSideLinks'], 'marketing', 'w'],
  [['faq/Cards', 'faq/Centered'], 'marketing', 'r'],
  // application: sidebars, tables, sign-in, contact, 404, modal
  [['sidebar/Avatar'], 'layout', 'd'],
  [['sidebar/SubMenuWithLabelSection'], 'layout', 'R', { dark: true }],
  [['tables/Avatar'], 'tables', 'd'],
  [['tables/FiltersAndSearch'], 'tables', 'w'],
  [['tables/Invoices'], 'tables', 'r', { dark: true }],
  [['tables/Files'], 'tables', 'R', { jpeg: true }],
  [['tables/Simple'], 'tables', 'P'],
  [['sign-in-and-registration/SignInPage'], 'forms', 'd'],
  [['sign-in-and-registration/SignUpPageWithSideImage'], 'forms', 'w'],
  [['sign-in-and-registration/SignInPageWithSocailMediaLinks'], 'forms', 'p', { dark: true }],
  [['contact/Form'], 'forms', 'a'],
  [['404-pages/ImageWithLinks'], 'marketing', 'r'],
  [['modals/Invite'], 'components', 'd'],
  // small components: sheets
  [['navbars/Simple', 'alerts/InfoFullWidth', 'alerts/WarningFullWidth', 'breadcrumbs/FullWidth'], 'components', 'd'],
  [['alerts/InfoPop', 'alerts/ErrorPop', 'alerts/NotificationPop', 'cards/ArticleWithSMicons'], 'components', 'r', { cols: 2 }],
  [['inputs/Simple', 'inputs/EmailWithIcon', 'inputs/PasswordWithShowIcon', 'inputs/ErrorWithMessage'], 'forms', 'w', { cols: 2 }],
  [['inputs/AddOn', 'inputs/CardNumber', 'inputs/CustomFile', 'inputs/TextareaWithMessage'], 'forms', 'R', { cols: 2 }],
  [['inputs/Date', 'inputs/Disabled', 'inputs/EmailWithMessage'], 'forms', 'P'],
  [['forms/Simple', 'forms/Newsletter'], 'forms', 'd', { jpeg: true }],
  [['cards/Article', 'cards/ArticleWithImage'], 'components', 'd'],
  [['cards/Product', 'cards/User', 'cards/UserWithDetails'], 'ecommerce', 'w', { cols: 3 }],
  [['cards/ProductWithEvaluation', 'cards/Testimonial'], 'components', 'a'],
  [['avatars/Simple', 'avatars/Border', 'avatars/Profile', 'cards/Testimonial'], 'components', 'd'],
  [['teams/Simple', 'teams/SideBySide'], 'marketing', 'r'],
  [['buttons/Primary', 'buttons/Icon', 'buttons/Group', 'buttons/GroupWithIcons'], 'components', 'd', { dark: true }],
  [['buttons/SocialButtonGroup', 'buttons/SocialButtonGroupColumn'], 'components', 'w'],
  [['breadcrumbs/FullWidth', 'pagination/Arrows', 'tabs/Line', 'tabs/EndClosedWithIcons'], 'navigation', 'r'],
  [['breadcrumbs/Simple', 'breadcrumbs/FullWidthWithIcons', 'pagination/Table'], 'navigation', 'd'],
  [['tabs/LineWithIcons', 'breadcrumbs/Arrow', 'pagination/Icons'], 'navigation', 'm'],
  [['skeleton/SpaceBetweenNavbar', 'skeleton/Grid4x2WithHeader', 'skeleton/CenteredFooter'], 'components', 'w'],
];
// Left out: dropdowns and tooltips (positioned against a trigger at the page's top-left corner, they hang off the
// page), cookie banners (fixed, alone on an empty page), email templates (mail bodies), four of the five modals, the
// avatar groups (overlapping, no spacing: no ground truth), and, for the page budget, the further variants of each family.

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'MERAKIUI_MIRROR', repo: REPO, commit: COMMIT, marker: 'components/heros/Image.html' }));

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const componentPath = (id) => `components/${id}.html`;
function componentDoc(src, id) {
  const t = src.text(componentPath(id));
  if (t == null) throw new Error(`${componentPath(id)} not in ${src.where}`);
  return t;
}

// ------------------------------------------------------------------ Alpine's initial state, statically
const START_TAG = /<([a-zA-Z][\w:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const isAlpine = (n) => n === 'x-data' || n === 'x-cloak' || n.startsWith('x-transition') || n.startsWith('x-show') || n.startsWith('@') || n.startsWith('x-on:') || n.startsWith(':') || n.startsWith('x-bind:') || /^x-[a-z]/.test(n);
function alpineStatic(html, id, notes) {
  const datas = [...html.matchAll(/\sx-data\s*=\s*"([^"]*)"/g)].map((m) => m[1]);
  if (datas.length > 1) throw new Error(`${id}: ${datas.length} x-data scopes (one is supported)`);
  let isOpen = null;
  if (datas.length) {
    const m = datas[0].match(/^\s*\{\s*isOpen\s*:\s*(true|false)\s*\}\s*$/);
    if (!m) throw new Error(`${id}: unsupported x-data ${datas[0]}`);
    isOpen = m[1] === 'true';
    notes.static_state.push(`Alpine initial state isOpen=${isOpen}: x-show false -> display:none, :class applied, x-cloak removed`);
  }
  return html.replace(START_TAG, (all, name, rest, sc) => {
    if (!/\s(x-|:|@)/.test(rest)) return all;
    let attrs = parseAttrs(rest);
    if (!attrs.some((a) => isAlpine(a.name.toLowerCase()))) return all;
    for (const a of attrs) {
      const n = a.name.toLowerCase();
      if (!isAlpine(n) || n === 'x-data' || n === 'x-cloak' || n.startsWith('x-transition') || n.startsWith('@')) continue;
      if (isOpen === null) throw new Error(`${id}: ${n} outside an x-data scope`);
      const v = (a.value || '').trim();
      if (n === 'x-show') {
        if (v !== 'isOpen' && v !== '!isOpen') throw new Error(`${id}: unsupported x-show="${v}"`);
        const shown = v === 'isOpen' ? isOpen : !isOpen;
        if (!shown) { const st = attr(attrs, 'style'); setAttr(attrs, 'style', `${st ? st.replace(/;?\s*$/, ';') : ''}display:none`); }
      } else if (n === ':class') {
        const m = v.match(/^\[\s*isOpen\s*\?\s*'([^']*)'\s*:\s*'([^']*)'\s*\]$/);
        if (!m) throw new Error(`${id}: unsupported :class="${v}"`);
        const add = (isOpen ? m[1] : m[2]).trim();
        if (add) setAttr(attrs, 'class', `${(attr(attrs, 'class') || '').trim()} ${add}`.trim());
      } else throw new Error(`${id}: unsupported Alpine attribute ${n}`);
    }
    attrs = dropAttrs(attrs, isAlpine);
    return serialize(name, attrs, !!sc);
  });
}

// ------------------------------------------------------------------ pages
// images the site serves from merakiui.com/images/components/ that the repository holds in assets/
function localAssets(src, html) {
  return html.replace(/\bsrc="https:\/\/merakiui\.com\/images\/components\/([\w.-]+\.svg)"/g, (all, f) => (src.read(`assets/${f}`) ? `src="/assets/${f}"` : all));
}
const bodyOf = (html, id) => {
  const m = html.match(/<body\b([^>]*)>([\s\S]*?)<\/body\s*>/i);
  if (!m) throw new Error(`${id}: no <body>`);
  if (/\bclass\s*=/.test(m[1])) throw new Error(`${id}: <body> has classes (not expected)`);
  return m[2];
};
// ids / for / name made unique per block (two inputs on one sheet share id="username" otherwise)
function uniqueIds(h, idx) {
  const ids = new Set([...h.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  const sfx = (v) => `${v}-b${idx}`;
  h = h.replace(/(\s)(id|for)="([^"]+)"/g, (all, sp, a, v) => (ids.has(v) ? `${sp}${a}="${sfx(v)}"` : all));
  h = h.replace(/(\s)name="([^"]+)"/g, (all, sp, v) => `${sp}name="${sfx(v)}"`);
  h = h.replace(/url\(#([^)]+)\)/g, (all, v) => (ids.has(v) ? `url(#${sfx(v)})` : all));
  return h;
}
const classTokens = (html) => [...html.matchAll(/\bclass\s*=\s*"([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/).filter(Boolean));

const DARK_BG = '#111827'; // Tailwind v3 gray-900, the dark background of Meraki UI's sections (dark:bg-gray-900)

// the page's document before neutralising: Alpine resolved, local assets, the CSS placeholder, dark class
function pageDoc(src, items, opt, cols, notes) {
  const docs = items.map((id) => localAssets(src, alpineStatic(componentDoc(src, id), id, notes)));
  let raw;
  if (items.length === 1) {
    raw = docs[0];
    notes.static_state.push('one component as the whole document, at the page viewport');
  } else {
    const blocks = docs.map((d, i) => {
      const inner = bodyOf(d, items[i]);
      const bad = classTokens(inner).filter((c) => ['fixed', 'min-h-screen', 'h-screen'].includes(c));
      if (bad.length) throw new Error(`${items[i]} uses ${bad[0]}: use it as a whole page`);
      return `<div data-merakiui="${esc(items[i])}" class="p-6">${uniqueIds(inner, i)}</div>`;
    });
    const sheetStyle = cols > 1 ? `display:grid;grid-template-columns:repeat(${cols},minmax(0,1fr));align-items:start` : 'display:block';
    notes.static_state.push(`sheet of ${items.length} components, ${cols} column(s), each in a p-6 preview frame`);
    raw = docs[0].replace(/<body\b[^>]*>[\s\S]*<\/body\s*>/i, () => `<body>\n<div data-sheet style="${sheetStyle}">\n${blocks.join('\n')}\n</div>\n</body>`);
  }
  raw = raw.replace(/<\/head>/i, () => `<!--CSS:merakiui-->\n${opt.dark ? `<style data-note="dark page background (Tailwind gray-900)">html{background-color:${DARK_BG}}</style>\n` : ''}</head>`);
  if (opt.dark) raw = raw.replace(/<html\b([^>]*)>/i, (all, a) => `<html${a} class="dark">`);
  return raw;
}

// ------------------------------------------------------------------ the stylesheet (compiled once)
const npmDir = () => npmPinned('merakiui', `tailwindcss-${TW_VERSION}`, NPM_PINS);

// the Play CDN's defaults (default theme, preflight, no plugins), darkMode 'class', content = the pages
const TW_CONFIG = `module.exports = {
  content: ['./content/pages.html'],
  darkMode: 'class',
  theme: { extend: {} },
  plugins: [],
};
`;
const TW_INPUT = '@tailwind base;\n@tailwind components;\n@tailwind utilities;\n';

let CSS = null;
function merakiCss(src, notes) {
  if (!CSS) {
    const content = PAGES.map((p) => {
      const [items, , vp, opt = {}] = p;
      const [v] = viewport(vp);
      return pageDoc(src, items, opt, v.width < 640 ? 1 : (opt.cols || 1), newNotes());
    }).join('\n');
    const files = { 'tailwind.config.js': TW_CONFIG, 'input.css': TW_INPUT, 'content/pages.html': content };
    const key = crypto.createHash('sha1').update(JSON.stringify([TW_VERSION, NPM_PINS, files])).digest('hex').slice(0, 16);
    const out = path.join(buildDir(), `merakiui-tailwind-${key}.css`);
    if (!fs.existsSync(out)) {
      const dir = npmDir();
      const work = path.join(dir, `build-${key}`);
      fs.rmSync(work, { recursive: true, force: true });
      for (const [k, v] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(work, k)), { recursive: true }); fs.writeFileSync(path.join(work, k), v); }
      const cli = path.join(dir, 'node_modules', 'tailwindcss', 'lib', 'cli.js');
      execFileSync(process.execPath, [cli, '-c', path.join(work, 'tailwind.config.js'), '-i', path.join(work, 'input.css'), '-o', out + '.tmp'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BROWSERSLIST_IGNORE_OLD_DATA: '1' } });
      const css = fs.readFileSync(out + '.tmp', 'utf8');
      if (!css.includes('tailwindcss v' + TW_VERSION) || !/\.dark \.dark\\:bg-gray-900|\.dark\s*\*/.test(css) || !/\.px-6\s*\{/.test(css)) throw new Error(`${out}.tmp: not a Tailwind ${TW_VERSION} build of the pages`);
      fs.renameSync(out + '.tmp', out);
      fs.rmSync(work, { recursive: true, force: true });
    }
    CSS = out;
  }
  notes.stylesheets.push(`Play CDN defaults (darkMode 'class'), compiled by tailwindcss ${TW_VERSION} over the pages`);
  return { placeholder: '<!--CSS:merakiui-->', file: CSS, label: `tailwindcss ${TW_VERSION} (Play CDN defaults, darkMode class)` };
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
  const inc = merakiCss(src, notes);
  // scripts (Play CDN, Alpine), remote images (grey blocks), iframes; local images resolve from the repository root
  const { html } = neutralise(raw, { src, pagePath: 'index.html', notes, cacheName: 'merakiui', css: () => null });
  if (opt.dark) notes.static_state.push(`dark: class "dark" on <html> (darkMode 'class'), page background ${DARK_BG} (gray-900)`);
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vp,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: `tailwindcss ${TW_VERSION} (meraki ui)`, root_font_px: 16,
    scale_note: 'Tailwind v3 default spacing: p/m/gap/space-N = N * .25rem (4 px); scale = the steps the Meraki UI components used here take (2..384 px). Base 4; the 0.5/1.5/2.5/3.5 steps (2/6/10/14 px) give gcd 2 on some pages.',
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: items.map(componentPath), npm: `tailwindcss@${TW_VERSION}` },
    neutralized: summariseNotes(notes),
    style: {
      family, framework: 'tailwind3', source: 'merakiui',
      template: `Meraki UI components: ${items.join(', ')}${opt.dark ? ' (dark)' : ''}`,
      layout: items.length === 1 ? 'page' : `sheet-${cols}col`,
      theme: opt.dark ? 'dark' : 'light',
    },
  };
  return { id: `mrk${String(seed).padStart(3, '0')}`, html, meta, inlineCss: [inc] };
}

runAsScript(import.meta.url, { prefix: 'mrk', pages: PAGES, describe: ([items, fam, vp, opt]) => [items.join(','), fam, vp, opt], generatePage });
