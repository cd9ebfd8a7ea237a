/**
 * Building outlines: a tiny path language for half-outlines that get mirrored (garments are
 * symmetric), curves flattened to points, strokes turned into polygons, and a transform from the
 * 600 x 600 design frame to wherever a drawing is placed.
 */
import { orient, type Pt, type Shape } from './raster';

export type Seg = ['M', number, number] | ['L', number, number] | ['Q', number, number, number, number] | ['C', number, number, number, number, number, number];

const STEPS = 14;

export function path(segs: Seg[]): Pt[] {
  const pts: Pt[] = [];
  let cur: Pt = [0, 0];
  for (const s of segs) {
    if (s[0] === 'M' || s[0] === 'L') {
      cur = [s[1], s[2]];
      pts.push(cur);
    } else if (s[0] === 'Q') {
      const [, cx, cy, x, y] = s;
      const [x0, y0] = cur;
      for (let i = 1; i <= STEPS; i += 1) {
        const t = i / STEPS;
        const u = 1 - t;
        pts.push([u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y]);
      }
      cur = [x, y];
    } else {
      const [, c1x, c1y, c2x, c2y, x, y] = s;
      const [x0, y0] = cur;
      for (let i = 1; i <= STEPS; i += 1) {
        const t = i / STEPS;
        const u = 1 - t;
        pts.push([
          u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
          u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y,
        ]);
      }
      cur = [x, y];
    }
  }
  return pts;
}

/**
 * A symmetric outline from its right half, written with x as the offset from the centre line,
 * from the top centre around to the bottom centre.
 */
export function mirrored(segs: Seg[], cx = 300): Pt[] {
  const half = path(segs);
  const right = half.map(([dx, y]) => [cx + dx, y] as Pt);
  const left = half
    .slice(1, -1)
    .reverse()
    .map(([dx, y]) => [cx - dx, y] as Pt);
  return [...right, ...left];
}

/** The mirror image of a shape across the centre line. */
export function flipX(poly: Pt[], cx = 300): Pt[] {
  return poly.map(([x, y]) => [2 * cx - x, y] as Pt).reverse();
}

export function ellipse(cx: number, cy: number, rx: number, ry: number, n = 40): Pt[] {
  return Array.from({ length: n }, (_, i) => {
    const a = (i / n) * Math.PI * 2;
    return [cx + Math.cos(a) * rx, cy + Math.sin(a) * ry] as Pt;
  });
}

export function rect(x: number, y: number, w: number, h: number): Pt[] {
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
}

export function roundRect(x: number, y: number, w: number, h: number, r: number): Pt[] {
  const q = (cx: number, cy: number, a0: number): Pt[] =>
    Array.from({ length: 7 }, (_, i) => {
      const a = a0 + (i / 6) * (Math.PI / 2);
      return [cx + Math.cos(a) * r, cy + Math.sin(a) * r] as Pt;
    });
  return [...q(x + w - r, y + r, -Math.PI / 2), ...q(x + w - r, y + h - r, 0), ...q(x + r, y + h - r, Math.PI / 2), ...q(x + r, y + r, Math.PI)];
}

/** A polyline as polygons: one quad per segment plus round joints; non-zero winding unions them. */
export function stroke(pts: Pt[], width: number, closed = false): Shape {
  const r = width / 2;
  const out: Shape = [];
  const n = closed ? pts.length : pts.length - 1;
  for (let i = 0; i < n; i += 1) {
    const a = pts[i];
    const b = pts[(i + 1) % pts.length];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    if (len < 1e-6) continue;
    const nx = (-dy / len) * r;
    const ny = (dx / len) * r;
    out.push(
      orient([
        [a[0] + nx, a[1] + ny],
        [b[0] + nx, b[1] + ny],
        [b[0] - nx, b[1] - ny],
        [a[0] - nx, a[1] - ny],
      ]),
    );
  }
  if (r > 0.9) {
    const joints = closed ? pts : pts.slice(1, -1);
    for (const p of joints) out.push(orient(ellipse(p[0], p[1], r, r, 10)));
    if (!closed && r > 1.2) {
      out.push(orient(ellipse(pts[0][0], pts[0][1], r, r, 10)));
      out.push(orient(ellipse(pts[pts.length - 1][0], pts[pts.length - 1][1], r, r, 10)));
    }
  }
  return out;
}

/** Dashes along a polyline, for stitching. */
export function dashes(pts: Pt[], dash: number, gap: number): Pt[][] {
  const out: Pt[][] = [];
  let on = true;
  let left = dash;
  let cur: Pt[] = [pts[0]];
  for (let i = 1; i < pts.length; i += 1) {
    let a = pts[i - 1];
    const b = pts[i];
    let segLen = Math.hypot(b[0] - a[0], b[1] - a[1]);
    while (segLen > left) {
      const t = left / segLen;
      const p: Pt = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      if (on) {
        cur.push(p);
        out.push(cur);
      }
      cur = [p];
      on = !on;
      segLen -= left;
      a = p;
      left = on ? dash : gap;
    }
    left -= segLen;
    if (on) cur.push(b);
  }
  if (on && cur.length > 1) out.push(cur);
  return out;
}

export interface Transform {
  s: number;
  tx: number;
  ty: number;
}

export const IDENTITY: Transform = { s: 1, tx: 0, ty: 0 };

/** Place the design frame's point (cx, cy) at (x, y) in the canvas, scaled by s. */
export function placeAt(x: number, y: number, s: number, cx = 300, cy = 300): Transform {
  return { s, tx: x - cx * s, ty: y - cy * s };
}

export function apply(t: Transform, shape: Shape): Shape {
  return shape.map((poly) => poly.map(([x, y]) => [x * t.s + t.tx, y * t.s + t.ty] as Pt));
}
