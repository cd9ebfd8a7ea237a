/**
 * 限时秒杀 through the local CloudBase: what the pages read (list, forProduct), who may buy when
 * (会员优先购, not started, ended), the price coming from the sale and never from the request,
 * idempotent retries, and cancelled orders giving their flash stock back exactly once.
 */
import { adminCall } from '../../emulator/testing';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { MANAGER, NOW, address, baseSeed, product, requestId, sku, user, type Reply } from './fixtures/commerce';
import { flashSale } from './fixtures/flash-sale';

const HOUR = 3_600_000;
const t = NOW.getTime();
const running = flashSale('fs-now', '限时秒杀 · 爆款5折', t - HOUR, t + 10 * HOUR, [
  { skuId: 'tee-m', productId: 'p-tee', normalPrice: 10000, salePrice: 5000, stock: 10, perUserLimit: 2 },
  { skuId: 'tee-l', productId: 'p-tee', normalPrice: 10000, salePrice: 5000, stock: 5, perUserLimit: 1 },
  { skuId: 'tee-s', productId: 'p-tee', normalPrice: 10000, salePrice: 5000, stock: 5, perUserLimit: 1 },
]);
// Public start in an hour: 金卡 (2h early) and 黑钻 (4h early) are already buying.
const priority = flashSale('fs-vip', '会员优先购 · 外套专场', t + HOUR, t + 3 * HOUR, [
  { skuId: 'coat-m', productId: 'p-coat', normalPrice: 50000, salePrice: 29900, stock: 5, perUserLimit: 1 },
]);
const later = flashSale('fs-later', '明日秒杀', t + 20 * HOUR, t + 22 * HOUR, [
  { skuId: 'jeans-m', productId: 'p-jeans', normalPrice: 30000, salePrice: 15000, stock: 5, perUserLimit: 1 },
]);
const over = flashSale('fs-over', '昨日秒杀', t - 5 * HOUR, t - 2 * HOUR, [
  { skuId: 'jeans-l', productId: 'p-jeans', normalPrice: 30000, salePrice: 15000, stock: 5, perUserLimit: 1 },
]);

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () =>
      baseSeed({
        products: [product('p-coat', '羊毛大衣', 'outer')],
        skus: [
          sku('tee-m', 'p-tee', 10000, 30),
          sku('tee-l', 'p-tee', 10000, 30, '白色 / L'),
          sku('tee-s', 'p-tee', 10000, 30, '白色 / S'),
          sku('coat-m', 'p-coat', 50000, 10, '驼色 / M'),
          sku('jeans-m', 'p-jeans', 30000, 10, '蓝色 / M'),
          sku('jeans-l', 'p-jeans', 30000, 10, '蓝色 / L'),
        ],
        users: [user('o_gold', 0, 'gold'), user('o_normal', 0), user('o_lin', 0), user('o_zhao', 0)],
        addresses: [address('addr-gold', 'o_gold'), address('addr-normal', 'o_normal'), address('addr-lin', 'o_lin'), address('addr-zhao', 'o_zhao')],
        flash_sales: [running.sale, priority.sale, later.sale, over.sale],
        flash_stock: [...running.stock, ...priority.stock, ...later.stock, ...over.stock],
      }),
  });
}, 60_000);

afterAll(() => cloud.close());

const db = () => cloud.emulator.db;
const flashStock = (id: string) => db().find('flash_stock', { _id: id })[0] as { stock: number; sold: number };
const boughtOf = (saleItemId: string, openid: string) => (db().find('flash_bought', { _id: `${saleItemId}:${openid}` })[0] as { bought: number } | undefined)?.bought ?? 0;
const buy = (openid: string, body: Record<string, unknown>) => cloud.call<Reply<{ orderId: string; payable: number; status: string }>>('flashsale', { action: 'buy', quantity: 1, requestId: requestId(), ...body }, openid);

interface SaleView {
  saleId: string;
  status: string;
  startAt: number;
  priorityStartAt: number | null;
  items: { saleItemId: string; skuId: string; title: string; specText: string; salePrice: number; listPrice: number; stockLeft: number; sold: number; perUserLimit: number }[];
}

describe('what pages read', () => {
  it('list: running sales first, then upcoming, then recently ended, each item with its live stock', async () => {
    const reply = await cloud.call<Reply<{ sales: SaleView[] }>>('flashsale', { action: 'list' }, 'o_normal');
    expect(reply.ok).toBe(true);
    expect(reply.data.sales.map((s) => [s.saleId, s.status])).toEqual([
      ['fs-now', 'active'],
      ['fs-vip', 'upcoming'],
      ['fs-later', 'upcoming'],
      ['fs-over', 'ended'],
    ]);
    const now = reply.data.sales[0];
    expect(now.items[0]).toEqual(
      expect.objectContaining({ saleItemId: 'fs-now:tee-m', skuId: 'tee-m', title: '基础T恤', specText: '白色 / M', salePrice: 5000, listPrice: 10000, stockLeft: 10, sold: 0, perUserLimit: 2 }),
    );
    // 黑钻 buys 4 hours before the public start.
    expect(reply.data.sales[1].priorityStartAt).toBe(reply.data.sales[1].startAt - 4 * HOUR);
  });

  it('forProduct: only this product’s SKUs, and whether this viewer may buy now and why not', async () => {
    const normal = await cloud.call<Reply<{ sale: SaleView; viewer: { canBuyNow: boolean; reason: string | null; bought: Record<string, number> } }>>(
      'flashsale',
      { action: 'forProduct', productId: 'p-coat' },
      'o_normal',
    );
    expect(normal.data.sale).toMatchObject({ saleId: 'fs-vip', status: 'upcoming' });
    expect(normal.data.sale.items.map((i) => i.skuId)).toEqual(['coat-m']);
    expect(normal.data.viewer).toMatchObject({ canBuyNow: false, bought: { 'fs-vip:coat-m': 0 } });
    expect(normal.data.viewer.reason).toMatch(/^金卡、黑钻会员优先购中，你可在.*开抢$/);

    const gold = await cloud.call<Reply<{ viewer: { canBuyNow: boolean; reason: string | null } }>>('flashsale', { action: 'forProduct', productId: 'p-coat' }, 'o_gold');
    expect(gold.data.viewer).toMatchObject({ canBuyNow: true, reason: null });

    const none = await cloud.call<Reply<{ sale: null; viewer: { canBuyNow: boolean } }>>('flashsale', { action: 'forProduct', productId: 'p-nothing' }, 'o_normal');
    expect(none.data).toMatchObject({ sale: null, viewer: { canBuyNow: false, reason: null, bought: {} } });
  });
});

describe('flashsale.buy', () => {
  it('charges the sale price from the server, whatever the request says, with no member discount on top', async () => {
    const reply = await buy('o_gold', { saleItemId: 'fs-now:tee-m', skuId: 'tee-m', salePrice: 1, unitPrice: 1, delivery: 'pickup', storeId: 's-test' });
    expect(reply).toMatchObject({ ok: true, data: { payable: 5000, status: 'pending_payment' } });
    const order = db().find('orders', { _id: reply.data.orderId })[0] as { type: string; flashSale: unknown; items: { unitPrice: number; listPrice: number; promo: string }[]; pricing: { tierDiscount: number }; delivery: { pickupCode: string } };
    expect(order).toMatchObject({ type: 'flash', flashSale: { saleId: 'fs-now', saleItemId: 'fs-now:tee-m' }, items: [{ unitPrice: 5000, listPrice: 10000, promo: 'flash' }], pricing: { tierDiscount: 0 } });
    expect(order.delivery.pickupCode).toMatch(/^\d{6}$/);
    expect(flashStock('fs-now:tee-m')).toEqual(expect.objectContaining({ stock: 9, sold: 1 }));

    const detail = await cloud.call<Reply<{ status: string }>>('orders', { action: 'detail', orderId: reply.data.orderId }, 'o_gold');
    expect(detail).toMatchObject({ ok: true, data: { status: 'pending_payment' } });
  });

  it('makes one order for one requestId, even after the limit is reached', async () => {
    const rid = requestId();
    const first = await buy('o_lin', { saleItemId: 'fs-now:tee-l', requestId: rid });
    expect(first.ok).toBe(true);
    const again = await buy('o_lin', { saleItemId: 'fs-now:tee-l', requestId: rid });
    expect(again).toMatchObject({ ok: true, data: { orderId: first.data.orderId } });
    expect(boughtOf('fs-now:tee-l', 'o_lin')).toBe(1);
    expect(flashStock('fs-now:tee-l').stock).toBe(4);
    expect(await buy('o_lin', { saleItemId: 'fs-now:tee-l' })).toMatchObject({ ok: false, code: 'OVER_LIMIT', message: '每人限购1件，你已买过1件' });
  });

  it('pays through orders.pay like any order, and a refund puts back no SKU stock it never took', async () => {
    const placed = await buy('o_lin', { saleItemId: 'fs-now:tee-s' });
    const pay = await cloud.call<Reply<{ outTradeNo: string; totalFee: number }>>('orders', { action: 'pay', orderId: placed.data.orderId }, 'o_lin');
    expect(pay).toMatchObject({ ok: true, data: { totalFee: placed.data.payable } });
    expect((await adminCall(cloud.emulator, 'POST', `/pay/${pay.data.outTradeNo}/confirm`)).status).toBe(200);
    const list = await cloud.call<Reply<{ orders: { id: string; statusText: string }[] }>>('orders', { action: 'list', status: 'paid' }, 'o_lin');
    expect(list.data.orders.map((o) => [o.id, o.statusText])).toEqual([[placed.data.orderId, '已支付']]);

    expect(await cloud.call<Reply>('orders', { action: 'refundRequest', orderId: placed.data.orderId, reason: '不想要了' }, 'o_lin')).toMatchObject({ ok: true });
    expect(await cloud.call<Reply>('orders', { action: 'refundReview', orderId: placed.data.orderId, approve: true }, MANAGER)).toMatchObject({ ok: true });
    await adminCall(cloud.emulator, 'POST', '/settle');
    expect((db().find('orders', { _id: placed.data.orderId })[0] as { status: string }).status).toBe('refunded');
    expect((db().find('skus', { _id: 'tee-s' })[0] as { stock: number }).stock).toBe(30);
    expect(flashStock('fs-now:tee-s')).toEqual(expect.objectContaining({ stock: 4, sold: 1 }));
  });

  it('会员优先购: a gold member buys before the public start, a normal member is told when they may', async () => {
    const gold = await buy('o_gold', { saleItemId: 'fs-vip:coat-m' });
    expect(gold).toMatchObject({ ok: true, data: { status: 'pending_payment' } });
    const normal = await buy('o_normal', { saleItemId: 'fs-vip:coat-m' });
    expect(normal).toMatchObject({ ok: false, code: 'PRIORITY_ONLY' });
    expect(normal.message).toMatch(/^金卡、黑钻会员优先购中，你可在(\d+月\d+日 )?\d\d:\d\d开抢$/);
    expect(flashStock('fs-vip:coat-m').stock).toBe(4);
    expect(boughtOf('fs-vip:coat-m', 'o_normal')).toBe(0);
  });

  it('refuses a sale that has not started or has ended', async () => {
    const early = await buy('o_gold', { saleItemId: 'fs-later:jeans-m' });
    expect(early).toMatchObject({ ok: false, code: 'SALE_NOT_STARTED' });
    expect(early.message).toMatch(/^秒杀尚未开始，你可在.*开抢$/);
    expect(await buy('o_normal', { saleItemId: 'fs-over:jeans-l' })).toMatchObject({ ok: false, code: 'SALE_ENDED', message: '秒杀已结束' });
    expect(flashStock('fs-later:jeans-m').stock).toBe(5);
    expect(flashStock('fs-over:jeans-l').stock).toBe(5);
  });

  it('answers bad input with a code and a Chinese message, writing nothing', async () => {
    const before = db().find('orders', {}).length;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ saleItemId: undefined }, 'INVALID_INPUT', /秒杀商品/],
      [{ saleItemId: 'fs-now:tee-m', quantity: 0 }, 'INVALID_INPUT', /购买数量/],
      [{ saleItemId: 'fs-now:tee-m', quantity: 2.5 }, 'INVALID_INPUT', /购买数量/],
      [{ saleItemId: 'fs-now:tee-m', requestId: 'x' }, 'INVALID_INPUT', /请求编号/],
      [{ saleItemId: 'fs-now:tee-m', delivery: 'drone' }, 'INVALID_INPUT', /配送方式/],
      [{ saleItemId: 'fs-now:tee-m', delivery: 'pickup' }, 'INVALID_INPUT', /自提门店/],
      [{ saleItemId: 'fs-now:tee-m', skuId: 'tee-l' }, 'INVALID_INPUT', /规格/],
      [{ saleItemId: 'fs-now:tee-m', quantity: 3 }, 'OVER_LIMIT', /每人限购2件/],
      [{ saleItemId: 'fs-nope:tee-m' }, 'NOT_FOUND', /秒杀商品不存在/],
      [{ saleItemId: 'fs-now:tee-m', addressId: 'addr-gold' }, 'NOT_FOUND', /收货地址/],
    ];
    for (const [body, code, message] of cases) {
      const reply = await buy('o_normal', body);
      expect({ body, code: reply.code }).toEqual({ body, code });
      expect(reply.message).toMatch(message);
    }
    expect(await cloud.call<Reply>('flashsale', { action: 'buy', saleItemId: 'fs-now:tee-m', quantity: 1, requestId: requestId() })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(db().find('orders', {}).length).toBe(before);
    expect(boughtOf('fs-now:tee-m', 'o_normal')).toBe(0);
  });
});

describe('cancelling an unpaid flash order', () => {
  it('gives the unit and the buyer’s count back once, however many cancels race', async () => {
    const stock = flashStock('fs-now:tee-m').stock;
    const placed = await buy('o_zhao', { saleItemId: 'fs-now:tee-m', quantity: 2 });
    expect(placed.ok).toBe(true);
    expect(flashStock('fs-now:tee-m').stock).toBe(stock - 2);
    expect(boughtOf('fs-now:tee-m', 'o_zhao')).toBe(2);

    const cancels = await Promise.all([1, 2, 3].map(() => cloud.call<Reply>('orders', { action: 'cancel', orderId: placed.data.orderId }, 'o_zhao')));
    expect(cancels.filter((c) => c.ok).length).toBeGreaterThanOrEqual(1);
    expect(await cloud.call<Reply>('orders', { action: 'cancel', orderId: placed.data.orderId }, 'o_zhao')).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    expect(flashStock('fs-now:tee-m')).toEqual(expect.objectContaining({ stock, sold: 10 - stock }));
    expect(boughtOf('fs-now:tee-m', 'o_zhao')).toBe(0);
    // The SKU's own stock never moved: the sale's units are its own.
    expect((db().find('skus', { _id: 'tee-m' })[0] as { stock: number }).stock).toBe(30);

    // Given back, the limit is whole again.
    expect(await buy('o_zhao', { saleItemId: 'fs-now:tee-m', quantity: 2 })).toMatchObject({ ok: true });
  });

  it('gives it back once when the 30-minute timer runs twice', async () => {
    const stock = flashStock('fs-now:tee-l').stock;
    const placed = await buy('o_normal', { saleItemId: 'fs-now:tee-l' });
    expect(placed.ok).toBe(true);
    expect(flashStock('fs-now:tee-l').stock).toBe(stock - 1);

    await cloud.emulator.advanceClock(31 * 60_000);
    await Promise.all([adminCall(cloud.emulator, 'POST', '/timers/orders?trigger=autoCancel'), adminCall(cloud.emulator, 'POST', '/timers/orders?trigger=autoCancel')]);
    await adminCall(cloud.emulator, 'POST', '/timers/orders?trigger=autoCancel');

    const order = db().find('orders', { _id: placed.data.orderId })[0] as { status: string; statusHistory: { status: string }[] };
    expect(order.status).toBe('cancelled');
    expect(order.statusHistory.filter((h) => h.status === 'cancelled')).toHaveLength(1);
    // The other unpaid flash orders of this file expired too; each gave back exactly its own units.
    expect(flashStock('fs-now:tee-l')).toEqual(expect.objectContaining({ stock: 5, sold: 0 }));
    expect(flashStock('fs-now:tee-m')).toEqual(expect.objectContaining({ stock: 10, sold: 0 }));
    expect(boughtOf('fs-now:tee-l', 'o_normal')).toBe(0);
    expect(await cloud.call<Reply>('orders', { action: 'pay', orderId: placed.data.orderId }, 'o_normal')).toMatchObject({ ok: false, code: 'ORDER_CLOSED' });
  });
});
