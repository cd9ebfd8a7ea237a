/**
 * Spending and earning points through the local CloudBase: exchanges fired together that ask for
 * more than the balance, a retried exchange, and order events delivered by the orders outbox
 * (completed -> points at the order's tier, refunded -> proportional clawback), twice.
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

type Reply<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string; message: string };

jest.setTimeout(60_000);

let cloud: LocalCloud;
const DAY = 86_400_000;

function template(id: string, pointsCost: number, extra: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    _id: id,
    title: `积分兑换 无门槛减${pointsCost / 20}元`,
    description: '积分商城专享',
    kind: 'points',
    rule: { kind: 'amount', amountOff: pointsCost * 5, threshold: 0 },
    scope: { type: 'all' },
    channel: 'both',
    storeIds: null,
    total: null,
    claimed: 0,
    used: 0,
    perUserLimit: 10,
    tiers: null,
    claimStartAt: new Date(now - 30 * DAY),
    claimEndAt: new Date(now + 300 * DAY),
    validity: { type: 'relative', days: 30 },
    pointsCost,
    cashbackPoints: 0,
    public: true,
    status: 'active',
    createdBy: 'o_manager',
    createdAt: new Date(now - 30 * DAY),
    updatedAt: new Date(now - 30 * DAY),
    ...extra,
  };
}

const user = (id: string, points: number, tier = 'normal') => ({ _id: id, openid: id, nickName: id, tier, points, checkin: { streak: 0, lastDay: null } });

function order(id: string, openid: string, merchandisePaid: number, tierId: string, extra: Record<string, unknown> = {}) {
  return {
    _id: id,
    openid,
    type: 'normal',
    status: 'completed',
    tierId,
    paidAt: new Date(Date.now() - 10 * DAY),
    completedAt: new Date(Date.now() - DAY),
    payment: { outTradeNo: `T${id}`, transactionId: null, amount: merchandisePaid, paidAt: new Date(Date.now() - 10 * DAY) },
    pricing: { merchandisePaid, payable: merchandisePaid, shippingFee: 0 },
    refund: null,
    pointsEarned: 0,
    ...extra,
  };
}

function orderEvent(orderId: string, openid: string, type: string, payload: Record<string, unknown> = {}) {
  const at = new Date();
  return { _id: `${orderId}:${type}`, type, orderId, openid, at, payload, pending: ['membership'], delivered: [], done: false, attempts: 0, createdAt: at };
}

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () => ({
      users: [user('o_saver', 250), user('o_retry', 500), user('o_buyer', 0, 'gold'), user('o_spender', 0)],
      coupon_templates: [template('tpl-pts-100', 100), template('tpl-pts-few', 50, { total: 1 })],
      orders: [order('WS1', 'o_buyer', 9999, 'gold'), order('WS2', 'o_spender', 1000, 'normal')],
    }),
  });
});
afterAll(() => cloud.close());

const exchange = (openid: string, templateId: string, requestId: string) =>
  cloud.call<Reply<{ couponId: string; balance: number; pointsSpent: number; repeated: boolean }>>('membership', { action: 'exchange', templateId, requestId }, openid);

async function dispatchOrderEvents(): Promise<void> {
  const res = await cloud.post('/api/_emulator/timers/orders?trigger=dispatchEvents', {});
  expect(res.status).toBe(200);
}

describe('points mall', () => {
  it('lets exactly the affordable number of simultaneous exchanges through and never goes below zero', async () => {
    const replies = await Promise.all(Array.from({ length: 5 }, (_, i) => exchange('o_saver', 'tpl-pts-100', `req-saver-${i}`)));
    const won = replies.filter((r) => r.ok);
    expect(won).toHaveLength(2);
    for (const r of replies.filter((x) => !x.ok)) expect(r).toEqual({ ok: false, code: 'INSUFFICIENT_POINTS', message: '积分不足' });

    const saver = cloud.emulator.db.find('users', { _id: 'o_saver' })[0] as { points: number };
    expect(saver.points).toBe(50);
    const ledger = cloud.emulator.db.find('points_ledger', { openid: 'o_saver' }) as { delta: number; balanceAfter: number }[];
    expect(ledger.map((e) => e.delta)).toEqual([-100, -100]);
    expect(ledger.every((e) => e.balanceAfter >= 0)).toBe(true);
    // Only the paid-for coupons exist, and the counters agree with them.
    expect(cloud.emulator.db.find('user_coupons', { openid: 'o_saver', source: 'exchange' })).toHaveLength(2);
    expect(cloud.emulator.db.find('coupon_templates', { _id: 'tpl-pts-100' })[0]).toMatchObject({ claimed: 2 });
    expect(cloud.emulator.db.find('coupon_claims', { _id: 'tpl-pts-100:o_saver' })[0]).toMatchObject({ claimed: 2 });

    const history = await cloud.call<Reply<{ lines: { title: string; amount: string }[] }>>('membership', { action: 'pointsHistory' }, 'o_saver');
    expect(history.ok && history.data.lines.map((l) => `${l.title} ${l.amount}`)).toEqual(['兑换优惠券 -100', '兑换优惠券 -100']);
  });

  it('treats a retried request as the same exchange', async () => {
    const first = await exchange('o_retry', 'tpl-pts-100', 'req-retry-1');
    const again = await exchange('o_retry', 'tpl-pts-100', 'req-retry-1');
    expect(first).toMatchObject({ ok: true, data: { balance: 400, pointsSpent: 100, repeated: false } });
    expect(again).toMatchObject({ ok: true, data: { balance: 400, repeated: true } });
    expect(first.ok && again.ok && again.data.couponId === first.data.couponId).toBe(true);
    expect(cloud.emulator.db.find('user_coupons', { openid: 'o_retry' })).toHaveLength(1);
  });

  it('lists the mall with what each member can afford, and refuses sold-out and malformed requests', async () => {
    const mall = await cloud.call<Reply<{ points: number; items: { templateId: string; pointsCost: number; affordable: boolean; unavailable: string | null }[] }>>(
      'membership',
      { action: 'mall' },
      'o_retry',
    );
    expect(mall.ok && mall.data.items.map((i) => [i.templateId, i.pointsCost, i.affordable])).toEqual([
      ['tpl-pts-few', 50, true],
      ['tpl-pts-100', 100, true],
    ]);
    expect(await exchange('o_retry', 'tpl-pts-few', 'req-few-1')).toMatchObject({ ok: true });
    expect(await exchange('o_retry', 'tpl-pts-few', 'req-few-2')).toMatchObject({ ok: false, code: 'COUPON_SOLD_OUT' });
    expect(cloud.emulator.db.find('users', { _id: 'o_retry' })[0]).toMatchObject({ points: 350 });
    expect(await exchange('o_retry', 'tpl-pts-100', 'x')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await exchange('o_retry', 'nope', 'req-nope-1')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('order events', () => {
  it('credits a completed order once at the tier it was paid at, however often the event is delivered', async () => {
    cloud.emulator.db.insert('order_events', [orderEvent('WS1', 'o_buyer', 'completed', { tierId: 'gold', merchandisePaid: 9999 })]);
    await dispatchOrderEvents();
    // Delivered again (a crash before the acknowledgement): still one credit.
    cloud.emulator.db.update('order_events', { _id: 'WS1:completed' }, { $set: { pending: ['membership'], done: false } });
    await dispatchOrderEvents();
    // ¥99.99 as 金卡: 99 x 1.5 = 148.5 -> 148.
    expect(cloud.emulator.db.find('users', { _id: 'o_buyer' })[0]).toMatchObject({ points: 148 });
    expect(cloud.emulator.db.find('points_ledger', { openid: 'o_buyer' })).toHaveLength(1);
    expect(cloud.emulator.db.find('orders', { _id: 'WS1' })[0]).toMatchObject({ pointsEarned: 148 });
    expect(cloud.emulator.db.find('order_events', { _id: 'WS1:completed' })[0]).toMatchObject({ done: true, delivered: ['membership'] });
  });

  it('claws back the refunded share, floored for the member, once', async () => {
    cloud.emulator.db.update('orders', { _id: 'WS1' }, { $set: { refund: { id: 'RF1', status: 'refunded', amount: 5000, refundedAt: new Date() } } });
    cloud.emulator.db.insert('order_events', [orderEvent('WS1', 'o_buyer', 'refunded', { refundId: 'RF1', refundAmount: 5000 })]);
    await dispatchOrderEvents();
    cloud.emulator.db.update('order_events', { _id: 'WS1:refunded' }, { $set: { pending: ['membership'], done: false } });
    await dispatchOrderEvents();
    // floor(148 x 5000 / 9999) = 74.
    expect(cloud.emulator.db.find('users', { _id: 'o_buyer' })[0]).toMatchObject({ points: 74 });
    const history = await cloud.call<Reply<{ lines: { title: string; amount: string }[] }>>('membership', { action: 'pointsHistory' }, 'o_buyer');
    expect(history.ok && history.data.lines.map((l) => `${l.title} ${l.amount}`)).toEqual(['退款扣回 -74', '购物奖励 +148']);
  });

  it('takes back only what is left when the points were already spent', async () => {
    cloud.emulator.db.insert('order_events', [orderEvent('WS2', 'o_spender', 'completed')]);
    await dispatchOrderEvents();
    expect(cloud.emulator.db.find('users', { _id: 'o_spender' })[0]).toMatchObject({ points: 10 });
    cloud.emulator.db.update('users', { _id: 'o_spender' }, { $set: { points: 4 } });
    cloud.emulator.db.update('orders', { _id: 'WS2' }, { $set: { status: 'refunded', refund: { id: 'RF2', status: 'refunded', amount: 1000, refundedAt: new Date() } } });
    cloud.emulator.db.insert('order_events', [orderEvent('WS2', 'o_spender', 'refunded', { refundId: 'RF2', refundAmount: 1000 })]);
    await dispatchOrderEvents();
    expect(cloud.emulator.db.find('users', { _id: 'o_spender' })[0]).toMatchObject({ points: 0 });
  });

  it('refuses order events sent by a mini program', async () => {
    const forged = await cloud.call<Reply>('membership', { action: 'onOrderEvent', event: orderEvent('WS1', 'o_buyer', 'completed') }, 'o_buyer');
    expect(forged).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
