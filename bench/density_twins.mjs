// The pages of a source module rendered again at another density, with their own CSS viewport:
// the same layout, only the device pixels differ. A controlled test of the extractor's density
// handling (a page read at 3x should give the tokens it gives at 1x), as jpeg_twins.mjs is of
// lossy formats. Generator module for render.mjs:
//
//   TWIN_OF=bench/sources/bulma.mjs TWIN_DPR=3 node bench/render.mjs --gen bench/density_twins.mjs \
//     --seeds 1-58 --out "$TWINS/bulma-x3" --no-html
//
// Ids get an `x<dpr>` suffix; the format is PNG (the twin of a JPEG page is a PNG, so only the
// density differs from the PNG twin at another density).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const of = process.env.TWIN_OF;
const dpr = Number(process.env.TWIN_DPR);
if (!of || !(dpr > 0)) throw new Error('set TWIN_OF (a source module) and TWIN_DPR (a density)');
const mod = await import(pathToFileURL(path.resolve(of)).href);

export const PAGES = mod.PAGES;
export const GENERATOR = `${mod.GENERATOR}-x${dpr}`;

export async function generatePage(seed) {
  const p = await mod.generatePage(seed);
  const meta = { ...p.meta, dpr, generator: GENERATOR, format: 'png' };
  delete meta.jpeg_quality;
  return { ...p, id: `${p.id}x${String(dpr).replace('.', '_')}`, meta };
}
