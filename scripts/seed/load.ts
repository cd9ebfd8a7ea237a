/**
 * Loads the demo brand into a local CloudBase: the documents from buildSeed, and the pictures
 * they point at (drawn once into a cache folder, then copied into the emulator's storage so
 * `cloud://weave-local.local/...` ids resolve). This is the `seed` the emulator runs on a new
 * database and on every reset, for `npm start` and the browser journeys.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import type { SeedContext } from '../../emulator/server';
import { buildSeed } from './index';
import { generateSeedImages, SEED_IMAGES_VERSION } from './images';

const IMAGE_CACHE = path.resolve(__dirname, '..', '..', '.cache', `seed-images-v${SEED_IMAGES_VERSION}`);

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

export async function seedCollections(context: SeedContext): Promise<Record<string, object[]>> {
  const { collections } = buildSeed({ now: new Date(context.clock.now()) });
  await generateSeedImages(IMAGE_CACHE);
  for (const relative of filesUnder(IMAGE_CACHE)) {
    context.storage.write(relative, readFileSync(path.join(IMAGE_CACHE, relative)));
  }
  // Empty collections are declared in emulator/indexes.json already; there is nothing to insert.
  return Object.fromEntries(Object.entries(collections).filter(([, docs]) => docs.length > 0));
}
