/**
 * 限时秒杀 from the manager workspace, through the local CloudBase: a manager creates a sale, a
 * shopper finds it (list, forProduct) and buys at the sale price within the stock and the limit;
 * only managers may use the admin actions; bad input is refused with a code and writes nothing;
 * endSale stops buying and gives the unsold units back to the SKU.
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { MANAGER, NOW, STORE, address, baseSeed, product, requestId, sku, user, type Reply } from './fixtures/commerce';
import { flashSale } from './fixtures/flash-sale';

const HOUR = 3_600_000;
const t = NOW.getTime();
const STAFF = 'o_staff';
// Another sale already holds the coat for tomorrow evening.
const booked = flashSale('fs-booked', '明晚外套专场', t + 30 * HOUR, t + 32 * HOUR, [
  { skuId: 'coat-m', productId: 'p-coat', normalPrice: 50000, salePrice: 29900, stock: 3, perUserLimit: 1 },
]);

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () =>
      baseSeed({
        products: [product('p-coat', '羊毛大衣', 'outer')],
        skus: [sku('tee-m', 'p-tee', 10000, 30), sku('tee-l', 'p-tee', 10000, 4, '白色 / L'), sku('coat-m', 'p-coat', 50000, 10, '驼色 / M')],
        users: [user('o_amy'), user('o_ben'), user('o_cat'), user(STAFF)],
        addresses: [address('addr-amy', 'o_amy'), address('addr-ben', 'o_ben'), address('addr-cat', 'o_cat')],
        staff: [{ _id: 'st-1', openid: STAFF, storeId: STORE._id, name: '店员小王', active: true }],
        flash_sales: [booked.sale],
        flash_stock: booked.stock,
      }),
  });
}, 60_000);

afterAll(() => cloud.close());

const db = () => cloud.emulator.db;
const now = () => cloud.emulator.clock.now();
const count = (collection: string) => db().find(collection, {}).length;
const skuStock = (id: string) => (db().find('skus', { _id: id })[0] as { stock: number }).stock;
const flashStock = (id: string) => db().find('flash_stock', { _id: id })[0] as { stock: number; sold: number } | undefined;

interface AdminItem { saleItemId: string; skuId: string; title: string; specText: string; salePrice: number; listPrice: number; stock: number; stockLeft: number; sold: number; perUserLimit: number }
interface AdminSale { saleId: string; title: string; startAt: number; endAt: number; status: string; endedAt: number | null; items: AdminItem[] }

const admin = <T = { sale: AdminSale }>(action: string, body: Record<string, unknown> = {}, openid = MANAGER) => cloud.call<Reply<T>>('flashsale', { action, ...body }, openid);
const saleBody = (over: Record<string, unknown> = {}) => ({
  title: '周末T恤秒杀',
  startsAt: now() - 60_000,
  endsAt: now() + 2 * HOUR,
  items: [{ skuId: 'tee-m', salePrice: 4900, stock: 5, perUserLimit: 2 }],
  ...over,
});
const buy = (openid: string, saleItemId: string, quantity = 1) =>
  cloud.call<Reply<{ orderId: string; payable: number; status: string }>>('flashsale', { action: 'buy', saleItemId, quantity, requestId: requestId() }, openid);

let saleId = '';

describe('a manager creates a sale that shoppers buy like a seeded one', () => {
  it('saves the sale, carves its stock out of the SKU, and lists it newest first with its figures', async () => {
    const reply = await admin('saveSale', saleBody());
    expect(reply).toMatchObject({ ok: true, data: { sale: { title: '周末T恤秒杀', status: 'active', endedAt: null } } });
    saleId = reply.data.sale.saleId;
    expect(reply.data.sale.items).toEqual([
      expect.objectContaining({ saleItemId: `${saleId}:tee-m`, skuId: 'tee-m', title: '基础T恤', specText: '白色 / M', salePrice: 4900, listPrice: 10000, stock: 5, stockLeft: 5, sold: 0, perUserLimit: 2 }),
    ]);
    expect(skuStock('tee-m')).toBe(25);
    expect(flashStock(`${saleId}:tee-m`)).toEqual(expect.objectContaining({ stock: 5, sold: 0 }));
    expect(db().find('audit_logs', { action: 'flashsale.saveSale' })).toEqual([expect.objectContaining({ actor: MANAGER, role: 'manager', target: { collection: 'flash_sales', id: saleId } })]);

    const list = await admin<{ sales: AdminSale[] }>('adminSales');
    expect(list.data.sales.map((s) => [s.saleId, s.status])).toEqual(
      expect.arrayContaining([
        [saleId, 'active'],
        ['fs-booked', 'upcoming'],
      ]),
    );
    expect(list.data.sales).toHaveLength(2);
  });

  it('shows the sale to shoppers in list and forProduct', async () => {
    const list = await cloud.call<Reply<{ sales: { saleId: string; status: string }[] }>>('flashsale', { action: 'list' }, 'o_amy');
    expect(list.data.sales).toContainEqual(expect.objectContaining({ saleId, status: 'active' }));
    const page = await cloud.call<Reply<{ sale: { saleId: string; items: { skuId: string; salePrice: number }[] }; viewer: { canBuyNow: boolean } }>>(
      'flashsale',
      { action: 'forProduct', productId: 'p-tee' },
      'o_amy',
    );
    expect(page.data).toMatchObject({ sale: { saleId, items: [{ skuId: 'tee-m', salePrice: 4900 }] }, viewer: { canBuyNow: true } });
    const product = await cloud.call<Reply<{ flashSale: { id: string; status: string; minSalePrice: number } }>>('catalog', { action: 'product', id: 'p-tee' }, 'o_amy');
    expect(product.data.flashSale).toMatchObject({ id: saleId, status: 'active', minSalePrice: 4900 });
  });

  it('sells at the sale price, within the per-user limit and the sale’s stock', async () => {
    const first = await buy('o_amy', `${saleId}:tee-m`, 2);
    expect(first).toMatchObject({ ok: true, data: { status: 'pending_payment' } });
    const order = db().find('orders', { _id: first.data.orderId })[0] as { type: string; flashSale: unknown; items: { unitPrice: number; quantity: number; promo: string }[] };
    expect(order).toMatchObject({ type: 'flash', flashSale: { saleId, saleItemId: `${saleId}:tee-m` }, items: [{ unitPrice: 4900, quantity: 2, promo: 'flash' }] });
    expect(await buy('o_amy', `${saleId}:tee-m`)).toMatchObject({ ok: false, code: 'OVER_LIMIT' });
    expect(await buy('o_ben', `${saleId}:tee-m`, 2)).toMatchObject({ ok: true });
    expect(await buy('o_cat', `${saleId}:tee-m`, 2)).toMatchObject({ ok: false, code: 'OUT_OF_STOCK', message: '仅剩1件' });
    expect(await buy('o_cat', `${saleId}:tee-m`)).toMatchObject({ ok: true });
    expect(flashStock(`${saleId}:tee-m`)).toEqual(expect.objectContaining({ stock: 0, sold: 5 }));
    expect(await buy('o_cat', `${saleId}:tee-m`)).toMatchObject({ ok: false, code: 'SOLD_OUT' });
    // The SKU's own stock is what was left after the carve: the sale sold its own units.
    expect(skuStock('tee-m')).toBe(25);
    const list = await admin<{ sales: AdminSale[] }>('adminSales');
    expect(list.data.sales.find((s) => s.saleId === saleId)?.items[0]).toMatchObject({ stock: 5, stockLeft: 0, sold: 5 });
  });
});

describe('only managers', () => {
  it('refuses a shopper, a clerk and an anonymous caller, writing nothing', async () => {
    const before = [count('flash_sales'), count('flash_stock'), skuStock('tee-l')];
    for (const openid of ['o_amy', STAFF]) {
      expect(await admin('adminSales', {}, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await admin('saveSale', saleBody({ items: [{ skuId: 'tee-l', salePrice: 100, stock: 1, perUserLimit: 1 }] }), openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await admin('endSale', { saleId: 'fs-booked' }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await cloud.call<Reply>('flashsale', { action: 'adminSales' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect([count('flash_sales'), count('flash_stock'), skuStock('tee-l')]).toEqual(before);
    expect((db().find('flash_sales', { _id: 'fs-booked' })[0] as { endsAt: number }).endsAt).toBe(t + 32 * HOUR);
  });
});

describe('bad input', () => {
  it('is refused with a code and a Chinese message, and writes nothing', async () => {
    const item = { skuId: 'tee-l', salePrice: 5000, stock: 2, perUserLimit: 1 };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ items: [{ ...item, salePrice: 10000 }] }, 'INVALID_INPUT', /^第1个秒杀商品的秒杀价应低于原价¥100\.00$/],
      [{ items: [{ ...item, salePrice: 0 }] }, 'INVALID_INPUT', /秒杀价.*不能小于1/],
      [{ endsAt: now() - 2 * HOUR, startsAt: now() - HOUR }, 'INVALID_INPUT', /^结束时间应晚于开始时间$/],
      [{ startsAt: now() - 3 * HOUR, endsAt: now() - HOUR }, 'INVALID_INPUT', /^结束时间应晚于现在$/],
      [{ endsAt: now() + 8 * 24 * HOUR }, 'INVALID_INPUT', /^秒杀时长不能超过7天$/],
      [{ items: [{ ...item, stock: 5 }] }, 'INVALID_INPUT', /^第1个秒杀商品的秒杀库存不能超过现有库存4件$/],
      [{ items: [{ ...item, perUserLimit: 11 }] }, 'INVALID_INPUT', /^第1个秒杀商品的每人限购不能大于10$/],
      [{ items: [{ ...item, perUserLimit: 0 }] }, 'INVALID_INPUT', /每人限购不能小于1/],
      [{ items: [{ ...item, stock: 1.5 }] }, 'INVALID_INPUT', /秒杀库存应为整数/],
      [{ items: [] }, 'INVALID_INPUT', /秒杀商品不能为空/],
      [{ items: [{ ...item, skuId: 'ghost' }] }, 'INVALID_INPUT', /^第1个秒杀商品不存在或已下架$/],
      [{ title: '' }, 'INVALID_INPUT', /秒杀名称不能为空/],
      [{ startsAt: 'soon' }, 'INVALID_INPUT', /开始时间应为整数/],
      // The coat is in 明晚外套专场; a sale whose window meets it may not hold the coat too.
      [
        { startsAt: t + 31 * HOUR, endsAt: t + 33 * HOUR, items: [item, { skuId: 'coat-m', salePrice: 30000, stock: 1, perUserLimit: 1 }] },
        'SALE_OVERLAP',
        /^「羊毛大衣 驼色 \/ M」已在秒杀「明晚外套专场」中.*同一规格的秒杀时间不能重叠$/,
      ],
    ];
    const before = [count('flash_sales'), count('flash_stock'), count('audit_logs'), skuStock('tee-l'), skuStock('coat-m')];
    for (const [over, code, message] of cases) {
      const reply = await admin('saveSale', saleBody(over));
      expect({ over, ok: reply.ok, code: reply.code }).toEqual({ over, ok: false, code });
      expect(reply.message).toMatch(message);
    }
    expect([count('flash_sales'), count('flash_stock'), count('audit_logs'), skuStock('tee-l'), skuStock('coat-m')]).toEqual(before);
    expect(await admin('endSale', { saleId: 'fs-nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '秒杀活动不存在' });
    expect(await admin('endSale', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('allows the coat in a sale that ends before the other one’s priority window opens', async () => {
    // 明晚外套专场 starts at t+30h: 黑钻 buy from t+26h, so a sale ending at t+26h does not meet it.
    const reply = await admin('saveSale', saleBody({ title: '外套早场', startsAt: t + 24 * HOUR, endsAt: t + 26 * HOUR, items: [{ skuId: 'coat-m', salePrice: 35000, stock: 2, perUserLimit: 1 }] }));
    expect(reply).toMatchObject({ ok: true, data: { sale: { status: 'upcoming' } } });
    expect(skuStock('coat-m')).toBe(8);
  });
});

describe('endSale', () => {
  it('stops buying now, gives the unsold units back to the SKU, and is idempotent', async () => {
    const created = await admin('saveSale', saleBody({ title: 'L码清仓', items: [{ skuId: 'tee-l', salePrice: 3900, stock: 3, perUserLimit: 1 }] }));
    expect(created.ok).toBe(true);
    const id = created.data.sale.saleId;
    expect(skuStock('tee-l')).toBe(1);
    expect(await buy('o_amy', `${id}:tee-l`)).toMatchObject({ ok: true });

    const ended = await admin<{ sale: AdminSale; returned: number }>('endSale', { saleId: id });
    expect(ended).toMatchObject({ ok: true, data: { returned: 2, sale: { saleId: id, status: 'ended' } } });
    expect(ended.data.sale.endAt).toBeLessThanOrEqual(now());
    expect(ended.data.sale.endedAt).toBe(ended.data.sale.endAt);
    expect(ended.data.sale.items[0]).toMatchObject({ stock: 3, sold: 1, stockLeft: 0 });
    expect(skuStock('tee-l')).toBe(3);

    // A warm instance may hold the sale for 3 s (lib/cache.ts); after that, the usual refusal.
    await cloud.emulator.advanceClock(5_000);
    expect(await buy('o_ben', `${id}:tee-l`)).toMatchObject({ ok: false, code: 'SALE_ENDED', message: '秒杀已结束' });
    const page = await cloud.call<Reply<{ sale: { saleId: string } | null }>>('flashsale', { action: 'forProduct', productId: 'p-tee' }, 'o_ben');
    expect(page.data.sale?.saleId).not.toBe(id);

    const again = await admin<{ sale: AdminSale; returned: number }>('endSale', { saleId: id });
    expect(again).toMatchObject({ ok: true, data: { returned: 0, sale: { status: 'ended', endAt: ended.data.sale.endAt } } });
    expect(skuStock('tee-l')).toBe(3);
    expect(db().find('audit_logs', { action: 'flashsale.endSale' })).toHaveLength(1);

    // Newest first: this sale was created after the T恤 one.
    const list = (await admin<{ sales: AdminSale[] }>('adminSales')).data.sales;
    expect(list.find((s) => s.saleId === id)).toMatchObject({ status: 'ended' });
    expect(list.findIndex((s) => s.saleId === id)).toBeLessThan(list.findIndex((s) => s.saleId === saleId));
  });

  it('ends an upcoming sale before it opens', async () => {
    const upcoming = (await admin<{ sales: AdminSale[] }>('adminSales')).data.sales.find((s) => s.title === '外套早场')!;
    const reply = await admin('endSale', { saleId: upcoming.saleId });
    expect(reply).toMatchObject({ ok: true, data: { sale: { status: 'ended' } } });
    // Its window closes where it opens: it never ran.
    expect(reply.data.sale.startAt).toBe(reply.data.sale.endAt);
    expect(skuStock('coat-m')).toBe(10);
  });
});
