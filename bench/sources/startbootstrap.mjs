// Real pages: Start Bootstrap's free templates (github.com/StartBootstrap), read at render time from git mirrors.
// Seven repositories, each with its compiled CSS committed: SB Admin 2 (Bootstrap 4.6, pages at the repository
// root) and six Bootstrap 5.2.3 templates (pages and CSS in dist/): SB Admin, Modern Business, Landing Page, Shop
// Homepage, Grayscale, Resume. Generator module for render.mjs:
//
//   MIRROR_ROOT=/work/.mirror node render.mjs --gen sources/startbootstrap.mjs --seeds 1-58 --out "$OUT"
//
// Each repository is found through its own variable, or under $MIRROR_ROOT/<owner>+<name>/repo:
//   SB_ADMIN_2_MIRROR, SB_ADMIN_MIRROR, SB_MODERN_BUSINESS_MIRROR, SB_LANDING_PAGE_MIRROR, SB_SHOP_HOMEPAGE_MIRROR,
//   SB_GRAYSCALE_MIRROR, SB_RESUME_MIRROR  (each: a git directory holding the pinned commit, or a checkout; *_REV
//   picks another commit). BENCH_SOURCES_BUILD: folder for the extracted stylesheets.
//
// `node sources/startbootstrap.mjs --list` prints the pages; `node sources/startbootstrap.mjs SEED > page.html`
// writes one page with its CSS inlined.
import path from 'node:path';
import { mirrorsOf, neutralise, newNotes, summariseNotes, viewport, inlineFontFaces, rewriteCssUrls, writeCached, runAsScript } from './lib.mjs';

export const GENERATOR = 'src-startbootstrap-v1';

// pinned commits (HEAD of each default branch when mirrored); all MIT licence
const REPOS = {
  'sb-admin-2': { repo: 'StartBootstrap/startbootstrap-sb-admin-2', env: 'SB_ADMIN_2_MIRROR', commit: 'f0309881ef82794a1bd6257cd321801bc38a0f3d', dir: '', css: 'css/sb-admin-2.min.css', bs: '4.6.0' },
  'sb-admin': { repo: 'StartBootstrap/startbootstrap-sb-admin', env: 'SB_ADMIN_MIRROR', commit: 'adde34b9616b9840c4da756323131f59ac445090', dir: 'dist/', css: 'dist/css/styles.css', bs: '5.2.3' },
  'modern-business': { repo: 'StartBootstrap/startbootstrap-modern-business', env: 'SB_MODERN_BUSINESS_MIRROR', commit: '7d297106cbda2f04db4696752fcdb5b4dc9cd936', dir: 'dist/', css: 'dist/css/styles.css', bs: '5.2.3' },
  'landing-page': { repo: 'StartBootstrap/startbootstrap-landing-page', env: 'SB_LANDING_PAGE_MIRROR', commit: '247a46a2503c91d1157179eab297953438ec498b', dir: 'dist/', css: 'dist/css/styles.css', bs: '5.2.3' },
  'shop-homepage': { repo: 'StartBootstrap/startbootstrap-shop-homepage', env: 'SB_SHOP_HOMEPAGE_MIRROR', commit: 'fb3a49020b840cdbcb0a588fdbda8fc019710a6f', dir: 'dist/', css: 'dist/css/styles.css', bs: '5.2.3' },
  grayscale: { repo: 'StartBootstrap/startbootstrap-grayscale', env: 'SB_GRAYSCALE_MIRROR', commit: 'd974402542d05abcbaa8d21d4dd78e53680f2edd', dir: 'dist/', css: 'dist/css/styles.css', bs: '5.2.3' },
  resume: { repo: 'StartBootstrap/startbootstrap-resume', env: 'SB_RESUME_MIRROR', commit: 'c6fbe5ef431642984d0f17960194632f20cf67bc', dir: 'dist/', css: 'dist/css/styles.css', bs: '5.2.3' },
};

// Spacing scale (CSS px, root font 16 px). Bootstrap's spacer utilities ($spacer: 1rem; m-/p-/g- 1..5 = .25 .5 1
// 1.5 3 rem) give 4 8 16 24 48, and base 4 (= $spacer * .25): Bootstrap 4.6 in SB Admin 2 (scss/_variables.scss:68
// `$spacer: 1rem`, :69 `$grid-gutter-width: $spacer * 1.5`; css/sb-admin-2.css `.p-1 { padding: .25rem }`), Bootstrap
// 5.2.3 in the others (dist/css/styles.css, e.g. Modern Business :7709 `.p-1 { padding: 0.25rem }`, :7515 `.m-5
// { margin: 3rem }`, :635 `--bs-gutter-x: 1.5rem`). Component paddings: .375rem (6: `--bs-btn-padding-y` :2770, input
// padding-y), .75rem (12: btn / input padding-x, BS4 card-spacer-y and table cells, half of the 1.5rem gutter),
// 1.25rem (20: BS4 `.card-body { padding: 1.25rem }` sb-admin-2.css:4528, alert / list-group x), 1.75rem (28: SB Admin
// `.sb-sidenav-menu-heading { padding: 1.75rem 1rem .75rem }` styles.css:10989), 2rem (32), and the templates'
// section paddings 4rem (64), 5rem (80: Resume sections styles.css:10952), 7rem (112: Landing Page .features-icons),
// 8rem / 12rem (128 / 192: Landing Page masthead, :10864), 10rem (160: Grayscale .about-section / .projects-section
// :11115). Left off: .3rem / .35em badge paddings (4.2 / 7.8 px), .125rem and .625rem one-offs, 15 px, 1.5em metrics.
export const SCALE = [4, 6, 8, 12, 16, 20, 24, 28, 32, 48, 64, 80, 112, 128, 160, 192];
export const BASE_UNIT = 4;

// [template, page, family, viewport code, options]; seed i -> PAGES[i-1]. options: jpeg -> JPEG q80;
// scrollTo: id -> the page as scrolled to that section (see scrolled() below).
// theme: grayscale is dark by design (black page); the others are light pages (SB Admin's dark side nav and top bar).
export const PAGES = [
  ['sb-admin-2', 'index.html', 'dashboard', 'd'],
  ['sb-admin-2', 'index.html', 'dashboard', 'R'],
  ['sb-admin-2', 'index.html', 'dashboard', 'm'],
  ['sb-admin-2', 'buttons.html', 'components', 'd'],
  ['sb-admin-2', 'cards.html', 'components', 'w'],
  ['sb-admin-2', 'cards.html', 'components', 'r'],
  ['sb-admin-2', 'charts.html', 'dashboard', 'd', { jpeg: true }],
  ['sb-admin-2', 'tables.html', 'tables', 'w'],
  ['sb-admin-2', 'tables.html', 'tables', 'a'],
  ['sb-admin-2', 'utilities-color.html', 'components', 'd'],
  ['sb-admin-2', 'utilities-border.html', 'components', 'r'],
  ['sb-admin-2', 'utilities-other.html', 'components', 'w'],
  ['sb-admin-2', 'login.html', 'auth', 'd'],
  ['sb-admin-2', 'login.html', 'auth', 'p'],
  ['sb-admin-2', 'register.html', 'auth', 'r'],
  ['sb-admin-2', 'forgot-password.html', 'auth', 'w'],
  ['sb-admin-2', '404.html', 'dashboard', 'd'],
  ['sb-admin', 'index.html', 'dashboard', 'd'],
  ['sb-admin', 'index.html', 'dashboard', 'w'],
  ['sb-admin', 'index.html', 'dashboard', 'r'],
  ['sb-admin', 'charts.html', 'dashboard', 'R'],
  ['sb-admin', 'tables.html', 'tables', 'd'],
  ['sb-admin', 'layout-static.html', 'dashboard', 'w'],
  ['sb-admin', 'layout-sidenav-light.html', 'dashboard', 'd'],
  ['sb-admin', 'layout-sidenav-light.html', 'dashboard', 'r'],
  ['sb-admin', 'login.html', 'auth', 'd'],
  ['sb-admin', 'login.html', 'auth', 'm'],
  ['sb-admin', 'register.html', 'auth', 'w', { jpeg: true }],
  ['sb-admin', 'password.html', 'auth', 'r'],
  ['sb-admin', '401.html', 'dashboard', 'd'],
  ['sb-admin', '404.html', 'dashboard', 'P'],
  ['modern-business', 'index.html', 'marketing', 'd'],
  ['modern-business', 'index.html', 'marketing', 'm'],
  ['modern-business', 'index.html', 'marketing', 'R'],
  ['modern-business', 'about.html', 'marketing', 'w'],
  ['modern-business', 'about.html', 'marketing', 'r'],
  ['modern-business', 'blog-home.html', 'blog', 'd'],
  ['modern-business', 'blog-post.html', 'blog', 'R'],
  ['modern-business', 'contact.html', 'forms', 'w'],
  ['modern-business', 'contact.html', 'forms', 'p'],
  ['modern-business', 'faq.html', 'components', 'd'],
  ['modern-business', 'faq.html', 'components', 'a'],
  ['modern-business', 'pricing.html', 'marketing', 'r'],
  ['modern-business', 'portfolio-overview.html', 'marketing', 'w', { jpeg: true }],
  ['modern-business', 'portfolio-item.html', 'marketing', 'd'],
  ['landing-page', 'index.html', 'marketing', 'd'],
  ['landing-page', 'index.html', 'marketing', 'r'],
  ['landing-page', 'index.html', 'marketing', 'm'],
  ['shop-homepage', 'index.html', 'ecommerce', 'w'],
  ['shop-homepage', 'index.html', 'ecommerce', 'R'],
  ['shop-homepage', 'index.html', 'ecommerce', 'p'],
  ['grayscale', 'index.html', 'marketing', 'd', { dark: true }],
  ['grayscale', 'index.html', 'marketing', 'w', { dark: true, jpeg: true, scrollTo: 'about' }],
  ['grayscale', 'index.html', 'marketing', 'r', { dark: true, scrollTo: 'signup' }],
  ['grayscale', 'index.html', 'marketing', 'm', { dark: true }],
  ['resume', 'index.html', 'components', 'd'],
  ['resume', 'index.html', 'components', 'R'],
  ['resume', 'index.html', 'components', 'm'],
];

const mirror = mirrorsOf(REPOS, (r) => r.css);

// Font Awesome: SB Admin 2 ships Font Awesome Free 5.15 in vendor/ (inlined as served). SB Admin, Grayscale and
// Resume load Font Awesome 6.3 as a remote JS kit (it swaps <i class="fas ..."> for inline SVGs); no script runs
// here, so their icons get SB Admin 2's vendored Font Awesome 5.15 webfont CSS instead (same class names).
const FA_KIT = /use\.fontawesome\.com\/releases\/[^"']*\/js\/all\.js/;
function vendoredFontAwesome(notes) {
  const src = mirror('sb-admin-2');
  const p = 'vendor/fontawesome-free/css/all.min.css';
  let css = src.text(p);
  if (css == null) throw new Error(`${p} not in ${src.where}`);
  const base = path.posix.dirname(p);
  css = inlineFontFaces(css, src, base, notes);
  css = rewriteCssUrls(css, src, base, notes, 'stylesheet');
  notes.static_state.push('Font Awesome 6 JS kit -> Font Awesome Free 5.15 webfont CSS (from startbootstrap-sb-admin-2 vendor/)');
  return { placeholder: '<!--CSS:fontawesome-->', file: writeCached('startbootstrap-fontawesome-all.min.css', css), label: `${src.repo}/${p}` };
}

// Grayscale is a one-page site: a screenshot below the masthead is a scrolled one. Without scrolling in render.mjs,
// the page is shown from the section with that id: the masthead and the sections before it are removed, and the
// fixed navbar gets `navbar-shrink`, the class Grayscale's js/scripts.js (navbarShrink) sets once scrollY > 0.
function scrolled(html, id, notes) {
  const a = html.search(/<header\b[^>]*class="masthead"/i);
  const b = html.search(new RegExp(`<section\\b[^>]*id="${id}"`, 'i'));
  if (a < 0 || b < 0 || b < a) throw new Error(`cannot scroll to #${id}`);
  html = html.slice(0, a) + html.slice(b);
  html = html.replace(/(<nav\b[^>]*id="mainNav"[^>]*class="|<nav\b[^>]*class=")([^"]*\bfixed-top\b)/i, (m, p, c) => `${p}${c} navbar-shrink`);
  notes.static_state.push(`shown scrolled to #${id}: masthead and earlier sections removed, #mainNav.navbar-shrink (scripts.js navbarShrink)`);
  return html;
}

export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [key, page, family, vp, opt = {}] = PAGES[seed - 1];
  const R = REPOS[key];
  const src = mirror(key);
  const rel = R.dir + page;
  let raw = src.text(rel);
  if (raw == null) throw new Error(`${rel} not in ${src.where}`);
  const notes = newNotes();
  const usesKit = FA_KIT.test(raw);
  if (opt.scrollTo) raw = scrolled(raw, opt.scrollTo, notes);
  let { html, inline } = neutralise(raw, {
    src, pagePath: rel, notes, cacheName: `sb-${key}`,
    css: (href, repoPath) => ({ repoPath }), // the local stylesheets the page links, as committed
  });
  if (usesKit) {
    const fa = vendoredFontAwesome(notes);
    inline.unshift(fa);
    html = html.replace(/<head\b[^>]*>/i, (m) => `${m}${fa.placeholder}`);
  }
  if (/<canvas\b/i.test(html)) {
    notes.dropped.push('Chart.js canvases -> empty blocks, width 100%, height of their chart box (sb-admin-2 .chart-area/.chart-pie/.chart-bar) or their width:height attributes, filled #eaecf4');
    html = html.replace(/<\/head>/i, '<style data-note="script-drawn charts shown as plain blocks">canvas{display:block;width:100%;height:auto;background-color:#eaecf4}.chart-area canvas,.chart-pie canvas,.chart-bar canvas{height:100%}</style></head>');
  }
  const [vpSize, dpr] = viewport(vp);
  const dark = !!opt.dark;
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vpSize,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: `bootstrap ${R.bs} (start bootstrap ${key})`, root_font_px: 16,
    scale_note: 'Bootstrap spacers 4/8/16/24/48 ($spacer 1rem) + component paddings 6/12/20/28/32 and template section paddings 64/80/112/128/160/192 px; base 4 ($spacer/4). The 6 px step (.375rem) gives gcd 2 on some pages.',
    source: { repo: R.repo, mode: src.mode, commit: src.commit, commit_date: src.date, path: rel },
    neutralized: summariseNotes(notes),
    style: { family, framework: R.bs.startsWith('4') ? 'bootstrap4' : 'bootstrap5', source: 'startbootstrap', template: `Start Bootstrap ${key}: ${page}${opt.scrollTo ? ` #${opt.scrollTo}` : ''}`, layout: `${key}/${path.posix.basename(page, '.html')}`, theme: dark ? 'dark' : 'light' },
  };
  return { id: `sbt${String(seed).padStart(3, '0')}`, html, meta, inlineCss: inline };
}

runAsScript(import.meta.url, { prefix: 'sbt', pages: PAGES, describe: ([key, page, fam, vp, opt]) => [`${key}/${page}`, fam, vp, opt], generatePage });
