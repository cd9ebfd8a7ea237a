/**
 * groupbuy through the gateway, as the group pages call it: opening a group, joining one, and a
 * member's payment (orders.pay, then WeChat Pay's notification applied to the group; every tenth
 * one fills its group and moves ten orders on). Also how many database requests an open and a
 * join make, so a change that adds reads shows up here.
 */
import path from 'path';
import { createEmulator } from '../../emulator/server';
import { adminCall } from '../../emulator/testing';
import { activity, groupbuySeed } from '../../tests/integration/fixtures/groupbuy';
import { load, row, TABLE_HEAD, type LoadResult } from './stats';

const OPS = Number(process.env.BENCH_OPS ?? 36);
const CONCURRENCY = 4;
const SIZE = 10;
const USERS = 60;

export default async function benchGroupbuy(): Promise<string> {
  const people = Array.from({ length: USERS }, (_, i) => `o_gb_${i}`);
  const emulator = await createEmulator({
    port: 0,
    functionsDir: path.join(__dirname, '..', '..', 'cloudfunctions'),
    timers: 'manual',
    seed: async () => {
      const seed = groupbuySeed(people, [activity('gb-bench', { groupSize: SIZE, perUserLimit: 99 })]);
      seed.groupbuy_stock = [{ _id: 'gb-bench:tee-m', stock: 10_000_000, held: 0 }];
      // Order-event subscribers paused (settings/order_events): a filling payment then measures the
      // group's own work, not membership, tags and referral reacting to ten paid events.
      seed.settings = [...(seed.settings ?? []), { _id: 'order_events', subscribers: [] }];
      return seed;
    },
  });
  const calls = new Map<string, number>();
  const handle = emulator.db.handle.bind(emulator.db);
  emulator.db.handle = (body: Record<string, unknown>) => {
    const action = String(body.action);
    calls.set(action, (calls.get(action) ?? 0) + 1);
    return handle(body);
  };
  let seq = 0;
  const call = async <T>(name: string, data: Record<string, unknown>, openid: string): Promise<T> => {
    const res = await fetch(`${emulator.url}/api/functions/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(data) });
    const reply = (await res.json()) as { result?: { ok: boolean; data: T } };
    if (!reply.result?.ok) throw new Error(`${name}.${String(data.action)} failed: ${JSON.stringify(reply)}`);
    return reply.result.data;
  };
  const purchase = () => ({ skuId: 'tee-m', quantity: 1, requestId: `bench-gb-${(seq += 1)}` });
  const open = (openid: string) => call<{ orderId: string; groupId: string }>('groupbuy', { action: 'open', activityId: 'gb-bench', ...purchase() }, openid);
  const join = (openid: string, groupId: string) => call<{ orderId: string }>('groupbuy', { action: 'join', groupId, ...purchase() }, openid);
  const pay = async (openid: string, orderId: string) => {
    const { outTradeNo } = await call<{ outTradeNo: string }>('orders', { action: 'pay', orderId }, openid);
    const confirmed = await adminCall(emulator, 'POST', `/pay/${outTradeNo}/confirm`);
    if (confirmed.status !== 200) throw new Error(`confirm failed: ${confirmed.status}`);
  };
  /** Forming groups, their leaders paid, ready for SIZE - 1 joiners each. */
  const formingGroups = async (n: number) => {
    const groups: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const leader = people[i % USERS];
      const g = await open(leader);
      await pay(leader, g.orderId);
      groups.push(g.groupId);
    }
    return groups;
  };
  try {
    // Start every instance the rows use: groupbuy's, and orders' and payment's by paying the warm-up
    // groups' leaders in parallel (a cold instance's first call costs more than a second).
    const warm: { openid: string; orderId: string }[] = [];
    await load(12, CONCURRENCY, async (i) => {
      warm[i] = { openid: people[i % USERS], orderId: (await open(people[i % USERS])).orderId };
    });
    await load(12, CONCURRENCY, (i) => pay(warm[i].openid, warm[i].orderId));
    const opened = await load(OPS, CONCURRENCY, (i) => open(people[i % USERS]));
    const groups = await formingGroups(Math.ceil(OPS / (SIZE - 1)));
    const joins: { openid: string; orderId: string }[] = [];
    // Joiner i goes to group g = floor(i / 9), whose leader is people[g]: the next nine people, never the leader.
    const joined = await load(OPS, CONCURRENCY, async (i) => {
      const openid = people[(Math.floor(i / (SIZE - 1)) + 1 + (i % (SIZE - 1))) % USERS];
      joins[i] = { openid, orderId: (await join(openid, groups[Math.floor(i / (SIZE - 1))])).orderId };
    });
    const paid = await load(OPS, CONCURRENCY, (i) => pay(joins[i].openid, joins[i].orderId));

    const count = async (n: number, op: (i: number) => Promise<unknown>) => {
      calls.clear();
      for (let i = 0; i < n; i += 1) await op(i);
      const total = [...calls.values()].reduce((a, b) => a + b, 0);
      const detail = [...calls.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.replace('database.', '')} ${(v / n).toFixed(1)}`).join(', ');
      return { per: total / n, detail };
    };
    const countGroups = await formingGroups(1);
    const counts = [
      ['open', await count(9, (i) => open(people[i]))],
      ['join', await count(SIZE - 1, (i) => join(people[i + 20], countGroups[0]))],
    ] as const;
    const latency: [string, LoadResult][] = [
      ['groupbuy.open', opened],
      ['groupbuy.join', joined],
      [`member pays (orders.pay + notification; every ${SIZE - 1}th fills a group of ${SIZE})`, paid],
    ];
    return [
      '## groupbuy (scripts/bench/groupbuy.bench.ts)',
      '',
      `Through the gateway, express delivery, ${CONCURRENCY} requests in flight, ${OPS} operations per row, after a warm-up; groups of ${SIZE}. An open prices the order, claims its requestId, reserves the activity's stock and the person's quota (two conditional updates), adds the group and writes the order; a join does the same with the group's compare-and-set in place of the add; a payment moves the order to 拼团中 and applies the payment to its group with a compare-and-set (the filling one also moves every member order to 已支付 with its paid event; order-event subscribers are paused).`,
      '',
      TABLE_HEAD,
      ...latency.map(([name, r]) => row(name, r)),
      '',
      "Database requests per call (counted at the local CloudBase's `/admin` database endpoint, sequential):",
      '',
      '| call | requests | by action |',
      '|---|---:|---|',
      ...counts.map(([name, c]) => `| ${name} | ${c.per.toFixed(1)} | ${c.detail} |`),
    ].join('\n');
  } finally {
    await emulator.close();
  }
}
