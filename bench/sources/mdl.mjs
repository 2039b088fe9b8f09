// Real pages: Material Design Lite (google/material-design-lite, branch mdl-1.x): its six page templates
// (templates/*) and sheets of its component demos (src/<component>/snippets/*.html), read at render time from a git
// mirror, styled with the published build from the npm package material-design-lite@1.3.0. Generator module for
// render.mjs:
//
//   MDL_MIRROR=/path/to/material-design-lite.git node render.mjs --gen sources/mdl.mjs --seeds 1-53 --out "$OUT"
//
// MDL_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a clone / plain checkout.
// MDL_MIRROR_REV picks another commit. MDL_NPM_DIR: the extracted npm package (the folder holding package.json,
// material.min.js and dist/); default ~/.cache/copy-that/bench-sources/material-design-lite-1.3.0/package, which is
// fetched once with `npm pack material-design-lite@1.3.0` (tarball sha1 checked) when missing.
// BENCH_SOURCES_BUILD: folder for the extracted stylesheets. CHROMIUM (default /usr/bin/chromium): the static-state pass.
//
// The repository holds no compiled CSS: the templates link `$$hosted_libs_prefix$$/$$version$$/material.<primary>-
// <accent>.min.css` (code.getmdl.io), which is the same file as dist/material.<primary>-<accent>.min.css of the npm
// package; `material.min.css` (android-dot-com, and the docs' components page) is dist/material.min.css. Each
// template's own styles.css and images come from the mirror.
//
// No script runs in the rendered page. MDL's script (material.min.js) "upgrades" components after load: it wraps the
// layout in .mdl-layout__container, adds the drawer button, the tab-bar scroll buttons, the checkbox / radio / switch
// boxes, the slider track, the progress bars, and the is-upgraded classes the CSS keys on (tabs show one panel only
// when upgraded). This module applies that initial state by running MDL's own material.min.js once on the page in
// headless Chromium (the viewport of the final render), offline, then keeps the resulting DOM, minus the script and
// the (invisible) ripple containers, and hands that static HTML to render.mjs. See mdl.md.
//
// A page is either one template (a full page), or a sheet of MDL component demos: each demo is wrapped, as on MDL's
// components page (docs/_templates/snippets.html), in <div class="demo-<component> demo-<component>__<snippet>"> so
// the demo's own <style> applies, and the sheet stacks them in one column or a grid of equal columns with NO spacing
// of its own (no gap, padding or margin). All distances inside are MDL's (or the demo's own CSS).
//
// `node sources/mdl.mjs --list` prints the pages; `node sources/mdl.mjs SEED > page.html` writes one page with its
// CSS inlined.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, writeCached, runAsScript, staticState } from './lib.mjs';

export const GENERATOR = 'src-mdl-v1';
const REPO = 'google/material-design-lite';
// HEAD of mdl-1.x: "Fix placeholder check for dirty state", 2017-06-27 (after v1.3.0; src/ SCSS differs from the
// v1.3.0 tag only by a comment, card `justify-content: stretch` removed, checkbox tick background split, dialog
// action width, and a 0.01s animation delay; the expansion component is new and not in the 1.3.0 build, so unused)
const COMMIT = '60f441a22ed98ed2c03f6179adf460d888bf459f';
const NPM_NAME = 'material-design-lite';
const NPM_VERSION = '1.3.0';
const NPM_SHA1 = 'd004ce3fee99a1eeb74a78b8a325134a5f1171d3'; // of material-design-lite-1.3.0.tgz (npm pack shasum)

// Spacing scale (CSS px). MDL writes its spacing in px on Material's 8 dp grid with 4 dp sub-steps
// (src/_variables.scss): $button-padding 16, $button-margin 4, $card-horizontal-padding / $card-vertical-padding 16
// (card actions 8, src/card/_card.scss), $grid-desktop-gutter / $grid-desktop-margin 16 (cells get a margin of
// gutter/2 = 8, the grid a padding of margin - gutter/2 = 8), $list-min-padding 16, $list-bottom-padding 20,
// $input-text-vertical-spacing 20 (textfield padding 20px 0), $input-text-padding 4, $checkbox-padding /
// $radio-padding 8, $layout-tab-desktop-padding 24 / -mobile- 12, $layout-header-icon-margin 24, header row padding
// 40 / 80 / 72 (src/layout/_layout.scss), $footer-padding-sides 40, $footer-min-padding 16 (mega footer 32 lists),
// $padding 16 (mini footer 32), $data-table-card-padding 24, $data-table-column-padding = $data-table-column-spacing
// / 2 = 36 / 2 = 18 (cell padding 0 18 12), chip padding 0 12 ($chip-height 32), chip margin 2 0, contact chip 8,
// $badge-padding 2; typography (src/typography/_typography.scss) h1-h3 margin 24 0, h4 24 0 16, h5/h6 24 0 16,
// p 0 0 16. The templates' own styles.css add 8 16 24 32 40 48 56 64 80 (and a few 10 / 15 / 25 / 60).
// Base 4: 4, 12, 20 (the textfield, list and chip values) are not multiples of 8. 18 (table cells) and 2 (chips,
// badges) are MDL's own off-grid values and are on the scale.
export const SCALE = [2, 4, 8, 12, 16, 18, 20, 24, 32, 40, 48, 56, 64, 72, 80];
export const BASE_UNIT = 4;

// [items (template path under templates/, or list of 'component/snippet'), family, viewport code, options]
// options: cols -> grid columns of a sheet (1 below 640 px); theme -> colour build of a sheet (dist/material.<theme>
// .min.css; default dist/material.min.css, indigo-pink, as the docs' components page); open -> the downward demo menus opened as
// when their button is clicked; jpeg -> JPEG q80. MDL has no dark theme: every page is light.
const S = (comp, names) => names.map((n) => `${comp}/${n}`);
const FABS = S('button', ['fab-colored', 'fab-colored-ripple', 'fab', 'fab-ripple', 'fab-disabled', 'fab-mini', 'fab-mini-colored']);
const RAISED = S('button', ['raised', 'raised-ripple', 'raised-disabled', 'raised-colored', 'raised-accent', 'raised-ripple-accent']);
const FLAT = S('button', ['flat', 'flat-ripple', 'flat-disabled', 'flat-primary', 'flat-accent', 'icon', 'icon-colored']);
const CHIPS = S('chip', ['basic', 'deletable', 'button', 'contact', 'deletable-contact']);
const FIELDS = S('textfield', ['textfield-text', 'textfield-numeric', 'textfield-floating-text', 'textfield-floating-numeric', 'textfield-multi-line', 'textfield-expanding']);
const BADGES = S('badge', ['badge-on-icon-text', 'badge-on-icon-icon', 'badge-on-text-text', 'badge-on-text-icon']);
const MENUS = S('menu', ['lower-left', 'lower-right', 'top-left', 'top-right']);
const TOGGLES = [...S('checkbox', ['check-on', 'check-off']), ...S('radio', ['radio-on', 'radio-off']), ...S('icon-toggle', ['icon-on', 'icon-off']), ...S('switch', ['switch-on', 'switch-off'])];
export const PAGES = [
  // templates, full pages as shipped
  ['android-dot-com/index.html', 'marketing', 'd'],
  ['android-dot-com/index.html', 'marketing', 'R'],
  ['android-dot-com/index.html', 'marketing', 'm'],
  ['article/index.html', 'blog', 'w'],
  ['article/index.html', 'blog', 'r'],
  ['article/index.html', 'blog', 'R'],
  ['blog/index.html', 'blog', 'd'],
  ['blog/index.html', 'blog', 'R'],
  ['blog/index.html', 'blog', 'a'],
  ['blog/entry.html', 'blog', 'w'],
  ['blog/entry.html', 'blog', 'm', { jpeg: true }],
  ['dashboard/index.html', 'dashboard', 'd'],
  ['dashboard/index.html', 'dashboard', 'w'],
  ['dashboard/index.html', 'dashboard', 'r'],
  ['dashboard/index.html', 'dashboard', 'a'],
  ['portfolio/index.html', 'marketing', 'w'],
  ['portfolio/index.html', 'marketing', 'r'],
  ['portfolio/index.html', 'marketing', 'P'],
  ['portfolio/about.html', 'marketing', 'd', { jpeg: true }],
  ['portfolio/blog.html', 'blog', 'w'],
  ['portfolio/contact.html', 'forms', 'r'],
  ['portfolio/portfolio-example01.html', 'marketing', 'd'],
  ['text-only/index.html', 'docs', 'd'],
  ['text-only/index.html', 'docs', 'R'],
  ['text-only/index.html', 'docs', 'p'],
  // component sheets (mixed so that each page has demos whose spacing shows between visible edges: MDL places
  // checkbox / radio / switch boxes, textfield labels, FAB icons and badges absolutely, which add no distances)
  [[...FABS, ...RAISED.slice(0, 3), ...CHIPS.slice(0, 3)], 'components', 'd', { cols: 5 }],
  [[...RAISED, ...FLAT, 'list/icon'], 'components', 'w', { cols: 4 }],
  [[...FLAT, 'card/square', 'card/event'], 'components', 'r', { cols: 4, theme: 'teal-red' }],
  [[...S('button', ['raised', 'raised-colored', 'flat-primary', 'fab', 'fab-mini']), ...S('chip', ['contact', 'deletable'])], 'components', 'm'],
  [S('card', ['wide', 'square']), 'components', 'd', { cols: 2 }],
  [S('card', ['image', 'event', 'square']), 'components', 'w', { cols: 3 }],
  [S('card', ['wide', 'event']), 'components', 'r', { cols: 2, theme: 'deep_purple-pink', jpeg: true }],
  [S('card', ['square', 'image']), 'components', 'R', { cols: 2 }],
  [[...CHIPS, ...BADGES], 'components', 'd', { cols: 3 }],
  [CHIPS, 'components', 'R', { cols: 5, theme: 'cyan-light_blue' }],
  [S('list', ['list-item', 'icon', 'action']), 'components', 'w', { cols: 3 }],
  [S('list', ['two-line', 'list-control']), 'components', 'd', { cols: 2 }],
  [S('list', ['three-line', 'icon']), 'components', 'r', { cols: 2, theme: 'teal-red' }],
  [S('list', ['two-line', 'action']), 'components', 'R', { cols: 2 }],
  [['list/list-control', ...FIELDS, ...TOGGLES.slice(0, 4)], 'forms', 'd', { cols: 4 }],
  [[...FIELDS, 'list/two-line'], 'forms', 'a'],
  [['data-table/data-table', 'list/two-line'], 'tables', 'w', { cols: 2 }],
  [['data-table/data-table', 'card/wide', 'tabs/tabs'], 'tables', 'R', { cols: 2 }],
  [[...TOGGLES, 'card/square', 'list/list-control', ...BADGES], 'forms', 'r', { cols: 4, theme: 'blue_grey-orange' }],
  [[...MENUS, 'list/action', 'list/two-line'], 'navigation', 'd', { cols: 4, open: true }],
  [[...TOGGLES, 'list/icon'], 'forms', 'P', { jpeg: true }],
  [S('layout', ['fixed-header', 'fixed-drawer']), 'layout', 'd'],
  [S('layout', ['waterfall-header', 'scrollable-tabs']), 'layout', 'w', { theme: 'teal-red' }],
  [S('layout', ['fixed-tabs', 'transparent', 'fixed-header-drawer']), 'layout', 'R'],
  [[...S('layout', ['scrolling-header', 'fixed-header']), 'footer/mini-footer'], 'layout', 'm'],
  [['grid/grid', 'footer/mini-footer'], 'layout', 'r'],
  [S('footer', ['mega-footer', 'mini-footer']), 'navigation', 'w'],
  [[...S('progress', ['progress-default', 'progress-buffering']), ...S('slider', ['slider-default', 'slider-starting-value']), 'card/square', 'card/event'], 'components', 'd', { cols: 3 }],
];
// Left out: tooltips and snackbars (hidden until hovered / called from script), dialogs (no demo), spinners and the
// indeterminate progress bar (animations only), the expansion panel (not in the 1.3.0 build), the portfolio Tutorial/
// step pages (the same pages half built).

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'MDL_MIRROR', repo: REPO, commit: COMMIT, marker: 'src/_variables.scss' }));

// ------------------------------------------------------------------ the npm build
let NPM = null;
function npmDir() {
  if (NPM) return NPM;
  let dir = process.env.MDL_NPM_DIR;
  if (!dir) {
    const root = path.join(os.homedir(), '.cache', 'copy-that', 'bench-sources', `${NPM_NAME}-${NPM_VERSION}`);
    dir = path.join(root, 'package');
    if (!fs.existsSync(path.join(dir, 'package.json'))) {
      fs.mkdirSync(root, { recursive: true });
      const tgz = path.join(root, `${NPM_NAME}-${NPM_VERSION}.tgz`);
      if (!fs.existsSync(tgz)) execFileSync('npm', ['pack', `${NPM_NAME}@${NPM_VERSION}`, '--pack-destination', root, '--loglevel=error'], { stdio: ['ignore', 'ignore', 'inherit'] });
      const sha = crypto.createHash('sha1').update(fs.readFileSync(tgz)).digest('hex');
      if (sha !== NPM_SHA1) throw new Error(`${tgz}: sha1 ${sha}, expected ${NPM_SHA1}`);
      execFileSync('tar', ['xzf', tgz, '-C', root]);
    }
  }
  const pj = path.join(dir, 'package.json');
  if (!fs.existsSync(pj)) throw new Error(`MDL_NPM_DIR=${dir} holds no package.json (npm pack ${NPM_NAME}@${NPM_VERSION}; tar xzf)`);
  const v = JSON.parse(fs.readFileSync(pj, 'utf8')).version;
  if (v !== NPM_VERSION) throw new Error(`${dir} is ${NPM_NAME} ${v}, want ${NPM_VERSION}`);
  return (NPM = dir);
}
function npmCss(file, notes) {
  const f = path.join(npmDir(), 'dist', file);
  if (!fs.existsSync(f)) throw new Error(`${f} missing from ${NPM_NAME}@${NPM_VERSION}`);
  notes.stylesheets.push(`npm ${NPM_NAME}@${NPM_VERSION}/dist/${file}`);
  const text = fs.readFileSync(f, 'utf8').replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
  return { placeholder: `<!--CSS:npm:${NPM_NAME}@${NPM_VERSION}/dist/${file}-->`, file: writeCached(`mdl-${file}`, text), label: `npm:${NPM_NAME}@${NPM_VERSION}/dist/${file}` };
}

// ------------------------------------------------------------------ sheets
const SNIP = (comp, name) => `src/${comp}/snippets/${name}.html`;
// a demo as the components page includes it: <name>-demo.html (the demo's frame and CSS) with {% include %} of the
// snippet, else the snippet itself; demo images ../assets/demos/* are docs/_assets/demos/* in the repository
function demoHtml(src, id, idx, notes) {
  const [comp, name] = id.split('/');
  const snip = src.text(SNIP(comp, name));
  if (snip == null) throw new Error(`${SNIP(comp, name)} not in ${src.where}`);
  const demo = src.text(`src/${comp}/snippets/${name}-demo.html`);
  let h = demo == null ? snip : demo.replace(/\{%\s*include\s+"([^"]+)"\s*%\}/g, (all, f) => {
    const t = src.text(`src/${comp}/snippets/${f}`); if (t == null) throw new Error(`include ${f} of ${id} not found`); return t;
  });
  h = h.replace(/url\((['"]?)\.\.\/assets\//g, (all, q) => `url(${q}/docs/_assets/`);
  // radio groups and ids are per demo (two demos on one sheet share name="options" / ids otherwise)
  h = h.replace(/\b(name|id|for)="([^"]+)"/g, (all, a, v) => `${a}="${v}-s${idx}"`);
  h = h.replace(/(<a\b[^>]*href=")#([\w-]+)"/g, (all, a, v) => `${a}#${v}-s${idx}"`);
  h = h.replace(/querySelector\('#([\w-]+)'\)/g, (all, v) => `querySelector('#${v}-s${idx}')`);
  return `<div class="demo-${comp} demo-${comp}__${name}" data-mdl="${id}">\n${h}\n</div>`;
}

function sheetDoc(src, items, cols, theme, notes) {
  const blocks = items.map((id, i) => demoHtml(src, id, i, notes));
  const css = theme ? `material.${theme}.min.css` : 'material.min.css';
  const sheetStyle = cols > 1 ? `display:grid;grid-template-columns:repeat(${cols},minmax(0,1fr));align-items:start` : 'display:block';
  notes.static_state.push(`sheet of ${items.length} demos, ${cols} column(s), no spacing of its own`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Material Design Lite components</title>
<link rel="stylesheet" href="$$hosted_libs_prefix$$/$$version$$/${css}">
<style data-note="the components page background (docs/_assets/main.css .content, codepen demos)">html{background-color:#fafafa}</style>
</head>
<body>
<div data-sheet style="${sheetStyle}">
${blocks.join('\n')}
</div>
</body>
</html>`;
}

// ------------------------------------------------------------------ static state: MDL's own upgrade, run once
// Material Icons cannot be loaded: each icon's ligature text is removed (the word would otherwise show) and the icon
// keeps its 1em x 1em box (24 px by MDL's .material-icons rule) drawn as a filled square in its colour. :where() has
// no specificity, so every MDL rule that sizes or colours an icon (list avatars 40 px grey circles, FAB icons) wins.
const ICON_CSS = '<style data-note="Material Icons font unavailable offline: icons are 1em boxes in their colour">:where(.material-icons){width:1em;height:1em;overflow:hidden;background-color:currentColor;border-radius:.125em}</style>';

async function stateScript({ progress, open }) {
  const log = {};
  const bump = (k) => { log[k] = (log[k] || 0) + 1; };
  if (!window.componentHandler) throw new Error('material.min.js did not run');
  window.componentHandler.upgradeAllRegistered();
  for (const el of document.querySelectorAll('[data-upgraded]')) for (const c of el.getAttribute('data-upgraded').split(',').filter(Boolean)) bump(`upgraded ${c}`);
  // the progress demos' own inline scripts (removed): setProgress / setBuffer on 'mdl-componentupgraded'
  for (const [sel, p, b] of progress) {
    const el = document.querySelector(sel); if (!el || !el.MaterialProgress) continue;
    el.MaterialProgress.setProgress(p); if (b != null) el.MaterialProgress.setBuffer(b);
    bump('progress value set as the demo script does');
  }
  // menus opened as a click on their button does (handleForClick_ places the menu by its corner class, then shows it);
  // called directly so that opening one does not close the others
  // (menus that open downwards only: an upward menu at the top of a sheet would leave the page)
  if (open) for (const m of document.querySelectorAll('.mdl-js-menu')) {
    if (!m.MaterialMenu || m.classList.contains('mdl-menu--top-left') || m.classList.contains('mdl-menu--top-right')) continue;
    m.MaterialMenu.handleForClick_({}); bump('menu opened (MaterialMenu.handleForClick_)');
  }
  await new Promise((r) => setTimeout(r, 800)); // menu / layout transitions settle
  for (const el of document.querySelectorAll('[class*="ripple-container"]')) { el.remove(); bump('ripple container removed'); }
  for (const el of document.querySelectorAll('.material-icons')) {
    const name = el.textContent.trim();
    for (const n of [...el.childNodes]) if (n.nodeType === 3) n.remove();
    if (name) el.setAttribute('data-icon', name);
    bump('icon ligature removed (box kept)');
  }
  for (const el of document.querySelectorAll('script')) el.remove();
  document.documentElement.classList.remove('mdl-js');
  return log;
}

// ------------------------------------------------------------------ page
export async function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [items, family, vpCode, opt = {}] = PAGES[seed - 1];
  const src = mirror();
  const [vp, dpr] = viewport(vpCode);
  const notes = newNotes();
  const tmpl = typeof items === 'string';
  let raw, pagePath, cols = 1;
  const progress = [];
  if (tmpl) {
    pagePath = `templates/${items}`;
    raw = src.text(pagePath);
    if (raw == null) throw new Error(`${pagePath} not in ${src.where}`);
  } else {
    cols = vp.width < 640 ? 1 : (opt.cols || 1);
    raw = sheetDoc(src, items, cols, opt.theme, notes);
    pagePath = SNIP(...items[0].split('/'));
    // the progress demos' scripts, replayed after the upgrade (stateScript)
    for (const m of raw.matchAll(/querySelector\('(#[\w-]+)'\)[\s\S]*?setProgress\((\d+)\);(?:\s*this\.MaterialProgress\.setBuffer\((\d+)\);)?/g)) progress.push([m[1], +m[2], m[3] ? +m[3] : null]);
  }
  // MDL's build: the code.getmdl.io link -> the same file from the npm package
  const npm = [];
  raw = raw.replace(/<link\b[^>]*href=["']\$\$hosted_libs_prefix\$\$\/\$\$version\$\$\/(material[\w.-]*\.css)["'][^>]*>/g, (all, file) => {
    const inc = npmCss(file, notes); npm.push(inc); return inc.placeholder;
  });
  if (!npm.length) throw new Error(`${pagePath}: no MDL stylesheet link`);
  let { html, inline } = neutralise(raw, {
    src, pagePath, notes, cacheName: 'mdl',
    css: (href, repoPath) => ({ repoPath }), // the template's own styles.css, as committed
  });
  notes.dropped.push('material.min.js (run once for the static state, then removed)');
  html = html.replace(/<\/head>/i, `${ICON_CSS}</head>`);
  // the static-state pass needs the CSS in the page: placeholders -> <style data-mdl-ph=i>, and back afterwards
  const incs = [...npm, ...inline];
  let withCss = html;
  incs.forEach((inc, i) => { withCss = withCss.replace(inc.placeholder, () => `<style data-mdl-ph="${i}">${fs.readFileSync(inc.file, 'utf8')}</style>`); });
  const js = fs.readFileSync(path.join(npmDir(), 'material.min.js'), 'utf8').replace(/\/\/# sourceMappingURL=\S*/g, '');
  withCss = withCss.replace(/<\/body>(?![\s\S]*<\/body>)/i, () => `<script>${js}</script></body>`);
  const st = await staticState(withCss, { vp, dpr, prefix: 'mdl-state-' }, stateScript, { progress, open: !!opt.open });
  notes.static_state.push(...Object.entries(st.log).map(([k, n]) => `${k} x${n}`));
  let out = st.html.replace(/<style data-mdl-ph="(\d+)">[\s\S]*?<\/style>/g, (all, i) => incs[+i].placeholder);
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vp,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: `material-design-lite ${NPM_VERSION}`, root_font_px: 16,
    scale_note: 'MDL px spacing on the 8 dp grid with 4 dp steps: button 16 / margin 4, card 16 (actions 8), grid gutter 16 (cells 8), list 16 / 20, textfield 20 / 4, chip 12 / 2, tabs 12 / 24, header rows 40 / 72 / 80, footers 16 / 32 / 40, table cells 18 (36 / 2), typography 16 / 24; base 4.',
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: tmpl ? pagePath : items.map((id) => SNIP(...id.split('/'))), npm: `${NPM_NAME}@${NPM_VERSION}`, css: npm.map((x) => x.label) },
    neutralized: summariseNotes(notes),
    style: {
      family, framework: 'mdl', source: 'mdl',
      template: tmpl ? `MDL template: ${items}` : `MDL components: ${items.join(', ')}`,
      layout: tmpl ? items.replace(/\.html$/, '') : `sheet-${cols}col`,
      theme: 'light', palette: npm[0].label.match(/material\.(?:([\w-]+)\.)?min\.css/)[1] || 'indigo-pink',
    },
  };
  return { id: `mdl${String(seed).padStart(3, '0')}`, html: out, meta, inlineCss: incs };
}

runAsScript(import.meta.url, { prefix: 'mdl', pages: PAGES, describe: ([items, fam, vp, opt]) => [typeof items === 'string' ? items : items.join(','), fam, vp, opt], generatePage });
