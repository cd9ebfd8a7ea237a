/**
 * A small anti-aliased vector rasteriser on an RGB buffer: polygons (non-zero winding) become
 * coverage masks by scanline with 4 sub-rows and exact horizontal coverage, then get composited
 * with a flat colour or a per-pixel shader. Enough to draw clean flat illustrations with pngjs.
 */
export type Pt = [number, number];
export type Shape = Pt[][];
export type Rgb = [number, number, number];

export interface Mask {
  x0: number;
  y0: number;
  w: number;
  h: number;
  cov: Float32Array;
}

const SUB = 4;

export function hex(color: string): Rgb {
  const n = parseInt(color.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function luminance([r, g, b]: Rgb): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** amount > 0 mixes toward white, < 0 toward black. */
export function shade([r, g, b]: Rgb, amount: number): Rgb {
  if (amount >= 0) return [r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount];
  const k = 1 + amount;
  return [r * k, g * k, b * k];
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function signedArea(poly: Pt[]): number {
  let a = 0;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) a += (poly[j][0] - poly[i][0]) * (poly[j][1] + poly[i][1]);
  return a / 2;
}

/** Same winding for every polygon, so overlapping pieces of one shape union under non-zero. */
export function orient(poly: Pt[]): Pt[] {
  return signedArea(poly) < 0 ? [...poly].reverse() : poly;
}

export function rasterize(shape: Shape, width: number, height: number): Mask | null {
  type Edge = { x0: number; y0: number; x1: number; y1: number; dir: number; slope: number };
  const edges: Edge[] = [];
  let minY = Infinity;
  let maxY = -Infinity;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const poly of shape) {
    for (let i = 0; i < poly.length; i += 1) {
      const a = poly[i];
      const b = poly[(i + 1) % poly.length];
      minX = Math.min(minX, a[0]);
      maxX = Math.max(maxX, a[0]);
      if (a[1] === b[1]) continue;
      const dir = a[1] < b[1] ? 1 : -1;
      const [p, q] = dir === 1 ? [a, b] : [b, a];
      edges.push({ x0: p[0], y0: p[1], x1: q[0], y1: q[1], dir, slope: (q[0] - p[0]) / (q[1] - p[1]) });
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, q[1]);
    }
  }
  const x0 = Math.max(0, Math.floor(minX));
  const x1 = Math.min(width, Math.ceil(maxX) + 1);
  const y0 = Math.max(0, Math.floor(minY));
  const y1 = Math.min(height, Math.ceil(maxY) + 1);
  if (!edges.length || x1 <= x0 || y1 <= y0) return null;
  const w = x1 - x0;
  const h = y1 - y0;
  const cov = new Float32Array(w * h);
  const diff = new Float32Array(w + 2);
  edges.sort((a, b) => a.y0 - b.y0);
  let next = 0;
  const active: Edge[] = [];
  const xs: number[] = [];
  const dirs: number[] = [];
  const order: number[] = [];
  for (let row = y0; row < y1; row += 1) {
    diff.fill(0);
    const base = (row - y0) * w;
    for (let s = 0; s < SUB; s += 1) {
      const y = row + (s + 0.5) / SUB;
      while (next < edges.length && edges[next].y0 <= y) active.push(edges[next++]);
      let kept = 0;
      for (const e of active) if (e.y1 > y) active[kept++] = e;
      active.length = kept;
      xs.length = 0;
      dirs.length = 0;
      for (const e of active) {
        if (e.y0 > y) continue;
        xs.push(e.x0 + (y - e.y0) * e.slope);
        dirs.push(e.dir);
      }
      if (xs.length < 2) continue;
      order.length = 0;
      for (let i = 0; i < xs.length; i += 1) order.push(i);
      order.sort((a, b) => xs[a] - xs[b]);
      let winding = 0;
      for (let k = 0; k < order.length; k += 1) {
        const i = order[k];
        const before = winding;
        winding += dirs[i];
        if (before === 0 && winding !== 0) {
          let end = k + 1;
          let wnd = winding;
          while (end < order.length) {
            wnd += dirs[order[end]];
            if (wnd === 0) break;
            end += 1;
          }
          if (end >= order.length) break;
          const xa = Math.max(x0, Math.min(x1, xs[i])) - x0;
          const xb = Math.max(x0, Math.min(x1, xs[order[end]])) - x0;
          addSpan(cov, diff, base, w, xa, xb, 1 / SUB);
          winding = 0;
          k = end;
        }
      }
    }
    let run = 0;
    for (let i = 0; i < w; i += 1) {
      run += diff[i];
      cov[base + i] = Math.min(1, cov[base + i] + run);
    }
  }
  return { x0, y0, w, h, cov };
}

function addSpan(cov: Float32Array, diff: Float32Array, base: number, w: number, xa: number, xb: number, weight: number): void {
  if (xb <= xa) return;
  const ia = Math.floor(xa);
  const ib = Math.floor(xb);
  if (ia === ib) {
    if (ia < w) cov[base + ia] += (xb - xa) * weight;
    return;
  }
  cov[base + ia] += (ia + 1 - xa) * weight;
  if (ib < w) cov[base + ib] += (xb - ib) * weight;
  diff[ia + 1] += weight;
  diff[Math.min(ib, w)] -= weight;
}

/** Box blur applied three times (close to a Gaussian), growing the mask by the radius. */
export function blur(mask: Mask, radius: number, width: number, height: number): Mask {
  const r = Math.max(1, Math.round(radius / 3));
  const pad = r * 3;
  const x0 = Math.max(0, mask.x0 - pad);
  const y0 = Math.max(0, mask.y0 - pad);
  const x1 = Math.min(width, mask.x0 + mask.w + pad);
  const y1 = Math.min(height, mask.y0 + mask.h + pad);
  const w = x1 - x0;
  const h = y1 - y0;
  const a = new Float32Array(w * h);
  for (let y = 0; y < mask.h; y += 1) {
    const ty = y + mask.y0 - y0;
    if (ty < 0 || ty >= h) continue;
    for (let x = 0; x < mask.w; x += 1) {
      const tx = x + mask.x0 - x0;
      if (tx >= 0 && tx < w) a[ty * w + tx] = mask.cov[y * mask.w + x];
    }
  }
  const b = new Float32Array(w * h);
  const span = 2 * r + 1;
  for (let pass = 0; pass < 3; pass += 1) {
    for (let y = 0; y < h; y += 1) {
      let acc = 0;
      const row = y * w;
      for (let x = -r; x <= r; x += 1) acc += x >= 0 && x < w ? a[row + x] : 0;
      for (let x = 0; x < w; x += 1) {
        b[row + x] = acc / span;
        const add = x + r + 1;
        const drop = x - r;
        acc += (add < w ? a[row + add] : 0) - (drop >= 0 ? a[row + drop] : 0);
      }
    }
    for (let x = 0; x < w; x += 1) {
      let acc = 0;
      for (let y = -r; y <= r; y += 1) acc += y >= 0 && y < h ? b[y * w + x] : 0;
      for (let y = 0; y < h; y += 1) {
        a[y * w + x] = acc / span;
        const add = y + r + 1;
        const drop = y - r;
        acc += (add < h ? b[add * w + x] : 0) - (drop >= 0 ? b[drop * w + x] : 0);
      }
    }
  }
  return { x0, y0, w, h, cov: a };
}

export function maskAt(mask: Mask | null, x: number, y: number): number {
  if (!mask) return 0;
  const mx = x - mask.x0;
  const my = y - mask.y0;
  if (mx < 0 || my < 0 || mx >= mask.w || my >= mask.h) return 0;
  return mask.cov[my * mask.w + mx];
}

export class Canvas {
  readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = Buffer.alloc(width * height * 3);
  }

  fill(shader: (x: number, y: number) => Rgb): void {
    const d = this.data;
    for (let y = 0; y < this.height; y += 1) {
      for (let x = 0; x < this.width; x += 1) {
        const c = shader(x, y);
        const i = (y * this.width + x) * 3;
        d[i] = c[0];
        d[i + 1] = c[1];
        d[i + 2] = c[2];
      }
    }
  }

  /** Fill every row with one colour per row (fast: each row is copied, not computed per pixel). */
  fillRows(rows: Rgb[]): void {
    const rowBytes = this.width * 3;
    for (let y = 0; y < this.height; y += 1) {
      const start = y * rowBytes;
      const [r, g, b] = rows[Math.min(y, rows.length - 1)];
      this.data[start] = r;
      this.data[start + 1] = g;
      this.data[start + 2] = b;
      let filled = 3;
      while (filled < rowBytes) {
        const n = Math.min(filled, rowBytes - filled);
        this.data.copyWithin(start + filled, start, start + n);
        filled += n;
      }
    }
  }

  /**
   * Composite a mask computed at 1/`factor` of this canvas's size (blurred shadows are smooth,
   * so a low-resolution mask sampled bilinearly looks the same and costs a fraction).
   */
  paintScaled(mask: Mask | null, factor: number, color: Rgb, alpha: number): void {
    if (!mask) return;
    const d = this.data;
    const x0 = Math.max(0, Math.floor(mask.x0 * factor));
    const y0 = Math.max(0, Math.floor(mask.y0 * factor));
    const x1 = Math.min(this.width, Math.ceil((mask.x0 + mask.w) * factor));
    const y1 = Math.min(this.height, Math.ceil((mask.y0 + mask.h) * factor));
    const cov = mask.cov;
    const mw = mask.w;
    const mh = mask.h;
    for (let y = y0; y < y1; y += 1) {
      const fy = (y + 0.5) / factor - 0.5 - mask.y0;
      const iy = Math.floor(fy);
      const ty = fy - iy;
      const rowA = iy >= 0 && iy < mh ? iy * mw : -1;
      const rowB = iy + 1 >= 0 && iy + 1 < mh ? (iy + 1) * mw : -1;
      for (let x = x0; x < x1; x += 1) {
        const fx = (x + 0.5) / factor - 0.5 - mask.x0;
        const ix = Math.floor(fx);
        const tx = fx - ix;
        const inA = ix >= 0 && ix < mw;
        const inB = ix + 1 >= 0 && ix + 1 < mw;
        const a00 = rowA >= 0 && inA ? cov[rowA + ix] : 0;
        const a10 = rowA >= 0 && inB ? cov[rowA + ix + 1] : 0;
        const a01 = rowB >= 0 && inA ? cov[rowB + ix] : 0;
        const a11 = rowB >= 0 && inB ? cov[rowB + ix + 1] : 0;
        const a = (a00 * (1 - tx) + a10 * tx) * (1 - ty) + (a01 * (1 - tx) + a11 * tx) * ty;
        // Quantised to 32 levels: the shadow stays smooth to the eye but compresses far better.
        const k = (Math.round(Math.min(1, a) * 32) / 32) * alpha;
        if (k <= 0) continue;
        const i = (y * this.width + x) * 3;
        d[i] = d[i] + (color[0] - d[i]) * k;
        d[i + 1] = d[i + 1] + (color[1] - d[i + 1]) * k;
        d[i + 2] = d[i + 2] + (color[2] - d[i + 2]) * k;
      }
    }
  }

  /** Composite `paint` through the mask (times `alpha`, times `clip` where given). */
  paint(mask: Mask | null, paint: Rgb | ((x: number, y: number) => Rgb), alpha = 1, clip: Mask | null = null): void {
    if (!mask) return;
    const d = this.data;
    const flat = Array.isArray(paint) ? paint : null;
    for (let my = 0; my < mask.h; my += 1) {
      const y = my + mask.y0;
      for (let mx = 0; mx < mask.w; mx += 1) {
        let a = mask.cov[my * mask.w + mx];
        if (a <= 0.002) continue;
        const x = mx + mask.x0;
        if (clip) {
          a *= maskAt(clip, x, y);
          if (a <= 0.002) continue;
        }
        a = Math.min(1, a) * alpha;
        const c = flat ?? (paint as (x: number, y: number) => Rgb)(x, y);
        const i = (y * this.width + x) * 3;
        d[i] = d[i] + (c[0] - d[i]) * a;
        d[i + 1] = d[i + 1] + (c[1] - d[i + 1]) * a;
        d[i + 2] = d[i + 2] + (c[2] - d[i + 2]) * a;
      }
    }
  }

  draw(shape: Shape, paint: Rgb | ((x: number, y: number) => Rgb), alpha = 1, clip: Mask | null = null): Mask | null {
    const mask = rasterize(shape, this.width, this.height);
    this.paint(mask, paint, alpha, clip);
    return mask;
  }
}
