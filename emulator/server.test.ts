import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { isLocalRequest } from './http/http-kit';
import { createEmulator, type Emulator, type SeedContext } from './server';
import { adminCall, callFunction, FIXTURE_FUNCTIONS } from './testing';

jest.setTimeout(30_000);

const seed = async ({ storage }: SeedContext) => {
  storage.write('seed/banner.txt', Buffer.from('welcome'));
  return { notes: [{ _id: 'n1', text: 'seeded' }] };
};

describe('reset', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual', seed });
  });

  afterAll(() => emulator.close());

  it('brings back the seeded database and storage, empties the outbox and puts the clock back', async () => {
    expect((await callFunction(emulator, 'ledger', {}, 'o-1')).body.result.texts).toEqual(['seeded']);
    await callFunction(emulator, 'ledger', { action: 'add', text: 'mine' }, 'o-1');
    expect((await callFunction(emulator, 'ledger', {}, 'o-1')).body.result.texts).toEqual(['mine', 'seeded']);
    emulator.storage.write('uploads/x.txt', Buffer.from('x'));
    await adminCall(emulator, 'POST', '/subscribe/accept', { openid: 'o-1', templateIds: ['TPL'] });
    await adminCall(emulator, 'POST', '/clock', { advanceMs: 3600_000 });

    const reset = await adminCall(emulator, 'POST', '/reset');

    expect(reset.body).toEqual({ ok: true, seeded: { notes: 1 } });
    expect((await callFunction(emulator, 'ledger', {}, 'o-1')).body.result.texts).toEqual(['seeded']);
    expect((await fetch(`${emulator.url}/storage/uploads/x.txt`)).status).toBe(404);
    expect(await (await fetch(`${emulator.url}/storage/seed/banner.txt`)).text()).toBe('welcome');
    expect((await adminCall(emulator, 'GET', '/subscribe?openid=o-1')).body.credits).toEqual({});
    expect((await adminCall(emulator, 'GET', '/clock')).body.offsetMs).toBe(0);
  });

  it('lists the functions, timers and clock at /api/_emulator', async () => {
    const info = (await adminCall(emulator, 'GET', '')).body;

    expect(info).toMatchObject({ envId: 'weave-local', appid: emulator.appid, clock: { offsetMs: 0 } });
    expect(info.functions).toEqual(expect.arrayContaining(['ledger', 'ticker', 'whoami']));
    expect(info.timers).toEqual([expect.objectContaining({ function: 'ticker', trigger: 'everyFiveMinutes' })]);
  });

  it('answers an unknown admin route with 404', async () => {
    expect((await adminCall(emulator, 'GET', '/nothing-here')).status).toBe(404);
  });
});

describe('H5 hosting', () => {
  let emulator: Emulator;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weave-h5-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Weave</title>');
    fs.mkdirSync(path.join(staticDir, 'js'));
    fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)');
    emulator = await createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual', staticDir });
  });

  afterAll(async () => {
    await emulator.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  it('serves the build, index.html for page paths, and 404 for a missing asset', async () => {
    const asset = await fetch(`${emulator.url}/js/app.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await asset.text()).toBe('console.log(1)');

    for (const page of ['/', '/pages/cart/index', '/packages/order/detail?id=3']) {
      const res = await fetch(`${emulator.url}${page}`);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<title>Weave</title>');
    }
    expect((await fetch(`${emulator.url}/js/missing.js`)).status).toBe(404);
  });

  it('lets a localhost dev server call the gateway (CORS), and no other origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${emulator.url}/api/functions/whoami`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-wx-openid' },
      });

    const local = await preflight('http://localhost:10086');
    expect(local.status).toBe(204);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:10086');
    expect(local.headers.get('access-control-allow-headers')).toContain('x-wx-openid');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('admin and identity routes', () => {
  it('answer only callers on this machine', () => {
    const from = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as IncomingMessage;

    expect(isLocalRequest(from('127.0.0.1'))).toBe(true);
    expect(isLocalRequest(from('::ffff:127.0.0.1'))).toBe(true);
    expect(isLocalRequest(from('::1'))).toBe(true);
    expect(isLocalRequest(from('192.168.1.20'))).toBe(false);
  });
});

describe('starting', () => {
  it('fails with the seed’s error, leaving nothing running', async () => {
    const failing = createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual', seed: async () => Promise.reject(new Error('bad seed')) });

    await expect(failing).rejects.toThrow('bad seed');
  });
});

describe('a durable data folder', () => {
  it('keeps the database, subscription credits and payments across restarts, seeding only a new folder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weave-data-'));
    try {
      const first = await createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual', dataDir, seed });
      first.db.insert('notes', [{ _id: 'n2', text: 'kept' }]);
      first.outbox.accept('o-9', ['TPL_KEEP']);
      const order = { body: 'b', out_trade_no: 'WV9', total_fee: 100, spbill_create_ip: '127.0.0.1', sub_mch_id: 'm', env_id: first.envId, function_name: 'pay-callback', sub_openid: 'o-9' };
      expect(first.payments.handle('unifiedOrder', order)).toMatchObject({ result_code: 'SUCCESS' });
      await first.close();

      const second = await createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual', dataDir, seed });
      try {
        expect(second.db.find('notes').map((note) => note.text)).toEqual(['seeded', 'kept']);
        expect(second.outbox.creditsOf('o-9')).toEqual({ TPL_KEEP: 1 });
        expect(second.payments.state().orders).toEqual([expect.objectContaining({ outTradeNo: 'WV9', openid: 'o-9', state: 'NOTPAY' })]);
        expect(fs.existsSync(path.join(dataDir, 'weave.sqlite'))).toBe(true);
        expect(second.storage.read('seed/banner.txt')?.toString()).toBe('welcome');
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
