import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { baseSeed, product, sku, type Reply } from './fixtures/commerce';

jest.setTimeout(60_000);

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () =>
      baseSeed({
        products: [product('p-gone', '停售外套', 'outer', { status: 'off_shelf' })],
        skus: [sku('tee-m', 'p-tee', 9900, 3), sku('jeans-m', 'p-jeans', 29900, 120, '蓝色 / M'), sku('gone-m', 'p-gone', 59900, 5)],
      }),
  });
}, 60_000);

afterAll(() => cloud.close());

type CartView = { items: { skuId: string; title: string; quantity: number; stock: number; selected: boolean; available: boolean; unitPrice: number }[]; count: number };

describe('cart', () => {
  it('adds, merges, changes and removes lines, bounded by stock', async () => {
    const added = await cloud.call<Reply<CartView>>('cart', { action: 'add', skuId: 'tee-m', quantity: 2 }, 'o_cart');
    expect(added.data).toMatchObject({ count: 2, items: [{ skuId: 'tee-m', title: '基础T恤', quantity: 2, stock: 3, selected: true, available: true, unitPrice: 9900 }] });

    expect(await cloud.call('cart', { action: 'add', skuId: 'tee-m', quantity: 2 }, 'o_cart')).toMatchObject({ ok: false, code: 'OUT_OF_STOCK', message: '库存不足，仅剩3件' });
    expect(await cloud.call('cart', { action: 'add', skuId: 'gone-m', quantity: 1 }, 'o_cart')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call('cart', { action: 'add', skuId: 'jeans-m', quantity: 100 }, 'o_cart')).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '数量不能大于99' });
    await cloud.call('cart', { action: 'add', skuId: 'jeans-m', quantity: 60 }, 'o_cart');
    expect(await cloud.call('cart', { action: 'add', skuId: 'jeans-m', quantity: 60 }, 'o_cart')).toMatchObject({ ok: false, code: 'CART_LIMIT' });

    const updated = await cloud.call<Reply<CartView>>('cart', { action: 'update', skuId: 'tee-m', quantity: 3, selected: false }, 'o_cart');
    expect(updated.data.items.find((i) => i.skuId === 'tee-m')).toMatchObject({ quantity: 3, selected: false });
    expect(await cloud.call('cart', { action: 'update', skuId: 'tee-m', quantity: 4 }, 'o_cart')).toMatchObject({ ok: false, code: 'OUT_OF_STOCK' });
    expect(await cloud.call('cart', { action: 'count' }, 'o_cart')).toEqual({ ok: true, data: { count: 63 } });

    const removed = await cloud.call<Reply<CartView>>('cart', { action: 'remove', skuIds: ['jeans-m'] }, 'o_cart');
    expect(removed.data).toMatchObject({ count: 3, items: [{ skuId: 'tee-m' }] });
  });

  it('shows a line as unavailable once its stock is gone, and keeps concurrent adds', async () => {
    await Promise.all(['tee-m', 'jeans-m'].map((skuId) => cloud.call('cart', { action: 'add', skuId, quantity: 1 }, 'o_racer')));
    cloud.emulator.db.update('skus', { _id: 'tee-m' }, { $set: { stock: 0 } });
    const list = await cloud.call<Reply<CartView>>('cart', { action: 'list' }, 'o_racer');
    expect(list.data.items.map((i) => [i.skuId, i.available]).sort()).toEqual([
      ['jeans-m', true],
      ['tee-m', false],
    ]);
  });
});

type Address = { id: string; name: string; phone: string; isDefault: boolean };

describe('address book', () => {
  const home = { name: '林小姐', phone: '138 0013 8000', province: '上海市', city: '上海市', district: '静安区', detail: '南京西路1515号' };

  it('validates Chinese mobile numbers and required fields in Chinese', async () => {
    expect(await cloud.call('user', { action: 'addressSave', ...home, phone: '12345678901' }, 'o_addr')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '手机号格式不正确' });
    expect(await cloud.call('user', { action: 'addressSave', ...home, phone: '1380013800' }, 'o_addr')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '手机号格式不正确' });
    expect(await cloud.call('user', { action: 'addressSave', ...home, name: ' ' }, 'o_addr')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '收货人不能为空' });
    expect(await cloud.call('user', { action: 'addressSave', ...home, detail: undefined }, 'o_addr')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '详细地址应为文本' });
    expect(cloud.emulator.db.find('addresses', { openid: 'o_addr' })).toHaveLength(0);
  });

  it('keeps exactly one default and lets only the owner change or remove an address', async () => {
    const first = await cloud.call<Reply<{ address: Address }>>('user', { action: 'addressSave', ...home, openid: 'o_other' }, 'o_addr');
    expect(first.data.address).toMatchObject({ phone: '13800138000', isDefault: true });
    const second = await cloud.call<Reply<{ address: Address }>>('user', { action: 'addressSave', ...home, detail: '延安西路2299号', isDefault: true }, 'o_addr');
    let list = await cloud.call<Reply<{ addresses: Address[] }>>('user', { action: 'addressList' }, 'o_addr');
    expect(list.data.addresses.map((a) => [a.id, a.isDefault])).toEqual([
      [second.data.address.id, true],
      [first.data.address.id, false],
    ]);

    expect(await cloud.call('user', { action: 'addressSave', id: first.data.address.id, ...home, name: '冒名' }, 'o_thief')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call('user', { action: 'addressRemove', id: first.data.address.id }, 'o_thief')).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    await cloud.call('user', { action: 'addressRemove', id: second.data.address.id }, 'o_addr');
    list = await cloud.call<Reply<{ addresses: Address[] }>>('user', { action: 'addressList' }, 'o_addr');
    expect(list.data.addresses).toEqual([expect.objectContaining({ id: first.data.address.id, name: '林小姐', isDefault: true })]);
    expect(cloud.emulator.db.find('addresses', { openid: 'o_other' })).toHaveLength(0);
  });
});
