import fs from 'node:fs';
import path from 'node:path';

/**
 * Cloud storage in a local folder. File ids look like the cloud's (cloud://<env>.<bucket>/<path>);
 * temp URLs point at this server's GET /storage/<path>. Upload is the SDK's two steps: it asks
 * storage.getUploadMetadata for a URL, then PUTs the bytes there (COS in the cloud, us here).
 */
export class LocalStorage {
  constructor(
    readonly dir: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
    /** The cloud's is like 7765-weave-1300000000; the seed data uses `local`. */
    readonly bucket = 'local',
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${normalizeCloudPath(cloudPath)}`;
  }

  /** The cloud path inside a file id of this environment; undefined for anything else. */
  pathOf(fileId: string): string | undefined {
    const prefix = `cloud://${this.envId}.${this.bucket}/`;
    if (!fileId.startsWith(prefix)) return undefined;
    try {
      return normalizeCloudPath(fileId.slice(prefix.length));
    } catch {
      return undefined;
    }
  }

  /** Unencoded, as the cloud's temp URLs are (the SDK runs encodeURI on them before downloading). */
  urlOf(cloudPath: string): string {
    return `${this.baseUrl()}/storage/${normalizeCloudPath(cloudPath)}`;
  }

  /** Where the SDK PUTs an upload: percent-encoded, as it sends it on unchanged. */
  uploadUrlOf(cloudPath: string): string {
    return `${this.baseUrl()}/storage/${normalizeCloudPath(cloudPath).split('/').map(encodeURIComponent).join('/')}`;
  }

  write(cloudPath: string, content: Buffer): void {
    const file = this.fileOf(cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }

  read(cloudPath: string): Buffer | undefined {
    const file = this.fileOf(cloudPath);
    return fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined;
  }

  remove(cloudPath: string): boolean {
    const file = this.fileOf(cloudPath);
    if (!fs.existsSync(file)) return false;
    fs.rmSync(file);
    return true;
  }

  clear(): void {
    for (const entry of fs.readdirSync(this.dir)) fs.rmSync(path.join(this.dir, entry), { recursive: true, force: true });
  }

  /** storage.* actions of the SDK endpoint. */
  handle(action: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const cloudPath = normalizeCloudPath(String(body.path ?? ''));
        return {
          data: {
            url: this.uploadUrlOf(cloudPath),
            token: 'local',
            authorization: 'local',
            fileId: this.fileIdOf(cloudPath),
            cosFileId: Buffer.from(cloudPath).toString('base64url'), // sent back as an HTTP header: ASCII only
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        const files = Array.isArray(body.file_list) ? (body.file_list as Array<{ fileid?: unknown; max_age?: unknown }>) : [];
        return {
          data: {
            download_list: files.map((file) => {
              const fileID = String(file.fileid ?? '');
              const cloudPath = this.pathOf(fileID);
              const maxAge = typeof file.max_age === 'number' ? file.max_age : 86400;
              if (cloudPath === undefined || this.read(cloudPath) === undefined) {
                return { fileID, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '', maxAge };
              }
              return { fileID, code: 'SUCCESS', tempFileURL: this.urlOf(cloudPath), maxAge };
            }),
          },
        };
      }
      case 'storage.batchDeleteFile': {
        const ids = Array.isArray(body.fileid_list) ? (body.fileid_list as unknown[]) : [];
        return {
          data: {
            delete_list: ids.map((id) => {
              const fileID = String(id);
              const cloudPath = this.pathOf(fileID);
              const removed = cloudPath !== undefined && this.remove(cloudPath);
              return { fileID, code: removed ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
            }),
          },
        };
      }
      default:
        return { code: 'INVALID_PARAM', message: `${action} is not emulated by the local CloudBase` };
    }
  }

  private fileOf(cloudPath: string): string {
    return path.join(this.dir, ...normalizeCloudPath(cloudPath).split('/'));
  }
}

/** a/b/c.png with no leading slash, no empty, '.' or '..' segments (nothing may escape the folder). */
export function normalizeCloudPath(cloudPath: string): string {
  const segments = cloudPath.replace(/\\/g, '/').split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) throw new Error(`invalid cloud path "${cloudPath}"`);
  return segments.join('/');
}
