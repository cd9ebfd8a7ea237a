/**
 * Where an image stored in cloud storage is loaded from. The mini-program's Image component reads
 * `cloud://` ids itself; the H5 build has no such loader, so the id becomes the local CloudBase's
 * plain storage URL (docs/emulator.md, `GET /storage/<path>`).
 */
const CLOUD_PREFIX = /^cloud:\/\/[^/]+\/(.+)$/;

function apiBase(): string {
  return typeof LOCAL_API_BASE !== 'undefined' ? LOCAL_API_BASE : '';
}

export function imageUrl(fileId: string | null | undefined): string {
  if (!fileId) return '';
  if (process.env.TARO_ENV === 'weapp') return fileId;
  const match = CLOUD_PREFIX.exec(fileId);
  if (!match) return fileId;
  const path = match[1].split('/').map(encodeURIComponent).join('/');
  return `${apiBase()}/storage/${path}`;
}
