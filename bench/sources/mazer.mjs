// Real pages: the Mazer admin dashboard template (zuramai/mazer, MIT; Bootstrap 5.3.3), read at render time from a
// git mirror. The built demo (demo/*.html + demo/assets/, compiled CSS, fonts, images) is committed on the `docs`
// branch; this module reads it at a pinned commit. Generator module for render.mjs:
//
//   MIRROR_ROOT=/work/.mirror node render.mjs --gen sources/mazer.mjs --seeds 1-60 --out "$OUT" --no-html
//
// MAZER_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a checkout of the docs branch;
// else $MIRROR_ROOT/zuramai+mazer/repo. MAZER_MIRROR_REV picks another commit. BENCH_SOURCES_BUILD: folder for the
// extracted stylesheets (default $TMPDIR/bench-sources-build).
//
// `node sources/mazer.mjs --list` prints the pages; `node sources/mazer.mjs SEED > page.html` writes one page with
// its CSS inlined.
import path from 'node:path';
import {
  openMirror, neutralise, newNotes, summariseNotes, viewport, rewriteTags, attr, setAttr, serialize, parseAttrs,
  isExternal, resolveIn, rewriteCssUrls, writeCached, runAsScript,
} from './lib.mjs';

export const GENERATOR = 'src-mazer-v1';
const REPO = 'zuramai/mazer';
// branch docs: "update: demo" (2025-08-05), the built demo of Mazer 2.x (Bootstrap 5.3.3)
const COMMIT = '82f55fb2510d534d03136d92c9a17711a111267a';
const DIR = 'demo/';

// Spacing scale (CSS px, root font 16 px: Mazer does not change the root size). Bootstrap 5.3.3's spacer utilities
// ($spacer 1rem; m-/p-/g-/gap-1..5 = .25 .5 1 1.5 3 rem) give 4 8 16 24 48 and the base 4 ($spacer * .25). Bootstrap
// component paddings as Mazer compiles them (demo/assets/compiled/css/app.css): .125rem (2: `.form-check` margin-bottom),
// .375rem / .75rem (6 / 12: `.btn` and `.form-control` padding, page links, table cells, the 1.5rem gutter's halves),
// 1.25rem (20: accordion button). Mazer's own values on the grid: 10 px (`.buttons .btn{margin:0 10px 10px 0}`),
// 1.5rem (24: `.card-body{padding:1.5rem}`), 2rem (32: `#main` padding, `.sidebar-header{padding:2rem 2rem 1rem}`,
// `.menu{padding:0 2rem}`, `.page-heading{margin:0 0 2rem}`), 3rem (48: `mb-5` / `mt-5` of the auth forms), 7rem
// (112: `.auth-logo{margin-bottom:7rem}`). Left off: Mazer's rem values off the 4 px grid, .7rem (11.2: sidebar and submenu
// links, `.form-group`), 2.2rem (35.2: `.card` margin-bottom), 1.3rem (20.8: `.table-lg` cells), .4 / .6 / .8 rem, and
// the badge's .35em / .65em. See mazer.md.
export const SCALE = [2, 4, 6, 8, 10, 12, 16, 20, 24, 32, 48, 112];
export const BASE_UNIT = 4;

// [page in demo/, family, viewport code, options]; seed i -> PAGES[i-1].
// options: dark -> the theme toggle's dark mode (html[data-bs-theme=dark], body.dark, app-dark.css), jpeg -> JPEG q80.
export const PAGES = [
  ['index.html', 'dashboard', 'd'],
  ['index.html', 'dashboard', 'R'],
  ['index.html', 'dashboard', 'm'],
  ['index.html', 'dashboard', 'w', { dark: true }],
  ['layout-default.html', 'dashboard', 'R'],
  ['layout-horizontal.html', 'dashboard', 'd'],
  ['layout-horizontal.html', 'dashboard', 'p'],
  ['layout-vertical-navbar.html', 'dashboard', 'd'],
  ['layout-rtl.html', 'dashboard', 'w'],
  ['component-accordion.html', 'components', 'd'],
  ['component-alert.html', 'components', 'r'],
  ['component-badge.html', 'components', 'w'],
  ['component-breadcrumb.html', 'navigation', 'd', { dark: true }],
  ['component-button.html', 'components', 'R'],
  ['component-card.html', 'components', 'd'],
  ['component-card.html', 'components', 'P'],
  ['component-carousel.html', 'components', 'w', { jpeg: true }],
  ['component-collapse.html', 'components', 'r'],
  ['component-dropdown.html', 'components', 'd'],
  ['component-list-group.html', 'components', 'R'],
  ['component-modal.html', 'components', 'w'],
  ['component-navs.html', 'navigation', 'd'],
  ['component-pagination.html', 'navigation', 'r', { dark: true }],
  ['component-placeholder.html', 'components', 'w'],
  ['component-progress.html', 'components', 'd'],
  ['component-spinner.html', 'components', 'R', { jpeg: true }],
  ['component-toasts.html', 'components', 'a'],
  ['extra-component-avatar.html', 'components', 'd'],
  ['extra-component-comment.html', 'components', 'R'],
  ['extra-component-divider.html', 'components', 'w', { dark: true }],
  ['form-element-input.html', 'forms', 'd'],
  ['form-element-input.html', 'forms', 'm'],
  ['form-element-input-group.html', 'forms', 'r'],
  ['form-element-checkbox.html', 'forms', 'w'],
  ['form-element-radio.html', 'forms', 'R', { dark: true }],
  ['form-element-select.html', 'forms', 'd'],
  ['form-element-textarea.html', 'forms', 'p'],
  ['form-layout.html', 'forms', 'w'],
  ['form-layout.html', 'forms', 'r'],
  ['form-validation-parsley.html', 'forms', 'd', { jpeg: true }],
  ['table.html', 'tables', 'd'],
  ['table.html', 'tables', 'a'],
  ['table-datatable.html', 'tables', 'R'],
  ['table-datatable-jquery.html', 'tables', 'w', { dark: true }],
  ['auth-login.html', 'auth', 'd'],
  ['auth-login.html', 'auth', 'm'],
  ['auth-register.html', 'auth', 'r'],
  ['auth-forgot-password.html', 'auth', 'P', { dark: true }],
  ['error-404.html', 'error', 'w'],
  ['error-500.html', 'error', 'a'],
  ['account-profile.html', 'account', 'd'],
  ['account-profile.html', 'account', 'm'],
  ['account-security.html', 'account', 'R', { dark: true }],
  ['application-email.html', 'application', 'd', { jpeg: true }],
  ['application-gallery.html', 'application', 'w', { jpeg: true }],
  ['ui-widgets-chatbox.html', 'components', 'm'],
  ['ui-widgets-pricing.html', 'marketing', 'd'],
  ['ui-widgets-todolist.html', 'components', 'r', { dark: true }],
  ['ui-icons-bootstrap-icons.html', 'components', 'r'],
  ['ui-icons-dripicons.html', 'components', 'R'],
];

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'MAZER_MIRROR', repo: REPO, commit: COMMIT, marker: 'demo/index.html' }));

// @font-face blocks: the local woff2 source inlined, else the local woff (Iconly and Dripicons ship no woff2);
// eot / ttf / svg sources and remote fonts are dropped.
function inlineFonts(css, src, baseDir, notes) {
  return css.replace(/@font-face\s*\{[^}]*\}/g, (block) => {
    const urls = [...block.matchAll(/url\(\s*['"]?([^'")]+?)['"]?\s*\)/g)].map((m) => m[1]).filter((u) => !isExternal(u));
    const pick = (ext) => urls.find((u) => u.split(/[?#]/)[0].toLowerCase().endsWith(`.${ext}`));
    const u = pick('woff2') || pick('woff');
    if (!u) { notes.dropped.push('@font-face without a local woff2 / woff'); return ''; }
    const ext = u.split(/[?#]/)[0].toLowerCase().endsWith('.woff2') ? 'woff2' : 'woff';
    const b = src.read(resolveIn(baseDir, u));
    if (!b) { notes.dropped.push(`font ${u} (not in mirror)`); return ''; }
    notes.fonts_inlined.push(path.posix.basename(u.split(/[?#]/)[0]));
    const body = block.replace(/^@font-face\s*\{/, '').replace(/\}\s*$/, '').replace(/src\s*:[^;}]*;?/g, '').replace(/^\s*;/, '').trim();
    return `@font-face{${body}${body && !body.endsWith(';') ? ';' : ''}src:url("data:font/${ext};base64,${b.toString('base64')}") format("${ext}")}`;
  });
}

// The page's local stylesheets, inlined as served (fonts and url() images from the mirror), in their order.
// Remote stylesheets are left for neutralise() to drop.
function inlineStylesheets(html, src, pagePath, notes) {
  const inline = [];
  const pageDir = path.posix.dirname(pagePath);
  html = rewriteTags(html, ['link'], (name, attrs, sc, all) => {
    const rel = (attr(attrs, 'rel') || '').toLowerCase().trim();
    const href = (attr(attrs, 'href') || '').trim();
    if (rel !== 'stylesheet' || isExternal(href)) return all;
    const repoPath = resolveIn(pageDir, href);
    let text = src.text(repoPath);
    if (text == null) { notes.dropped.push(`stylesheet ${href} (not in mirror)`); return ''; }
    const base = path.posix.dirname(repoPath);
    text = text.replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
    text = inlineFonts(text, src, base, notes);
    text = rewriteCssUrls(text, src, base, notes, 'stylesheet');
    const ph = `<!--CSS:${repoPath}-->`;
    inline.push({ placeholder: ph, file: writeCached(`mazer-${path.posix.basename(repoPath)}`, text), label: `${REPO}/${repoPath}` });
    notes.stylesheets.push(repoPath);
    return ph;
  });
  return { html, inline };
}

// <svg><use xlink:href="assets/static/images/bootstrap-icons.svg#name"> (the Bootstrap Icons page, one icon of the
// email page): an external sprite does not resolve in a page loaded from a string, so the symbols used are copied
// from the mirror's sprite into a hidden <svg> at the top of <body> and the references point at them.
function inlineSprites(html, src, pagePath, notes) {
  const pageDir = path.posix.dirname(pagePath);
  const used = new Map(); // repoPath -> Set(id)
  html = html.replace(/(<use\b[^>]*?\s(?:xlink:)?href\s*=\s*")([^"#]+\.svg)#([^"]+)"/gi, (all, pre, file, id) => {
    if (isExternal(file)) return all;
    const repoPath = resolveIn(pageDir, file);
    if (!used.has(repoPath)) used.set(repoPath, new Set());
    used.get(repoPath).add(id);
    return `${pre}#sprite-${id}"`;
  });
  if (!used.size) return html;
  let symbols = '';
  for (const [repoPath, ids] of used) {
    const sprite = src.text(repoPath);
    if (sprite == null) { notes.dropped.push(`svg sprite ${repoPath} (not in mirror)`); continue; }
    let n = 0;
    for (const m of sprite.matchAll(/<symbol\b[^>]*\bid="([^"]+)"[^>]*>[\s\S]*?<\/symbol>/g)) {
      if (!ids.has(m[1])) continue;
      symbols += m[0].replace(/\bid="[^"]+"/, `id="sprite-${m[1]}"`); n++;
    }
    notes.static_state.push(`${n} of ${ids.size} symbols of the sprite ${repoPath} inlined for <use> references`);
  }
  return html.replace(/<body\b[^>]*>/i, (b) => `${b}<svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" style="position:absolute;width:0;height:0;overflow:hidden">${symbols}</svg>`);
}

const addClass = (attrs, ...names) => {
  const cls = (attr(attrs, 'class') || '').split(/\s+/).filter(Boolean);
  for (const n of names) if (!cls.includes(n)) cls.push(n);
  setAttr(attrs, 'class', cls.join(' '));
};
const hasClass = (attrs, n) => (attr(attrs, 'class') || '').split(/\s+/).includes(n);

// ApexCharts containers of demo/assets/static/js/pages/dashboard.js (index, layout-horizontal, layout-rtl): empty
// without the script, shown as plain blocks of the configured chart height.
const CHART_HEIGHTS = { 'chart-profile-visit': 300, 'chart-visitors-profile': 350, 'chart-europe': 80, 'chart-america': 80, 'chart-india': 80, 'chart-indonesia': 80 };

// What Mazer's scripts do on load, applied statically (no script runs in the rendered page):
//  - dark.js initTheme(): setTheme(theme) -> body.classList.add(theme), <html data-bs-theme=theme>; with nothing
//    stored and a light system preference that is "light"; the theme toggle stores "dark" and checks #toggle-dark.
//    Pages that load only initTheme.js (auth, error, 1-column layout) set data-bs-theme only from a stored theme.
//  - sidebar.js onFirstLoad(): on a desktop (innerWidth > 1200) #sidebar gets `active sidebar-desktop`; every
//    `.sidebar-item.has-sub .submenu` gets `submenu-open` (its parent item is active) or `submenu-closed`, and
//    --submenu-height = the sum of its links' heights (here `none`: max-height of the content's own height).
//  - perfect-scrollbar on .sidebar-wrapper: class `ps` (overflow hidden, no native scroll bar).
//  Not reproduced: sidebar.js's forceElementVisibility, which scrolls the sidebar 300 ms after load so that the
//  active item's end is visible, while that item's submenu is still opening (0.5 s max-height transition): the
//  amount depends on timing. The sidebar is shown at its top, as first painted.
function staticState(html, { vpWidth, dark }, notes) {
  const hasDarkJs = /assets\/static\/js\/components\/dark\.js/.test(html);
  const hasInitTheme = /assets\/static\/js\/initTheme\.js/.test(html);
  const desktop = vpWidth > 1200;
  const theme = dark ? 'dark' : hasDarkJs ? 'light' : null;
  if (theme) {
    html = rewriteTags(html, ['html'], (name, attrs, sc) => { setAttr(attrs, 'data-bs-theme', theme); return serialize(name, attrs, sc); });
    notes.static_state.push(`<html data-bs-theme="${theme}">${hasDarkJs ? ` + body.${theme} (dark.js setTheme)` : ' (initTheme.js, stored theme)'}`);
    if (hasDarkJs) html = rewriteTags(html, ['body'], (name, attrs, sc) => { addClass(attrs, theme); return serialize(name, attrs, sc); });
    if (dark && !hasDarkJs && !hasInitTheme) throw new Error('dark page without Mazer theme script');
  }
  if (dark) {
    html = rewriteTags(html, ['input'], (name, attrs, sc, all) => {
      if (attr(attrs, 'id') !== 'toggle-dark') return all;
      setAttr(attrs, 'checked', null);
      return serialize(name, attrs, sc);
    });
  }
  const hasSidebar = /<div\b[^>]*\bid="sidebar"/i.test(html);
  if (hasSidebar) {
    if (desktop) {
      html = rewriteTags(html, ['div'], (name, attrs, sc, all) => {
        if (attr(attrs, 'id') !== 'sidebar') return all;
        addClass(attrs, 'active', 'sidebar-desktop');
        return serialize(name, attrs, sc);
      });
      notes.static_state.push('#sidebar.active.sidebar-desktop (sidebar.js, innerWidth > 1200)');
    }
    html = rewriteTags(html, ['div'], (name, attrs, sc, all) => {
      if (!hasClass(attrs, 'sidebar-wrapper')) return all;
      addClass(attrs, 'ps');
      return serialize(name, attrs, sc);
    });
    notes.static_state.push('.sidebar-wrapper.ps (perfect-scrollbar: no native scroll bar)');
    // submenus: open under an active item (the li that holds them), closed otherwise
    const stack = [];
    let opened = 0, closed = 0;
    html = html.replace(/<(\/?)(li|ul)\b((?:[^>"']|"[^"]*"|'[^']*')*?)>/gi, (all, slash, tag, rest) => {
      tag = tag.toLowerCase();
      if (slash) { if (tag === 'li') stack.pop(); return all; }
      const attrs = parseAttrs(rest);
      if (tag === 'li') { stack.push(attrs); return all; }
      if (!hasClass(attrs, 'submenu')) return all;
      const parent = stack[stack.length - 1];
      const inSidebarHasSub = stack.some((a) => hasClass(a, 'sidebar-item') && hasClass(a, 'has-sub'));
      if (!parent || !inSidebarHasSub) return all;
      if (hasClass(parent, 'active')) {
        addClass(attrs, 'submenu-open');
        setAttr(attrs, 'style', `${attr(attrs, 'style') ? attr(attrs, 'style').replace(/;?\s*$/, ';') : ''}--submenu-height:none`);
        opened++;
      } else { addClass(attrs, 'submenu-closed'); closed++; }
      return serialize(tag, attrs, false);
    });
    notes.static_state.push(`sidebar submenus: ${opened} open (active parent), ${closed} closed (sidebar.js onFirstLoad)`);
  }
  // charts
  let charts = 0;
  html = rewriteTags(html, ['div'], (name, attrs, sc, all) => {
    const id = attr(attrs, 'id');
    if (!id || !(id in CHART_HEIGHTS)) return all;
    charts++;
    setAttr(attrs, 'style', `${attr(attrs, 'style') ? attr(attrs, 'style').replace(/;?\s*$/, ';') : ''}min-height:${CHART_HEIGHTS[id]}px;background-color:${dark ? '#2b2b40' : '#e9ecef'}`);
    return serialize(name, attrs, sc);
  });
  if (charts) notes.dropped.push(`${charts} ApexCharts containers -> empty blocks of the configured chart height (dashboard.js: 300 / 350 / 80 px), filled ${dark ? '#2b2b40' : '#e9ecef'}`);
  return html;
}

export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [page, family, vp, opt = {}] = PAGES[seed - 1];
  const src = mirror();
  const rel = DIR + page;
  const raw = src.text(rel);
  if (raw == null) throw new Error(`${rel} not in ${src.where}`);
  const notes = newNotes();
  const [vpSize, dpr] = viewport(vp);
  const dark = !!opt.dark;
  let html = staticState(raw, { vpWidth: vpSize.width, dark }, notes);
  html = inlineSprites(html, src, rel, notes);
  const st = inlineStylesheets(html, src, rel, notes);
  let { html: out, inline } = neutralise(st.html, {
    src, pagePath: rel, notes, cacheName: 'mazer',
    css: () => null, // local stylesheets are already inlined; only remote ones reach here (dropped)
  });
  inline = [...st.inline, ...inline];
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vpSize,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: 'bootstrap 5.3.3 + mazer', root_font_px: 16,
    scale_note: 'Bootstrap 5.3 spacers 4/8/16/24/48 ($spacer 1rem) + component paddings 2/6/12/20 and Mazer values 10/24/32/112 px; base 4 ($spacer/4). Mazer rem values off the grid (.7rem 11.2, 2.2rem 35.2, 1.3rem 20.8) left off. The 2/6/10 px steps give gcd 2 on some pages.',
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: rel },
    neutralized: summariseNotes(notes),
    style: { family, framework: 'bootstrap5', source: 'mazer', template: `Mazer: ${page}`, layout: path.posix.basename(page, '.html'), theme: dark ? 'dark' : 'light' },
  };
  return { id: `mzr${String(seed).padStart(3, '0')}`, html: out, meta, inlineCss: inline };
}

runAsScript(import.meta.url, { prefix: 'mzr', pages: PAGES, describe: ([page, fam, vp, opt]) => [page, fam, vp, opt], generatePage });
