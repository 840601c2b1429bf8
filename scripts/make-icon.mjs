#!/usr/bin/env node
// Draws Rapport's app icon (two linked rings on a blue tile) and writes build/icon.png, 1024×1024
// RGBA, with no image library: electron-builder derives the .ico / .icns / AppImage icons from it.
// Usage: node scripts/make-icon.mjs [output.png] [size]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'build', 'icon.png'));
const size = Number(process.argv[3] ?? 1024);
const SAMPLES = 4; // 4×4 supersampling for smooth edges

const top = [37, 99, 235]; // blue-600
const bottom = [13, 148, 136]; // teal-600

function roundedRectDistance(x, y, left, topEdge, width, height, radius) {
  const cx = Math.abs(x - (left + width / 2)) - (width / 2 - radius);
  const cy = Math.abs(y - (topEdge + height / 2)) - (height / 2 - radius);
  const outside = Math.hypot(Math.max(cx, 0), Math.max(cy, 0));
  return outside + Math.min(Math.max(cx, cy), 0) - radius;
}

function sample(x, y) {
  // Returns [r, g, b, a] in 0..1 for one point in unit coordinates.
  const tile = roundedRectDistance(x, y, 0.07, 0.07, 0.86, 0.86, 0.2);
  if (tile > 0) return [0, 0, 0, 0];
  const t = Math.min(1, Math.max(0, (x + y) / 2));
  let r = (top[0] + (bottom[0] - top[0]) * t) / 255;
  let g = (top[1] + (bottom[1] - top[1]) * t) / 255;
  let b = (top[2] + (bottom[2] - top[2]) * t) / 255;
  const ring = (cx, cy) => Math.abs(Math.hypot(x - cx, y - cy) - 0.19) < 0.045;
  const left = ring(0.4, 0.5);
  const right = ring(0.6, 0.5);
  // The rings interlock: where they cross, the right ring passes over the left at the top and under it at the bottom.
  const rightOnTop = right && (!left || y < 0.5);
  if (rightOnTop) {
    r = 0.86;
    g = 0.96;
    b = 1;
  } else if (left) {
    r = g = b = 1;
  }
  return [r, g, b, 1];
}

const rows = [];
for (let py = 0; py < size; py++) {
  const row = Buffer.alloc(1 + size * 4);
  for (let px = 0; px < size; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const [cr, cg, cb, ca] = sample((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
        r += cr * ca;
        g += cg * ca;
        b += cb * ca;
        a += ca;
      }
    }
    const n = SAMPLES * SAMPLES;
    const offset = 1 + px * 4;
    row[offset] = a ? Math.round((r / a) * 255) : 0;
    row[offset + 1] = a ? Math.round((g / a) * 255) : 0;
    row[offset + 2] = a ? Math.round((b / a) * 255) : 0;
    row[offset + 3] = Math.round((a / n) * 255);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`Wrote ${path.relative(process.cwd(), out)} (${size}×${size}, ${png.length} bytes)`);
