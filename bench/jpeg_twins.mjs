// Re-encodes the PNG pages of a rendered source as JPEG, with the same ground truth: a controlled
// test of the extractor's robustness to lossy screenshots (the same pages, only the format differs).
//
//   node bench/jpeg_twins.mjs SRC_DIR DST_DIR [QUALITY=90]
//   python3 bench/accuracy.py --cli CLI --corpus-root DST_ROOT --out OUT   # DST_ROOT/<source>/...
//
// Encoded by headless Chromium (its libjpeg, 4:2:0 chroma), as a browser-based screenshot tool
// would. Writes DST_DIR/<id>.jpg, DST_DIR/<id>.json (the ground truth, image and format updated)
// and an index.json so accuracy.py picks the folder up.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';

const [src, dst, q = '90'] = process.argv.slice(2);
if (!src || !dst) {
  console.error('usage: node bench/jpeg_twins.mjs SRC_DIR DST_DIR [QUALITY]');
  process.exit(2);
}
mkdirSync(dst, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
let n = 0;
for (const fn of readdirSync(src).filter((f) => f.endsWith('.json') && f !== 'index.json')) {
  const gt = JSON.parse(readFileSync(`${src}/${fn}`, 'utf8'));
  if (!gt.image || !gt.image.endsWith('.png')) continue;
  const { width, height } = gt.image_size;
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  const b64 = readFileSync(`${src}/${gt.image}`).toString('base64');
  await page.setContent(`<body style="margin:0"><img src="data:image/png;base64,${b64}" style="display:block"></body>`);
  await page.waitForFunction(() => document.images[0].complete);
  const img = gt.image.replace(/\.png$/, '.jpg');
  await page.screenshot({ path: `${dst}/${img}`, type: 'jpeg', quality: Number(q) });
  await page.close();
  writeFileSync(`${dst}/${fn}`, JSON.stringify({ ...gt, image: img, format: 'jpeg' }));
  n += 1;
}
writeFileSync(`${dst}/index.json`, JSON.stringify({ jpeg_twins_of: src, quality: Number(q), pages: n }));
await browser.close();
console.log(`${n} pages re-encoded as JPEG q${q} in ${dst}`);
