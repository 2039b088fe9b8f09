// Real pages: the community Bulma templates (BulmaTemplates/bulma-templates, templates/*.html, Bulma 1.0.x), read at
// render time from a git mirror, with Bulma's CSS from the npm package `bulma` (the pages link it from unpkg).
// Generator module for render.mjs:
//
//   BULMA_MIRROR=/path/to/bulma-templates.git BULMA_NPM_DIR=/path/to/node_modules \
//     node render.mjs --gen sources/bulma.mjs --seeds 1-N --out "$OUT"
//
// BULMA_MIRROR: a git directory (bare mirror or a clone's .git) holding COMMIT, or a clone / plain checkout.
// BULMA_MIRROR_REV picks another commit.
// BULMA_NPM_DIR: a node_modules folder holding `bulma` (1.0.4) and `bulma-1.0.2` (npm alias of bulma@1.0.2):
//   npm install bulma@1.0.4 bulma-1.0.2@npm:bulma@1.0.2
// A page that links unpkg.com/bulma@1.0.2 gets 1.0.2, one that links 1.0.4 gets 1.0.4.
// BENCH_SOURCES_BUILD: folder for the extracted stylesheets.
//
// `node sources/bulma.mjs --list` prints the pages; `node sources/bulma.mjs SEED > page.html` writes one page
// with its CSS inlined.
import fs from 'node:fs';
import path from 'node:path';
import { openMirror, neutralise, newNotes, summariseNotes, viewport, writeCached, rewriteTags, attr, setAttr, serialize, runAsScript } from './lib.mjs';

export const GENERATOR = 'src-bulma-v1';
const REPO = 'BulmaTemplates/bulma-templates';
// HEAD of master: "Update kanban[search].html", 2025-05-19
const COMMIT = '7012678e7f93721971568f1dda2ab4bbbfaa89ee';

// Spacing scale (CSS px, root font 16 px), from Bulma 1.0.4's sass (node_modules/bulma/sass):
// - spacing helpers m-/p-1..6 = .25 .5 .75 1 1.5 3 rem = 4 8 12 16 24 48 (helpers/spacing.scss:23-31);
// - $block-spacing 1.5rem = 24 (utilities/initial-variables.scss:59): margin under every block, card media, ...;
// - $column-gap .75rem = 12 (grid/columns.scss:8): column padding, so 24 between columns; .is-N gaps N x .25rem;
// - components: $box-padding 1.25rem 20 (elements/box.scss:9), $card-header-padding .75rem 1rem, $card-content-padding
//   1.5rem, $card-footer-padding .75rem (components/card.scss:13-28), $section-padding 3rem 1.5rem / desktop 3rem 3rem
//   (layout/section.scss:5-6), $hero-body-padding 3rem 1.5rem (layout/hero.scss:7), $footer-padding 3rem 1.5rem 6rem
//   (layout/footer.scss:6), navbar-item .5rem .75rem and gap .75rem (components/navbar.scss:284-286), buttons
//   calc(.5em - 1px) calc(1em - 1px) (= 8 / 16 with the 1 px border), .375rem 6 (navbar burger, tags, small controls),
//   section-medium / hero-medium 9rem 4.5rem (144 / 72).
// Base unit 4 (.25rem, the helpers' step 1).
export const SCALE = [4, 6, 8, 12, 16, 20, 24, 32, 48, 72, 96];
export const BASE_UNIT = 4;

// [template file under templates/, family, viewport code, options]; seed i -> PAGES[i-1].
// options: dark -> Bulma 1.0's own dark theme (html[data-theme=dark], shipped in bulma.css); jpeg -> JPEG q80.
// Dark only on templates whose colours come from Bulma itself: admin, tabs and forum hard-code light colours in
// their own css/*.css (white text on white, black menu boxes) and are light only.
// Left out: cards, inbox, kanban-switch, kanban[search] (content rendered by Vue), Newloginpage (no Bulma),
// skeleton (an empty page), index (a redirect), band (first screen is one remote photo, grey here), blog,
// personal, showcase, login (first screen a full-bleed remote photo / colour block, no counted spacing);
// phone variants of cover, landing and register (first screen empty: a grey photo or a colour block).
export const PAGES = [
  ['admin.html', 'dashboard', 'd'],
  ['admin.html', 'dashboard', 'R'],
  ['admin.html', 'dashboard', 'm'],
  ['aside.html', 'dashboard', 'd'],
  ['aside.html', 'dashboard', 'r'],
  ['blog-tailsaw.html', 'blog', 'd'],
  ['blog-tailsaw.html', 'blog', 'R'],
  ['blog-tailsaw.html', 'blog', 'a', { dark: true }],
  ['blog-tailsaw.html', 'blog', 'w', { dark: true }],
  ['blogpost-tailsaw.html', 'blog', 'w'],
  ['blogpost-tailsaw.html', 'blog', 'r', { dark: true }],
  ['cheatsheet.html', 'docs', 'd'],
  ['cheatsheet.html', 'docs', 'r'],
  ['cheatsheet.html', 'docs', 'P'],
  ['contact.html', 'forms', 'w'],
  ['contact.html', 'forms', 'R'],
  ['contact.html', 'forms', 'm'],
  ['cover.html', 'marketing', 'd'],
  ['documentation.html', 'docs', 'd'],
  ['documentation.html', 'docs', 'R', { dark: true }],
  ['documentation.html', 'docs', 'a'],
  ['forum.html', 'components', 'w'],
  ['forum.html', 'components', 'r'],
  ['forum.html', 'components', 'm', { jpeg: true }],
  ['ghost-blog.html', 'blog', 'd', { jpeg: true }],
  ['ghost-blog.html', 'blog', 'r'],
  ['hello-parallax.html', 'marketing', 'w'],
  ['hello-parallax.html', 'marketing', 'a'],
  ['hero.html', 'marketing', 'd'],
  ['hero.html', 'marketing', 'R'],
  ['instaAlbum.html', 'components', 'w'],
  ['instaAlbum.html', 'components', 'r', { jpeg: true }],
  ['instaAlbum.html', 'components', 'p'],
  ['kanban.html', 'dashboard', 'd'],
  ['kanban.html', 'dashboard', 'R'],
  ['kanban.html', 'dashboard', 'd', { dark: true, jpeg: true }],
  ['landing.html', 'marketing', 'w'],
  ['landing.html', 'marketing', 'r'],
  ['loginPage.html', 'auth', 'd'],
  ['loginPage.html', 'auth', 'r', { dark: true }],
  ['modal-cards.html', 'components', 'w'],
  ['modal-cards.html', 'components', 'r'],
  ['neumorphic-login.html', 'auth', 'd'],
  ['neumorphic-login.html', 'auth', 'R'],
  ['register.html', 'auth', 'w'],
  ['search.html', 'components', 'd'],
  ['search.html', 'components', 'r'],
  ['search.html', 'components', 'p'],
  ['search.html', 'components', 'w', { dark: true }],
  ['search.html', 'components', 'P', { dark: true }],
  ['tabs.html', 'components', 'd'],
  ['tabs.html', 'components', 'R'],
  ['tabs.html', 'components', 'm'],
  ['absurd.html', 'marketing', 'w', { jpeg: true }],
  ['absurd.html', 'marketing', 'r'],
  ['app-page.html', 'marketing', 'd'],
  ['app-page.html', 'marketing', 'R'],
  ['app-page.html', 'marketing', 'm'],
];

let SRC = null;
const mirror = () => (SRC ||= openMirror({ env: 'BULMA_MIRROR', repo: REPO, commit: COMMIT, marker: 'templates/hero.html' }));

function bulmaCss(version, notes) {
  const dir = process.env.BULMA_NPM_DIR;
  if (!dir) throw new Error('BULMA_NPM_DIR is not set: point it at a node_modules with bulma@1.0.4 and bulma-1.0.2@npm:bulma@1.0.2');
  const pkg = version === '1.0.2' ? 'bulma-1.0.2' : 'bulma';
  const f = path.join(dir, pkg, 'css', 'bulma.min.css');
  if (!fs.existsSync(f)) throw new Error(`${f} missing (npm install ${pkg === 'bulma' ? 'bulma@1.0.4' : 'bulma-1.0.2@npm:bulma@1.0.2'})`);
  const have = JSON.parse(fs.readFileSync(path.join(dir, pkg, 'package.json'), 'utf8')).version;
  if (have !== version) throw new Error(`${pkg} is ${have}, the page wants bulma@${version}`);
  notes.stylesheets.push(`npm bulma@${version}/css/bulma.min.css`);
  return writeCached(`bulma-${version}`, fs.readFileSync(f, 'utf8').replace(/\/\*# sourceMappingURL=[^*]*\*\//g, ''));
}

export function generatePage(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed > PAGES.length) throw new Error(`seed ${seed} out of range 1-${PAGES.length}`);
  const [file, family, vp, opt = {}] = PAGES[seed - 1];
  const rel = `templates/${file}`;
  const src = mirror();
  let raw = src.text(rel);
  if (raw == null) throw new Error(`${rel} not in ${src.where}`);
  const notes = newNotes();
  // the Bulma stylesheet comes from unpkg in every template: swap in the same version from npm
  const bulma = [];
  raw = raw.replace(/<link\b[^>]*href=["']https?:\/\/unpkg\.com\/bulma@(\d+\.\d+\.\d+)\/css\/bulma(?:\.min)?\.css["'][^>]*>/gi, (all, v) => {
    const ph = `<!--CSS:npm:bulma@${v}-->`;
    bulma.push({ placeholder: ph, file: bulmaCss(v, notes), label: `npm:bulma@${v}/css/bulma.min.css` });
    return ph;
  });
  if (!bulma.length) throw new Error(`${rel} links no unpkg bulma stylesheet`);
  let { html, inline } = neutralise(raw, {
    src, pagePath: rel, notes, cacheName: 'bulmatpl',
    css: (href, repoPath) => ({ repoPath }), // the template's own css/*.css (and bulma-divider, prism) from the mirror
  });
  if (opt.dark) {
    html = rewriteTags(html, ['html'], (name, attrs, sc) => { setAttr(attrs, 'data-theme', 'dark'); return serialize(name, attrs, sc); });
    notes.static_state.push('html[data-theme=dark] (Bulma 1.0 dark theme)');
  } else {
    // Bulma 1.0 also follows prefers-color-scheme; pin the light theme so the render does not depend on the browser
    html = rewriteTags(html, ['html'], (name, attrs, sc) => { setAttr(attrs, 'data-theme', 'light'); return serialize(name, attrs, sc); });
  }
  const [vpSize, dpr] = viewport(vp);
  const meta = {
    generator: GENERATOR, seed, family, dpr, viewport: vpSize,
    format: opt.jpeg ? 'jpeg' : 'png', ...(opt.jpeg ? { jpeg_quality: 80 } : {}),
    base_unit: BASE_UNIT, scale: SCALE,
    framework: `bulma ${[...new Set(bulma.map((b) => b.label.match(/@([\d.]+)/)[1]))].join('+')}`, root_font_px: 16,
    scale_note: 'Bulma 1.0 spacing helpers 4/8/12/16/24/48, $block-spacing 24, $column-gap 12, box 20, 6 (.375rem), section/hero/footer 48/72/96; base 4 (.25rem).',
    source: { repo: REPO, mode: src.mode, commit: src.commit, commit_date: src.date, path: rel },
    neutralized: summariseNotes(notes),
    style: { family, framework: 'bulma', source: 'bulma', template: `Bulma templates: ${file}`, layout: path.posix.basename(file, '.html'), theme: opt.dark ? 'dark' : 'light' },
  };
  return { id: `blm${String(seed).padStart(3, '0')}`, html, meta, inlineCss: [...bulma, ...inline] };
}

runAsScript(import.meta.url, { prefix: 'blm', pages: PAGES, describe: ([rel, fam, vp, opt]) => [rel, fam, vp, opt], generatePage });
