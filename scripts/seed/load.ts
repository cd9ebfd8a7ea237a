/**
 * The local CloudBase's seed function (`createEmulator({ seed: seedCollections })`): puts the demo
 * brand's images in its storage and returns the documents, dated from the emulator's clock.
 *
 * Images are drawn once into a cache folder (git-ignored) and copied into storage on every seed,
 * so a reset costs a file copy, not a redraw.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SeedContext } from '../../emulator/server';
import { fileId } from './file-ids';
import { generateSeedImages, seedImageJobs } from './images';
import { buildSeed } from './index';

export const SEED_IMAGE_CACHE = process.env.WEAVE_SEED_IMAGE_CACHE ?? resolve(__dirname, '..', '..', '.cache', 'seed-images');

export async function seedCollections(context: SeedContext): Promise<Record<string, object[]>> {
  const probe = 'products/p001/1.png';
  if (context.storage.fileIdOf(probe) !== fileId(probe)) {
    throw new Error(`the seed's file ids (${fileId(probe)}) do not match this storage (${context.storage.fileIdOf(probe)}): run the emulator with envId 'weave-local'`);
  }
  await generateSeedImages(SEED_IMAGE_CACHE);
  for (const job of seedImageJobs()) context.storage.write(job.path, readFileSync(join(SEED_IMAGE_CACHE, job.path)));
  const { collections } = buildSeed({ now: new Date(context.clock.now()) });
  // Empty collections are left out: the database refuses an empty insert, and the emulator creates
  // every declared collection by itself.
  return Object.fromEntries(Object.entries(collections).filter(([, docs]) => docs.length > 0));
}
