import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Clock } from '../clock';
import { createEmulator, type Emulator } from '../server';
import { callFunction, FIXTURE_FUNCTIONS } from '../testing';
import { FunctionRuntime } from './function-runtime';

jest.setTimeout(30_000);

let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual', maxInstancesPerFunction: 2 });
});

afterAll(() => emulator.close());

describe('identity', () => {
  it('gives each of 50 concurrent callers only their own getWXContext, before and after an await', async () => {
    const openids = Array.from({ length: 50 }, (_, i) => `o-concurrent-${i}`);
    const replies = await Promise.all(openids.map((openid, i) => callFunction(emulator, 'whoami', { delayMs: (i * 7) % 13 }, openid)));

    replies.forEach((reply, i) => {
      expect(reply.status).toBe(200);
      expect(reply.body.result.before).toMatchObject({ OPENID: openids[i], APPID: emulator.appid, ENV: emulator.envId, SOURCE: 'wx_client' });
      expect(reply.body.result.after.OPENID).toBe(openids[i]);
      expect(reply.body.result.event.userInfo).toEqual({ appId: emulator.appid, openId: openids[i] });
    });
    // Grown to the pool's maximum, the rest queued: never two invocations in one instance at once.
    expect(emulator.runtime.instanceCount('whoami')).toBe(2);
  });

  it('runs a function called from another function for the same user, SOURCE chained with scf', async () => {
    const reply = await callFunction(emulator, 'relay', {}, 'o-relay-user');

    expect(reply.status).toBe(200);
    expect(reply.body.result.caller).toMatchObject({ OPENID: 'o-relay-user', SOURCE: 'wx_client' });
    expect(reply.body.result.callee.before).toMatchObject({ OPENID: 'o-relay-user', APPID: emulator.appid, SOURCE: 'wx_client,scf' });
    expect(reply.body.result.callee.event).toEqual({ from: 'relay' });
  });

  it('fails cloud.callFunction of a missing function the way the cloud does', async () => {
    const reply = await callFunction(emulator, 'relay', { target: 'missing' }, 'o-relay-user');

    expect(reply.body.result.failed.errMsg).toContain('FunctionName parameter could not be found');
    expect(reply.body.result.failed.errCode).toEqual(expect.any(Number));
  });
});

describe('failures at the gateway', () => {
  it('answers a throwing function with HTTP 500, errCode -504002 and the error in errMsg', async () => {
    const reply = await callFunction(emulator, 'boom', { reason: 'no stock' }, 'o-1');

    expect(reply.status).toBe(500);
    expect(reply.body.errCode).toBe(-504002);
    expect(reply.body.errMsg).toMatch(/^TypeError: boom: no stock/);
  });

  it('answers an unknown function with 404 and the cloud not-found errCode', async () => {
    const reply = await callFunction(emulator, 'nope', {}, 'o-1');

    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ errCode: -501000, errMsg: 'FunctionName parameter could not be found.' });
  });
});

describe('clock', () => {
  it('shifts Date.now() and new Date() inside the function with the emulator clock', async () => {
    const before = await callFunction(emulator, 'clock');
    expect(Math.abs(before.body.result.now - Date.now())).toBeLessThan(5_000);

    await emulator.advanceClock(24 * 3600_000);
    const after = await callFunction(emulator, 'clock');

    expect(after.body.result.now - Date.now()).toBeGreaterThan(24 * 3600_000 - 5_000);
    expect(after.body.result.now - Date.now()).toBeLessThan(24 * 3600_000 + 5_000);
    expect(Math.abs(after.body.result.constructed - after.body.result.now)).toBeLessThan(1_000);
    expect(after.body.result.isDate).toBe(true);
    expect(after.body.result.looksNative).toBe(true);
    expect(after.body.result.parsed).toBe(Date.parse('2024-01-01T00:00:00Z'));
  });
});

describe('instances', () => {
  let dir: string;
  let runtime: FunctionRuntime;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weave-functions-'));
    runtime = new FunctionRuntime({ functionsDir: dir, adminUrl: 'http://127.0.0.1:9/admin', envId: 'test', clock: new Clock(), timeoutMs: 500 });
  });

  afterEach(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function writeFunction(name: string, source: string): void {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'index.js'), source);
  }

  it('loads a rebuilt index.js on the next call (bare requires still resolved from the repository)', async () => {
    writeFunction('versioned', 'exports.main = async () => "v1";');
    expect(await runtime.invoke('versioned', {}, { source: 'wx_client' })).toMatchObject({ ok: true, result: 'v1' });

    writeFunction('versioned', 'const dayjs = require("dayjs");\nexports.main = async () => `v2 ${typeof dayjs}`;');
    expect(await runtime.invoke('versioned', {}, { source: 'wx_client' })).toMatchObject({ ok: true, result: 'v2 function' });
  });

  it('times out a function that never returns, and the next call gets a fresh instance', async () => {
    writeFunction('stuck', 'let calls = 0;\nexports.main = (event) => (calls++, event.hang ? new Promise(() => {}) : calls);');

    const stuck = await runtime.invoke('stuck', { hang: true }, { source: 'wx_client' });
    expect(stuck).toMatchObject({ ok: false, error: { message: 'Invoking task timed out after 0.5 seconds' } });
    expect(await runtime.invoke('stuck', {}, { source: 'wx_client' })).toMatchObject({ ok: true, result: 1 });
  });
});
