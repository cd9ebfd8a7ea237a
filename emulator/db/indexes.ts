/**
 * The index declaration (emulator/indexes.json): one list of collections and their indexes that the
 * local CloudBase enforces and that a deployer recreates in the WeChat console (数据库 -> 索引管理).
 * A collection listed here exists from the start, even with no index, like one created in the console.
 */
import { readFileSync } from 'fs';
import path from 'path';

export type IndexDirection = 1 | -1 | '2dsphere';

export interface IndexSpec {
  /** Console index name; also what the duplicate-key error names. */
  name: string;
  /** Field paths in order, 1 / -1 for ascending / descending, '2dsphere' for a geo index. */
  keys: Record<string, IndexDirection>;
  unique?: boolean;
}

export interface IndexFile {
  collections: Record<string, IndexSpec[]>;
}

export const INDEX_FILE_PATH = path.join(__dirname, '..', 'indexes.json');

export function loadIndexFile(file: string = INDEX_FILE_PATH): IndexFile {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return validateIndexFile(raw, file);
}

const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/** Throws a message that points at the offending entry, so a bad edit fails the emulator's start. */
export function validateIndexFile(raw: unknown, source = 'index declaration'): IndexFile {
  const fail = (where: string, why: string): never => {
    throw new Error(`${source}: ${where}: ${why}`);
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('root', 'must be an object');
  const collections = (raw as { collections?: unknown }).collections;
  if (!collections || typeof collections !== 'object' || Array.isArray(collections)) {
    fail('collections', 'must be an object of collection name -> index list');
  }
  const result: IndexFile = { collections: {} };
  for (const [collection, list] of Object.entries(collections as Record<string, unknown>)) {
    if (!COLLECTION_NAME.test(collection)) fail(collection, 'collection names are letters, digits, _ or -, not starting with a digit or -');
    if (!Array.isArray(list)) fail(collection, 'must be a list of indexes (use [] for none)');
    const names = new Set<string>();
    result.collections[collection] = (list as unknown[]).map((entry, position) => {
      const where = `${collection}[${position}]`;
      if (!entry || typeof entry !== 'object') fail(where, 'must be an object');
      const { name, keys, unique } = entry as { name?: unknown; keys?: unknown; unique?: unknown };
      if (typeof name !== 'string' || !name) fail(where, 'needs a name');
      if (name === '_id_') fail(where, '_id_ is the built-in _id index');
      if (names.has(name as string)) fail(where, `duplicate index name ${String(name)}`);
      names.add(name as string);
      if (!keys || typeof keys !== 'object' || Array.isArray(keys) || Object.keys(keys).length === 0) {
        fail(where, 'keys must map at least one field to 1, -1 or "2dsphere"');
      }
      for (const [field, direction] of Object.entries(keys as Record<string, unknown>)) {
        if (direction !== 1 && direction !== -1 && direction !== '2dsphere') fail(`${where}.keys.${field}`, 'must be 1, -1 or "2dsphere"');
      }
      if (unique !== undefined && typeof unique !== 'boolean') fail(where, 'unique must be true or false');
      const isGeo = Object.values(keys as Record<string, unknown>).includes('2dsphere');
      if (unique && isGeo) fail(where, 'a 2dsphere index cannot be unique');
      const spec: IndexSpec = { name: name as string, keys: keys as Record<string, IndexDirection> };
      if (unique) spec.unique = true;
      return spec;
    });
  }
  return result;
}

export function geoFields(specs: readonly IndexSpec[]): string[] {
  return specs.flatMap((spec) => Object.entries(spec.keys).filter(([, direction]) => direction === '2dsphere').map(([field]) => field));
}
