import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, extraHeaders: Record<string, string> = {}): void {
  const stat = fs.statSync(file);
  res.writeHead(200, { 'content-type': contentTypeOf(file), 'content-length': stat.size, ...extraHeaders });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}

/**
 * The H5 build: files as they are, and index.html for any other path that looks like a page
 * (the SPA router's history mode), never for a missing asset.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | undefined, urlPath: string): void {
  const index = root ? path.join(root, 'index.html') : undefined;
  if (!root || !index || !fs.existsSync(index)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The H5 build is not there (dist/h5). Build it with `npm run build:h5`.\n');
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    relative = urlPath;
  }
  const base = path.resolve(root);
  const file = path.join(base, path.posix.normalize(`/${relative}`)); // rooted first, so '..' cannot climb out
  if (file.startsWith(base) && fs.existsSync(file) && fs.statSync(file).isFile()) {
    sendFile(req, res, file, { 'cache-control': 'no-cache' });
    return;
  }
  if (path.extname(relative) === '' || relative.endsWith('.html')) {
    sendFile(req, res, index, { 'cache-control': 'no-cache' });
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}
