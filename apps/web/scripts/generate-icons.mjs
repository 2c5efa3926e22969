// Draws the PWA's icons (a payment terminal on the header blue) as PNG files, with only
// node:zlib: run `node apps/web/scripts/generate-icons.mjs` after changing the design.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x14, 0x21, 0x3d];
const WHITE = [0xff, 0xff, 0xff];
const SCREEN = [0x2f, 0x6f, 0xde];
const GOOD = [0x17, 0x80, 0x3d];

/** Colour of pixel (x, y) in a unit square; `inset` shrinks the drawing for maskable icons. */
function pixel(u, v, inset) {
  const s = (value) => (value - inset) / (1 - 2 * inset);
  const x = s(u);
  const y = s(v);
  const inBox = (x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
  if (inBox(0.3, 0.12, 0.7, 0.88)) {
    if (inBox(0.36, 0.2, 0.64, 0.42)) return SCREEN;
    // A 3 × 3 keypad; the bottom-right key is the green "OK".
    const onKey = inBox(0.36, 0.5, 0.64, 0.8) && (x - 0.36) % 0.1 < 0.075 && (y - 0.5) % 0.1 < 0.075;
    if (onKey) return y > 0.7 && x > 0.56 ? GOOD : BLUE;
    return WHITE;
  }
  return BLUE;
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, inset) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const [r, g, b] = pixel((x + 0.5) / size, (y + 0.5) / size, inset);
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, 0));
writeFileSync(new URL('icon-512.png', out), png(512, 0));
// Maskable: the drawing inside the 80 % safe zone, so a round mask never cuts it.
writeFileSync(new URL('icon-maskable-512.png', out), png(512, 0.1));
writeFileSync(new URL('apple-touch-icon.png', out), png(180, 0.05));
