#!/usr/bin/env node
// Draws the toolbar icons (a socket line cut by a close mark) as PNGs with no
// image library: the committed icons in public/icons come from this script.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const px = Buffer.alloc(size * size * 4);
  const set = (x, y, [r, g, b, a]) => {
    const i = (y * size + x) * 4;
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
    px[i + 3] = a;
  };
  const rad = size * 0.2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // rounded square background
      const cx = Math.min(Math.max(x + 0.5, rad), size - rad);
      const cy = Math.min(Math.max(y + 0.5, rad), size - rad);
      const inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= rad * rad;
      if (!inside) continue;
      let color = [32, 33, 36, 255];
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      // the connection line, broken in the middle
      if (Math.abs(v - 0.5) < 0.07 && ((u > 0.14 && u < 0.4) || (u > 0.6 && u < 0.86))) color = [138, 180, 248, 255];
      // the close mark: a red bar across the gap
      if (Math.abs(u - 0.5) < 0.06 && v > 0.24 && v < 0.76) color = [242, 139, 130, 255];
      set(x, y, color);
    }
  }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../public/icons/', import.meta.url), { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(new URL(`../public/icons/icon-${s}.png`, import.meta.url), icon(s));
console.log('icons written');
