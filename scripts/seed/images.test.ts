import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileIdToPath } from './file-ids';
import { generateSeedImages, seedImageJobs } from './images';
import { buildSeed } from './index';
import { seedCollections } from './load';

/** Every cloud file id anywhere in the seed's documents. */
function referencedFileIds(collections: Record<string, object[]>): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('cloud://')) found.add(value);
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(collections);
  return found;
}

/**
 * Decodes PNGs with pngjs in a worker thread: pngjs decoding is very slow inside jest's sandbox
 * (close to a second an image here), and plain Node does all of them in a moment.
 */
function decodeAll(files: string[]): Promise<{ file: string; width: number; height: number; error?: string }[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    const { PNG } = require(workerData.pngjs);
    parentPort.postMessage(workerData.files.map((file) => {
      try { const png = PNG.sync.read(readFileSync(file)); return { file, width: png.width, height: png.height }; }
      catch (error) { return { file, width: 0, height: 0, error: String(error) }; }
    }));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { files, pngjs: require.resolve('pngjs') } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const SIZES: Record<string, [number, number]> = {
  products: [600, 600],
  banners: [750, 360],
  collections: [750, 500],
  stores: [750, 420],
  avatars: [200, 200],
  categories: [160, 160],
  brand: [256, 256],
};

describe('seed images', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weave-seed-images-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws exactly the images the seed refers to, all in our storage', () => {
    const referenced = referencedFileIds(buildSeed({ now: new Date('2026-11-22T02:30:00Z') }).collections);
    const drawn = new Set(seedImageJobs().map((j) => j.path));
    const paths = [...referenced].map((id) => fileIdToPath(id));
    expect(paths.filter((p) => p === null)).toEqual([]);
    expect(paths.filter((p) => !drawn.has(p as string))).toEqual([]);
    expect([...drawn].filter((p) => !paths.includes(p))).toEqual([]);
  });

  it(
    'writes every one as a small, decodable PNG of the right size, and skips them the second time',
    async () => {
      const started = Date.now();
      await generateSeedImages(dir);
      const firstRun = Date.now() - started;
      const jobs = seedImageJobs();
      for (const job of jobs) expect(statSync(join(dir, job.path)).size).toBeLessThan(60 * 1024);
      const decoded = await decodeAll(jobs.map((j) => join(dir, j.path)));
      jobs.forEach((job, i) => {
        expect(decoded[i].error).toBeUndefined();
        expect([decoded[i].width, decoded[i].height]).toEqual(SIZES[job.path.split('/')[0]]);
      });
      const mtimes = jobs.map((j) => statSync(join(dir, j.path)).mtimeMs);
      const again = Date.now();
      await generateSeedImages(dir);
      expect(Date.now() - again).toBeLessThan(2000);
      expect(jobs.map((j) => statSync(join(dir, j.path)).mtimeMs)).toEqual(mtimes);
      // A loose bound for a busy CI machine; on two idle cores it takes well under 15 s.
      expect(firstRun).toBeLessThan(120_000);
    },
    180_000,
  );

  it('fills the local CloudBase storage and returns the documents when used as the emulator seed', async () => {
    const written = new Map<string, Buffer>();
    const now = Date.parse('2026-11-22T02:30:00Z');
    const collections = await seedCollections({
      storage: { write: (path, content) => void written.set(path, content), fileIdOf: (path) => `cloud://weave-local.local/${path}` },
      clock: { now: () => now } as never,
    });
    for (const job of seedImageJobs()) expect(written.has(job.path)).toBe(true);
    expect(collections.products.length).toBeGreaterThanOrEqual(40);
    // The database refuses an empty insert: empty collections are left out.
    expect(Object.values(collections).every((docs) => docs.length > 0)).toBe(true);
}, 180_000);
});
