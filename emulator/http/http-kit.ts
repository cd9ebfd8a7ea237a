import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The emulator always runs in local mode: it trusts the X-WX-OPENID header and opens its admin API.
 * This is the one switch for that; a deployed server would never contain this code.
 */
export const LOCAL_MODE = true;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Local mode and a caller on this machine: the only way into admin and identity-by-header routes. */
export function isLocalRequest(req: IncomingMessage): boolean {
  return LOCAL_MODE && LOOPBACK.has(req.socket.remoteAddress ?? '');
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.errMsg ?? body.message ?? status));
  }
}

export async function readBody(req: IncomingMessage, limitBytes = 50 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new HttpError(413, { errCode: -501007, errMsg: 'request body too large' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req)).toString('utf8').trim();
  if (raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HttpError(400, { errCode: -501007, errMsg: 'the request body is not JSON' });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new HttpError(400, { errCode: -501007, errMsg: 'the request body must be a JSON object' });
  }
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The H5 dev server (another localhost port) may call the gateway. */
export function allowLocalOrigins(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin || !/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin)) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type, x-wx-openid, x-wx-unionid');
  res.setHeader('access-control-max-age', '600');
}
