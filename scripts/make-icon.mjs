// Draws media/icon.png (128x128): an envelope on a teal tile with a green "checked" badge.
// Pure Node (zlib + a tiny PNG writer), so the picture can be regenerated anywhere.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const colors = {
  tile: [15, 92, 110],
  paper: [250, 250, 247],
  fold: [190, 205, 210],
  badge: [46, 160, 67],
  mark: [255, 255, 255],
};

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= left && x <= right && y >= top && y <= bottom;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** Colour of the point (x, y) in icon units, or undefined where the icon is transparent. */
function shade(x, y) {
  let color;
  if (insideRoundedRect(x, y, 4, 4, 124, 124, 22)) color = colors.tile;
  if (insideRoundedRect(x, y, 18, 34, 102, 92, 6)) {
    color = colors.paper;
    const onFlap = distanceToSegment(x, y, [20, 37], [60, 66]) < 3 || distanceToSegment(x, y, [100, 37], [60, 66]) < 3;
    if (onFlap) color = colors.fold;
  }
  if (Math.hypot(x - 94, y - 92) <= 26) color = colors.mark;
  if (Math.hypot(x - 94, y - 92) <= 22) {
    color = colors.badge;
    if (distanceToSegment(x, y, [83, 92], [91, 100]) < 3.5 || distanceToSegment(x, y, [91, 100], [106, 83]) < 3.5) color = colors.mark;
  }
  return color;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
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

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA pixels
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const color = shade(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!color) continue;
        for (let channel = 0; channel < 3; channel++) sum[channel] += color[channel];
        sum[3] += 255;
      }
    }
    const covered = sum[3] / 255;
    const offset = 1 + px * 4;
    for (let channel = 0; channel < 3; channel++) row[offset + channel] = covered ? Math.round(sum[channel] / covered) : 0;
    row[offset + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
  }
  rows.push(row);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
