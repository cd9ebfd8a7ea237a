/**
 * orders.create through the gateway, as the checkout page calls it: latency for a 1-item and a
 * 10-item cart, and how many database requests one create makes (counted at the local CloudBase's
 * database endpoint), so a change that adds a read per line shows up here.
 */
import path from 'path';
import { createEmulator } from '../../emulator/server';
import { address, baseSeed, coupon, sku, user } from '../../tests/integration/fixtures/commerce';
import { load, row, TABLE_HEAD, type LoadResult } from './stats';

const OPS = Number(process.env.BENCH_OPS ?? 200);
const CONCURRENCY = 4;
const SKUS = Array.from({ length: 10 }, (_, i) => `bench-sku-${i}`);
const USERS = 50;

export default async function benchOrdersCreate(): Promise<string> {
  const buyers = Array.from({ length: USERS }, (_, i) => `o_bench_${i}`);
  const emulator = await createEmulator({
    port: 0,
    functionsDir: path.join(__dirname, '..', '..', 'cloudfunctions'),
    timers: 'manual',
    seed: async () =>
      baseSeed({
        skus: SKUS.map((id, i) => sku(id, i % 2 ? 'p-tee' : 'p-jeans', 5000 + i * 100, 10_000_000)),
        users: buyers.map((o) => user(o, 1_000_000, 'gold')),
        addresses: buyers.map((o) => address(`addr-${o}`, o)),
        user_coupons: buyers.flatMap((o) => Array.from({ length: 40 }, (_, k) => coupon(`uc-${o}-${k}`, o, { title: '无门槛减5', rule: { kind: 'amount', amountOff: 500, threshold: 0 } }))),
      }),
  });
  const calls = new Map<string, number>();
  const handle = emulator.db.handle.bind(emulator.db);
  emulator.db.handle = (body: Record<string, unknown>) => {
    const action = String(body.action);
    calls.set(action, (calls.get(action) ?? 0) + 1);
    return handle(body);
  };
  let seq = 0;
  const create = async (buyer: string, items: number, extra: Record<string, unknown> = {}) => {
    const res = await fetch(`${emulator.url}/api/functions/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': buyer },
      body: JSON.stringify({ action: 'create', items: SKUS.slice(0, items).map((skuId) => ({ skuId, quantity: 1 })), delivery: 'express', requestId: `bench-request-${(seq += 1)}`, ...extra }),
    });
    const reply = (await res.json()) as { result?: { ok: boolean; code?: string } };
    if (!reply.result?.ok) throw new Error(`create failed: ${JSON.stringify(reply)}`);
  };
  /** Database requests per create, by action, over `n` sequential creates. */
  const countCalls = async (n: number, items: number, extra: (i: number) => Record<string, unknown> = () => ({})) => {
    calls.clear();
    for (let i = 0; i < n; i += 1) await create(buyers[i % USERS], items, extra(i));
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    const detail = [...calls.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.replace('database.', '')} ${(v / n).toFixed(1)}`).join(', ');
    return { perCreate: total / n, detail };
  };
  try {
    await load(40, CONCURRENCY, (i) => create(buyers[i % USERS], 1)); // start the function's instances
    const latency: [string, LoadResult][] = [
      ['orders.create, 1 item', await load(OPS, CONCURRENCY, (i) => create(buyers[i % USERS], 1))],
      ['orders.create, 10 items', await load(OPS, CONCURRENCY, (i) => create(buyers[i % USERS], 10))],
    ];
    // Each run gives every buyer a coupon of their own not used before.
    const withCoupon = (run: number) => (i: number) => ({ couponId: `uc-${buyers[i % USERS]}-${run}`, usePoints: 'max' });
    const counts = [
      ['1 item', await countCalls(20, 1)],
      ['10 items', await countCalls(20, 10)],
      ['1 item + coupon + points', await countCalls(20, 1, withCoupon(0))],
      ['10 items + coupon + points', await countCalls(20, 10, withCoupon(1))],
    ] as const;
    return [
      '## orders.create (scripts/bench/orders-create.bench.ts)',
      '',
      `Through the gateway (\`POST /api/functions/orders\`), express delivery, ${CONCURRENCY} requests in flight, ${OPS} creates per row, after a warm-up; a gold member, stock that never runs out. Each create prices the order, claims its requestId, reserves every SKU with a conditional \`_.inc\`, and writes the order.`,
      '',
      TABLE_HEAD,
      ...latency.map(([name, r]) => row(name, r)),
      '',
      'Database requests per create (counted at the local CloudBase\'s `/admin` database endpoint, average of 20 sequential creates):',
      '',
      '| cart | requests | by action |',
      '|---|---:|---|',
      ...counts.map(([name, c]) => `| ${name} | ${c.perCreate.toFixed(1)} | ${c.detail} |`),
      '',
      'Reads do not grow with the lines: SKUs and products are each one `_.in` query. Stock reservations do (one conditional update per SKU, in SKU order): the SDK has no multi-document conditional update, and a transaction would turn contention on a hot SKU into conflicts and retries. Points add one transaction (start, two reads, two writes, commit).',
    ].join('\n');
  } finally {
    await emulator.close();
  }
}
