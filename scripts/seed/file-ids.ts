/**
 * Seeded images live in the local CloudBase's storage under the same path as their file id,
 * so `cloud://weave-local.local/products/p001/1.png` is `<storage dir>/products/p001/1.png`.
 */
export const CLOUD_ENV = 'weave-local';
export const FILE_ID_PREFIX = `cloud://${CLOUD_ENV}.local/`;

export function fileId(path: string): string {
  return FILE_ID_PREFIX + path;
}

/** The storage-relative path of one of our file ids, or null for anything else. */
export function fileIdToPath(id: string): string | null {
  return id.startsWith(FILE_ID_PREFIX) ? id.slice(FILE_ID_PREFIX.length) : null;
}
