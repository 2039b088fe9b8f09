// Screenshots drawn with known geometry for the end-to-end run: a PNG encoder (zlib from Node)
// and simple boxes. Nothing is read from elsewhere.
import { deflateSync } from "node:zlib";

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

/** An RGB canvas: `fill(x, y, w, h, [r, g, b])`, then `png()`. */
export function canvas(width, height, background = [255, 255, 255]) {
  const px = Buffer.alloc(width * height * 3);
  const fill = (x, y, w, h, c) => {
    for (let yy = Math.max(0, y); yy < Math.min(height, y + h); yy++)
      for (let xx = Math.max(0, x); xx < Math.min(width, x + w); xx++) px.set(c, (yy * width + xx) * 3);
  };
  fill(0, 0, width, height, background);
  const png = () => {
    const raw = Buffer.alloc((width * 3 + 1) * height);
    for (let y = 0; y < height; y++) px.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
  };
  return { fill, png };
}

/**
 * A settings-like page on an 8 px system (cards with 24 px padding, 16 px gaps, 8 px between
 * rows) whose buttons sit `odd` px apart: one value off the grid, used often enough to be a token.
 */
export function offGridPage(odd = 20) {
  const c = canvas(1000, 640, [244, 244, 245]);
  // Odd positions: box edges on every pixel, as a 1× screenshot has them.
  for (const [cx, cy] of [[33, 33], [521, 33], [33, 337], [521, 337]]) {
    c.fill(cx, cy, 448, 272, [212, 212, 216]);
    c.fill(cx + 1, cy + 1, 446, 270, [255, 255, 255]);
    for (let row = 0; row < 4; row++) {
      const y = cy + 24 + row * 56;
      c.fill(cx + 24, y, 400, 16, [40, 40, 48]);
      let x = cx + 24;
      for (let b = 0; b < 3; b++) {
        c.fill(x, y + 24, 96, 24, [79, 70, 229]);
        x += 96 + odd;
      }
    }
  }
  return c.png();
}
