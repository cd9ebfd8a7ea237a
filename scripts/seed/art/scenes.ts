/**
 * Whole pictures: product shots on a soft studio backdrop, close-ups, banners, outfit covers,
 * store fronts, avatars, category icons and the brand mark.
 */
import type { GarmentArt } from '../catalog-data';
import { garment, type Paint } from './garments';
import { apply, ellipse, placeAt, rect, roundRect, stroke, type Transform } from './geometry';
import { blur, Canvas, hex, luminance, mix, orient, rasterize, shade, type Pt, type Rgb, type Shape } from './raster';

/** Shadows are blurred at a quarter of the resolution. */
const SHADOW_SCALE = 4;

const BACKDROPS = ['#EFEBE5', '#E9ECEE', '#E8EBE4', '#F1E8E4', '#ECE8F0'];

function paintColor(paint: Exclude<Paint, 'body'>, base: Rgb): Rgb {
  const lum = luminance(base);
  switch (paint) {
    case 'deep':
      return shade(base, lum > 200 ? -0.16 : -0.3);
    case 'ink':
      return lum > 110 ? shade(base, -0.5) : shade(base, 0.42);
    case 'light':
      return shade(base, 0.3);
    case 'rib':
      return shade(base, lum > 200 ? -0.05 : -0.09);
    case 'button':
      return lum > 150 ? shade(base, -0.14) : shade(base, 0.22);
    case 'trim':
      return lum > 150 ? hex('#34343A') : hex('#F2EFE8');
    case 'hardware':
      return hex('#C8A664');
    case 'print':
      return lum > 150 ? shade(base, -0.42) : shade(base, 0.72);
    case 'stitch':
      return hex('#D49B45');
  }
}

export interface GarmentOptions {
  shadow?: boolean;
  shadowAlpha?: number;
}

/** Draw a garment in `color`, with the design frame mapped by `t`. */
export function drawGarment(canvas: Canvas, art: GarmentArt, color: string, t: Transform, options: GarmentOptions = {}): void {
  const g = garment(art);
  const base = hex(color);
  const { width, height } = canvas;
  const bodyShape = apply(t, g.body);
  const underShapes = g.under.map((p) => ({ ...p, shape: apply(t, p.shape) }));
  if (options.shadow !== false) {
    const q = SHADOW_SCALE;
    const small = [...bodyShape, ...underShapes.flatMap((u) => u.shape)].map((poly) => poly.map(([x, y]) => [(x + 9 * t.s) / q, (y + 14 * t.s) / q] as Pt));
    const w = Math.ceil(width / q);
    const h = Math.ceil(height / q);
    const silhouette = rasterize(small, w, h);
    if (silhouette) canvas.paintScaled(blur(silhouette, (16 * t.s) / q, w, h), q, [70, 60, 50], options.shadowAlpha ?? 0.2);
  }
  for (const u of underShapes) canvas.draw(u.shape, u.paint === 'body' ? base : paintColor(u.paint, base), u.alpha ?? 1);

  const xs = bodyShape.flatMap((p) => p.map((q) => q[0]));
  const ys = bodyShape.flatMap((p) => p.map((q) => q[1]));
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const hw = (Math.max(...xs) - Math.min(...xs)) / 2 || 1;
  const top = Math.min(...ys);
  const h = Math.max(...ys) - top || 1;
  const lum = luminance(base);
  const sheen = g.sheen;
  const foldFreq = (Math.PI * 2.6) / hw;
  // Cylindrical light from the upper left, a soft fall-off down the garment, a few slow folds:
  // l(x, y) = col(x) + row(y) + 0.022 sin(fx + gy), the sine split by angle addition so that
  // every term is a per-column or per-row table.
  const colTerm = new Float32Array(width);
  const sinX = new Float32Array(width);
  const cosX = new Float32Array(width);
  for (let x = 0; x < width; x += 1) {
    const u = (x - cx) / hw;
    let c = 0.07 + sheen * 0.1 - (0.2 + sheen * 0.06) * (u + 0.18) * (u + 0.18);
    if (sheen > 0.5) c += sheen * 0.1 * Math.max(0, 1 - Math.abs(u + 0.35) * 5);
    colTerm[x] = c;
    sinX[x] = 0.022 * Math.sin(x * foldFreq);
    cosX[x] = 0.022 * Math.cos(x * foldFreq);
  }
  const rowTerm = new Float32Array(height);
  const sinY = new Float32Array(height);
  const cosY = new Float32Array(height);
  for (let y = 0; y < height; y += 1) {
    const v = (y - top) / h;
    rowTerm[y] = -0.06 * v;
    sinY[y] = Math.sin(v * 2.2);
    cosY[y] = Math.cos(v * 2.2);
  }
  // l is quantised to 1/48 steps (flat runs compress well and the steps do not show at this
  // size), so the colours come from a small table, index offset by 48.
  const table: Rgb[] = [];
  for (let step = -48; step <= 48; step += 1) {
    const l = step / 48;
    const c = l >= 0 ? shade(base, l * (lum < 80 ? 1.1 : 0.85)) : shade(base, l * (lum > 200 ? 0.8 : 1.5));
    table.push([Math.round(c[0]), Math.round(c[1]), Math.round(c[2])]);
  }
  const fabric = (x: number, y: number): Rgb => {
    const l = colTerm[x] + rowTerm[y] + sinX[x] * cosY[y] + cosX[x] * sinY[y];
    return table[Math.max(-48, Math.min(48, Math.round(l * 48))) + 48];
  };
  const bodyMask = rasterize(bodyShape, width, height);
  canvas.paint(bodyMask, fabric);
  for (const part of g.parts) {
    const shape = apply(t, part.shape);
    const mask = rasterize(shape, width, height);
    canvas.paint(mask, part.paint === 'body' ? fabric : paintColor(part.paint, base), part.alpha ?? 1, part.clip ? bodyMask : null);
  }
}

/**
 * A studio backdrop: a paper sweep, lighter at the top, a soft floor line. It varies by row only,
 * which keeps the PNGs small (each row filters to almost nothing).
 */
function studio(canvas: Canvas, backdrop: string, floor = 0.74): void {
  const bg = hex(backdrop);
  const { height } = canvas;
  const top = shade(bg, 0.38);
  const bottom = shade(bg, -0.07);
  canvas.fillRows(
    Array.from({ length: height }, (_, y) => {
      const v = y / height;
      return v < floor ? mix(top, bg, Math.pow(v / floor, 1.4)) : mix(bg, bottom, (v - floor) / (1 - floor));
    }),
  );
}

export function backdropFor(index: number, color: string): string {
  const backdrop = BACKDROPS[index % BACKDROPS.length];
  // White and cream garments need a slightly deeper backdrop to stand out.
  return luminance(hex(color)) > 215 ? hex2(shade(hex(backdrop), -0.07)) : backdrop;
}

function hex2([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** A 600 x 600 product shot: the garment centred on a studio backdrop. */
export function productShot(art: GarmentArt, color: string, backdrop: string): Canvas {
  const canvas = new Canvas(600, 600);
  studio(canvas, backdrop);
  const small = art.kind === 'cap' || art.kind === 'bucket';
  drawGarment(canvas, art, color, placeAt(300, small ? 300 : 304, small ? 1.15 : 0.94));
  return canvas;
}

/** A close-up of the upper part of the garment, for the end of the gallery. */
export function detailShot(art: GarmentArt, color: string, backdrop: string): Canvas {
  const canvas = new Canvas(600, 600);
  studio(canvas, hex2(shade(hex(backdrop), -0.04)));
  const focusY = art.kind === 'trousers' || art.kind === 'skirt' ? 150 : art.kind === 'tote' || art.kind === 'shoulderbag' ? 380 : art.kind === 'cap' || art.kind === 'bucket' ? 260 : 180;
  drawGarment(canvas, art, color, placeAt(300, 300, 2.1, 300, focusY), { shadowAlpha: 0.12 });
  return canvas;
}

export function categoryIcon(art: GarmentArt, color: string, circle: string): Canvas {
  const canvas = new Canvas(160, 160);
  canvas.fillRows([[255, 255, 255]]);
  canvas.draw([orient(ellipse(80, 80, 76, 76, 64))], hex(circle));
  drawGarment(canvas, art, color, placeAt(80, 82, 0.2), { shadowAlpha: 0.12 });
  return canvas;
}

export interface CoverItem {
  art: GarmentArt;
  color: string;
}

/** 750 x 360 home banner: a bold colour field, a big disc and the hero garment; text is overlaid by the UI. */
export function banner(palette: [string, string, string], hero: CoverItem): Canvas {
  const canvas = new Canvas(750, 360);
  const [field, disc, accent] = palette.map(hex) as [Rgb, Rgb, Rgb];
  canvas.fillRows(Array.from({ length: 360 }, (_, y) => mix(shade(field, 0.06), shade(field, -0.06), y / 360)));
  const stripes: Shape = [];
  for (let i = 0; i < 9; i += 1) stripes.push(...stroke([[-40 + i * 26, 380], [120 + i * 26, 220]], 7));
  canvas.draw(stripes, shade(field, 0.16), 0.55);
  canvas.draw([orient(ellipse(565, 188, 214, 214, 96))], disc);
  canvas.draw([orient(ellipse(565, 188, 188, 188, 96))], shade(disc, 0.12), 0.6);
  canvas.draw([orient(ellipse(388, 64, 34, 34, 40))], accent);
  const dots: Shape = [];
  for (let r = 0; r < 3; r += 1) for (let c = 0; c < 6; c += 1) dots.push(orient(ellipse(44 + c * 18, 292 + r * 18, 3.2, 3.2, 10)));
  canvas.draw(dots, accent, 0.9);
  canvas.draw([orient(roundRect(40, 48, 56, 8, 4))], accent);
  drawGarment(canvas, hero.art, hero.color, placeAt(565, 198, 0.56), { shadowAlpha: 0.25 });
  return canvas;
}

/** 750 x 500 outfit cover: a flat lay of the look on a two-tone field. */
export function outfitCover(background: [string, string], items: CoverItem[]): Canvas {
  const canvas = new Canvas(750, 500);
  const [a, b] = background.map(hex) as [Rgb, Rgb];
  canvas.fillRows(Array.from({ length: 500 }, (_, y) => mix(shade(a, 0.14), a, y / 500)));
  canvas.draw([orient(ellipse(600, 120, 240, 240, 96))], b, 0.55);
  canvas.draw([orient(rect(0, 430, 750, 70))], shade(a, -0.06), 0.6);
  const spots: [number, number, number][] = [
    [235, 238, 0.66],
    [490, 250, 0.66],
    [640, 372, 0.38],
  ];
  items.slice(0, 3).forEach((item, i) => {
    const [x, y, s] = spots[i];
    const small = item.art.kind === 'cap' || item.art.kind === 'bucket' || item.art.kind === 'tote' || item.art.kind === 'shoulderbag';
    drawGarment(canvas, item.art, item.color, placeAt(x, y, small ? s : spots[Math.min(i, 1)][2]), { shadowAlpha: 0.22 });
  });
  return canvas;
}

/** 750 x 420 store front: signage band, shop window with a rail of clothes, a glass door. */
export function storeFront(facade: [string, string], rail: CoverItem[]): Canvas {
  const canvas = new Canvas(750, 420);
  const wall = hex(facade[0]);
  const sign = hex(facade[1]);
  canvas.fillRows(Array.from({ length: 420 }, (_, y) => (y < 36 ? mix([226, 236, 243], [240, 243, 245], y / 36) : shade(wall, -0.02 * (y / 420)))));
  for (let x = 0; x < 750; x += 125) canvas.draw(stroke([[x, 36], [x, 400]], 1.2), shade(wall, -0.08), 0.8);
  canvas.draw([orient(rect(0, 56, 750, 64))], sign);
  canvas.draw(stroke([[60, 76], [72, 102], [84, 84], [96, 102], [108, 76]], 5), hex('#F3EEE4'));
  canvas.draw([orient(roundRect(130, 84, 150, 10, 5))], hex('#F3EEE4'), 0.85);
  canvas.draw([orient(rect(48, 140, 480, 262))], shade(sign, -0.2));
  const glass = hex('#DDE6EA');
  canvas.draw([orient(rect(56, 148, 464, 246))], (_, y) => mix(shade(glass, 0.25), glass, (y - 148) / 246));
  canvas.draw(stroke([[80, 196], [496, 196]], 4), hex('#8F8A82'));
  rail.forEach((item, i) => {
    const x = 118 + i * 76;
    canvas.draw(stroke([[x, 196], [x, 214]], 2), hex('#8F8A82'));
    drawGarment(canvas, item.art, item.color, placeAt(x, 286, 0.27, 300, 290), { shadow: false });
  });
  canvas.draw([orient([[70, 148], [150, 148], [70, 260]]), orient([[250, 394], [330, 394], [420, 148], [380, 148]])], [255, 255, 255], 0.16);
  canvas.draw([orient(rect(560, 140, 150, 262))], shade(sign, -0.2));
  canvas.draw([orient(rect(568, 148, 134, 254))], (_, y) => mix(hex('#C9D4D9'), hex('#AEBCC3'), (y - 148) / 254));
  canvas.draw([orient(roundRect(580, 250, 6, 60, 3))], hex('#C8A664'));
  canvas.draw([orient(rect(0, 400, 750, 20))], hex('#B9B4AC'));
  for (const px of [20, 534, 726]) {
    canvas.draw([orient(roundRect(px - 14, 360, 28, 40, 4))], hex('#6B5B4B'));
    canvas.draw([orient(ellipse(px, 346, 20, 24, 24)), orient(ellipse(px - 10, 332, 12, 14, 16)), orient(ellipse(px + 10, 330, 12, 14, 16))], hex('#5E7E55'));
  }
  return canvas;
}

/** 200 x 200 avatar: head and shoulders on a pastel disc. */
export function avatar(bg: string, gender: 'female' | 'male' | 'unknown', seed: number): Canvas {
  const canvas = new Canvas(200, 200);
  const back = hex(bg);
  canvas.fillRows(Array.from({ length: 200 }, (_, y) => mix(shade(back, 0.2), back, y / 200)));
  const shirts = ['#3E5E86', '#7C2B37', '#6D7147', '#27272B', '#D6C4A6', '#A4652F'];
  const hair = ['#2B2420', '#3B2C25', '#1E1B1A', '#5A3E2E'][seed % 4];
  const skin = ['#F1D3BC', '#EBC6A8', '#F4DCC8'][seed % 3];
  canvas.draw([orient(ellipse(100, 236, 86, 78, 48))], hex(shirts[seed % shirts.length]));
  if (gender === 'female') canvas.draw([orient(ellipse(100, 92, 48, 52, 40)), orient(roundRect(52, 92, 24, 64, 11)), orient(roundRect(124, 92, 24, 64, 11))], hex(hair));
  canvas.draw([orient(rect(86, 118, 28, 40))], hex(skin));
  canvas.draw([orient(ellipse(100, 94, 38, 44, 40))], hex(skin));
  const fringe: Pt[] =
    gender === 'female'
      ? [[62, 92], [70, 58], [100, 46], [132, 58], [139, 92], [122, 70], [96, 66], [76, 80]]
      : [[62, 90], [66, 60], [100, 46], [134, 60], [138, 90], [128, 72], [100, 64], [72, 72]];
  canvas.draw([orient(fringe)], hex(hair));
  canvas.draw([orient(ellipse(86, 98, 3.4, 3.8, 10)), orient(ellipse(114, 98, 3.4, 3.8, 10))], hex('#3A2E2A'));
  canvas.draw(stroke([[90, 116], [100, 120], [110, 116]], 2.4), hex('#C27C6E'));
  return canvas;
}

/** 256 x 256 brand mark: a woven W. */
export function logo(): Canvas {
  const canvas = new Canvas(256, 256);
  canvas.fillRows([[255, 255, 255]]);
  canvas.draw([orient(ellipse(128, 128, 120, 120, 96))], hex('#1F2A44'));
  const w: Pt[] = [[60, 84], [92, 176], [128, 110], [164, 176], [196, 84]];
  canvas.draw(stroke(w, 16), hex('#C9A96E'));
  canvas.draw(stroke(w.map(([x, y]) => [x, y - 6] as Pt), 4), hex('#E8D6AE'), 0.8);
  canvas.draw(stroke([[70, 128], [186, 128]], 6), hex('#F4EBDD'), 0.9);
  return canvas;
}
