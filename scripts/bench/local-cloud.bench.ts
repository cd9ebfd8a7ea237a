/**
 * How much the local CloudBase costs on top of plain HTTP: database operations through the real
 * wx-server-sdk (get by id, where query, atomic inc), a gateway round trip into a function, and a
 * bare Node http echo server measured in the same run under the same load, so the overhead reads
 * as a ratio rather than a number that depends on the machine.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import * as cloud from 'wx-server-sdk';
import { pointSdkAt } from '../../emulator/db/test-server';
import { createEmulator } from '../../emulator/server';
import { load, row, TABLE_HEAD, type LoadResult } from './stats';

const OPS = Number(process.env.BENCH_OPS ?? 2000);
const CONCURRENCY = 16;

async function echoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.json());

export default async function benchLocalCloud(): Promise<string> {
  const emulator = await createEmulator({
    port: 0,
    functionsDir: path.join(__dirname, '..', '..', 'emulator', 'runtime', '__fixtures__', 'functions'),
    timers: 'manual',
    seed: async () => ({ bench_items: Array.from({ length: 1000 }, (_, i) => ({ _id: `item-${i}`, n: i, group: i % 10, stock: 1_000_000 })) }),
  });
  const echo = await echoServer();
  try {
    pointSdkAt(`${emulator.url}/admin`, emulator.envId);
    cloud.init({ env: emulator.envId });
    const db = cloud.database() as unknown as import('../../cloudfunctions/_shared/db-types').Database;
    const _ = db.command;
    const items = db.collection('bench_items');

    // Warm up the connection pool and the function's worker before measuring.
    await load(200, CONCURRENCY, (i) => items.doc(`item-${i % 1000}`).get());
    await load(50, 4, () => post(`${emulator.url}/api/functions/whoami`, {}, { 'X-WX-OPENID': 'bench' }));

    const results: [string, LoadResult][] = [];
    results.push(['bare Node http echo (baseline)', await load(OPS, CONCURRENCY, (i) => post(echo.url, { action: 'echo', i }))]);
    results.push(['db: doc(id).get()', await load(OPS, CONCURRENCY, (i) => items.doc(`item-${i % 1000}`).get())]);
    results.push(['db: where({ group }).limit(20).get()', await load(OPS, CONCURRENCY, (i) => items.where({ group: i % 10 }).limit(20).get())]);
    results.push([
      'db: where({ _id, stock ≥ 1 }).update(inc -1)',
      await load(OPS, CONCURRENCY, (i) => items.where({ _id: `item-${i % 1000}`, stock: _.gte(1) }).update({ data: { stock: _.inc(-1) } })),
    ]);
    results.push(['gateway: POST /api/functions/whoami', await load(Math.min(OPS, 1000), CONCURRENCY, (i) => post(`${emulator.url}/api/functions/whoami`, { i }, { 'X-WX-OPENID': `bench-${i % 50}` }))]);

    const baseline = results[0][1];
    const lines = results.map(([name, r]) => `${row(name, r)} ${(r.p50 / baseline.p50).toFixed(1)}× |`);
    return [
      '## Local CloudBase overhead',
      '',
      `Load: ${OPS} operations, ${CONCURRENCY} in flight, from the same process as the SDK; the database is in memory.`,
      'The ratio column is p50 against the bare echo server measured in the same run.',
      '',
      `${TABLE_HEAD.replace('| p99 ms |', '| p99 ms | p50 vs echo |').replace('|---:|---:|---:|---:|', '|---:|---:|---:|---:|---:|')}`,
      ...lines,
    ].join('\n');
  } finally {
    await echo.close();
    await emulator.close();
  }
}

if (require.main === module) {
  benchLocalCloud()
    .then((md) => console.log(md))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
