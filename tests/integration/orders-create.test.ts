import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { address, baseSeed, coupon, requestId, sku, user, type Reply } from './fixtures/commerce';

jest.setTimeout(60_000);

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () =>
      baseSeed({
        skus: [sku('tee-m', 'p-tee', 10000, 10), sku('tee-l', 'p-tee', 10000, 5, '白色 / L'), sku('jeans-m', 'p-jeans', 30000, 1, '蓝色 / M'), sku('rush-m', 'p-tee', 5000, 10)],
        users: [user('o_lin', 500, 'silver'), user('o_zhao', 0)],
        addresses: [address('addr-lin', 'o_lin'), address('addr-zhao', 'o_zhao')],
        user_coupons: [coupon('uc-lin-1', 'o_lin'), coupon('uc-zhao-1', 'o_zhao'), coupon('uc-lin-store', 'o_lin', { channel: 'store' })],
      }),
  });
}, 60_000);

afterAll(() => cloud.close());

const stockOf = (id: string) => (cloud.emulator.db.find('skus', { _id: id })[0] as { stock: number }).stock;
const couponOf = (id: string) => cloud.emulator.db.find('user_coupons', { _id: id })[0] as { status: string; lock: { orderId: string } | null };
const pointsOf = (openid: string) => (cloud.emulator.db.find('users', { _id: openid })[0] as { points: number }).points;

describe('orders.preview and orders.create', () => {
  it('prices on the server with the tier, coupon and points, and the order keeps that price', async () => {
    const items = [{ skuId: 'tee-m', quantity: 2 }];
    const preview = await cloud.call<Reply<{ breakdown: { payable: number; tierDiscount: number; couponDiscount: number; pointsUsed: number }; coupons: { id: string; applies: boolean }[]; pointsBalance: number; address: { id: string } }>>(
      'orders',
      { action: 'preview', items, couponId: 'uc-lin-1', usePoints: 'max', delivery: 'express' },
      'o_lin',
    );
    expect(preview.ok).toBe(true);
    // 2 x ¥100 = 20000; 银卡 9.8折 -> -400 = 19600; 满199减20 ladder? 19600 < 19900: no; coupon 满100减20 -> 17600;
    // points: min(500, 50% of 17600) = 500 -> 17100; 银卡 free shipping from ¥69 -> 0.
    expect(preview.data.breakdown).toMatchObject({ tierDiscount: 400, couponDiscount: 2000, pointsUsed: 500, payable: 17100 });
    expect(preview.data.coupons.map((c) => c.id)).toEqual(['uc-lin-1']); // the store-only coupon is not offered online
    expect(preview.data.pointsBalance).toBe(500);
    expect(preview.data.address.id).toBe('addr-lin');

    const created = await cloud.call<Reply<{ orderId: string; payable: number; status: string }>>(
      'orders',
      { action: 'create', items, couponId: 'uc-lin-1', usePoints: 'max', delivery: 'express', addressId: 'addr-lin', requestId: requestId(), unitPrice: 1 },
      'o_lin',
    );
    expect(created).toMatchObject({ ok: true, data: { payable: 17100, status: 'pending_payment' } });
    expect(created.data.orderId).toMatch(/^W\d{16}$/);
    expect(stockOf('tee-m')).toBe(8);
    expect(couponOf('uc-lin-1')).toMatchObject({ status: 'locked', lock: { orderId: created.data.orderId } });
    expect(pointsOf('o_lin')).toBe(0);

    const detail = await cloud.call<Reply<{ status: string; statusText: string; delivery: { method: string; address: { phone: string } }; expiresAt: string; history: { statusText: string }[] }>>(
      'orders',
      { action: 'detail', orderId: created.data.orderId },
      'o_lin',
    );
    expect(detail.data).toMatchObject({ status: 'pending_payment', statusText: '待付款', delivery: { method: 'express', address: { phone: '13800138000' } } });
    expect(detail.data.history.map((h) => h.statusText)).toEqual(['待付款']);
    expect(new Date(detail.data.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
  });

  it('makes one order for one requestId, however many times it is sent', async () => {
    const rid = requestId();
    const body = { action: 'create', items: [{ skuId: 'tee-l', quantity: 1 }], delivery: 'express', requestId: rid };
    const replies = await Promise.all(Array.from({ length: 5 }, () => cloud.call<Reply<{ orderId: string }>>('orders', body, 'o_zhao')));
    const ids = new Set(replies.filter((r) => r.ok).map((r) => r.data.orderId));
    expect(ids.size).toBe(1);
    // Calls racing the first may be told to wait; none of them makes a second order.
    for (const r of replies) if (!r.ok) expect(r.code).toBe('ORDER_IN_PROGRESS');
    const again = await cloud.call<Reply<{ orderId: string }>>('orders', body, 'o_zhao');
    expect(again.data.orderId).toBe([...ids][0]);
    expect(stockOf('tee-l')).toBe(4);
    expect(cloud.emulator.db.find('orders', { openid: 'o_zhao', requestId: rid })).toHaveLength(1);
  });

  it('leaves stock, coupon and points untouched when a later line is out of stock', async () => {
    const before = { tee: stockOf('tee-m'), points: pointsOf('o_zhao') };
    const reply = await cloud.call<Reply>(
      'orders',
      { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }, { skuId: 'jeans-m', quantity: 2 }], couponId: 'uc-zhao-1', delivery: 'express', requestId: requestId() },
      'o_zhao',
    );
    expect(reply).toMatchObject({ ok: false, code: 'OUT_OF_STOCK' });
    expect(reply.message).toContain('直筒牛仔裤');
    expect(stockOf('tee-m')).toBe(before.tee);
    expect(stockOf('jeans-m')).toBe(1);
    expect(couponOf('uc-zhao-1').status).toBe('unused');
  });

  it('gives back the stock it took when the coupon cannot be used (held by another order, someone else’s, store-only)', async () => {
    const lockedByOther = await cloud.call<Reply>(
      'orders',
      { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }], couponId: 'uc-lin-1', delivery: 'express', requestId: requestId() },
      'o_lin',
    );
    expect(lockedByOther).toMatchObject({ ok: false, code: 'COUPON_UNAVAILABLE' });
    const notMine = await cloud.call<Reply>(
      'orders',
      { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }], couponId: 'uc-zhao-1', delivery: 'express', requestId: requestId() },
      'o_lin',
    );
    expect(notMine).toMatchObject({ ok: false, code: 'COUPON_UNAVAILABLE' });
    const storeOnly = await cloud.call<Reply>(
      'orders',
      { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }], couponId: 'uc-lin-store', delivery: 'express', requestId: requestId() },
      'o_lin',
    );
    expect(storeOnly).toMatchObject({ ok: false, code: 'COUPON_UNAVAILABLE', message: '该券仅限门店使用' });
    expect(stockOf('tee-m')).toBe(8);
    expect(couponOf('uc-lin-store').status).toBe('unused');
  });

  it('sells exactly the stock when 100 shoppers buy the last 10 at once', async () => {
    const buyers = Array.from({ length: 100 }, (_, i) => `o_rush_${i}`);
    const replies = await Promise.all(
      buyers.map((openid) => cloud.call<Reply>('orders', { action: 'create', items: [{ skuId: 'rush-m', quantity: 1 }], delivery: 'pickup', storeId: 's-test', requestId: requestId() }, openid)),
    );
    const ok = replies.filter((r) => r.ok);
    const refused = replies.filter((r) => !r.ok);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(90);
    expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['OUT_OF_STOCK']));
    expect(stockOf('rush-m')).toBe(0);
    expect(cloud.emulator.db.find('orders', { 'items.skuId': 'rush-m' })).toHaveLength(10);
    const codes = cloud.emulator.db.find('orders', { 'items.skuId': 'rush-m' }).map((o) => (o as { delivery: { pickupCode: string } }).delivery.pickupCode);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
  }, 120_000);

  it('answers bad input with INVALID_INPUT and a Chinese message, writing nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ items: [], delivery: 'express', requestId: requestId() }, /商品不能为空/],
      [{ items: [{ skuId: 'tee-m', quantity: 0 }], delivery: 'express', requestId: requestId() }, /购买数量不能小于1/],
      [{ items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'drone', requestId: requestId() }, /配送方式/],
      [{ items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'express' }, /请求编号/],
      [{ items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'express', requestId: requestId(), usePoints: -5 }, /使用积分/],
      [{ items: [{ skuId: 'tee-m', quantity: 1 }, { skuId: 'tee-m', quantity: 1 }], delivery: 'express', requestId: requestId() }, /合并/],
      [{ items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'pickup', requestId: requestId() }, /自提门店/],
    ];
    const before = stockOf('tee-m');
    for (const [input, message] of cases) {
      const reply = await cloud.call<Reply>('orders', { action: 'create', ...input }, 'o_lin');
      expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      expect(reply.message).toMatch(message);
    }
    expect(stockOf('tee-m')).toBe(before);
    expect(await cloud.call('orders', { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'express', requestId: requestId() })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('ships only to the caller’s own address', async () => {
    const reply = await cloud.call<Reply>('orders', { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'express', addressId: 'addr-zhao', requestId: requestId() }, 'o_lin');
    expect(reply).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '收货地址不存在' });
  });
});
