/**
 * Integration tests talk to the local CloudBase exactly as the H5 client does: HTTP to the gateway,
 * the caller in X-WX-OPENID, the built bundles running in the function runtime, and the real
 * wx-server-sdk inside them talking to the embedded database. Each test file gets a fresh,
 * in-memory database.
 */
import path from 'path';
import { createEmulator, type CreateEmulatorOptions, type Emulator } from '../../emulator/server';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface LocalCloud {
  emulator: Emulator;
  url: string;
  /** callFunction as `openid`: the function's reply, or the gateway's error body for a crash. */
  call<T = unknown>(name: string, data: Record<string, unknown>, openid?: string): Promise<T>;
  /** The raw HTTP exchange, for tests about the gateway itself. */
  post(pathname: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startLocalCloud(options: Partial<CreateEmulatorOptions> = {}): Promise<LocalCloud> {
  const emulator = await createEmulator({
    port: 0,
    functionsDir: path.join(REPO_ROOT, 'cloudfunctions'),
    timers: 'manual',
    ...options,
  });
  const post: LocalCloud['post'] = async (pathname, body, headers = {}) => {
    const res = await fetch(`${emulator.url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    emulator,
    url: emulator.url,
    post,
    async call<T>(name: string, data: Record<string, unknown>, openid?: string): Promise<T> {
      const { status, body } = await post(`/api/functions/${name}`, data, openid ? { 'X-WX-OPENID': openid } : {});
      if (status !== 200) return body as T;
      return (body as { result: T }).result;
    },
    close: () => emulator.close(),
  };
}
