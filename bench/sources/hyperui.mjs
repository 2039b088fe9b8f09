// Real pages: HyperUI (markmead/hyperui), free Tailwind CSS v4 components and two page templates, read at render
// time from a git mirror. Generator module for render.mjs:
//
//   HYPERUI_MIRROR=/path/to/hyperui.git node render.mjs --gen sources/hyperui.mjs --seeds 1-60 --out "$OUT"
//
// HYPERUI_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a clone / plain checkout.
// HYPERUI_MIRROR_REV picks another commit. BENCH_SOURCES_BUILD: folder for the extracted stylesheet.
//
// Every component and template is a standalone HTML document under public/examples/ that links `/component.css`,
// the site's committed Tailwind v4 build (public/component.css, built from src/styles/component.css with
// `@source '../../public/examples'`), so no Tailwind build is needed. The light files have no `dark:` classes;
// the `-dark.html` twins carry `dark:` variants and are shown on HyperUI's dark preview background (bg-gray-900,
// src/components/ComponentPreview.astro).
//
// A page is either one template (a full page), or a sheet of several HyperUI components: each component's <body>
// becomes a <div> with the body's own classes (its p-6 frame, max width, centring), and the sheet stacks them in one
// column or a grid of equal columns with NO spacing of its own (no gap, no padding, no margin). min-h-screen /
// h-screen of a component body are dropped so several fit on one screen. All distances inside are HyperUI's.
//
// `node sources/hyperui.mjs --list` prints the pages; `node sources/hyperui.mjs SEED > page.html` writes one page
// with its CSS inlined.
import fs from 'node:fs';
import path from 'node:path';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, writeCached, runAsScript } from './lib.mjs';

export const GENERATOR = 'src-hyperui-v1';
const REPO = 'markmead/hyperui';
// HEAD of main, 2026-08-21 "Add agent-browser skill and Claude symlink"; public/component.css built with
// tailwindcss 4.3 (package.json devDependencies).
const COMMIT = 'bb6b04872b06bddb935a7b5b4e85e928f92e7886';

// Spacing scale (CSS px, root font 16 px). Tailwind CSS v4 derives every spacing utility from one variable,
// `--spacing: .25rem` (public/component.css, @layer theme; tailwindcss/theme.css), p-N = calc(var(--spacing) * N),
// so the base unit is 4 px. The scale is the set of steps HyperUI's examples actually use (counted over
// public/examples/**/*.html, p/m/gap/space utilities with any breakpoint prefix): 0.5 1 1.5 2 2.5 3 4 5 6 8 9 10
// 12 16 24 32 48 64 -> 2 4 6 8 10 12 16 20 24 32 36 40 48 64 96 128 192 256 px; the @tailwindcss/forms control
// paddings (.5rem / .75rem = 8 / 12) are already on it.
export const SCALE = [2, 4, 6, 8, 10, 12, 16, 20, 24, 32, 36, 40, 48, 64, 96, 128, 192, 256];
export const BASE_UNIT = 4;

const EX = 'public/examples';
// a sheet entry: 'category/name' + variant numbers; dark pages use the -dark twins
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const S = (cat, nums) => nums.map((n) => `${cat}/${n}`);

// [items (template path, or list of component ids 'group/category/n'), family, viewport code, options]
// options: cols -> grid columns of the sheet (1 on phones), dark -> -dark twins on bg-gray-900, jpeg -> JPEG q80.
export const PAGES = [
  ['templates/analytics-dashboard/1', 'dashboard', 'd'],
  ['templates/analytics-dashboard/2', 'dashboard', 'w'],
  ['templates/analytics-dashboard/3', 'dashboard', 'r'],
  ['templates/analytics-dashboard/4', 'dashboard', 'R'],
  ['templates/analytics-dashboard/5', 'dashboard', 'd'],
  ['templates/saas-landing-page/1', 'marketing', 'w'],
  ['templates/saas-landing-page/1', 'marketing', 'm'],
  ['templates/analytics-dashboard/2', 'dashboard', 'a'],
  // landing pages assembled from marketing blocks (full-width sections, one column)
  [['marketing/headers/1', 'marketing/banners/1', 'marketing/feature-grids/1', 'marketing/ctas/1'], 'marketing', 'd'],
  [['marketing/headers/2', 'marketing/sections/1', 'marketing/stats/1', 'marketing/footers/1'], 'marketing', 'w'],
  [['marketing/headers/3', 'marketing/banners/2', 'marketing/team-sections/1'], 'marketing', 'r'],
  [['marketing/headers/4', 'marketing/ctas/2', 'marketing/faqs/1'], 'marketing', 'R'],
  [['marketing/headers/1', 'marketing/banners/1', 'marketing/feature-grids/1', 'marketing/ctas/1'], 'marketing', 'd', { dark: true }],
  [S('marketing/footers', [2, 3, 4]), 'marketing', 'd'],
  [S('marketing/footers', [5, 6]), 'marketing', 'r', { dark: true }],
  [['marketing/pricing/1'], 'marketing', 'w'],
  [['marketing/pricing/2'], 'marketing', 'r'],
  [S('marketing/contact-forms', [1, 2]), 'forms', 'd', { jpeg: true }],
  [S('marketing/contact-forms', [3]), 'forms', 'm', { dark: true }],
  [S('marketing/product-collections', [1]), 'ecommerce', 'd'],
  [S('marketing/product-cards', range(1, 6)), 'ecommerce', 'w', { cols: 3 }],
  [S('marketing/blog-cards', range(1, 6)), 'blog', 'd', { cols: 3 }],
  [S('marketing/blog-cards', range(1, 3)), 'blog', 'R', { cols: 3, dark: true }],
  [S('marketing/cards', range(1, 6)), 'components', 'r', { cols: 3 }],
  [S('marketing/carts', [1, 2]), 'ecommerce', 'r', { cols: 2 }],
  [[...S('marketing/announcements', range(1, 4)), 'marketing/newsletter-signup/1'], 'marketing', 'w'],
  [S('marketing/polls', [1, 2]), 'components', 'd', { cols: 2 }],
  [S('marketing/empty-content', [1, 2]), 'components', 'p'],
  [[...S('marketing/logo-clouds', [1]), 'marketing/stats/2'], 'marketing', 'd', { jpeg: true }],
  [S('marketing/team-sections', [2]), 'marketing', 'P'],
  [S('marketing/feature-grids', [2, 3]), 'marketing', 'r'],
  [S('marketing/buttons', range(1, 5)), 'components', 'd'],
  // application UI sheets
  [S('application/stats', range(1, 6)), 'dashboard', 'd', { cols: 3 }],
  [S('application/stats', range(1, 6)), 'dashboard', 'w', { cols: 3, dark: true }],
  [S('application/tables', [1, 2]), 'tables', 'd'],
  [S('application/tables', [3, 4]), 'tables', 'r', { dark: true }],
  [S('application/tabs', range(1, 5)), 'navigation', 'w'],
  [S('application/accordions', [1, 2]), 'components', 'm'],
  [S('application/steps', range(1, 5)), 'navigation', 'r'],
  [S('application/details-list', range(1, 4)), 'components', 'p', { cols: 2 }],
  [S('application/vertical-menu', range(1, 8)), 'navigation', 'w', { cols: 4 }],
  [S('application/vertical-menu', range(1, 4)), 'navigation', 'd', { cols: 4, dark: true }],
  [S('application/side-menu', [1, 2]), 'navigation', 'R', { cols: 4 }],
  [[...S('application/inputs', range(1, 3)), ...S('application/selects', range(1, 3)), ...S('application/textareas', range(1, 3))], 'forms', 'r', { cols: 3 }],
  [[...S('application/checkboxes', range(1, 3)), ...S('application/radio-groups', range(1, 3)), ...S('application/toggles', range(1, 3))], 'forms', 'd', { cols: 3 }],
  [[...S('application/file-uploaders', [1, 2]), ...S('application/filters', [1, 2])], 'forms', 'w', { cols: 2, jpeg: true }],
  [S('application/timelines', range(1, 3)), 'components', 'R', { cols: 3 }],
  [S('application/toasts', range(1, 6)), 'components', 'a', { cols: 2 }],
  [[...S('application/pagination', range(1, 3)), ...S('application/breadcrumbs', range(1, 3)), ...S('application/button-groups', range(1, 3))], 'navigation', 'w'],
  [[...S('application/badges', range(1, 3)), ...S('application/dividers', range(1, 3))], 'components', 'm'],
  [S('application/media', range(1, 8)), 'components', 'd', { cols: 2 }],
  [S('application/empty-states', [1, 2]), 'components', 'a', { dark: true }],
  [[...S('application/quantity-inputs', range(1, 4)), ...S('application/progress-bars', range(1, 3))], 'forms', 'p'],
  [S('application/grids', range(1, 5)), 'layout', 'r', { jpeg: true }],
  [S('application/details-list', [1, 2]), 'components', 'r', { dark: true }],
  // neobrutalism collection (thick borders, offset shadows)
  [S('neobrutalism/cards', range(1, 4)), 'components', 'd', { cols: 2 }],
  [[...S('neobrutalism/alerts', range(1, 3)), ...S('neobrutalism/badges', range(1, 3))], 'components', 'w', { cols: 2 }],
  [[...S('neobrutalism/tabs', range(1, 4)), 'neobrutalism/accordions/1'], 'navigation', 'r'],
  [[...S('neobrutalism/inputs', [1, 2]), ...S('neobrutalism/selects', [1]), ...S('neobrutalism/textareas', [1]), ...S('neobrutalism/checkboxes', [1])], 'forms', 'm'],
  [S('neobrutalism/cards', range(1, 4)), 'components', 'R', { cols: 2, dark: true }],
  [[...S('neobrutalism/buttons', range(1, 5)), ...S('neobrutalism/progress-bars', range(1, 3))], 'components', 'd', { jpeg: true }],
];

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'HYPERUI_MIRROR', repo: REPO, commit: COMMIT, marker: 'public/component.css' }));

const CSS_PATH = 'public/component.css';
const GRAY900 = 'var(--color-gray-900)';

// HyperUI's stylesheet starts with a Google Fonts @import (Google Sans Flex); dropped, text falls back to sans-serif
function cssPick(notes) {
  return (href) => {
    const clean = href.split(/[?#]/)[0];
    if (clean === '/component.css' || clean.endsWith('/component.css')) return { repoPath: CSS_PATH };
    return null;
  };
}

const bodyOf = (html) => {
  const m = html.match(/<body\b([^>]*)>([\s\S]*?)<\/body\s*>/i);
  if (!m) throw new Error('no <body>');
  const cls = (m[1].match(/class\s*=\s*"([^"]*)"/i) || [, ''])[1];
  return { cls, inner: m[2] };
};

function fileFor(id, dark) {
  return `${EX}/${id}${dark ? '-dark' : ''}.html`;
}

export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [items, family, vp, opt = {}] = PAGES[seed - 1];
  const src = mirror();
  const [vpSize, dpr] = viewport(vp);
  const notes = newNotes();
  const dark = !!opt.dark;
  let raw, paths;
  if (typeof items === 'string') {
    paths = [`${EX}/${items}.html`];
    raw = src.text(paths[0]);
    if (raw == null) throw new Error(`${paths[0]} not in ${src.where}`);
  } else {
    // a sheet: the first component's document is the shell, every component body becomes a div
    paths = items.map((id) => fileFor(id, dark));
    const docs = paths.map((p) => { const t = src.text(p); if (t == null) throw new Error(`${p} not in ${src.where}`); return t; });
    const cols = vpSize.width < 640 ? 1 : (opt.cols || 1);
    const blocks = docs.map((d, i) => {
      const { cls, inner } = bodyOf(d);
      const c = cls.split(/\s+/).filter((x) => x && !['min-h-screen', 'h-screen'].includes(x));
      if (c.length !== cls.split(/\s+/).filter(Boolean).length) notes.static_state.push('min-h-screen/h-screen of a component body dropped in the sheet');
      return `<div data-hyperui="${items[i]}${dark ? '-dark' : ''}" class="${c.join(' ')}">${inner}</div>`;
    });
    const sheetStyle = cols > 1 ? `display:grid;grid-template-columns:repeat(${cols},minmax(0,1fr));align-items:start` : 'display:block';
    notes.static_state.push(`sheet of ${docs.length} components, ${cols} column(s), no spacing of its own`);
    raw = docs[0].replace(/<body\b[^>]*>[\s\S]*<\/body\s*>/i, () => `<body>\n<div data-sheet style="${sheetStyle}">\n${blocks.join('\n')}\n</div>\n</body>`);
  }
  let { html, inline } = neutralise(raw, { src, pagePath: paths[0], notes, cacheName: 'hyperui', css: cssPick(notes) });
  // the Google Fonts @import of component.css -> removed (the rest of the stylesheet as committed)
  inline = inline.map((inc) => {
    const t = fs.readFileSync(inc.file, 'utf8');
    const t2 = t.replace(/@import\s+(?:url\()?["']?https?:[^;]*;/g, () => { notes.dropped.push('@import Google Fonts (Google Sans Flex) -> system sans-serif'); return ''; });
    return t2 === t ? inc : { ...inc, file: writeCached('hyperui-component', t2) };
  });
  if (dark) {
    html = html.replace(/<html\b([^>]*)>/i, (all) => (/class="[^"]*\bdark\b/.test(all) ? all : all.replace(/class="/, 'class="dark ')));
    html = html.replace(/<\/head>/i, `<style data-note="HyperUI dark preview background (ComponentPreview.astro bg-gray-900)">html{background-color:${GRAY900}}</style></head>`);
    notes.static_state.push('-dark twins on the dark preview background bg-gray-900');
  }
  if (/<canvas\b/i.test(html)) {
    notes.dropped.push('Chart.js canvases -> empty blocks filling their box, #f3f4f6');
    html = html.replace(/<\/head>/i, '<style data-note="script-drawn charts shown as plain blocks">canvas{display:block;width:100%;height:100%;background-color:#f3f4f6}</style></head>');
  }
  const tmpl = typeof items === 'string';
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vpSize,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: 'tailwindcss 4 (hyperui)', root_font_px: 16,
    scale_note: 'Tailwind v4 spacing: every p/m/gap/space utility is a multiple of --spacing .25rem (4 px); scale = the steps HyperUI examples use (2..256 px). Base 4; 0.5/1.5/2.5 steps (2/6/10 px) give gcd 2 on many pages.',
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: tmpl ? paths[0] : paths },
    neutralized: summariseNotes(notes),
    style: {
      family, framework: 'tailwind4', source: 'hyperui',
      template: tmpl ? `HyperUI template: ${items}` : `HyperUI components: ${items.join(', ')}${dark ? ' (dark)' : ''}`,
      layout: tmpl ? items.split('/').slice(1).join('/') : `sheet-${vpSize.width < 640 ? 1 : (opt.cols || 1)}col`,
      theme: dark ? 'dark' : 'light',
    },
  };
  return { id: `hui${String(seed).padStart(3, '0')}`, html, meta, inlineCss: inline };
}

runAsScript(import.meta.url, { prefix: 'hui', pages: PAGES, describe: ([items, fam, vp, opt]) => [typeof items === 'string' ? items : items.join(','), fam, vp, opt], generatePage });
