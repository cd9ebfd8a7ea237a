/** @jest-environment node */
import http from 'http';
import type { AddressInfo } from 'net';

/**
 * The H5 transport against a real HTTP server standing in for the gateway, with a Taro.request that
 * does what the H5 build's does (an HTTP request): the test sees what a page would see.
 */
jest.mock('@tarojs/taro', () => {
  const storage = new Map<string, unknown>();
  return {
    __esModule: true,
    default: {
      getStorageSync: (key: string) => storage.get(key) ?? '',
      setStorageSync: (key: string, value: unknown) => storage.set(key, value),
      async request(options: { url: string; method: string; data: unknown; header: Record<string, string> }) {
        const res = await fetch(options.url, { method: options.method, headers: options.header, body: JSON.stringify(options.data) });
        const text = await res.text();
        return { statusCode: res.status, data: text ? JSON.parse(text) : undefined };
      },
    },
  };
});

declare global {
  // eslint-disable-next-line no-var
  var LOCAL_API_BASE: string;
}

import { callFunction } from './cloud';
import { setDevOpenid } from './dev-identity';

let server: http.Server;
const seen: { url?: string; openid?: string; body?: unknown }[] = [];

beforeAll(async () => {
  process.env.TARO_ENV = 'h5';
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = body ? JSON.parse(body) : {};
      seen.push({ url: req.url, openid: req.headers['x-wx-openid'] as string, body: parsed });
      if (parsed.action === 'explode') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errCode: -504002, errMsg: 'functions execute fail' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (parsed.action === 'refuse') res.end(JSON.stringify({ result: { ok: false, code: 'OUT_OF_STOCK', message: '库存不足' } }));
      else if (parsed.action === 'garbage') res.end(JSON.stringify({ result: 42 }));
      else res.end(JSON.stringify({ result: { ok: true, data: { echo: parsed } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  globalThis.LOCAL_API_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('callFunction on h5', () => {
  it('posts the data to the named function as the chosen identity and returns its reply', async () => {
    setDevOpenid('o_staff_1');
    const reply = await callFunction('user', { action: 'login' });
    expect(reply).toEqual({ ok: true, data: { echo: { action: 'login' } } });
    expect(seen.at(-1)).toMatchObject({ url: '/api/functions/user', openid: 'o_staff_1' });
  });

  it('passes a business failure through unchanged', async () => {
    expect(await callFunction('orders', { action: 'refuse' })).toEqual({ ok: false, code: 'OUT_OF_STOCK', message: '库存不足' });
  });

  it('turns a crashed function into INTERNAL and a malformed reply too', async () => {
    expect(await callFunction('orders', { action: 'explode' })).toMatchObject({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' });
    expect(await callFunction('orders', { action: 'garbage' })).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('turns an unreachable backend into NETWORK', async () => {
    const base = globalThis.LOCAL_API_BASE;
    globalThis.LOCAL_API_BASE = 'http://127.0.0.1:1';
    try {
      expect(await callFunction('user', { action: 'login' })).toEqual({ ok: false, code: 'NETWORK', message: '网络异常，请检查网络后重试' });
    } finally {
      globalThis.LOCAL_API_BASE = base;
    }
  });
});
