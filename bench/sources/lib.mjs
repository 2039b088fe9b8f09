// Shared helpers for the real-page sources in this folder.
//
// A source module reads third-party pages from a git mirror at render time, makes them render offline
// (no scripts, no network) and hands render.mjs the HTML plus the stylesheets to inline. Nothing of the
// third-party project is stored here: only this code.
//
//   openMirror({ env, repo, commit, marker })  -> reader over one commit of a git directory (or a plain tree)
//   mirrorsOf(repos, markerOf)                 -> key => openMirror of repos[key], opened once
//   neutralise(html, { src, pagePath, css, notes, ... }) -> { html, inline }
//   viewport(code)                             -> [{width, height}, dpr]
//   npmPinned(source, tag, pins, nested)       -> folder of pinned, integrity-checked npm packages
//   runAsScript(import.meta.url, { prefix, pages, describe, generatePage })
//                                              -> `node <source>.mjs --list` / `node <source>.mjs N`
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// ------------------------------------------------------------------ viewports
// d 1280x800@1, w 1440x900@1, r 1280x800@2 (2560x1600 image), m 390x844@3 (phone, 1170x2532 image),
// R 1440x900@2 (2880x1800), p 393x852@3, P 430x932@3, a 412x915@2.625 (Android, 1082x2402)
export const VIEWPORTS = {
  d: [{ width: 1280, height: 800 }, 1],
  w: [{ width: 1440, height: 900 }, 1],
  r: [{ width: 1280, height: 800 }, 2],
  m: [{ width: 390, height: 844 }, 3],
  // the other densities designers screenshot at (issue 14): 1440x900 Retina, two more iPhones, a Pixel
  R: [{ width: 1440, height: 900 }, 2],
  p: [{ width: 393, height: 852 }, 3],
  P: [{ width: 430, height: 932 }, 3],
  a: [{ width: 412, height: 915 }, 2.625],
};
export const viewport = (code) => {
  if (!VIEWPORTS[code]) throw new Error(`unknown viewport code ${code}`);
  return VIEWPORTS[code];
};

// ------------------------------------------------------------------ mirror access
// env names a git directory (a bare mirror such as <mirror root>/<owner>+<name>/repo, or a
// clone's .git), a clone, or a plain checkout. With a git directory the pinned commit is read (override with
// <ENV>_REV); with a plain tree the files are read as they are and the commit is reported as null.
export function openMirror({ env, repo, commit, marker }) {
  let where = process.env[env];
  // MIRROR_ROOT: a folder holding mirrors as <owner>+<name>/repo (one repository per folder).
  const fallback = process.env.MIRROR_ROOT ? path.join(process.env.MIRROR_ROOT, `${repo.replace('/', '+')}/repo`) : null;
  if (!where && fallback && fs.existsSync(fallback)) where = fallback;
  if (!where) throw new Error(`${env} is not set: point it at a git mirror of ${repo} (e.g. git clone --bare https://github.com/${repo})`);
  if (!fs.existsSync(where)) throw new Error(`${env}=${where} does not exist`);
  where = path.resolve(where);
  const isGitDir = (d) => fs.existsSync(path.join(d, 'HEAD')) && fs.existsSync(path.join(d, 'objects'));
  let gitDir = null;
  if (isGitDir(where)) gitDir = where;
  else if (fs.existsSync(path.join(where, '.git'))) gitDir = path.join(where, '.git');
  const cache = new Map();
  if (gitDir) {
    const rev = process.env[`${env}_REV`] || commit;
    const git = (args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
    let sha;
    try { sha = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).toString().trim(); } catch (e) { sha = ''; }
    if (!sha) throw new Error(`${gitDir} has no commit ${rev} of ${repo} (get a newer copy, or set ${env}_REV)`);
    const date = git(['log', '-1', '--format=%cI', sha]).toString().trim();
    return {
      repo, where: gitDir, mode: 'git', commit: sha, date,
      read(p) {
        if (cache.has(p)) return cache.get(p);
        let b = null;
        try { b = git(['cat-file', 'blob', `${sha}:${p}`]); } catch (e) { b = null; }
        cache.set(p, b); return b;
      },
      text(p) { const b = this.read(p); return b ? b.toString('utf8') : null; },
    };
  }
  if (marker && !fs.existsSync(path.join(where, marker))) throw new Error(`${where} is not a tree of ${repo} (no ${marker})`);
  return {
    repo, where, mode: 'dir', commit: null, date: null,
    read(p) { const f = path.join(where, p); return fs.existsSync(f) && fs.statSync(f).isFile() ? fs.readFileSync(f) : null; },
    text(p) { const b = this.read(p); return b ? b.toString('utf8') : null; },
  };
}

// A source built from several repositories (a table of { env, repo, commit, ... } by key): each
// mirror opened once, on first use. `markerOf` names the file that proves the mirror is the right
// repository (default: the entry's `marker`).
export function mirrorsOf(repos, markerOf = (r) => r.marker) {
  const opened = {};
  return (key) => {
    const r = repos[key];
    return (opened[key] ||= openMirror({ env: r.env, repo: r.repo, commit: r.commit, marker: markerOf(r) }));
  };
}

// ------------------------------------------------------------------ build folder (stylesheets for render.mjs to inline)
export function buildDir() {
  const d = process.env.BENCH_SOURCES_BUILD || path.join(os.tmpdir(), 'bench-sources-build');
  fs.mkdirSync(d, { recursive: true });
  return d;
}
export function writeCached(name, content) {
  const h = crypto.createHash('sha1').update(content).digest('hex').slice(0, 16);
  const f = path.join(buildDir(), `${name.replace(/[^\w.-]+/g, '_')}-${h}.css`);
  if (!fs.existsSync(f)) { fs.writeFileSync(f + '.tmp', content); fs.renameSync(f + '.tmp', f); }
  return f;
}

// ------------------------------------------------------------------ pinned npm packages (a source's build tools)
// `pins`: { name: [version, integrity] }, installed once into `<build folder>/<source>-npm-<tag>` with exact
// versions and no install scripts (a CLI's native parts come as prebuilt optional packages); each one's registry
// integrity is checked against what npm recorded. `nested`: packages of the same form that npm may place anywhere in
// the tree: every copy of that version is checked. Returns the folder.
const NPM_DIRS = new Map();
export function npmPinned(source, tag, pins, nested = {}) {
  const dir = path.join(buildDir(), `${source}-npm-${tag}`);
  if (NPM_DIRS.has(dir)) return dir;
  const want = { name: `${source}-css-build`, private: true, dependencies: Object.fromEntries(Object.entries(pins).map(([k, [v]]) => [k, v])) };
  const ok = () => Object.entries(pins).every(([k, [v]]) => {
    const f = path.join(dir, 'node_modules', k, 'package.json');
    return fs.existsSync(f) && JSON.parse(fs.readFileSync(f, 'utf8')).version === v;
  });
  if (!ok()) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(want, null, 1) + '\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    if (!ok()) throw new Error(`${dir}: npm did not install ${JSON.stringify(want.dependencies)}`);
  }
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', '.package-lock.json'), 'utf8')).packages;
  for (const [k, [v, integrity]] of Object.entries(pins)) {
    const e = lock[`node_modules/${k}`];
    if (!e || e.version !== v || e.integrity !== integrity) throw new Error(`${dir}: ${k}@${v} integrity ${e && e.integrity}, expected ${integrity}`);
  }
  for (const [k, [v, integrity]] of Object.entries(nested)) {
    const copies = Object.entries(lock).filter(([p, e]) => p.endsWith(`node_modules/${k}`) && e.version === v);
    if (!copies.length || copies.some(([, e]) => e.integrity !== integrity)) throw new Error(`${dir}: ${k}@${v} missing or integrity mismatch`);
  }
  NPM_DIRS.set(dir, true);
  return dir;
}

// ------------------------------------------------------------------ small HTML helpers (regex level, enough for static pages)
const TAG_RE = (names) => new RegExp(`<(${names.join('|')})\\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\\/?)>`, 'gi');
export function parseAttrs(s) {
  const out = [];
  const re = /([^\s=/>"']+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  let m;
  while ((m = re.exec(s))) out.push({ name: m[1], value: m[2] === undefined ? null : (m[3] ?? m[4] ?? m[5]) });
  return out;
}
export const attr = (attrs, n) => { const a = attrs.find((x) => x.name.toLowerCase() === n); return a ? a.value : undefined; };
export function setAttr(attrs, n, v) { const a = attrs.find((x) => x.name.toLowerCase() === n); if (a) a.value = v; else attrs.push({ name: n, value: v }); }
export const dropAttrs = (attrs, pred) => attrs.filter((a) => !pred(a.name.toLowerCase()));
export const serialize = (name, attrs, selfClose) => `<${name}${attrs.map((a) => (a.value == null ? ` ${a.name}` : ` ${a.name}="${String(a.value).replace(/"/g, '&quot;')}"`)).join('')}${selfClose ? ' /' : ''}>`;
/** rewrite every start tag of the given names: fn(name, attrs, selfClose) -> string (the new tag) */
export function rewriteTags(html, names, fn) {
  return html.replace(TAG_RE(names), (all, name, rest, sc) => fn(name.toLowerCase(), parseAttrs(rest), !!sc, all));
}
const decodeEnt = (s) => s.replace(/&(quot|#39|apos|amp|lt|gt);/g, (a, n) => ({ quot: '"', '#39': "'", apos: "'", amp: '&', lt: '<', gt: '>' }[n]));

// ------------------------------------------------------------------ resources
const MIME = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp', avif: 'image/avif', woff2: 'font/woff2' };
export const isExternal = (u) => /^(https?:)?\/\//i.test(String(u).trim());
export const GREY = '#ced4da';
export const greyBlock = (w, h) => `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${GREY}"/></svg>`)}`;
export function resolveIn(baseDir, url) {
  let clean = url.split(/[?#]/)[0];
  try { clean = decodeURIComponent(clean); } catch (e) { /* keep */ }
  if (clean.startsWith('/')) return clean.slice(1);
  return path.posix.normalize(path.posix.join(baseDir, clean));
}
export function imageSize(b) {
  if (!b || b.length < 24) return null;
  if (b[0] === 0x89 && b[1] === 0x50) return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
  if (b[0] === 0x47 && b[1] === 0x49) return { w: b.readUInt16LE(6), h: b.readUInt16LE(8) };
  if (b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) { i++; continue; }
      const m = b[i + 1]; const len = b.readUInt16BE(i + 2);
      if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return { h: b.readUInt16BE(i + 5), w: b.readUInt16BE(i + 7) };
      i += 2 + len;
    }
  }
  return null;
}
// per image and per page (distinct images); repeats of an inlined image are free of the budget
const IMG_MAX = 1280 * 1024, IMG_BUDGET = 8 * 1024 * 1024;
/** data URI of a local image; a grey block of its size when it is large or the page's budget is spent; null if missing */
export function localImage(src, repoPath, notes) {
  const b = src.read(repoPath); if (!b) return null;
  const ext = repoPath.split('.').pop().toLowerCase(); if (!MIME[ext] || ext === 'woff2') return null;
  notes._seen ||= new Set();
  const seen = notes._seen.has(repoPath);
  if (ext !== 'svg' && !seen && (b.length > IMG_MAX || (notes._bytes || 0) + b.length > IMG_BUDGET)) {
    const sz = imageSize(b) || { w: 400, h: 300 };
    notes.large_local_images.push(`${repoPath} (${Math.round(b.length / 1024)} KB) -> ${sz.w}x${sz.h} grey block`);
    return greyBlock(sz.w, sz.h);
  }
  if (!seen) { notes._bytes = (notes._bytes || 0) + b.length; notes._seen.add(repoPath); }
  notes.local_images++;
  return `data:${MIME[ext]};base64,${b.toString('base64')}`;
}
/** intrinsic size for a remote image: width/height attributes, else WxH in the URL, else 400x300 */
function remoteSize(attrs, url) {
  const w = attr(attrs, 'width'), h = attr(attrs, 'height');
  if (w && h && /^\d+$/.test(w) && /^\d+$/.test(h)) return { w: +w, h: +h };
  const m = url.match(/(\d{2,4})x(\d{2,4})/); if (m) return { w: +m[1], h: +m[2] };
  return { w: 400, h: 300 };
}
export function rewriteCssUrls(css, src, baseDir, notes, what) {
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (all, q, u) => {
    u = decodeEnt(u.trim());
    if (u.startsWith('data:') || u.startsWith('#')) return all;
    if (isExternal(u)) { notes.dropped.push(`${what} url(${u.slice(0, 70)}) -> grey`); return `url("${greyBlock(400, 300)}")`; }
    const d = localImage(src, resolveIn(baseDir, u), notes);
    if (!d) { notes.dropped.push(`${what} url(${u.slice(0, 70)}) (not in mirror) -> none`); return 'none'; }
    return `url("${d}")`;
  });
}
/** @font-face blocks: keep only a local woff2 source, inlined; drop the others */
export function inlineFontFaces(css, src, baseDir, notes) {
  return css.replace(/@font-face\s*\{[^}]*\}/g, (block) => {
    const m = block.match(/url\(\s*['"]?([^'")]+?\.woff2)(?:[?#][^'")]*)?['"]?\s*\)/);
    if (!m || isExternal(m[1])) { notes.dropped.push('@font-face without a local woff2'); return ''; }
    const b = src.read(resolveIn(baseDir, m[1]));
    if (!b) { notes.dropped.push(`font ${m[1]} (not in mirror)`); return ''; }
    notes.fonts_inlined.push(path.posix.basename(m[1]));
    return block.replace(/src\s*:[^;}]*;?/g, '').replace(/\}\s*$/, `;src:url("data:font/woff2;base64,${b.toString('base64')}") format("woff2")}`).replace(/\{\s*;/, '{');
  });
}

export function newNotes() {
  return { scripts_removed: 0, event_handlers_removed: 0, stylesheets: [], dropped: [], local_images: 0, large_local_images: [], remote_images: [], fonts_inlined: [], static_state: [] };
}
/** notes as they go into meta.neutralized: repeated entries counted, private keys left out */
export function summariseNotes(notes) {
  const o = {};
  for (const [k, v] of Object.entries(notes)) {
    if (k.startsWith('_')) continue;
    if (!Array.isArray(v)) { o[k] = v; continue; }
    const c = new Map(); for (const x of v) c.set(x, (c.get(x) || 0) + 1);
    o[k] = [...c.entries()].map(([x, n]) => (n > 1 ? `${x} (x${n})` : x));
  }
  return o;
}

/**
 * Make a page render offline and script-free.
 *   src        mirror reader (openMirror)
 *   pagePath   the page's path in the repository (relative URLs resolve against its folder)
 *   css(href, repoPath) -> { repoPath, label } | null : which local stylesheets are inlined (others dropped)
 *   notes      newNotes()
 * Returns { html, inline } where inline is render.mjs's inlineCss list.
 */
export function neutralise(html, { src, pagePath, css, notes, cacheName }) {
  const pageDir = path.posix.dirname(pagePath);
  const inline = [];
  // scripts (inline and external), noscript fallbacks (a scripting browser does not show them), <base>
  html = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, (m) => {
    notes.scripts_removed++;
    const s = m.match(/\bsrc\s*=\s*["']?([^"'\s>]+)/i); if (s) notes.dropped.push(`script ${s[1].slice(0, 80)}`);
    return '';
  });
  html = html.replace(/<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>/gi, () => { notes.dropped.push('noscript'); return ''; });
  html = html.replace(/<base\b[^>]*>/gi, '');
  // inline event handlers and javascript: links
  html = html.replace(/<([a-zA-Z][\w:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g, (all, name, rest, sc) => {
    if (!/\son[a-z]+\s*=|javascript:/i.test(rest)) return all;
    let attrs = parseAttrs(rest);
    const n0 = attrs.length;
    attrs = dropAttrs(attrs, (n) => /^on[a-z]+$/.test(n));
    notes.event_handlers_removed += n0 - attrs.length;
    for (const a of attrs) if (a.value && /^\s*javascript:/i.test(a.value)) a.value = '#';
    return serialize(name, attrs, !!sc);
  });
  // stylesheets and other <link>s
  html = rewriteTags(html, ['link'], (name, attrs) => {
    const rel = (attr(attrs, 'rel') || '').toLowerCase().trim();
    const href = decodeEnt(attr(attrs, 'href') || '').trim();
    if (rel !== 'stylesheet') return '';
    if (isExternal(href)) { notes.dropped.push(`stylesheet ${href.slice(0, 90)}`); return ''; }
    const repoPath = resolveIn(pageDir, href);
    const pick = css(href, repoPath);
    if (!pick) { notes.dropped.push(`stylesheet ${href}`); return ''; }
    let text = src.text(pick.repoPath);
    if (text == null) { notes.dropped.push(`stylesheet ${href} (not in mirror)`); return ''; }
    const base = path.posix.dirname(pick.repoPath);
    text = text.replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
    text = inlineFontFaces(text, src, base, notes);
    text = rewriteCssUrls(text, src, base, notes, 'stylesheet');
    const ph = `<!--CSS:${pick.repoPath}-->`;
    inline.push({ placeholder: ph, file: writeCached(`${cacheName}-${path.posix.basename(pick.repoPath)}`, text), label: `${src.repo}/${pick.repoPath}` });
    notes.stylesheets.push(pick.repoPath);
    return ph;
  });
  html = html.replace(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
  // <style> blocks and style="" attributes with url()
  html = html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi, (all, a, body, c) => a + rewriteCssUrls(body, src, pageDir, notes, 'style block') + c);
  html = html.replace(/\sstyle\s*=\s*("([^"]*)"|'([^']*)')/gi, (all, q, d, s) => {
    const v = d ?? s; if (!/url\(/i.test(v)) return all;
    return ` style="${rewriteCssUrls(decodeEnt(v), src, pageDir, notes, 'style attribute').replace(/"/g, "'")}"`;
  });
  // images: local -> data URI, remote -> grey block of the intended size
  html = rewriteTags(html, ['img'], (name, attrs, sc) => {
    attrs = dropAttrs(attrs, (n) => ['srcset', 'loading', 'decoding', 'sizes', 'data-src'].includes(n));
    const s = decodeEnt(attr(attrs, 'src') || '').trim();
    if (s && !s.startsWith('data:')) {
      let d = null;
      if (!isExternal(s)) { d = localImage(src, resolveIn(pageDir, s), notes); if (!d) notes.dropped.push(`img ${s} (not in mirror)`); }
      if (!d) { const z = remoteSize(attrs, s); d = greyBlock(z.w, z.h); notes.remote_images.push(`${s.replace(/\?.*$/, '').slice(0, 80)} -> ${z.w}x${z.h} grey block`); }
      setAttr(attrs, 'src', d);
    }
    return serialize(name, attrs, sc);
  });
  html = rewriteTags(html, ['source'], (name, attrs, sc, all) => (attr(attrs, 'srcset') !== undefined || attr(attrs, 'src') !== undefined ? '' : all));
  // embedded frames and media: empty grey boxes of their CSS size
  html = rewriteTags(html, ['iframe', 'video', 'audio', 'embed', 'object'], (name, attrs, sc) => {
    notes.dropped.push(`${name} ${String(attr(attrs, 'src') || attr(attrs, 'data') || '').slice(0, 70)} -> empty grey box`);
    attrs = dropAttrs(attrs, (n) => ['src', 'poster', 'data', 'autoplay'].includes(n));
    const st = attr(attrs, 'style');
    setAttr(attrs, 'style', `${st ? st.replace(/;?\s*$/, ';') : ''}background-color:${GREY}`);
    return serialize(name, attrs, sc);
  });
  return { html, inline };
}

// ------------------------------------------------------------------ running a source by hand
// When a source module is run as a script: `--list` prints one line per page (seed, id, what the page
// is, family, viewport, flags); a seed prints that page's HTML with its stylesheets inlined, as
// render.mjs would load it. `describe(entry)` turns a PAGES entry into [label, family, viewport code,
// options].
export async function runAsScript(moduleUrl, { prefix, pages, describe, generatePage }) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const a = process.argv[2];
  if (a === '--list') {
    pages.forEach((entry, i) => {
      const [label, fam, vp, opt = {}] = describe(entry);
      const [v, d] = viewport(vp);
      const flags = ['dark', 'inverse', 'jpeg'].filter((f) => opt[f]).map((f) => `\t${f}`).join('');
      console.log(`${i + 1}\t${prefix}${String(i + 1).padStart(3, '0')}\t${label}\t${fam}\t${v.width}x${v.height}@${d}${flags}`);
    });
    return;
  }
  const p = await generatePage(+a || 1);
  let html = p.html;
  for (const inc of p.inlineCss) html = html.replace(inc.placeholder, () => `<style>${fs.readFileSync(inc.file, 'utf8')}</style>`);
  process.stdout.write(html);
}

// Runs `script(args)` once in an offline headless Chromium page holding `html`, at the final
// viewport, and returns the page's resulting document and the script's return value (a log). A
// framework whose components get their initial state from its own script (UIkit, MDL) is run
// once like this; render.mjs then renders the static result, with no script.
export async function staticState(html, { vp, dpr, prefix }, script, args) {
  const { chromium } = await import('playwright-core');
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, offline: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: vp, deviceScaleFactor: dpr,
  });
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    await page.setContent(html, { waitUntil: 'load' });
    const log = await page.evaluate(script, args);
    const out = await page.evaluate(() => '<!DOCTYPE html>\n' + document.documentElement.outerHTML);
    return { html: out, log };
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
  }
}
