/**
 * Draws the tab bar icons (WeChat's tabBar takes only PNG/JPG files, at most 40 KB each) as thin
 * line drawings in the brand's colours, into src/theme/tab-icons/. Run: `npx tsx scripts/lib/draw-tab-icons.ts`.
 * The PNGs are committed; rerun this after changing a shape or a colour.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { colors } from '../../src/theme/tokens';

type Point = [number, number];
/** Signed distance from a point to a shape outline, in units of the icon's width. */
type Shape = (p: Point) => number;

const SIZE = 81; // WeChat's recommended tab icon size in px
const SAMPLES = 4; // per axis, for anti-aliasing

function segment(a: Point, b: Point): Shape {
  return ([x, y]) => {
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
  };
}

function polyline(...points: Point[]): Shape[] {
  return points.slice(1).map((p, i) => segment(points[i], p));
}

/** Arc of a circle from angle `from` to `to` (radians, y pointing down, 0 = right). */
function arc(c: Point, r: number, from: number, to: number): Shape {
  return ([x, y]) => {
    const angle = Math.atan2(y - c[1], x - c[0]);
    const inside = from <= to ? angle >= from && angle <= to : angle >= from || angle <= to;
    if (inside) return Math.abs(Math.hypot(x - c[0], y - c[1]) - r);
    const ends: Point[] = [from, to].map((a) => [c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)]);
    return Math.min(...ends.map((e) => Math.hypot(x - e[0], y - e[1])));
  };
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  const [cx, cy, hx, hy] = [(x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 - r, (y1 - y0) / 2 - r];
  return ([x, y]) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return Math.abs(outside + Math.min(Math.max(qx, qy), 0) - r);
  };
}

const icons: Record<string, Shape[]> = {
  home: [
    ...polyline([0.16, 0.47], [0.5, 0.19], [0.84, 0.47]),
    ...polyline([0.26, 0.4], [0.26, 0.81], [0.74, 0.81], [0.74, 0.4]),
    ...polyline([0.43, 0.81], [0.43, 0.62], [0.57, 0.62], [0.57, 0.81]),
  ],
  category: [
    roundedRect(0.18, 0.18, 0.45, 0.45, 0.05),
    roundedRect(0.55, 0.18, 0.82, 0.45, 0.05),
    roundedRect(0.18, 0.55, 0.45, 0.82, 0.05),
    roundedRect(0.55, 0.55, 0.82, 0.82, 0.05),
  ],
  // A shopping bag rather than a trolley: it is what a clothing store hands over.
  cart: [roundedRect(0.2, 0.34, 0.8, 0.84, 0.06), arc([0.5, 0.36], 0.14, -Math.PI, 0), segment([0.36, 0.36], [0.36, 0.44]), segment([0.64, 0.36], [0.64, 0.44])],
  me: [arc([0.5, 0.35], 0.15, -Math.PI, Math.PI), arc([0.5, 0.9], 0.31, -Math.PI + 0.12, -0.12)],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A minimal PNG encoder (8-bit RGBA, no filtering): all a few tiny icons need. */
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function hex(color: string): [number, number, number] {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function draw(shapes: Shape[], color: string, stroke: number): Buffer {
  const data = Buffer.alloc(SIZE * SIZE * 4);
  const [r, g, b] = hex(color);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const p: Point = [(px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE];
          if (shapes.some((s) => s(p) <= stroke / 2)) hits++;
        }
      }
      const i = (py * SIZE + px) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(SIZE, SIZE, data);
}

const outDir = path.resolve(__dirname, '../../src/theme/tab-icons');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, shapes] of Object.entries(icons)) {
  fs.writeFileSync(path.join(outDir, `${name}.png`), draw(shapes, colors.stone, 0.055));
  fs.writeFileSync(path.join(outDir, `${name}-active.png`), draw(shapes, colors.ink, 0.07));
}
console.log(`tab icons written to ${path.relative(process.cwd(), outDir)}`);
