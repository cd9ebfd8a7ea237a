/**
 * Draws every image the seed's file ids point at, as PNG files under `dir` at the file id's path
 * (`cloud://weave-local.local/products/p001/1.png` -> `<dir>/products/p001/1.png`). Generated, never
 * committed. Idempotent: files that already exist are left alone.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import * as pngjs from 'pngjs';
import { avatar, backdropFor, banner, categoryIcon, detailShot, logo, outfitCover, productShot, storeFront, type CoverItem } from './art/scenes';
import { hex, shade, type Canvas } from './art/raster';
import { bannerImage, categoryIcon as categoryIconId, collectionCover, productImage } from './catalog';
import { BANNERS, CATEGORIES, COLORS, OUTFITS, PRODUCTS, type ColorKey } from './catalog-data';
import { avatarFile } from './customers';
import { fileIdToPath } from './file-ids';
import { AVATAR_COLORS, CROWD } from './people-data';
import { seedOf } from './random';
import { SETTINGS } from './settings';
import { STORES, storeImage } from './stores';

/** Bump when a drawing changes: caches of generated images are kept per version. */
export const SEED_IMAGES_VERSION = 1;

export interface ImageJob {
  /** Storage-relative path, the file id without `cloud://weave-local.local/`. */
  path: string;
  render: () => Canvas;
}

const productArt = new Map(PRODUCTS.map((p) => [p.id, p.art]));

function item(productId: string, color: ColorKey): CoverItem {
  const art = productArt.get(productId);
  if (!art) throw new Error(`images: unknown product ${productId}`);
  return { art, color: COLORS[color].hex };
}

function pathOf(id: string): string {
  const p = fileIdToPath(id);
  if (!p) throw new Error(`images: not a seed file id: ${id}`);
  return p;
}

/** The consumers with user documents (and so avatars), and how to draw them. */
const AVATAR_PEOPLE: { openid: string; gender: 'female' | 'male' }[] = [
  { openid: 'o_demo_lin', gender: 'female' },
  { openid: 'o_demo_zhao', gender: 'female' },
  { openid: 'o_demo_wang', gender: 'male' },
  ...CROWD.map((c) => ({ openid: c.openid, gender: c.gender })),
];

const STORE_RAILS: [string, ColorKey][][] = [
  [['p002', 'white'], ['p007', 'khaki'], ['p012', 'haze'], ['p033', 'oat'], ['p027', 'khaki']],
  [['p013', 'black'], ['p008', 'ltblue'], ['p023', 'navy'], ['p034', 'cream'], ['p030', 'caramel']],
  [['p001', 'haze'], ['p011', 'mint'], ['p014', 'khaki'], ['p039', 'grey'], ['p032', 'oat']],
];

/** Every image the seed references, in a stable order. */
export function seedImageJobs(): ImageJob[] {
  const jobs: ImageJob[] = [];
  PRODUCTS.forEach((p, i) => {
    p.colors.forEach((key, ci) => {
      const color = COLORS[key].hex;
      jobs.push({ path: pathOf(productImage(p.id, ci + 1)), render: () => productShot(p.art, color, backdropFor(i, color)) });
    });
    const first = COLORS[p.colors[0]].hex;
    jobs.push({ path: pathOf(productImage(p.id, p.colors.length + 1)), render: () => detailShot(p.art, first, backdropFor(i + 2, first)) });
  });
  for (const c of CATEGORIES) {
    const color = COLORS[c.iconColor].hex;
    const circle = shade(hex(color), 0.72);
    const circleHex = `#${circle.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    jobs.push({ path: pathOf(categoryIconId(c.id)), render: () => categoryIcon(c.art, color, circleHex) });
  }
  for (const b of BANNERS) jobs.push({ path: pathOf(bannerImage(b.id)), render: () => banner(b.palette, item(b.hero.productId, b.hero.color)) });
  for (const o of OUTFITS) jobs.push({ path: pathOf(collectionCover(o.id)), render: () => outfitCover(o.background, o.cover.map((c) => item(c.productId, c.color))) });
  STORES.forEach((s, i) => {
    const rail = STORE_RAILS[i % STORE_RAILS.length].map(([p, c]) => item(p, c));
    jobs.push({ path: pathOf(storeImage(s.id)), render: () => storeFront(s.facade, rail) });
  });
  for (const p of AVATAR_PEOPLE) {
    const seed = seedOf(p.openid);
    jobs.push({ path: pathOf(avatarFile(p.openid)), render: () => avatar(AVATAR_COLORS[seed % AVATAR_COLORS.length], p.gender, seed) });
  }
  jobs.push({ path: pathOf(SETTINGS.brand.logo), render: logo });
  return jobs;
}

/**
 * The writer half of pngjs, typed here: emulator/vendor-modules.d.ts declares a narrower 'pngjs'
 * (reading only) that shadows @types/pngjs across the project.
 */
interface PngSyncWriter {
  write(png: { width: number; height: number; data: Buffer }, options: Record<string, number | boolean>): Buffer;
}
const pngWriter = (pngjs as unknown as { PNG: { sync: PngSyncWriter } }).PNG.sync;

/** RGB in, RGB out (no alpha channel: smaller files); Paeth filtering and zlib level 6 keep it quick. */
export function encodePng(canvas: Canvas): Buffer {
  return pngWriter.write(
    { width: canvas.width, height: canvas.height, data: canvas.data },
    { colorType: 2, inputColorType: 2, inputHasAlpha: false, deflateLevel: 6, deflateStrategy: 0, filterType: 4 },
  );
}

async function writeJob(dir: string, job: ImageJob): Promise<void> {
  const file = join(dir, job.path);
  await mkdir(dirname(file), { recursive: true });
  // A temporary name first, so an interrupted run never leaves a truncated PNG behind.
  const tmp = `${file}.tmp-${process.pid}-${threadId}`;
  await writeFile(tmp, encodePng(job.render()));
  await rename(tmp, file);
}

/** Renders the named images (all missing ones when `paths` is omitted) in this thread. */
export async function writeSeedImages(dir: string, paths?: string[]): Promise<void> {
  const wanted = paths ? new Set(paths) : null;
  for (const job of seedImageJobs()) {
    if (wanted ? wanted.has(job.path) : !existsSync(join(dir, job.path))) await writeJob(dir, job);
  }
}

/**
 * The worker's code, bundled on the fly with esbuild (a dev dependency, like the rest of the
 * local CloudBase): a worker thread cannot load TypeScript by itself, whatever ran this file.
 */
function bundleWorker(): string | null {
  try {
    // Required lazily: only this path needs it, and a bundle of the emulator must not try to bundle esbuild.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const esbuild = require('esbuild') as typeof import('esbuild');
    const out = esbuild.buildSync({
      stdin: {
        contents: `const { parentPort, workerData } = require('node:worker_threads');
          const { writeSeedImages } = require(${JSON.stringify(__filename)});
          writeSeedImages(workerData.dir, workerData.paths).then(() => parentPort.postMessage('done'));`,
        resolveDir: __dirname,
        loader: 'js',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    return out.outputFiles[0].text;
  } catch {
    return null;
  }
}

function runWorker(code: string, dir: string, paths: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { dir, paths } });
    let done = false;
    worker.once('message', () => {
      done = true;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (done && code === 0 ? resolve() : reject(new Error(`seed image worker exited with ${code}`))));
  });
}

/**
 * Makes every image the seed references under `dir`, skipping files that exist. Spreads the work
 * over up to `workers` threads (default: two, or fewer cores) when there is enough of it.
 */
export async function generateSeedImages(dir: string, options: { workers?: number } = {}): Promise<void> {
  const missing = seedImageJobs()
    .map((j) => j.path)
    .filter((p) => !existsSync(join(dir, p)));
  if (!missing.length) return;
  const workers = Math.max(1, Math.min(options.workers ?? Math.min(2, availableParallelism()), Math.ceil(missing.length / 16)));
  const code = workers > 1 ? bundleWorker() : null;
  if (!code) return writeSeedImages(dir, missing);
  // Interleaved, so the heavy product shots are shared evenly.
  const shares = Array.from({ length: workers }, (_, k) => missing.filter((_, i) => i % workers === k));
  await Promise.all(shares.map((paths) => runWorker(code, dir, paths)));
}
