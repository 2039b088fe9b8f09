// Real pages: the Gentelella admin template, version 1.4.0 (ColorlibHQ/gentelella, tag 1.4.0; Bootstrap 3.3.7), read at
// render time from a git mirror. Generator module for render.mjs:
//
//   GENTELELLA_MIRROR=/path/to/gentelella.git node render.mjs --gen sources/gentelella.mjs --seeds 1-52 --out "$OUT"
//
// GENTELELLA_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a clone / plain checkout of
// the tag. GENTELELLA_MIRROR_REV picks another commit. BENCH_SOURCES_BUILD: folder for the extracted stylesheets.
//
// Why this source: it is the one source here built on a 5 px rhythm (Bootstrap 3's 5 / 10 / 15 / 20 / 30 px paddings
// and margins, and Gentelella's own 5 / 10 / 15 / 20), by designers other than those of the 4 px sources.
//
// `node sources/gentelella.mjs --list` prints the pages; `node sources/gentelella.mjs SEED > page.html` writes one
// page with its CSS inlined.
import path from 'node:path';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, runAsScript } from './lib.mjs';

export const GENERATOR = 'src-gentelella-v1';
const REPO = 'ColorlibHQ/gentelella';
// tag 1.4.0: "Merge pull request #378 from puikinsh/Development", 2017-01-25 (Gentelella 1.4.0, Bootstrap 3.3.7)
const COMMIT = '3448fdfdf16a41707d6e2a8154d592a88d85c41c';

// Spacing scale (CSS px, root font 14 px, Bootstrap 3 sizes in px). Bootstrap 3.3.7's variables.less:
// @padding-small-vertical 5, @padding-xs-horizontal 5, @padding-base-vertical 6, @padding-base-horizontal 12,
// @table-cell-padding 8, @padding-large-vertical / @padding-small-horizontal / @line-height-computed / 2 10,
// @grid-gutter-width / 2, @navbar-padding-horizontal, @panel-body-padding, @alert-padding, @modal-inner-padding 15,
// @line-height-computed 20 (heading and paragraph margins), @grid-gutter-width / @jumbotron-padding 30, 40 (page
// header margin-top 2 x 20). Gentelella's build/css/custom.css: 10 (114 uses), 5 (80), 15 (36), 20 (35), then 3, 6,
// 2, 7 px one-offs. Base unit 5: the steps the two share; 6 / 8 / 12 are Bootstrap 3's control and table paddings.
export const SCALE = [5, 6, 8, 10, 12, 15, 20, 30, 40];
export const BASE_UNIT = 5;

// [path under production/, family, viewport code, options]; seed i -> PAGES[i-1]. options: jpeg -> JPEG q80.
// Gentelella 1.4.0 has no dark theme, so every page is light (its sidebar is dark).
export const PAGES = [
  ['index.html', 'dashboard', 'd'],
  ['index2.html', 'dashboard', 'w'],
  ['index3.html', 'dashboard', 'r'],
  ['calendar.html', 'dashboard', 'd'],
  ['chartjs.html', 'dashboard', 'R'],
  ['chartjs2.html', 'dashboard', 'd', { jpeg: true }],
  ['contacts.html', 'components', 'w'],
  ['e_commerce.html', 'ecommerce', 'd'],
  ['echarts.html', 'dashboard', 'r'],
  ['fixed_footer.html', 'layout', 'd'],
  ['fixed_sidebar.html', 'layout', 'w'],
  ['form.html', 'forms', 'd'],
  ['form_advanced.html', 'forms', 'r'],
  ['form_buttons.html', 'forms', 'w'],
  ['form_upload.html', 'forms', 'd'],
  ['form_validation.html', 'forms', 'R'],
  ['form_wizards.html', 'forms', 'd'],
  ['general_elements.html', 'components', 'w', { jpeg: true }],
  ['icons.html', 'components', 'd'],
  ['inbox.html', 'dashboard', 'r'],
  ['invoice.html', 'components', 'd'],
  ['level2.html', 'layout', 'w'],
  ['login.html', 'auth', 'd'],
  ['map.html', 'dashboard', 'R'],
  ['media_gallery.html', 'components', 'd'],
  ['morisjs.html', 'dashboard', 'w'],
  ['other_charts.html', 'dashboard', 'r'],
  ['page_403.html', 'auth', 'd'],
  ['page_404.html', 'auth', 'w'],
  ['page_500.html', 'auth', 'R', { jpeg: true }],
  ['plain_page.html', 'layout', 'd'],
  ['pricing_tables.html', 'marketing', 'r'],
  ['profile.html', 'components', 'd'],
  ['project_detail.html', 'dashboard', 'w'],
  ['projects.html', 'tables', 'r'],
  ['tables.html', 'tables', 'd'],
  ['tables_dynamic.html', 'tables', 'R'],
  ['typography.html', 'typography', 'd'],
  ['widgets.html', 'dashboard', 'w'],
  // phones (the sidebar collapses off the page below 768 px, Gentelella's own media queries)
  ['index.html', 'dashboard', 'm'],
  ['form.html', 'forms', 'p'],
  ['tables.html', 'tables', 'P'],
  ['login.html', 'auth', 'a'],
  ['profile.html', 'components', 'm'],
  ['pricing_tables.html', 'marketing', 'p', { jpeg: true }],
  ['invoice.html', 'components', 'P'],
  ['inbox.html', 'dashboard', 'a'],
  ['general_elements.html', 'components', 'm'],
  ['contacts.html', 'components', 'p'],
  ['projects.html', 'tables', 'a'],
  ['typography.html', 'typography', 'P'],
  ['widgets.html', 'dashboard', 'm'],
];

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'GENTELELLA_MIRROR', repo: REPO, commit: COMMIT, marker: 'build/css/custom.min.css' }));

export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [file, family, vp, opt = {}] = PAGES[seed - 1];
  const rel = `production/${file}`;
  const src = mirror();
  const raw = src.text(rel);
  if (raw == null) throw new Error(`${rel} not in ${src.where}`);
  const notes = newNotes();
  let { html, inline } = neutralise(raw, {
    src, pagePath: rel, notes, cacheName: 'gentelella',
    css: (href, repoPath) => ({ repoPath }), // every local stylesheet the page links (vendors + build) is inlined as served
  });
  // custom.js stretches the content column to the window's height and draws the charts; neither runs here.
  notes.static_state.push('right_col min-height 100vh (custom.js sets it to the window height)');
  notes.dropped.push('script-drawn charts (Chart.js, ECharts, Flot, Morris, gauges, skycons) -> plain blocks of their size, #e6e9ed');
  html = html.replace(/<\/head>/i, '<style data-note="static state of custom.js; script-drawn charts shown as plain blocks">'
    + '.right_col{min-height:100vh}canvas{background-color:#e6e9ed}.demo-placeholder{background-color:#e6e9ed}</style></head>');
  const [vpSize, dpr] = viewport(vp);
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vpSize,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: 'bootstrap 3.3.7 + gentelella 1.4.0', root_font_px: 14,
    scale_note: 'Bootstrap 3 paddings/margins 5/10/15/20/30/40 and control/table paddings 6/8/12; Gentelella custom.css 5/10/15/20; base 5.',
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: rel },
    neutralized: summariseNotes(notes),
    style: { family, framework: 'bootstrap3', source: 'gentelella', template: `Gentelella 1.4.0: ${file}`, layout: path.posix.basename(file, '.html'), theme: 'light' },
  };
  return { id: `gtl${String(seed).padStart(3, '0')}`, html, meta, inlineCss: inline };
}

runAsScript(import.meta.url, { prefix: 'gtl', pages: PAGES, describe: ([file, fam, vp, opt]) => [file, fam, vp, opt], generatePage });
