/**
 * Tiers through the local CloudBase: the thresholds at their exact boundaries (spend AND orders),
 * an upgrade when an order completes, and a downgrade by the daily job on the Shanghai day an old
 * order leaves the rolling 12-month window — announced with a subscribe message when allowed.
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

type Reply<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string; message: string };
interface ProfileData {
  tier: { id: string; name: string };
  points: number;
  window: { spend12m: number; orders12m: number; firstDay: string };
  progress: { next: string | null; nextName: string | null; spendNeeded: number; ordersNeeded: number; percent: number };
  benefits: { id: string; name: string; discountPercent: number }[];
  tierNotice: { text: string; sent: boolean } | null;
}

jest.setTimeout(90_000);

let cloud: LocalCloud;
const DAY = 86_400_000;
const START = Date.now();

const user = (id: string, tier = 'normal') => ({ _id: id, openid: id, nickName: id, tier, points: 0, checkin: { streak: 0, lastDay: null } });

function order(id: string, openid: string, amount: number, paidAt: Date, status = 'completed') {
  return {
    _id: id,
    openid,
    status,
    tierId: 'normal',
    paidAt,
    payment: { outTradeNo: `T${id}`, transactionId: null, amount, paidAt },
    pricing: { merchandisePaid: amount, payable: amount, shippingFee: 0 },
    refund: null,
    pointsEarned: 0,
  };
}
const daysAgo = (n: number) => new Date(START - n * DAY);

// The aging order turns one year old on a Shanghai day D a few days from now (never 29 February):
// paid at 12:00 Shanghai a year before D, it counts through D-1 and not on D.
const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const AGE_OUT_DAY = ((d) => (d.endsWith('-02-29') ? addDays(d, 1) : d))(addDays(shanghaiDay(START), 3));
const AGING_PAID_DAY = `${Number(AGE_OUT_DAY.slice(0, 4)) - 1}${AGE_OUT_DAY.slice(4)}`;
const LAST_COUNTING_DAY = addDays(AGE_OUT_DAY, -1);
const AGING_PAID_AT = new Date(`${AGING_PAID_DAY}T04:00:00Z`);

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () => ({
      settings: [{ _id: 'subscribeTemplates', tier_change: { id: 'TPL_TIER_0001', title: '会员等级变更', fields: ['phrase1', 'thing2', 'time3'] } }],
      users: [user('o_exact'), user('o_short'), user('o_single'), user('o_climber', 'silver'), user('o_almost', 'silver'), user('o_aging', 'silver')],
      orders: [
        // Exactly 银卡: ¥1,000.00 over 2 orders.
        order('E1', 'o_exact', 60000, daysAgo(40)),
        order('E2', 'o_exact', 40000, daysAgo(20)),
        // One fen short of 银卡.
        order('S1', 'o_short', 60000, daysAgo(40)),
        order('S2', 'o_short', 39999, daysAgo(20)),
        // The spend but only one order.
        order('U1', 'o_single', 100000, daysAgo(30)),
        // 4 orders, ¥2,900; a 5th completes at ¥100 (exactly 金卡) or ¥99.99 (one fen short).
        ...[1, 2, 3, 4].map((i) => order(`C${i}`, 'o_climber', 72500, daysAgo(10 * i))),
        { ...order('C5', 'o_climber', 10000, daysAgo(2), 'shipped'), tierId: 'silver' },
        ...[1, 2, 3, 4].map((i) => order(`A${i}`, 'o_almost', 72500, daysAgo(10 * i))),
        { ...order('A5', 'o_almost', 9999, daysAgo(2), 'shipped'), tierId: 'silver' },
        // 银卡 on exactly two orders, one about to age out.
        order('G1', 'o_aging', 60000, AGING_PAID_AT),
        order('G2', 'o_aging', 60000, daysAgo(5)),
        // Unpaid and cancelled orders never count.
        { ...order('X1', 'o_short', 500000, daysAgo(3), 'cancelled'), paidAt: null },
      ],
    }),
  });
});
afterAll(() => cloud.close());

const profile = (openid: string) => cloud.call<Reply<ProfileData>>('membership', { action: 'profile' }, openid);

async function fireTierDaily() {
  const res = await cloud.post('/api/_emulator/timers/membership?trigger=tierDaily', {});
  expect(res.status).toBe(200);
  return (res.body as { result: Reply<{ upgraded: number; downgraded: number }> }).result;
}

async function moveTo(iso: string): Promise<void> {
  const ms = Date.parse(iso) - cloud.emulator.clock.now();
  if (ms < 0) throw new Error(`the clock is already past ${iso}`);
  await cloud.emulator.advanceClock(ms);
}

function completed(orderId: string, openid: string) {
  cloud.emulator.db.update('orders', { _id: orderId }, { $set: { status: 'completed' } });
  const at = new Date(cloud.emulator.clock.now());
  cloud.emulator.db.insert('order_events', [
    { _id: `${orderId}:completed`, type: 'completed', orderId, openid, at, payload: {}, pending: ['membership'], delivered: [], done: false, attempts: 0, createdAt: at },
  ]);
  return cloud.post('/api/_emulator/timers/orders?trigger=dispatchEvents', {});
}

describe('tiers', () => {
  // First, before any daily run could have upgraded them: the completion hook alone.
  it('upgrades the moment an order completes at the threshold, and not one fen below', async () => {
    await cloud.post('/api/_emulator/subscribe/accept', { openid: 'o_climber', templateIds: ['TPL_TIER_0001'] });
    await completed('C5', 'o_climber');
    await completed('A5', 'o_almost');
    const climber = await profile('o_climber');
    expect(climber.ok && climber.data.tier.id).toBe('gold');
    expect(climber.ok && climber.data.tierNotice).toMatchObject({ text: '恭喜升级为金卡会员', sent: true });
    // Points at the tier recorded on the order (银卡 x1.2): ¥100 -> 120.
    expect(climber.ok && climber.data.points).toBe(120);
    expect(climber.ok && climber.data.progress).toMatchObject({ next: 'diamond' });
    const almost = await profile('o_almost');
    expect(almost.ok && almost.data.tier.id).toBe('silver');
    expect(almost.ok && almost.data.progress).toMatchObject({ next: 'gold', spendNeeded: 1, ordersNeeded: 0 });

    const outbox = await fetch(`${cloud.url}/api/_emulator/outbox?touser=o_climber`).then((r) => r.json() as Promise<{ messages: { templateId: string; data: Record<string, { value: string }> }[] }>);
    expect(outbox.messages).toHaveLength(1);
    expect(outbox.messages[0]).toMatchObject({ templateId: 'TPL_TIER_0001', data: { phrase1: { value: '金卡会员' }, thing2: { value: '恭喜升级为金卡会员' } } });
  });

  it('needs both the spend and the order count, to the fen', async () => {
    expect(await fireTierDaily()).toMatchObject({ ok: true });
    expect((await profile('o_exact')).ok && ((await profile('o_exact')) as { data: ProfileData }).data.tier).toEqual({ id: 'silver', name: '银卡', changedAt: expect.any(String) });
    const short = await profile('o_short');
    expect(short.ok && short.data.tier.id).toBe('normal');
    expect(short.ok && short.data.window).toMatchObject({ spend12m: 99999, orders12m: 2 });
    expect(short.ok && short.data.progress).toEqual({ next: 'silver', nextName: '银卡', spendNeeded: 1, ordersNeeded: 0, percent: 99, nextMinSpend12m: 100000, nextMinOrders12m: 2 });
    const single = await profile('o_single');
    expect(single.ok && single.data.tier.id).toBe('normal');
    expect(single.ok && single.data.progress).toMatchObject({ spendNeeded: 0, ordersNeeded: 1, percent: 50 });
    expect(single.ok && single.data.benefits.map((b) => b.name)).toEqual(['普通', '银卡', '金卡', '黑钻']);
  });

  it('keeps the tier through the last day an old order counts and downgrades on the next Shanghai day', async () => {
    // 23:59 on D-1 in Shanghai: the window still starts on the day the order was paid.
    await moveTo(`${LAST_COUNTING_DAY}T15:59:00Z`);
    await fireTierDaily();
    const before = await profile('o_aging');
    expect(before.ok && before.data.tier.id).toBe('silver');
    expect(before.ok && before.data.window).toMatchObject({ firstDay: AGING_PAID_DAY, orders12m: 2 });

    // 00:01 on D in Shanghai (still D-1 in UTC): the order is exactly a year old and out.
    await moveTo(`${LAST_COUNTING_DAY}T16:01:00Z`);
    const run = await fireTierDaily();
    expect(run.ok && run.data.downgraded).toBeGreaterThanOrEqual(1);
    const after = await profile('o_aging');
    expect(after.ok && after.data.tier).toMatchObject({ id: 'normal', name: '普通' });
    expect(after.ok && after.data.window).toMatchObject({ firstDay: addDays(AGING_PAID_DAY, 1), spend12m: 60000, orders12m: 1 });
    // No subscription was accepted: the notice waits in the app, nothing was sent.
    expect(after.ok && after.data.tierNotice).toMatchObject({ text: '会员等级调整为普通会员', sent: false });
    const outbox = await fetch(`${cloud.url}/api/_emulator/outbox?touser=o_aging`).then((r) => r.json() as Promise<{ messages: unknown[] }>);
    expect(outbox.messages).toHaveLength(0);

    // The job running again the same day changes nothing and announces nothing.
    const rerun = await fireTierDaily();
    expect(rerun).toMatchObject({ ok: true, data: { upgraded: 0, downgraded: 0 } });
  });
});
