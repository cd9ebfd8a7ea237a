/**
 * The flash-sale rush on the local CloudBase: 1,000 distinct shoppers call `flashsale.buy` on one
 * SKU with 100 units at the same instant (through the gateway, a pool of 64 sockets in front of
 * it), after a warm-up sale. Reports throughput, the latency each shopper saw, the database
 * requests a winner and a loser cost, and checks that exactly the stock was sold.
 */
import http from 'http';
import path from 'path';
import { createEmulator } from '../../emulator/server';
import { address, baseSeed, sku, user } from '../../tests/integration/fixtures/commerce';
import { flashSale } from '../../tests/integration/fixtures/flash-sale';

const BUYERS = Number(process.env.BENCH_FLASH_BUYERS ?? 1000);
const STOCK = 100;
const HOUR = 3_600_000;

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export default async function benchFlashSale(): Promise<string> {
  const buyers = Array.from({ length: BUYERS }, (_, i) => `o_flash_${i}`);
  const now = Date.now();
  const warm = flashSale('fs-warm', '预热', now - HOUR, now + 3 * HOUR, [{ skuId: 'warm-m', productId: 'p-tee', normalPrice: 10000, salePrice: 3900, stock: 1_000_000, perUserLimit: 99 }]);
  const rush = flashSale('fs-bench', '整点秒杀', now - HOUR, now + 3 * HOUR, [{ skuId: 'rush-m', productId: 'p-tee', normalPrice: 10000, salePrice: 3900, stock: STOCK, perUserLimit: 1 }]);
  const emulator = await createEmulator({
    port: 0,
    functionsDir: path.join(__dirname, '..', '..', 'cloudfunctions'),
    timers: 'manual',
    seed: async () =>
      baseSeed({
        skus: [sku('warm-m', 'p-tee', 10000, 10), sku('rush-m', 'p-tee', 10000, 10)],
        users: [...buyers.map((o) => user(o)), user('o_warm')],
        addresses: [...buyers.map((o) => address(`addr-${o}`, o)), address('addr-warm', 'o_warm')],
        flash_sales: [warm.sale, rush.sale],
        flash_stock: [...warm.stock, ...rush.stock],
      }),
  });
  const calls = { n: 0 };
  const handle = emulator.db.handle.bind(emulator.db);
  emulator.db.handle = (body: Record<string, unknown>) => {
    calls.n += 1;
    return handle(body);
  };
  const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
  let seq = 0;
  const buy = (openid: string, saleItemId: string) =>
    new Promise<{ ok: boolean; code?: string }>((resolve, reject) => {
      const body = JSON.stringify({ action: 'buy', saleItemId, quantity: 1, requestId: `bench-flash-${(seq += 1)}` });
      const req = http.request(
        `${emulator.url}/api/functions/flashsale`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-wx-openid': openid } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            const parsed = JSON.parse(text) as { result?: { ok: boolean; code?: string } };
            if (!parsed.result) reject(new Error(`gateway: ${text.slice(0, 200)}`));
            else resolve(parsed.result);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    // Start the function's instances and measure what one winning purchase costs in database requests.
    await Promise.all(Array.from({ length: 8 }, () => buy('o_warm', 'fs-warm:warm-m')));
    calls.n = 0;
    for (let i = 0; i < 10; i += 1) await buy('o_warm', 'fs-warm:warm-m');
    const perWin = calls.n / 10;

    const latencies: number[] = [];
    let lastWin = 0;
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started) / 1e6;
    const replies = await Promise.all(
      buyers.map(async (o) => {
        const t = since();
        const r = await buy(o, 'fs-bench:rush-m');
        const done = since();
        latencies.push(done - t);
        if (r.ok) lastWin = Math.max(lastWin, done);
        return r;
      }),
    );
    const seconds = since() / 1000;
    latencies.sort((a, b) => a - b);

    calls.n = 0;
    for (let i = 0; i < 10; i += 1) await buy(buyers[i], 'fs-bench:rush-m');
    const perLoss = calls.n / 10;

    const won = replies.filter((r) => r.ok).length;
    const refused = new Set(replies.filter((r) => !r.ok).map((r) => r.code));
    const left = (emulator.db.find('flash_stock', { _id: 'fs-bench:rush-m' })[0] as { stock: number; sold: number }).stock;
    const orders = emulator.db.find('orders', { 'flashSale.saleItemId': 'fs-bench:rush-m' }).length;
    const check = won === STOCK && orders === STOCK && left === 0 ? 'ok' : 'MISMATCH';
    if (check !== 'ok') throw new Error(`flash-sale bench sold ${won} (orders ${orders}, stock left ${left}) of ${STOCK}`);
    return [
      '## flashsale.buy rush (scripts/bench/flash-sale.bench.ts)',
      '',
      `${BUYERS} distinct shoppers call \`flashsale.buy\` for one SKU with ${STOCK} units, all at once (a pool of 64 sockets in front of the gateway; the function runs on the emulator's default 4 instances), after a warm-up. Express delivery, normal members.`,
      '',
      '| buyers | stock | orders | refused | all answered s | calls/s | sold out after s | orders/s | p50 ms | p99 ms | max ms | sold = stock |',
      '|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|',
      `| ${BUYERS} | ${STOCK} | ${won} | ${[...refused].join(', ')} ${BUYERS - won} | ${seconds.toFixed(1)} | ${Math.round(BUYERS / seconds)} | ${(lastWin / 1000).toFixed(1)} | ${(won / (lastWin / 1000)).toFixed(1)} | ${percentile(latencies, 50).toFixed(0)} | ${percentile(latencies, 99).toFixed(0)} | ${(latencies[latencies.length - 1] ?? 0).toFixed(0)} | ${check} (left ${left}) |`,
      '',
      `Database requests per call: a winning purchase ${perWin.toFixed(1)}, a refusal once sold out ${perLoss.toFixed(1)}. Latency is what a shopper waits, mostly queueing behind the function's instances; orders/s counts the orders over the time until the last winner was answered; a refusal reads the cached sale, the stock and the buyer's counter and stops there.`,
    ].join('\n');
  } finally {
    agent.destroy();
    await emulator.close();
  }
}
