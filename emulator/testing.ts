import path from 'node:path';
import type { Emulator } from './server';

/** Fixture functions (already-bundled CommonJS requiring wx-server-sdk) for the emulator's own tests. */
export const FIXTURE_FUNCTIONS = path.join(__dirname, 'runtime', '__fixtures__', 'functions');

/** Replies are read ad hoc in tests and checked by expect(), not by the type system. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface HttpReply<T = Loose> {
  status: number;
  body: T;
}

/** POST /api/functions/:name as the H5 client does it. */
export async function callFunction<T = Loose>(
  emulator: Pick<Emulator, 'url'>,
  name: string,
  data: Record<string, unknown> = {},
  openid?: string,
): Promise<HttpReply<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (openid) headers['x-wx-openid'] = openid;
  const res = await fetch(`${emulator.url}/api/functions/${encodeURIComponent(name)}`, { method: 'POST', headers, body: JSON.stringify(data) });
  return { status: res.status, body: await res.json() };
}

/** A call to /api/_emulator/<route>. */
export async function adminCall<T = Loose>(
  emulator: Pick<Emulator, 'url'>,
  method: 'GET' | 'POST',
  route: string,
  body?: Record<string, unknown>,
): Promise<HttpReply<T>> {
  const res = await fetch(`${emulator.url}/api/_emulator${route}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}
