/**
 * The tag engine's two hot paths through the gateway: `analytics.track` with a 20-event batch (what
 * the client's batcher sends), and the daily tag job over a few hundred users with a month of
 * events and orders each, as users per second of one tick.
 */
import path from 'path';
import { createEmulator } from '../../emulator/server';
import { load, row, TABLE_HEAD } from './stats';

const OPS = Number(process.env.BENCH_OPS ?? 200);
const CONCURRENCY = 4;
const USERS = Number(process.env.BENCH_TAG_USERS ?? 300);
const DAY = 86_400_000;

export default async function benchTags(): Promise<string> {
  const now = Date.now();
  const ids = Array.from({ length: USERS }, (_, i) => `o_tag_${String(i).padStart(4, '0')}`);
  const emulator = await createEmulator({
    port: 0,
    functionsDir: path.join(__dirname, '..', '..', 'cloudfunctions'),
    timers: 'manual',
    seed: async () => ({
      products: Array.from({ length: 20 }, (_, i) => ({ _id: `p${i}`, styleTags: [['通勤', '极简'], ['复古'], ['运动', '街头'], ['环保面料']][i % 4] })),
      users: ids.map((id, i) => ({ _id: id, openid: id, nickName: id, tier: 'normal', city: '上海', nearestStoreId: null, tags: [], marketingOptOut: false, status: 'active', points: i })),
      events: ids.flatMap((id, u) =>
        Array.from({ length: 30 }, (_, k) => ({
          _id: `${id}:e${k}`,
          openid: id,
          type: k % 5 === 0 ? 'add_to_cart' : 'product_view',
          at: new Date(now - ((k * 23 + u) % 29) * DAY - 60_000),
          payload: { productId: `p${(u + k) % 20}`, skuId: 's', quantity: 1 },
          receivedAt: new Date(now),
        })),
      ),
      orders: ids.flatMap((id, u) =>
        Array.from({ length: 3 }, (_, k) => {
          const paidAt = new Date(now - (k * 70 + (u % 30) + 1) * DAY);
          return { _id: `${id}-o${k}`, openid: id, status: 'completed', paidAt, payment: { outTradeNo: `${id}-t${k}`, amount: 29900, paidAt }, pricing: { payable: 29900 }, refund: null, items: [{ productId: `p${(u + k) % 20}` }], delivery: { method: 'express' } };
        }),
      ),
      settings: [{ _id: 'tags', jobPageSize: 50, jobBudgetMs: 600_000 }],
    }),
  });
  let seq = 0;
  const track = async (openid: string) => {
    const base = (seq += 1);
    const events = Array.from({ length: 20 }, (_, i) => ({ id: `bench-${base}-${i}`, type: 'page_view', at: emulator.clock.now() - i * 1000, payload: { path: 'pages/home/index' } }));
    const res = await fetch(`${emulator.url}/api/functions/analytics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action: 'track', events }),
    });
    const reply = (await res.json()) as { result?: { ok: boolean } };
    if (!reply.result?.ok) throw new Error(`track failed: ${JSON.stringify(reply)}`);
  };
  try {
    // Each bench user sends at most 10 batches (one bucket's burst), so the limiter never refuses.
    const senders = Array.from({ length: OPS + 40 }, (_, i) => `o_bench_sender_${Math.floor(i / 10)}`);
    await load(40, CONCURRENCY, (i) => track(senders[i]));
    const trackResult = await load(OPS, CONCURRENCY, (i) => track(senders[40 + i]));

    const started = Date.now();
    const res = await fetch(`${emulator.url}/api/_emulator/timers/tags?trigger=tagsDaily`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const job = (await res.json()) as { result?: { ok: boolean; data?: { users?: number; done?: boolean } } };
    const elapsed = Date.now() - started;
    if (!job.result?.ok || !job.result.data?.done) throw new Error(`tag job failed: ${JSON.stringify(job)}`);
    const users = job.result.data.users ?? 0;
    return [
      '## analytics.track and the daily tag job (scripts/bench/tags.bench.ts)',
      '',
      `\`analytics.track\` through the gateway with a 20-event batch, ${CONCURRENCY} requests in flight, ${OPS} batches after a warm-up: one token taken with a compare-and-set, 20 inserts.`,
      '',
      TABLE_HEAD,
      row('analytics.track, 20 events', trackResult),
      '',
      `The daily tag job (\`tags\` timer \`tagsDaily\`) over ${users} users with 30 events and 3 paid orders each, in one tick: ${elapsed} ms, ${((users * 1000) / elapsed).toFixed(1)} users/s (pages of 50; a real tick stops after 40 s and the next continues).`,
    ].join('\n');
  } finally {
    await emulator.close();
  }
}
