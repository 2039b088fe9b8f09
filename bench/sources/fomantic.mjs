// Real pages: Fomantic-UI (fomantic/Fomantic-UI), the community fork of Semantic UI. Its examples/ folder holds
// hand-written static demo pages (homepage, login, fixed menu, sticky, grid, attached, responsive, bootstrap-like
// layout) and the component pages of the theming demo (site, button, card, input, menu, table, sticky-context),
// all built on the committed dist/ CSS (dist/components/*.css and dist/semantic.css, Fomantic-UI 2.9.4).
// Generator module for render.mjs:
//
//   FOMANTIC_MIRROR=/path/to/Fomantic-UI.git node render.mjs --gen sources/fomantic.mjs --seeds 1-N --out "$OUT"
//
// FOMANTIC_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a clone / plain checkout.
// FOMANTIC_MIRROR_REV picks another commit. BENCH_SOURCES_BUILD: folder for the extracted stylesheets.
//
// `node sources/fomantic.mjs --list` prints the pages; `node sources/fomantic.mjs SEED > page.html` writes one page
// with its CSS inlined.
import fs from 'node:fs';
import path from 'node:path';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, writeCached, runAsScript } from './lib.mjs';

export const GENERATOR = 'src-fomantic-v1';
const REPO = 'fomantic/Fomantic-UI';
// HEAD of develop, 2025-02-23 "chore(release): update changelog" (package.json version 2.9.4, dist/ built for it).
const COMMIT = 'f24b47ea8acfaeb37738e5d2024025ce658fbbd5';

// Spacing scale (CSS px). Fomantic-UI has no spacing grid: every size is derived from one variable,
// `@emSize: 14px` (src/themes/default/globals/site.variables:138, "the single variable that controls them all"),
// and spacing is written in em of the component's font size, either as simple fractions of the em (.5em, 1em,
// 1.5em, 2em, 3em ...) or as exact pixels at 14 px converted to em (`@relative11px` = .78571429em, site.variables
// :884-927). The base unit is the half em, 7 px: it is the finest step of the em ladder (.5em 7, 1em 14, 1.5em 21,
// 2em 28, 3em 42, 4em 56, 5em 70, 6em 84, 8em 112), and half of all padding/margin declarations of dist/semantic.css
// are multiples of it (628 of 1214, taking em as 14 px; 14 px alone 301, 7 px 182).
// Component steps off that ladder, at the default size: 11 (.78571429em: button / input / table-cell padding,
// @inputVerticalPadding @relative11px), 13 (.92857143em: menu item padding-y, table header cells), 16
// (1.14285714em: menu item padding-x), 12 (.85714286em: pointing menu item), 20 (1.42857143em: tabular menu item),
// 8 (.57142857em: compact inputs in menus), 4 / 3 (@4px/@3px: field gaps, dividing header padding, code). And the
// button's 1.5em horizontal padding at Fomantic's size steps (@tinySize 12 ... @massiveSize 24 px): 18, 24, 27, 30,
// 36 (21 at the default size). Left off: the half-pixel em products (10.5 = .75em, 17.5, 22.5 = 1.5em at 15 px,
// 9.5 / 37.4 input paddings, 4.8 .. .), example-page one-offs (26, 32 = two 16 px menu paddings, 45, 48, 57, 90,
// 96, 192 px).
export const SCALE = [3, 4, 7, 8, 11, 12, 13, 14, 16, 18, 20, 21, 24, 27, 28, 30, 36, 42, 56, 70, 84, 112];
export const BASE_UNIT = 7;
const SCALE_NOTE = 'Fomantic-UI: everything in em of @emSize 14px; base 7 = .5em, the finest step of the em ladder 7/14/21/28/42/56/70/84/112; default-size component steps 3/4/8/11/12/13/16/20 (exact px at 14 px, e.g. .78571429em = 11); button 1.5em padding at the size steps 18/24/27/30/36. 11/13/16 make the gcd of the used values 1 on most pages.';

const EX = 'examples/';
// Scroll targets: heading text (h1-h4 whose text starts with it) or a CSS selector (+ index); the page is shown
// scrolled so that the target's top is `off` px below the top of the viewport (default 14 = 1em).
const H = (text, off) => ({ text, off });
const Q = (sel, i = 0, off) => ({ sel, i, off });
// [page, family, viewport code, options]; options: at (scroll target), dark (inverted variation), jpeg (q80)
export const PAGES = [
  // homepage (inverted masthead + stripes + inverted footer)
  ['homepage.html', 'marketing', 'd'],
  ['homepage.html', 'marketing', 'R'],
  ['homepage.html', 'marketing', 'm'],
  ['homepage.html', 'marketing', 'w', { at: Q('.ui.vertical.stripe', 0, 0) }],
  ['homepage.html', 'marketing', 'r', { at: Q('.ui.vertical.stripe.quote', 0, 0) }],
  ['homepage.html', 'marketing', 'd', { at: Q('.ui.vertical.stripe', 2, 0), jpeg: true }],
  ['homepage.html', 'marketing', 'p', { at: Q('.ui.vertical.stripe', 0, 0) }],
  // login
  ['login.html', 'auth', 'd'],
  ['login.html', 'auth', 'r'],
  ['login.html', 'auth', 'P'],
  ['login.html', 'auth', 'w', { dark: true }],
  // fixed menu template
  ['fixed.html', 'blog', 'w'],
  ['fixed.html', 'blog', 'r', { at: Q('.ui.footer.segment', 0, 200) }],
  ['fixed.html', 'blog', 'a'],
  ['fixed.html', 'blog', 'd', { dark: true }],
  // sticky (text container + menu that sticks once passed)
  ['sticky.html', 'blog', 'd'],
  ['sticky.html', 'blog', 'R', { at: Q('.ui.footer.segment', 0, 300) }],
  // grid guide
  ['grid.html', 'layout', 'd'],
  ['grid.html', 'layout', 'w', { at: H('Grid Content') }],
  ['grid.html', 'layout', 'r', { at: H('Special Variations') }],
  ['grid.html', 'layout', 'd', { at: H('Adjusting Grids') }],
  ['grid.html', 'layout', 'R', { at: H('Special Variations'), dark: true }],
  ['grid.html', 'layout', 'm', { at: H('Special Variations') }],
  // attached content
  ['attached.html', 'components', 'w'],
  ['attached.html', 'components', 'r'],
  ['attached.html', 'components', 'd', { dark: true }],
  ['attached.html', 'components', 'p'],
  // responsive guide
  ['responsive.html', 'layout', 'd', { at: H('Stackable Grid') }],
  ['responsive.html', 'layout', 'm', { at: H('Stackable Grid') }],
  ['responsive.html', 'layout', 'w', { at: H('Device Adjustment') }],
  ['responsive.html', 'layout', 'r', { at: H('Responsive Grid with Variations') }],
  ['responsive.html', 'layout', 'd', { at: H('Responsive Elements') }],
  ['responsive.html', 'layout', 'a', { at: H('Responsive Table') }],
  ['responsive.html', 'layout', 'R', { at: H('Responsive Menu') , jpeg: true }],
  ['responsive.html', 'layout', 'w', { at: H('Celled Stackable Grid'), dark: true }],
  // bootstrap migration page
  ['bootstrap.html', 'components', 'w'],
  ['bootstrap.html', 'components', 'r', { at: H('Dropdown') }],
  ['bootstrap.html', 'tables', 'd', { at: H('Tables') }],
  ['bootstrap.html', 'components', 'R', { at: H('Alerts') }],
  ['bootstrap.html', 'components', 'd', { at: H('Panels'), jpeg: true }],
  ['bootstrap.html', 'components', 'm', { at: H('Buttons') }],
  ['bootstrap.html', 'tables', 'w', { at: H('Tables'), dark: true }],
  // theming demo component pages
  ['components/site.html', 'typography', 'd'],
  ['components/site.html', 'typography', 'p'],
  ['components/button.html', 'components', 'w'],
  ['components/button.html', 'components', 'r'],
  ['components/card.html', 'components', 'd'],
  ['components/card.html', 'components', 'R', { at: Q('.ui.four.cards', 2, 14) }],
  ['components/card.html', 'components', 'd', { at: Q('.ui.four.cards', 1, 14), dark: true }],
  ['components/input.html', 'forms', 'w'],
  ['components/input.html', 'forms', 'm'],
  ['components/input.html', 'forms', 'r', { dark: true }],
  ['components/menu.html', 'navigation', 'd'],
  ['components/menu.html', 'navigation', 'r', { jpeg: true }],
  ['components/menu.html', 'navigation', 'w', { dark: true }],
  ['components/table.html', 'tables', 'w'],
  ['components/table.html', 'tables', 'r', { at: Q('table.ui.table', 4, 14) }],
  ['components/table.html', 'tables', 'd', { at: Q('table.ui.table', 6, 14) }],
  ['components/button.html', 'components', 'a'],
  ['components/table.html', 'tables', 'd', { dark: true, jpeg: true }],
  ['components/sticky-context.html', 'blog', 'd'],
  ['components/sticky-context.html', 'blog', 'R'],
];

let SRC = null;
function mirror() {
  if (SRC) return SRC;
  const m = openMirror({ env: 'FOMANTIC_MIRROR', repo: REPO, commit: COMMIT, marker: 'dist/semantic.css' });
  // Stylesheets as committed, with two changes before lib.mjs's neutraliser sees them: @import rules dropped
  // (dist/components/site.css imports Lato from Google Fonts; dist/ ships the Lato woff2 files itself, loaded by
  // the same stylesheet's own @font-face rules), and @font-face rules whose font is a data: URI (dropdown.css
  // embeds its "Dropdown" icon font) renamed so the neutraliser, which keeps only local woff2 sources, leaves them
  // alone; the name is restored in keepDataFonts().
  SRC = {
    ...m,
    read: (p) => m.read(p),
    text(p) {
      const t = m.text(p);
      if (t == null || !p.endsWith('.css')) return t;
      return t.replace(/@import\s+url\([^)]*\)\s*;?/g, '')
        .replace(/@font-face(\s*\{[^}]*url\(\s*['"]?data:[^}]*\})/g, '@x-keep-font-face$1');
    },
  };
  return SRC;
}
function keepDataFonts(inline) {
  return inline.map((inc) => {
    const css = fs.readFileSync(inc.file, 'utf8');
    if (!css.includes('@x-keep-font-face')) return inc;
    return { ...inc, file: writeCached(`fomantic-${path.basename(inc.file).replace(/-[0-9a-f]{16}\.css$/, '')}-fonts`, css.replace(/@x-keep-font-face/g, '@font-face')) };
  });
}

// Dark pages: Fomantic-UI 2.9 has no page-wide dark theme; each component has an `inverted` variation (segment,
// menu, table, header, divider, list, form, card(s), items, message, label(s), steps, feed, comments, accordion,
// grid dividers/cells). The dark pages add `inverted` to every such `ui` element, and put the page on black
// (body background #000, text rgba(255,255,255,.9)), so inverted segments (#1b1c1d) keep their edge.
const INVERTIBLE = new Set(['segment', 'segments', 'menu', 'table', 'header', 'divider', 'list', 'form', 'card', 'cards', 'items', 'message', 'label', 'labels', 'steps', 'step', 'feed', 'comments', 'accordion', 'grid', 'placeholder']);
function invert(html, notes) {
  let n = 0;
  const body = html.search(/<body\b/i);
  const head = html.slice(0, body), rest = html.slice(body);
  const out = rest.replace(/(<[a-zA-Z][\w-]*\b[^>]*?\sclass\s*=\s*")([^"]*)(")/g, (all, a, cls, c) => {
    const w = cls.split(/\s+/).filter(Boolean);
    if (!w.includes('ui') || w.includes('inverted') || !w.some((x) => INVERTIBLE.has(x))) return all;
    n++;
    return `${a}${cls} inverted${c}`;
  });
  notes.static_state.push(`dark: Fomantic inverted variation added to ${n} ui elements; body background #000, colour rgba(255,255,255,.9)`);
  return head.replace(/<\/head>/i, '<style data-note="dark page: Fomantic inverted variation">body{background:#000 !important;color:rgba(255,255,255,.9)}h1,h2,h3,h4,h5,p{color:inherit}</style></head>') + out;
}

// What Fomantic's scripts do once the page is scrolled (the state a scrolled screenshot shows):
// homepage: visibility.js fades in the top fixed menu when the masthead's bottom is passed (`hidden` removed);
// sticky: visibility.js ({type:'fixed'}) fixes `.main.menu` to the top of the viewport (class `fixed`, top 0).
function scrolledState(page, html, notes) {
  if (page === 'homepage.html') {
    html = html.replace(/class="ui large top fixed hidden menu"/, 'class="ui large top fixed menu"');
    notes.static_state.push('scrolled past the masthead: top fixed menu shown (visibility.js onBottomPassed -> transition fade in)');
  }
  if (page === 'sticky.html') {
    html = html.replace(/class="ui borderless main menu"/, 'class="ui borderless main menu fixed" style="position:fixed;top:0;left:0;right:0;margin:0;z-index:101"');
    notes.static_state.push('scrolled past the main menu: .main.menu fixed to the top (visibility.js type fixed)');
  }
  return html;
}
// Our own script, not Fomantic's: render.mjs loads every page into the same tab with setContent (document.write),
// which keeps the window's scroll offset from the page before, so every page sets its scroll position: 0, or the
// target's top minus `off`, once laid out, again after load and once the web fonts are ready.
function scrollScript(at) {
  let find = 'null';
  if (at) {
    find = at.text
      ? `[].slice.call(document.querySelectorAll('h1,h2,h3,h4')).find(function(h){return h.textContent.trim().indexOf(${JSON.stringify(at.text)})===0})`
      : `document.querySelectorAll(${JSON.stringify(at.sel)})[${at.i || 0}]`;
  }
  const off = at ? (at.off ?? 14) : 0;
  return `<script data-note="render scroll position">(function(){function go(){var el=${find};var y=el?el.getBoundingClientRect().top+window.scrollY-${off}:0;window.scrollTo(0,Math.max(0,Math.round(y)));}go();window.addEventListener('load',go);document.fonts.ready.then(go);})();</script>`;
}

export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [page, family, vp, opt = {}] = PAGES[seed - 1];
  const src = mirror();
  const rel = EX + page;
  let raw = src.text(rel);
  if (raw == null) throw new Error(`${rel} not in ${src.where}`);
  const notes = newNotes();
  let { html, inline } = neutralise(raw, {
    src, pagePath: rel, notes, cacheName: 'fomantic',
    css: (href, repoPath) => ({ repoPath }), // the page's own links into dist/, as committed
  });
  inline = keepDataFonts(inline);
  if (page.startsWith('components/')) {
    notes.dropped.push('show-examples.js popups (class-name tooltips on hover) and iframe-content.js (theming demo iframe sizing)');
  }
  if (opt.dark) html = invert(html, notes);
  if (!/<\/body>/i.test(html)) throw new Error(`${rel}: no </body>`);
  if (opt.at) {
    html = scrolledState(page, html, notes);
    // site.css sets `html, body { height: 100% }` and `body { overflow-x: hidden }`. The body's overflow is
    // propagated to the viewport (the root's is visible), so the body box clips nothing on screen; but the ground-
    // truth measurement reads the body's computed overflow as a clip to its 100%-high box, which a scrolled view moves
    // off screen. body height:auto (the document's height) keeps that box over the whole scrolled view; nothing
    // on these pages sizes itself from the body's height.
    html = html.replace(/<\/head>/i, '<style data-note="scrolled view: body as tall as the document">body{height:auto !important}</style></head>');
    notes.static_state.push(`shown scrolled to ${opt.at.text ? `heading "${opt.at.text}"` : `${opt.at.sel} #${opt.at.i || 0}`} (${opt.at.off ?? 14} px above it); body height auto`);
  }
  html = html.replace(/<\/body>/i, `${scrollScript(opt.at)}</body>`);
  const [vpSize, dpr] = viewport(vp);
  // theme: the dark (inverted) pages; the homepage's inverted masthead fills a desktop viewport (700 px of 800)
  const dark = !!opt.dark;
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vpSize,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: 'fomantic-ui 2.9.4', root_font_px: 14,
    scale_note: SCALE_NOTE,
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: rel },
    neutralized: summariseNotes(notes),
    style: { family, framework: 'fomantic-ui', source: 'fomantic-examples', template: `Fomantic-UI examples/${page}${opt.at ? ` @ ${opt.at.text || `${opt.at.sel}[${opt.at.i || 0}]`}` : ''}`, layout: path.posix.basename(page, '.html'), theme: dark ? 'dark' : (page === 'homepage.html' && !opt.at ? (vpSize.width >= 1280 ? 'dark' : 'mixed') : 'light') },
  };
  return { id: `fui${String(seed).padStart(3, '0')}`, html, meta, inlineCss: inline };
}

runAsScript(import.meta.url, { prefix: 'fui', pages: PAGES, describe: ([page, fam, vp, opt = {}]) => [`${page}${opt.at ? ` @ ${opt.at.text || opt.at.sel + '[' + (opt.at.i || 0) + ']'}` : ''}`, fam, vp, opt], generatePage });
