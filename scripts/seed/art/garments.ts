/**
 * Garment illustrations as outlines in a 600 x 600 design frame, centred on x = 300: a body
 * silhouette (shaded fabric) plus detail parts (collars, seams, buttons, ribbing) painted in
 * colours derived from the garment colour. Front views, flat-lay style.
 */
import type { GarmentArt } from '../catalog-data';
import { dashes, ellipse, flipX, mirrored, path, rect, roundRect, stroke, type Seg } from './geometry';
import { orient, type Pt, type Shape } from './raster';

export type Paint = 'body' | 'deep' | 'ink' | 'light' | 'rib' | 'button' | 'trim' | 'hardware' | 'print' | 'stitch';

export interface Part {
  shape: Shape;
  paint: Paint;
  alpha?: number;
  /** Clip to the garment body (patterns, bands that must not spill over the outline). */
  clip?: boolean;
}

export interface Garment {
  /** Drawn before the body (straps and handles seen behind it). */
  under: Part[];
  body: Shape;
  parts: Part[];
  /** 0 matte cotton .. 1 satin: how strong the highlight is. */
  sheen: number;
}

const C = 300;
const X = (dx: number): number => C + dx;

function both(poly: Pt[]): Shape {
  return [orient(poly), orient(flipX(poly))];
}

function line(pts: Pt[], width: number): Shape {
  return stroke(pts, width);
}

function bothLines(pts: Pt[], width: number): Shape {
  return [...stroke(pts, width), ...stroke(flipX(pts).reverse(), width)];
}

function stitched(pts: Pt[], width = 1.6): Shape {
  return dashes(pts, 7, 5).flatMap((d) => stroke(d, width));
}

function seg(...segs: Seg[]): Pt[] {
  return path(segs).map(([dx, y]) => [X(dx), y] as Pt);
}

function outline(body: Shape, alpha = 0.28): Part {
  return { shape: body.flatMap((p) => stroke(p, 2.2, true)), paint: 'ink', alpha };
}

function buttons(xs: number[], ys: number[], r = 5.5): Part[] {
  const circles = xs.flatMap((x) => ys.map((y) => orient(ellipse(x, y, r, r, 16))));
  const holes = xs.flatMap((x) => ys.map((y) => orient(ellipse(x, y, r * 0.3, r * 0.3, 8))));
  return [
    { shape: circles, paint: 'button' },
    { shape: circles.flatMap((c) => stroke(c, 1.2, true)), paint: 'ink', alpha: 0.35 },
    { shape: holes, paint: 'ink', alpha: 0.35 },
  ];
}

function ribLines(x0: number, x1: number, y0: number, y1: number, step = 6): Shape {
  const out: Shape = [];
  for (let x = x0; x <= x1; x += step) out.push(...stroke([[x, y0], [x, y1]], 1.4));
  return out;
}

function halfAbs(segs: Seg[], sign: 1 | -1): Pt[] {
  return path(segs).map(([dx, y]) => [X(sign * dx), y] as Pt);
}

/** A half curve from the centre line out to the right, drawn across both sides (left to right). */
function fullCurve(segs: Seg[]): Pt[] {
  return [...halfAbs(segs, -1).reverse(), ...halfAbs(segs, 1).slice(1)];
}

/** The inside of the back neck, seen between the back neckline and a lower front neckline. */
function backNeck(front: Seg[], back: Seg[]): Part {
  const b = fullCurve(back);
  const f = fullCurve(front).reverse();
  return { shape: [orient([...b, ...f.slice(1, -1)])], paint: 'deep' };
}

// ── Tops ─────────────────────────────────────────────────────────────────────────────────────

function tee(variant: string): Garment {
  const loose = variant === 'loose';
  const long = variant === 'long';
  const sh: [number, number] = loose ? [146, 122] : [122, 106];
  const arm: [number, number] = loose ? [146, 216] : [126, 194];
  const sleeveOut: [number, number] = long ? [194, 420] : loose ? [210, 232] : [194, 198];
  const sleeveIn: [number, number] = long ? [158, 430] : loose ? [172, 256] : [158, 226];
  const hemY = loose ? 482 : 472;
  const sideX = loose ? 150 : 130;
  const neckSide = loose ? 54 : 50;
  const square = variant === 'puff';
  let body: Pt[];
  const parts: Part[] = [];
  if (square) {
    body = mirrored([
      ['M', 0, 136],
      ['L', 56, 136],
      ['L', 58, 92],
      ['L', 112, 100],
      ['Q', 196, 96, 192, 172],
      ['Q', 184, 204, 148, 208],
      ['L', 118, 192],
      ['Q', 108, 260, 114, 320],
      ['L', 126, 436],
      ['Q', 60, 440, 0, 438],
    ]);
    parts.push({ shape: [orient([[X(-56), 136], [X(-58), 92], [X(0), 104], [X(58), 92], [X(56), 136]])], paint: 'deep' });
    parts.push({ shape: [...line([[X(-56), 136], [X(56), 136]], 5), ...line([[X(-56), 136], [X(-58), 92]], 5), ...line([[X(56), 136], [X(58), 92]], 5)], paint: 'rib' });
    // gathers where the puff meets the shoulder and the cuff
    for (const s of [1, -1]) {
      for (let i = 0; i < 5; i += 1) {
        parts.push({ shape: line([[X(s * (118 + i * 6)), 104 + i * 2], [X(s * (128 + i * 8)), 124 + i * 3]], 1.6), paint: 'ink', alpha: 0.2 });
        parts.push({ shape: line([[X(s * (150 + i * 8)), 206 - i * 2], [X(s * (146 + i * 8)), 190 - i * 3]], 1.4), paint: 'ink', alpha: 0.2 });
      }
    }
    parts.push({ shape: stitched(seg(['M', -126, 424], ['Q', 0, 430, 126, 424])), paint: 'ink', alpha: 0.3 });
  } else {
    const segs: Seg[] = [
      ['M', 0, 116],
      ['Q', 32, 114, neckSide, 88],
      ['L', sh[0], sh[1]],
      ['L', sleeveOut[0], sleeveOut[1]],
      ['L', sleeveIn[0], sleeveIn[1]],
      ['L', arm[0], arm[1]],
      ['L', sideX, hemY],
      ['Q', 66, hemY + 6, 0, hemY + 5],
    ];
    body = mirrored(segs);
    parts.push(backNeck([['M', 0, 116], ['Q', 32, 114, neckSide, 88]], [['M', 0, 96], ['Q', 30, 96, neckSide, 88]]));
    const neckLine = fullCurve([['M', 0, 116], ['Q', 32, 114, neckSide, 88]]);
    parts.push({ shape: line(neckLine, 9), paint: 'rib' });
    parts.push({ shape: line(neckLine.map(([x, y]) => [x, y + 5] as Pt), 1.4), paint: 'ink', alpha: 0.25 });
    // sleeve hems
    const hemInset = (a: [number, number], b: [number, number], d: number): Pt[] => {
      const [ax, ay] = [X(a[0]), a[1]];
      const [bx, by] = [X(b[0]), b[1]];
      const ux = (X(arm[0]) - (ax + bx) / 2) / 8;
      const uy = (arm[1] - (ay + by) / 2) / 8;
      const len = Math.hypot(ux, uy) || 1;
      return [
        [ax + (ux / len) * d, ay + (uy / len) * d],
        [bx + (ux / len) * d, by + (uy / len) * d],
      ];
    };
    const cuff = hemInset(sleeveOut, sleeveIn, variant === 'knit' || long ? 26 : 12);
    if (variant === 'knit' || long) {
      const band: Pt[] = [[X(sleeveOut[0]), sleeveOut[1]], [X(sleeveIn[0]), sleeveIn[1]], cuff[1], cuff[0]];
      parts.push({ shape: both(band), paint: 'rib' });
      parts.push({ shape: [...line(cuff, 1.4), ...line(flipX(cuff), 1.4)], paint: 'ink', alpha: 0.3 });
    } else {
      parts.push({ shape: [...stitched(cuff), ...stitched(flipX(cuff).reverse())], paint: 'ink', alpha: 0.3 });
    }
    const hem = seg(['M', -sideX + 1, hemY - 14], ['Q', 0, hemY - 8, sideX - 1, hemY - 14]);
    if (variant === 'knit') {
      parts.push({ shape: [orient([[X(-sideX - 2), hemY - 26], [X(sideX + 2), hemY - 26], [X(sideX + 2), hemY + 8], [X(-sideX - 2), hemY + 8]])], paint: 'rib', clip: true });
      parts.push({ shape: ribLines(X(-sideX), X(sideX), hemY - 24, hemY + 8, 7), paint: 'ink', alpha: 0.14, clip: true });
      parts.push({ shape: ribLines(X(-sideX), X(sideX), 120, hemY - 28, 14), paint: 'ink', alpha: 0.06, clip: true });
    } else {
      parts.push({ shape: stitched(hem), paint: 'ink', alpha: 0.28 });
    }
    // soft folds from the underarms
    parts.push({ shape: bothLines(seg(['M', arm[0] - 6, arm[1] + 14], ['Q', arm[0] - 30, arm[1] + 50, arm[0] - 48, arm[1] + 70]), 7), paint: 'deep', alpha: 0.12 });
    if (variant === 'raglan') {
      const sleeve: Pt[] = [[X(40), 92], [X(sh[0]), sh[1]], [X(sleeveOut[0]), sleeveOut[1]], [X(sleeveIn[0]), sleeveIn[1]], [X(arm[0]), arm[1]]];
      parts.push({ shape: both(sleeve), paint: 'trim', alpha: 0.85, clip: true });
      parts.push({ shape: bothLines([[X(40), 92], [X(arm[0]), arm[1]]], 2), paint: 'ink', alpha: 0.3 });
      parts.push({ shape: bothLines([[X(126), 240], [X(126), hemY - 16]], 5), paint: 'trim', alpha: 0.8, clip: true });
    }
    if (variant === 'print') {
      const cy = 222;
      parts.push({ shape: [orient(ellipse(C, cy, 56, 56, 48))], paint: 'print', alpha: 0.85 });
      parts.push({ shape: [orient(ellipse(C, cy, 46, 46, 48))], paint: 'body' });
      parts.push({ shape: [orient(seg(['M', -30, cy + 8], ['Q', -30, cy - 32, 0, cy - 32], ['Q', 30, cy - 32, 30, cy + 8]))], paint: 'print', alpha: 0.85 });
      for (let i = 0; i < 3; i += 1) {
        const y = cy + 14 + i * 10;
        parts.push({ shape: line(seg(['M', -38, y], ['Q', -19, y - 6, 0, y], ['Q', 19, y + 6, 38, y]), 3.4), paint: 'print', alpha: 0.85 });
      }
      parts.push({ shape: line(seg(['M', -46, 300], ['L', 46, 300]), 4), paint: 'print', alpha: 0.6 });
      parts.push({ shape: line(seg(['M', -30, 314], ['L', 30, 314]), 4), paint: 'print', alpha: 0.45 });
    }
  }
  const bodyShape: Shape = [orient(body)];
  return { under: [], body: bodyShape, parts: [...parts, outline(bodyShape)], sheen: variant === 'loose' || variant === 'knit' ? 0.25 : 0.1 };
}

function shirtCollar(spread = false): Part[] {
  const leaf: Pt[] = spread
    ? seg(['M', 0, 152], ['L', 46, 80], ['L', 68, 94], ['L', 62, 128], ['L', 26, 178])
    : seg(['M', 2, 100], ['L', 46, 80], ['L', 62, 94], ['L', 46, 152], ['L', 8, 124]);
  const stand: Pt[] = seg(['M', -46, 80], ['Q', 0, 90, 46, 80], ['L', 42, 70], ['Q', 0, 78, -42, 70]);
  return [
    { shape: [orient(stand)], paint: 'deep' },
    { shape: both(leaf), paint: 'light', alpha: 0.35 },
    { shape: [...stroke(leaf, 1.8, true), ...stroke(flipX(leaf), 1.8, true)], paint: 'ink', alpha: 0.4 },
  ];
}

function shirt(variant: string): Garment {
  const short = variant === 'short';
  const silk = variant === 'silk';
  const sleeveOut: [number, number] = short ? [196, 206] : [202, 412];
  const sleeveIn: [number, number] = short ? [160, 232] : [164, 422];
  const segs: Seg[] = [
    silk ? ['M', 0, 196] : short ? ['M', 0, 150] : ['M', 0, 96],
    silk ? ['L', 50, 84] : short ? ['L', 46, 82] : ['Q', 26, 96, 46, 80],
    ['L', 126, 104],
    ['L', sleeveOut[0], sleeveOut[1]],
    ['L', sleeveIn[0], sleeveIn[1]],
    ['L', 130, 198],
    ['L', 132, 440],
    short || silk ? ['Q', 66, 452, 0, 450] : ['C', 110, 474, 60, 494, 0, 496],
  ];
  const body: Shape = [orient(mirrored(segs))];
  const parts: Part[] = [];
  const hemY = short || silk ? 448 : 494;
  if (silk) {
    parts.push({ shape: [orient(seg(['M', -50, 84], ['Q', 0, 98, 50, 84], ['L', 0, 196]))], paint: 'deep' });
    parts.push({ shape: [...line(seg(['M', -50, 84], ['L', 0, 196], ['L', 50, 84]), 3)], paint: 'light', alpha: 0.4 });
    parts.push(...buttons([C], [232, 286, 340, 394], 4.5));
    parts.push({ shape: line(seg(['M', 0, 196], ['L', 0, hemY]), 1.4), paint: 'ink', alpha: 0.25 });
  } else {
    parts.push(...shirtCollar(short));
    const top = short ? 152 : 104;
    parts.push({ shape: [orient(rect(X(-9), top, 18, hemY - top - 2))], paint: 'light', alpha: 0.18, clip: true });
    parts.push({ shape: [...line([[X(-9), top], [X(-9), hemY]], 1.3), ...line([[X(9), top], [X(9), hemY]], 1.3)], paint: 'ink', alpha: 0.3, clip: true });
    const ys: number[] = [];
    for (let y = short ? 190 : 132; y < hemY - 30; y += 58) ys.push(y);
    parts.push(...buttons([C], ys));
  }
  if (!short) {
    const cuff: Pt[] = [[X(sleeveOut[0]), sleeveOut[1]], [X(sleeveIn[0]), sleeveIn[1]], [X(sleeveIn[0] - 2), sleeveIn[1] - 36], [X(sleeveOut[0] - 6), sleeveOut[1] - 36]];
    parts.push({ shape: both(cuff), paint: 'light', alpha: 0.2 });
    parts.push({ shape: [...stroke(cuff, 1.6, true), ...stroke(flipX(cuff), 1.6, true)], paint: 'ink', alpha: 0.3 });
  } else {
    const hem: Pt[] = [[X(sleeveOut[0] - 8), sleeveOut[1] - 8], [X(sleeveIn[0] - 6), sleeveIn[1] - 10]];
    parts.push({ shape: [...stitched(hem), ...stitched(flipX(hem).reverse())], paint: 'ink', alpha: 0.3 });
  }
  if (variant === 'pocket') {
    const pocket: Pt[] = [[X(-86), 176], [X(-38), 176], [X(-38), 226], [X(-62), 236], [X(-86), 226]];
    parts.push({ shape: stroke(pocket, 1.8, true), paint: 'ink', alpha: 0.35 });
    parts.push({ shape: stitched([[X(-86), 184], [X(-38), 184]]), paint: 'ink', alpha: 0.3 });
  }
  parts.push({ shape: bothLines(seg(['M', 124, 214], ['Q', 100, 250, 90, 290]), 8), paint: 'deep', alpha: 0.1 });
  return { under: [], body, parts: [...parts, outline(body)], sheen: silk ? 0.9 : 0.15 };
}

// ── Dresses ──────────────────────────────────────────────────────────────────────────────────

function dress(variant: string): Garment {
  const parts: Part[] = [];
  const under: Part[] = [];
  let segs: Seg[];
  let sheen = 0.15;
  if (variant === 'slip') {
    segs = [['M', 0, 146], ['Q', 30, 134, 62, 120], ['L', 70, 122], ['Q', 88, 152, 86, 188], ['Q', 76, 232, 74, 262], ['Q', 100, 400, 134, 548], ['Q', 66, 556, 0, 554]];
    under.push({ shape: bothLines([[X(56), 124], [X(40), 58]], 4), paint: 'deep' });
    for (let i = 0; i < 3; i += 1) parts.push({ shape: line(seg(['M', -40 + i * 4, 160 + i * 16], ['Q', 0, 176 + i * 22, 40 - i * 4, 160 + i * 16]), 2.4), paint: 'deep', alpha: 0.16 });
    parts.push({ shape: bothLines(seg(['M', 60, 300], ['Q', 70, 420, 86, 540]), 9), paint: 'light', alpha: 0.2, clip: true });
    sheen = 0.95;
  } else if (variant === 'sleeveless') {
    segs = [['M', 0, 110], ['Q', 34, 108, 50, 80], ['L', 72, 80], ['Q', 76, 142, 102, 172], ['Q', 96, 246, 90, 282], ['Q', 110, 400, 136, 522], ['Q', 70, 530, 0, 528]];
    parts.push({ shape: ribLines(X(-140), X(140), 100, 530, 11), paint: 'ink', alpha: 0.07, clip: true });
    parts.push({ shape: line(fullCurve([['M', 0, 110], ['Q', 34, 108, 50, 80]]), 8), paint: 'rib' });
    parts.push({ shape: bothLines(seg(['M', 72, 80], ['Q', 76, 142, 102, 172]), 7), paint: 'rib' });
    sheen = 0.35;
  } else if (variant === 'shirt') {
    segs = [['M', 0, 96], ['Q', 26, 96, 46, 80], ['L', 114, 96], ['L', 178, 196], ['L', 142, 220], ['L', 112, 190], ['Q', 100, 230, 92, 258], ['Q', 130, 380, 172, 538], ['Q', 90, 548, 0, 546]];
    parts.push(...shirtCollar(false));
    parts.push({ shape: [...line([[X(-8), 104], [X(-8), 252]], 1.3), ...line([[X(8), 104], [X(8), 252]], 1.3)], paint: 'ink', alpha: 0.28 });
    parts.push(...buttons([C], [132, 184, 236]));
    parts.push({ shape: [orient(rect(X(-110), 252, 220, 20))], paint: 'deep', alpha: 0.55, clip: true });
    parts.push({ shape: [orient(roundRect(X(-14), 250, 28, 24, 4))], paint: 'hardware' });
    parts.push({ shape: bothLines(seg(['M', 40, 280], ['Q', 56, 400, 80, 536]), 6), paint: 'deep', alpha: 0.12, clip: true });
  } else if (variant === 'aline') {
    segs = [['M', 0, 104], ['Q', 34, 102, 48, 82], ['L', 112, 96], ['L', 168, 184], ['L', 136, 206], ['L', 112, 184], ['Q', 150, 360, 204, 540], ['Q', 100, 552, 0, 550]];
    parts.push({ shape: line(fullCurve([['M', 0, 104], ['Q', 34, 102, 48, 82]]), 7), paint: 'rib' });
    parts.push({ shape: bothLines(seg(['M', 60, 220], ['Q', 80, 380, 110, 540]), 8), paint: 'deep', alpha: 0.12, clip: true });
    parts.push({ shape: stitched(seg(['M', -200, 530], ['Q', 0, 542, 200, 530])), paint: 'ink', alpha: 0.25 });
  } else {
    // tea dress: V neck, flutter sleeves, tie waist, small florals
    segs = [['M', 0, 168], ['L', 44, 90], ['L', 96, 100], ['Q', 142, 106, 164, 168], ['Q', 134, 182, 108, 178], ['Q', 96, 220, 86, 256], ['Q', 122, 370, 192, 532], ['Q', 96, 550, 0, 548]];
    parts.push({ shape: [orient(seg(['M', -44, 90], ['Q', 0, 104, 44, 90], ['L', 0, 168]))], paint: 'deep' });
    const dots: Pt[][] = [];
    for (let y = 124; y < 548; y += 40) {
      for (let x = -200; x <= 200; x += 42) {
        const ox = x + (((y - 124) / 40) % 2 ? 21 : 0);
        for (let k = 0; k < 5; k += 1) {
          const a = (k / 5) * Math.PI * 2;
          dots.push(orient(ellipse(X(ox) + Math.cos(a) * 4.5, y + Math.sin(a) * 4.5, 3, 3, 8)));
        }
      }
    }
    parts.push({ shape: dots, paint: 'print', alpha: 0.55, clip: true });
    parts.push({ shape: [orient(rect(X(-100), 248, 200, 18))], paint: 'deep', alpha: 0.45, clip: true });
    parts.push({ shape: [orient(ellipse(X(26), 258, 16, 9, 20)), orient(ellipse(X(54), 256, 16, 9, 20))], paint: 'body' });
    parts.push({ shape: [...line([[X(36), 262], [X(30), 320]], 5), ...line([[X(42), 262], [X(56), 316]], 5)], paint: 'deep', alpha: 0.5 });
    parts.push({ shape: bothLines(seg(['M', 50, 280], ['Q', 70, 400, 100, 530]), 7), paint: 'deep', alpha: 0.12, clip: true });
  }
  const body: Shape = [orient(mirrored(segs))];
  return { under, body, parts: [...parts, outline(body)], sheen };
}

// ── Bottoms ──────────────────────────────────────────────────────────────────────────────────

function trousers(variant: string): Garment {
  const p = {
    straight: { w: 104, hip: 124, outer: 122, inner: 34, hem: 548, crotch: 262 },
    jeans: { w: 104, hip: 124, outer: 118, inner: 38, hem: 548, crotch: 260 },
    wide: { w: 104, hip: 128, outer: 170, inner: 28, hem: 548, crotch: 266 },
    cropped: { w: 102, hip: 122, outer: 112, inner: 40, hem: 476, crotch: 258 },
    cargo: { w: 106, hip: 128, outer: 110, inner: 44, hem: 530, crotch: 264 },
    jogger: { w: 104, hip: 126, outer: 100, inner: 46, hem: 540, crotch: 266 },
    legging: { w: 96, hip: 112, outer: 78, inner: 32, hem: 548, crotch: 270 },
    shorts: { w: 106, hip: 128, outer: 146, inner: 22, hem: 300, crotch: 252 },
  }[variant] ?? { w: 104, hip: 124, outer: 122, inner: 34, hem: 548, crotch: 262 };
  const top = variant === 'legging' ? 66 : 74;
  const band = variant === 'legging' ? 112 : 102;
  const cuffed = variant === 'jogger' || variant === 'cargo';
  const segs: Seg[] = [
    ['M', 0, top],
    ['L', p.w, top],
    ['L', p.w + 2, band],
    ['Q', p.hip, band + 70, p.hip, 230],
    ...(cuffed
      ? ([['L', p.outer + 4, p.hem - 30], ['L', p.outer, p.hem], ['L', p.inner, p.hem], ['L', p.inner - 3, p.hem - 30]] as Seg[])
      : ([['L', p.outer, p.hem], ['L', p.inner, p.hem]] as Seg[])),
    ['L', 6, p.crotch],
    ['Q', 2, p.crotch - 4, 0, p.crotch - 8],
  ];
  const body: Shape = [orient(mirrored(segs))];
  const parts: Part[] = [];
  const elastic = variant === 'jogger' || variant === 'legging' || variant === 'shorts';
  parts.push({ shape: line([[X(-p.w - 2), band], [X(p.w + 2), band]], 1.6), paint: 'ink', alpha: 0.35 });
  if (elastic) {
    parts.push({ shape: ribLines(X(-p.w + 2), X(p.w - 2), top + 4, band - 4, 7), paint: 'ink', alpha: 0.16 });
    if (variant !== 'legging') {
      parts.push({ shape: [...line(seg(['M', -10, top + 16], ['Q', -14, top + 60, -20, top + 96]), 3.5), ...line(seg(['M', 10, top + 16], ['Q', 16, top + 56, 24, top + 90]), 3.5)], paint: 'trim' });
    } else {
      parts.push({ shape: bothLines(seg(['M', 36, band + 10], ['Q', 60, 300, 50, 540]), 2), paint: 'ink', alpha: 0.14 });
    }
  } else {
    const loops = [-p.w + 20, -46, 46, p.w - 20].map((dx) => orient(rect(X(dx) - 5, top - 3, 10, band - top + 8)));
    parts.push({ shape: loops, paint: 'deep', alpha: 0.35 });
    parts.push({ shape: [orient(ellipse(C, (top + band) / 2, 6, 6, 14))], paint: variant === 'jeans' ? 'hardware' : 'button' });
    parts.push({ shape: line(seg(['M', -14, band], ['L', -14, 198], ['Q', -14, 222, 0, 232]), 1.6), paint: 'ink', alpha: 0.3 });
  }
  if (variant !== 'legging') {
    const pocket = seg(['M', p.w - 36, band], ['Q', p.w - 14, band + 46, p.hip - 2, band + 62]);
    parts.push({ shape: [...line(pocket, 1.8), ...line(flipX(pocket).reverse(), 1.8)], paint: 'ink', alpha: 0.32 });
  }
  if (variant === 'straight' || variant === 'wide' || variant === 'cropped') {
    parts.push({ shape: bothLines([[X(62), band + 12], [X((p.outer + p.inner) / 2), p.hem - 4]], 1.4), paint: 'light', alpha: 0.35 });
  }
  if (variant === 'jeans') {
    const seams = [seg(['M', -22, band + 4], ['L', -22, 196], ['Q', -22, 226, -2, 238]), seg(['M', p.w - 44, band + 2], ['Q', p.w - 20, band + 50, p.hip - 6, band + 66]), seg(['M', p.hip - 6, 240], ['L', p.outer - 4, p.hem - 6])];
    parts.push({ shape: seams.flatMap((s) => [...stitched(s, 1.6), ...stitched(flipX(s).reverse(), 1.6)]), paint: 'stitch', alpha: 0.9 });
    parts.push({ shape: stitched([[X(-p.w - 2), band - 6], [X(p.w + 2), band - 6]], 1.6), paint: 'stitch', alpha: 0.9 });
    parts.push({ shape: [orient(ellipse(X(p.w - 36), band + 4, 3.5, 3.5, 10)), orient(ellipse(X(-p.w + 36), band + 4, 3.5, 3.5, 10))], paint: 'hardware' });
    parts.push({ shape: bothLines([[X(58), 300], [X(78), 480]], 16), paint: 'light', alpha: 0.14, clip: true });
  }
  if (variant === 'cargo') {
    const pk: Pt[] = [[X(p.hip - 46), 300], [X(p.hip + 2), 300], [X(p.hip), 372], [X(p.hip - 46), 372]];
    parts.push({ shape: both(pk), paint: 'deep', alpha: 0.12 });
    parts.push({ shape: [...stroke(pk, 1.8, true), ...stroke(flipX(pk), 1.8, true)], paint: 'ink', alpha: 0.35 });
    parts.push({ shape: bothLines([[X(p.hip - 48), 318], [X(p.hip + 2), 318]], 1.6), paint: 'ink', alpha: 0.35 });
    parts.push(...buttons([X(p.hip - 22), X(-p.hip + 22)], [310], 4));
  }
  if (cuffed) {
    parts.push({ shape: ribLines(X(-p.outer - 4), X(p.outer + 4), p.hem - 28, p.hem, 6), paint: 'ink', alpha: 0.16, clip: true });
    parts.push({ shape: bothLines([[X(p.outer + 4), p.hem - 30], [X(p.inner - 3), p.hem - 30]], 1.6), paint: 'ink', alpha: 0.3 });
  } else if (variant !== 'legging') {
    parts.push({ shape: bothLines([[X(p.outer - 1), p.hem - 14], [X(p.inner + 1), p.hem - 14]], 1.4), paint: 'ink', alpha: 0.22 });
  }
  parts.push({ shape: bothLines(seg(['M', 20, p.crotch + 10], ['Q', 36, p.crotch + 40, 44, p.crotch + 90]), 6), paint: 'deep', alpha: 0.1 });
  return { under: [], body, parts: [...parts, outline(body)], sheen: variant === 'legging' ? 0.6 : variant === 'wide' ? 0.3 : 0.1 };
}

function skirt(variant: string): Garment {
  const parts: Part[] = [];
  let segs: Seg[];
  let sheen = 0.15;
  if (variant === 'pleated') {
    segs = [['M', 0, 108], ['L', 86, 108], ['L', 88, 134], ['L', 198, 452], ['Q', 100, 466, 0, 464]];
    for (let k = -6; k <= 6; k += 1) {
      const a: Pt = [X((88 * k) / 7), 134];
      const b: Pt = [X((198 * k) / 7), 458];
      const b2: Pt = [X((198 * (k + 0.5)) / 7), 458];
      parts.push({ shape: [orient([a, b, b2])], paint: k % 2 ? 'deep' : 'light', alpha: 0.16, clip: true });
      parts.push({ shape: line([a, b], 1.2), paint: 'ink', alpha: 0.18, clip: true });
    }
  } else if (variant === 'mermaid') {
    segs = [['M', 0, 108], ['L', 82, 108], ['L', 84, 134], ['Q', 104, 240, 96, 372], ['Q', 120, 440, 160, 522], ['Q', 80, 534, 0, 532]];
    parts.push({ shape: line(seg(['M', -96, 372], ['Q', 0, 384, 96, 372]), 1.4), paint: 'ink', alpha: 0.22 });
    parts.push({ shape: bothLines(seg(['M', 40, 150], ['Q', 54, 300, 50, 372], ['Q', 70, 450, 96, 520]), 10), paint: 'light', alpha: 0.22, clip: true });
    sheen = 0.9;
  } else if (variant === 'pencil') {
    segs = [['M', 0, 108], ['L', 84, 108], ['L', 86, 134], ['Q', 106, 240, 100, 452], ['Q', 50, 458, 0, 456]];
    parts.push({ shape: line([[X(0), 404], [X(0), 456]], 1.8), paint: 'ink', alpha: 0.35 });
    parts.push({ shape: bothLines([[X(44), 134], [X(46), 188]], 1.4), paint: 'ink', alpha: 0.25 });
  } else {
    segs = [['M', 0, 108], ['L', 86, 108], ['L', 88, 134], ['Q', 140, 280, 172, 448], ['Q', 90, 462, 0, 460]];
    parts.push({ shape: bothLines(seg(['M', 40, 160], ['Q', 70, 320, 96, 452]), 8), paint: 'deep', alpha: 0.1, clip: true });
  }
  parts.push({ shape: line([[X(-90), 134], [X(90), 134]], 1.6), paint: 'ink', alpha: 0.35 });
  if (variant === 'denim') {
    parts.push({ shape: [orient(ellipse(C, 121, 6, 6, 14))], paint: 'hardware' });
    parts.push({ shape: stitched([[X(-12), 136], [X(-12), 250]], 1.6), paint: 'stitch' });
    const pocket = seg(['M', 52, 134], ['Q', 66, 170, 104, 178]);
    parts.push({ shape: [...stitched(pocket), ...stitched(flipX(pocket).reverse())], paint: 'stitch' });
    parts.push({ shape: stitched(seg(['M', -170, 440], ['Q', 0, 452, 170, 440]), 1.6), paint: 'stitch' });
    parts.push({ shape: stitched([[X(-86), 114], [X(86), 114]], 1.6), paint: 'stitch' });
  }
  const body: Shape = [orient(mirrored(segs))];
  return { under: [], body, parts: [...parts, outline(body)], sheen };
}

// ── Outerwear ────────────────────────────────────────────────────────────────────────────────

function lapels(bottom: number, wide = true): Part[] {
  const lapel = wide ? seg(['M', 30, 66], ['L', 92, 100], ['L', 76, 116], ['L', 114, 142], ['L', 14, bottom]) : seg(['M', 30, 70], ['L', 70, 96], ['L', 58, 108], ['L', 86, 130], ['L', 10, bottom]);
  return [
    { shape: [orient(seg(['M', -32, 66], ['Q', 0, 74, 32, 66], ['L', 0, bottom - 6]))], paint: 'deep' },
    { shape: both(lapel), paint: 'light', alpha: 0.22 },
    { shape: [...stroke(lapel, 1.8, true), ...stroke(flipX(lapel), 1.8, true)], paint: 'ink', alpha: 0.38 },
  ];
}

function coat(variant: string): Garment {
  const parts: Part[] = [];
  const under: Part[] = [];
  let segs: Seg[];
  let sheen = 0.12;
  if (variant === 'denim') {
    segs = [['M', 0, 96], ['Q', 26, 96, 46, 80], ['L', 132, 104], ['L', 210, 430], ['L', 170, 442], ['L', 132, 204], ['L', 136, 392], ['L', 0, 392]];
    parts.push(...shirtCollar(false));
    parts.push({ shape: stitched(seg(['M', -132, 150], ['Q', 0, 160, 132, 150]), 1.6), paint: 'stitch' });
    parts.push({ shape: [orient(rect(X(-136), 354, 272, 38))], paint: 'deep', alpha: 0.18, clip: true });
    parts.push({ shape: stitched([[X(-136), 356], [X(136), 356]], 1.6), paint: 'stitch' });
    const flap: Pt[] = [[X(-96), 176], [X(-40), 176], [X(-40), 196], [X(-68), 208], [X(-96), 196]];
    parts.push({ shape: [...stroke(flap, 1.6, true), ...stroke(flipX(flap), 1.6, true)], paint: 'stitch' });
    parts.push({ shape: [...line([[X(-8), 100], [X(-8), 392]], 1.4), ...line([[X(8), 100], [X(8), 392]], 1.4)], paint: 'ink', alpha: 0.3 });
    parts.push({ shape: bothLines([[X(68), 208], [X(74), 354]], 1.6), paint: 'stitch', alpha: 0.9 });
    parts.push(...buttons([C], [132, 190, 248, 306, 372], 6).map((p, i) => (i === 0 ? { ...p, paint: 'hardware' as Paint } : p)));
    parts.push(...buttons([X(-68), X(68)], [198], 4.5).map((p, i) => (i === 0 ? { ...p, paint: 'hardware' as Paint } : p)));
  } else if (variant === 'puffer') {
    segs = [['M', 0, 62], ['L', 58, 62], ['L', 62, 100], ['Q', 122, 100, 150, 130], ['Q', 200, 220, 214, 402], ['L', 174, 414], ['Q', 160, 300, 146, 226], ['Q', 150, 330, 150, 406], ['Q', 80, 422, 0, 420]];
    for (let y = 146; y < 410; y += 46) {
      const l = seg(['M', -150, y], ['Q', 0, y + 12, 150, y]);
      parts.push({ shape: line(l, 1.6), paint: 'ink', alpha: 0.3, clip: true });
      parts.push({ shape: line(l.map(([x, yy]) => [x, yy - 16] as Pt), 12), paint: 'light', alpha: 0.18, clip: true });
    }
    for (let i = 0; i < 6; i += 1) {
      const y = 170 + i * 44;
      parts.push({ shape: bothLines([[X(150 + i * 4), y], [X(200 + i * 2), y + 14]], 1.6), paint: 'ink', alpha: 0.28, clip: true });
    }
    parts.push({ shape: line([[X(-58), 100], [X(58), 100]], 1.6), paint: 'ink', alpha: 0.3 });
    parts.push({ shape: line([[C, 62], [C, 420]], 3), paint: 'ink', alpha: 0.4 });
    parts.push({ shape: [orient(roundRect(X(-5), 104, 10, 26, 3))], paint: 'trim' });
    sheen = 0.7;
  } else if (variant === 'shell') {
    under.push({ shape: [orient(mirrored([['M', 0, 30], ['Q', 76, 30, 84, 96], ['L', 0, 96]]))], paint: 'deep' });
    segs = [['M', 0, 70], ['L', 52, 70], ['L', 56, 104], ['L', 132, 112], ['L', 212, 440], ['L', 174, 452], ['L', 134, 212], ['L', 140, 424], ['Q', 70, 432, 0, 430]];
    parts.push({ shape: line([[C, 70], [C, 430]], 4), paint: 'trim' });
    parts.push({ shape: [orient(roundRect(X(-6), 80, 12, 30, 3))], paint: 'trim' });
    parts.push({ shape: line([[X(-100), 176], [X(-40), 156]], 3), paint: 'trim', alpha: 0.85 });
    parts.push({ shape: line([[X(-56), 104], [X(56), 104]], 1.6), paint: 'ink', alpha: 0.3 });
    parts.push({ shape: bothLines([[X(134), 212], [X(52), 104]], 1.4), paint: 'ink', alpha: 0.25 });
    parts.push({ shape: [orient(roundRect(X(-124), 408, 16, 12, 3)), orient(roundRect(X(108), 408, 16, 12, 3))], paint: 'trim' });
    parts.push({ shape: bothLines([[X(176), 420], [X(208), 410]], 7), paint: 'deep', alpha: 0.5 });
    sheen = 0.55;
  } else {
    const trench = variant === 'trench';
    const blazer = variant === 'blazer';
    const hem = blazer ? 420 : 550;
    const flare = trench ? 160 : blazer ? 138 : 150;
    segs = [['M', 0, 74], ['Q', 30, 72, 52, 66], ['L', blazer ? 138 : 130, blazer ? 100 : 104], ['L', 214, 452], ['L', 174, 462], ['L', 134, 206], blazer ? ['Q', 124, 300, flare, hem] : ['L', flare, hem], ['Q', 80, hem + 4, 0, hem + 4]];
    const lapelBottom = blazer ? 290 : trench ? 250 : 270;
    parts.push(...lapels(lapelBottom, !blazer));
    if (trench) {
      parts.push(...buttons([X(-38), X(38)], [276, 346, 416], 7));
      parts.push({ shape: [orient(rect(X(-170), 300, 340, 22))], paint: 'deep', alpha: 0.3, clip: true });
      parts.push({ shape: [...line([[X(-170), 300], [X(170), 300]], 1.4), ...line([[X(-170), 322], [X(170), 322]], 1.4)], paint: 'ink', alpha: 0.3, clip: true });
      parts.push({ shape: stroke(rect(X(54), 298, 30, 26), 3, true), paint: 'hardware' });
      parts.push({ shape: both([[X(84), 98], [X(128), 106], [X(126), 122], [X(82), 114]]), paint: 'deep', alpha: 0.3 });
      parts.push({ shape: bothLines([[X(200), 404], [X(168), 412]], 10), paint: 'deep', alpha: 0.35 });
      parts.push({ shape: bothLines([[X(76), 380], [X(104), 440]], 2), paint: 'ink', alpha: 0.35 });
    } else if (blazer) {
      parts.push(...buttons([C], [310, 360], 7));
      parts.push({ shape: both([[X(70), 368], [X(124), 366], [X(126), 382], [X(70), 384]]), paint: 'deep', alpha: 0.25 });
      parts.push({ shape: bothLines([[X(70), 368], [X(124), 366]], 1.6), paint: 'ink', alpha: 0.35 });
      parts.push({ shape: line([[X(-112), 190], [X(-72), 188]], 2), paint: 'ink', alpha: 0.35 });
      parts.push({ shape: bothLines([[X(200), 410], [X(172), 418]], 2), paint: 'ink', alpha: 0.3 });
    } else {
      parts.push(...buttons([X(14)], [300, 370, 440], 7.5));
      parts.push({ shape: both([[X(74), 400], [X(132), 398], [X(134), 418], [X(74), 420]]), paint: 'deep', alpha: 0.25 });
      parts.push({ shape: bothLines([[X(74), 400], [X(132), 398]], 1.6), paint: 'ink', alpha: 0.35 });
      parts.push({ shape: line([[X(2), lapelBottom], [X(2), hem]], 1.6), paint: 'ink', alpha: 0.28 });
    }
    sheen = variant === 'long' ? 0.08 : 0.15;
  }
  parts.push({ shape: bothLines(seg(['M', 128, 220], ['Q', 110, 260, 100, 300]), 8), paint: 'deep', alpha: 0.1 });
  const body: Shape = [orient(mirrored(segs))];
  return { under, body, parts: [...parts, outline(body)], sheen };
}

function knit(variant: string): Garment {
  const parts: Part[] = [];
  let segs: Seg[];
  let hemY = 456;
  let sideX = 140;
  if (variant === 'vest') {
    segs = [['M', 0, 214], ['L', 50, 86], ['L', 84, 86], ['Q', 96, 160, 134, 196], ['L', 138, 456], ['Q', 68, 460, 0, 458]];
    parts.push({ shape: [orient(seg(['M', -50, 86], ['Q', 0, 100, 50, 86], ['L', 0, 214]))], paint: 'deep' });
    parts.push({ shape: line(seg(['M', -50, 86], ['L', 0, 214], ['L', 50, 86]), 11), paint: 'rib' });
    parts.push({ shape: bothLines(seg(['M', 84, 86], ['Q', 96, 160, 134, 196]), 10), paint: 'rib' });
    sideX = 138;
  } else if (variant === 'turtleneck') {
    segs = [['M', 0, 40], ['L', 50, 40], ['L', 52, 104], ['L', 124, 114], ['L', 188, 430], ['L', 156, 442], ['L', 122, 206], ['L', 124, 444], ['Q', 62, 448, 0, 446]];
    parts.push({ shape: [orient(rect(X(-50), 40, 100, 64))], paint: 'rib' });
    parts.push({ shape: ribLines(X(-48), X(48), 42, 102, 7), paint: 'ink', alpha: 0.16 });
    parts.push({ shape: line([[X(-51), 74], [X(51), 74]], 2), paint: 'ink', alpha: 0.3 });
    hemY = 446;
    sideX = 124;
  } else {
    const cardigan = variant === 'cardigan';
    segs = [cardigan ? ['M', 0, 200] : ['M', 0, 114], cardigan ? ['L', 50, 86] : ['Q', 30, 112, 50, 86], ['L', 132, 110], ['L', 204, 424], ['L', 168, 440], ['L', 134, 210], ['L', 140, 456], ['Q', 70, 460, 0, 460]];
    if (cardigan) {
      parts.push({ shape: [orient(seg(['M', -50, 86], ['Q', 0, 100, 50, 86], ['L', 0, 200]))], paint: 'deep' });
      parts.push({ shape: [...line(seg(['M', -50, 86], ['L', -6, 200], ['L', -6, 460]), 13), ...line(seg(['M', 50, 86], ['L', 6, 200], ['L', 6, 460]), 13)], paint: 'rib' });
      parts.push({ shape: line([[C, 200], [C, 460]], 1.4), paint: 'ink', alpha: 0.35 });
      parts.push(...buttons([X(-6)], [226, 278, 330, 382], 5));
      for (const dx of [-66, 66]) {
        const wave = (phase: number): Pt[] => Array.from({ length: 40 }, (_, i) => [X(dx) + Math.sin(i * 0.55 + phase) * 9, 130 + i * 8] as Pt);
        parts.push({ shape: [...line(wave(0), 3), ...line(wave(Math.PI), 3)], paint: 'ink', alpha: 0.16, clip: true });
        parts.push({ shape: [...line(wave(0).map(([x, y]) => [x + 1.5, y - 2] as Pt), 2), ...line(wave(Math.PI).map(([x, y]) => [x + 1.5, y - 2] as Pt), 2)], paint: 'light', alpha: 0.18, clip: true });
      }
    } else {
      parts.push(backNeck([['M', 0, 114], ['Q', 30, 112, 50, 86]], [['M', 0, 96], ['Q', 30, 96, 50, 86]]));
      parts.push({ shape: line(fullCurve([['M', 0, 114], ['Q', 30, 112, 50, 86]]), 12), paint: 'rib' });
    }
    parts.push({ shape: ribLines(X(-140), X(140), 110, 420, 13), paint: 'ink', alpha: 0.05, clip: true });
  }
  if (variant !== 'vest') {
    const cuff: Pt[] = variant === 'turtleneck' ? [[X(188), 430], [X(156), 442], [X(150), 412], [X(180), 400]] : [[X(204), 424], [X(168), 440], [X(162), 408], [X(196), 394]];
    parts.push({ shape: both(cuff), paint: 'rib' });
    parts.push({ shape: [...ribLines(Math.min(...cuff.map((p) => p[0])), Math.max(...cuff.map((p) => p[0])), 394, 442, 6)], paint: 'ink', alpha: 0.14, clip: true });
  }
  parts.push({ shape: [orient(rect(X(-sideX - 4), hemY - 30, 2 * sideX + 8, 40))], paint: 'rib', clip: true });
  parts.push({ shape: ribLines(X(-sideX), X(sideX), hemY - 30, hemY + 6, 6), paint: 'ink', alpha: 0.15, clip: true });
  parts.push({ shape: line([[X(-sideX), hemY - 30], [X(sideX), hemY - 30]], 1.4), paint: 'ink', alpha: 0.25, clip: true });
  const body: Shape = [orient(mirrored(segs))];
  return { under: [], body, parts: [...parts, outline(body)], sheen: variant === 'turtleneck' ? 0.3 : 0.2 };
}

function hoodie(variant: string): Garment {
  const zip = variant === 'zip';
  const hood = orient(mirrored([['M', 0, zip ? 40 : 30], ['Q', zip ? 64 : 74, zip ? 40 : 30, zip ? 78 : 88, 92], ['Q', 92, 120, 60, 130], ['L', 0, 130]]));
  const segs: Seg[] = [['M', 0, 128], ['Q', 30, 124, 56, 100], ['L', zip ? 128 : 136, zip ? 112 : 118], ['L', zip ? 198 : 206, 430], ['L', zip ? 164 : 170, 444], ['L', 136, 214], ['L', zip ? 136 : 142, zip ? 438 : 446], ['Q', 70, zip ? 444 : 452, 0, zip ? 442 : 450]];
  const bodyPoly = orient(mirrored(segs));
  const body: Shape = [hood, bodyPoly];
  const parts: Part[] = [];
  parts.push({ shape: [orient(mirrored([['M', 0, 62], ['Q', 50, 64, 58, 104], ['Q', 40, 134, 0, 138]]))], paint: 'deep' });
  parts.push({ shape: line(fullCurve([['M', 0, 138], ['Q', 40, 134, 58, 104]]), 6), paint: 'rib' });
  if (zip) {
    parts.push({ shape: line([[C, 138], [C, 442]], 4), paint: 'trim', alpha: 0.9 });
    parts.push({ shape: [orient(roundRect(X(-5), 140, 10, 24, 3))], paint: 'trim' });
    parts.push({ shape: bothLines([[X(96), 300], [X(112), 380]], 2), paint: 'ink', alpha: 0.3 });
    parts.push({ shape: bothLines([[X(172), 418], [X(200), 410]], 2), paint: 'ink', alpha: 0.3 });
  } else {
    parts.push({ shape: [...line([[X(-18), 134], [X(-22), 236]], 4.5), ...line([[X(18), 134], [X(24), 230]], 4.5)], paint: 'trim' });
    parts.push({ shape: [orient(roundRect(X(-25), 234, 7, 16, 2)), orient(roundRect(X(21), 228, 7, 16, 2))], paint: 'trim' });
    const pocket: Pt[] = [[X(-84), 322], [X(84), 322], [X(106), 412], [X(-106), 412]];
    parts.push({ shape: stroke(pocket, 1.8, true), paint: 'ink', alpha: 0.35 });
    parts.push({ shape: bothLines(seg(['M', 84, 322], ['Q', 88, 372, 106, 398]), 2), paint: 'ink', alpha: 0.3 });
    parts.push({ shape: [orient(rect(X(-146), 412, 292, 40))], paint: 'rib', clip: true });
    parts.push({ shape: ribLines(X(-144), X(144), 414, 452, 6), paint: 'ink', alpha: 0.15, clip: true });
    parts.push({ shape: both([[X(206), 430], [X(170), 444], [X(166), 414], [X(200), 402]]), paint: 'rib' });
  }
  parts.push({ shape: bothLines(seg(['M', 132, 224], ['Q', 112, 262, 102, 300]), 8), paint: 'deep', alpha: 0.1 });
  return { under: [], body, parts: [...parts, outline(body)], sheen: zip ? 0.65 : 0.1 };
}

// ── Accessories ──────────────────────────────────────────────────────────────────────────────

function cap(): Garment {
  const dome: Shape = [orient(mirrored([['M', 0, 156], ['C', 96, 156, 150, 214, 152, 300], ['L', 0, 300]]))];
  // The peak seen from the front: a shallow crescent hanging below the crown.
  const brim = orient(mirrored([['M', 0, 286], ['Q', 100, 284, 146, 296], ['Q', 150, 352, 0, 378]]));
  const parts: Part[] = [
    { shape: [brim], paint: 'deep', alpha: 0.35 },
    { shape: stroke(brim, 2, true), paint: 'ink', alpha: 0.3 },
    { shape: stitched(fullCurve([['M', 0, 362], ['Q', 126, 346, 138, 304]])), paint: 'ink', alpha: 0.3 },
    { shape: [...line(seg(['M', 0, 160], ['Q', -60, 194, -72, 292]), 1.8), ...line(seg(['M', 0, 160], ['Q', 60, 194, 72, 292]), 1.8)], paint: 'ink', alpha: 0.3 },
    { shape: [orient(ellipse(C, 160, 10, 6, 16))], paint: 'deep', alpha: 0.6 },
    { shape: [orient(ellipse(X(-96), 214, 4, 4, 10)), orient(ellipse(X(96), 214, 4, 4, 10))], paint: 'deep' },
    { shape: line(seg(['M', -22, 226], ['L', -11, 252], ['L', 0, 232], ['L', 11, 252], ['L', 22, 226]), 4), paint: 'trim' },
    { shape: line(seg(['M', -150, 296], ['Q', 0, 280, 150, 296]), 5), paint: 'deep', alpha: 0.35 },
  ];
  return { under: [], body: [...dome, brim], parts: [...parts, outline(dome)], sheen: 0.1 };
}

function bucket(): Garment {
  const crownPoly = orient(mirrored([['M', 0, 160], ['Q', 96, 158, 112, 178], ['L', 128, 306], ['L', 0, 306]]));
  const brim = orient(mirrored([['M', 0, 296], ['L', 126, 296], ['Q', 172, 318, 210, 386], ['Q', 112, 412, 0, 410]]));
  const parts: Part[] = [
    { shape: [brim], paint: 'deep', alpha: 0.22 },
    { shape: stitched(fullCurve([['M', 0, 398], ['Q', 108, 400, 196, 376]])), paint: 'ink', alpha: 0.3 },
    { shape: stitched(fullCurve([['M', 0, 386], ['Q', 104, 388, 182, 366]])), paint: 'ink', alpha: 0.3 },
    { shape: [crownPoly], paint: 'body' },
    { shape: stroke(crownPoly, 2, true), paint: 'ink', alpha: 0.3 },
    { shape: stitched(fullCurve([['M', 0, 178], ['Q', 90, 176, 108, 190]])), paint: 'ink', alpha: 0.3 },
    { shape: [orient(rect(X(-126), 280, 252, 20))], paint: 'deep', alpha: 0.3, clip: true },
    { shape: [orient(ellipse(X(-70), 222, 3.5, 3.5, 10)), orient(ellipse(X(70), 222, 3.5, 3.5, 10))], paint: 'deep' },
  ];
  return { under: [], body: [brim, crownPoly], parts: [...parts, { shape: stroke(brim, 2, true), paint: 'ink', alpha: 0.28 }], sheen: 0.15 };
}

function tote(): Garment {
  const bag = orient([[X(-146), 240], [X(146), 240], [X(158), 540], [X(-158), 540]]);
  const under: Part[] = [{ shape: line(seg(['M', -60, 244], ['C', -60, 96, 60, 96, 60, 244]), 18), paint: 'deep' }];
  const parts: Part[] = [
    { shape: line(seg(['M', -86, 330], ['L', -86, 244], ['C', -86, 62, 86, 62, 86, 244], ['L', 86, 330]), 20), paint: 'body' },
    { shape: bothLines([[X(76), 300], [X(96), 326]], 1.6), paint: 'ink', alpha: 0.3 },
    { shape: bothLines([[X(96), 300], [X(76), 326]], 1.6), paint: 'ink', alpha: 0.3 },
    { shape: stitched([[X(-148), 262], [X(148), 262]]), paint: 'ink', alpha: 0.3 },
    { shape: [orient(ellipse(C, 430, 36, 36, 40))], paint: 'trim', alpha: 0.85 },
    { shape: line(seg(['M', -20, 418], ['L', -10, 444], ['L', 0, 424], ['L', 10, 444], ['L', 20, 418]), 4), paint: 'body' },
    { shape: bothLines([[X(140), 250], [X(150), 530]], 6), paint: 'deep', alpha: 0.12 },
  ];
  const body: Shape = [bag];
  return { under, body, parts: [...parts, outline(body)], sheen: 0.05 };
}

function shoulderbag(): Garment {
  const under: Part[] = [{ shape: line(seg(['M', -140, 316], ['C', -140, 110, 140, 110, 140, 316]), 14), paint: 'deep' }];
  const bag = orient(mirrored([['M', 0, 300], ['L', 140, 300], ['Q', 172, 304, 170, 340], ['L', 166, 470], ['Q', 164, 488, 140, 490], ['L', 0, 490]]));
  const flap = orient(mirrored([['M', 0, 296], ['L', 142, 296], ['Q', 176, 300, 172, 336], ['L', 168, 404], ['Q', 150, 432, 0, 436]]));
  const parts: Part[] = [
    { shape: [flap], paint: 'light', alpha: 0.12 },
    { shape: stroke(flap, 2, true), paint: 'ink', alpha: 0.35 },
    { shape: stitched(mirrored([['M', 0, 424], ['Q', 144, 420, 158, 398], ['L', 162, 334], ['Q', 164, 310, 140, 308], ['L', 0, 308]])), paint: 'ink', alpha: 0.3 },
    { shape: [orient(roundRect(X(-18), 410, 36, 28, 5))], paint: 'hardware' },
    { shape: stroke(roundRect(X(-18), 410, 36, 28, 5), 1.4, true), paint: 'ink', alpha: 0.3 },
    { shape: [orient(roundRect(X(-6), 420, 12, 8, 3))], paint: 'deep', alpha: 0.5 },
    { shape: [orient(roundRect(X(-150), 304, 16, 20, 4)), orient(roundRect(X(134), 304, 16, 20, 4))], paint: 'hardware' },
  ];
  const body: Shape = [bag];
  return { under, body, parts: [...parts, outline(body, 0.35)], sheen: 0.45 };
}

export function garment(art: GarmentArt): Garment {
  switch (art.kind) {
    case 'tee':
      return tee(art.variant);
    case 'shirt':
      return shirt(art.variant);
    case 'dress':
      return dress(art.variant);
    case 'trousers':
      return trousers(art.variant);
    case 'skirt':
      return skirt(art.variant);
    case 'coat':
      return coat(art.variant);
    case 'knit':
      return knit(art.variant);
    case 'hoodie':
      return hoodie(art.variant);
    case 'cap':
      return cap();
    case 'bucket':
      return bucket();
    case 'tote':
      return tote();
    case 'shoulderbag':
      return shoulderbag();
  }
}
