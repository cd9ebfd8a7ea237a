/**
 * The flash-sale rush through the local CloudBase: a thousand shoppers tap 立即抢购 on one SKU at
 * the same instant, and the stock, the orders, the payments and the per-person limits still add up.
 */
import http from 'http';
import { adminCall } from '../../emulator/testing';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { address, baseSeed, requestId, sku, user, NOW, type Reply } from './fixtures/commerce';
import { flashSale } from './fixtures/flash-sale';

const BUYERS = Array.from({ length: 1000 }, (_, i) => `o_rush_${String(i).padStart(4, '0')}`);
const HOUR = 3_600_000;
const rush = flashSale('fs-rush', '整点秒杀', NOW.getTime() - HOUR, NOW.getTime() + 2 * HOUR, [
  { skuId: 'tee-rush', productId: 'p-tee', normalPrice: 10000, salePrice: 3900, stock: 100, perUserLimit: 1 },
  { skuId: 'tee-multi', productId: 'p-tee', normalPrice: 10000, salePrice: 4900, stock: 50, perUserLimit: 3 },
]);

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () =>
      baseSeed({
        skus: [sku('tee-rush', 'p-tee', 10000, 20), sku('tee-multi', 'p-tee', 10000, 20, '黑色 / M')],
        users: [...BUYERS.map((o) => user(o)), user('o_eager')],
        addresses: [...BUYERS.map((o) => address(`addr-${o}`, o)), address('addr-eager', 'o_eager')],
        flash_sales: [rush.sale],
        flash_stock: rush.stock,
        // Order-event subscribers (membership, tags, referral) are paused as operations can: this
        // file is about the sale and the payments, and a hundred paid events would wake them all.
        settings: [{ _id: 'order_events', subscribers: [] }],
      }),
  });
}, 60_000);

afterAll(async () => {
  gateway.destroy();
  await cloud.close();
});

const db = () => cloud.emulator.db;
const flashStock = (id: string) => db().find('flash_stock', { _id: id })[0] as { stock: number; sold: number };
const boughtOf = (saleItemId: string, openid: string) => (db().find('flash_bought', { _id: `${saleItemId}:${openid}` })[0] as { bought: number } | undefined)?.bought ?? 0;

/**
 * callFunction through a pool of 64 sockets: all the calls start at once, as the shoppers tap
 * together, and queue in front of the gateway as WeChat's own front end would hold them, instead
 * of opening a thousand sockets to a server whose accept backlog is 511.
 */
const gateway = new http.Agent({ keepAlive: false, maxSockets: 64 });
function rushCall<T>(name: string, data: Record<string, unknown>, openid: string): Promise<T> {
  const body = JSON.stringify(data);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${cloud.url}/api/functions/${name}`,
      { method: 'POST', agent: gateway, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-wx-openid': openid } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(text);
          resolve(res.statusCode === 200 ? parsed.result : parsed);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `task` over `items`, at most `width` at a time. */
async function pooled<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i]);
      }
    }),
  );
  return out;
}

describe('flashsale.buy under a rush', () => {
  it('1,000 shoppers at once for 100 units: exactly 100 orders, all payable, stock 0 and never below', async () => {
    let lowest = Infinity;
    const watcher = setInterval(() => (lowest = Math.min(lowest, flashStock('fs-rush:tee-rush').stock)), 20);
    const replies = await Promise.all(
      BUYERS.map((openid) => rushCall<Reply<{ orderId: string; payable: number; status: string }>>('flashsale', { action: 'buy', saleItemId: 'fs-rush:tee-rush', quantity: 1, requestId: requestId() }, openid)),
    );
    clearInterval(watcher);
    lowest = Math.min(lowest, flashStock('fs-rush:tee-rush').stock);

    const won = replies.filter((r) => r.ok);
    expect(won).toHaveLength(100);
    // ¥39 at the sale price (no member discount on a flash line) + ¥10 express: below 普通会员's free-shipping line.
    for (const r of won) expect(r.data).toMatchObject({ payable: 4900, status: 'pending_payment' });
    const refused = replies.filter((r) => !r.ok);
    expect(refused).toHaveLength(900);
    expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['SOLD_OUT']));
    expect(refused[0].message).toBe('已抢光');
    expect(flashStock('fs-rush:tee-rush')).toEqual(expect.objectContaining({ stock: 0, sold: 100 }));
    expect(lowest).toBeGreaterThanOrEqual(0);
    // The flash units were carved out of the SKU when the sale was set up: its own stock is untouched.
    expect((db().find('skus', { _id: 'tee-rush' })[0] as { stock: number }).stock).toBe(20);

    const orders = db().find('orders', { 'flashSale.saleItemId': 'fs-rush:tee-rush' }) as { _id: string; openid: string; type: string; items: { unitPrice: number; promo: string }[] }[];
    expect(orders).toHaveLength(100);
    expect(new Set(orders.map((o) => o.openid)).size).toBe(100);
    for (const o of orders) expect(o).toMatchObject({ type: 'flash', items: [{ unitPrice: 3900, promo: 'flash' }] });
    for (const openid of BUYERS) expect(boughtOf('fs-rush:tee-rush', openid)).toBeLessThanOrEqual(1);
    expect(BUYERS.reduce((n, o) => n + boughtOf('fs-rush:tee-rush', o), 0)).toBe(100);

    // Every winner pays through the normal orders.pay -> WeChat Pay -> payment callback.
    await pooled(won, 16, async (r) => {
      const openid = orders.find((o) => o._id === r.data.orderId)!.openid;
      const pay = await cloud.call<Reply<{ outTradeNo: string; totalFee: number }>>('orders', { action: 'pay', orderId: r.data.orderId }, openid);
      expect(pay).toMatchObject({ ok: true, data: { totalFee: 4900 } });
      expect((await adminCall(cloud.emulator, 'POST', `/pay/${pay.data.outTradeNo}/confirm`)).status).toBe(200);
    });
    const paid = db().find('orders', { 'flashSale.saleItemId': 'fs-rush:tee-rush', status: 'paid' });
    expect(paid).toHaveLength(100);
    expect(flashStock('fs-rush:tee-rush').stock).toBe(0);
  }, 180_000);

  it('one shopper tapping many times at once cannot pass the per-person limit', async () => {
    const taps = Array.from({ length: 12 }, () => cloud.call<Reply<{ orderId: string }>>('flashsale', { action: 'buy', saleItemId: 'fs-rush:tee-multi', quantity: 1, requestId: requestId() }, 'o_eager'));
    const replies = await Promise.all(taps);
    const won = replies.filter((r) => r.ok);
    expect(won).toHaveLength(3);
    for (const r of replies.filter((x) => !x.ok)) expect(r.code).toBe('OVER_LIMIT');
    expect(boughtOf('fs-rush:tee-multi', 'o_eager')).toBe(3);
    expect(flashStock('fs-rush:tee-multi')).toEqual(expect.objectContaining({ stock: 47, sold: 3 }));

    const more = await cloud.call<Reply>('flashsale', { action: 'buy', saleItemId: 'fs-rush:tee-multi', quantity: 2, requestId: requestId() }, 'o_eager');
    expect(more).toMatchObject({ ok: false, code: 'OVER_LIMIT', message: '每人限购3件，你已买过3件' });
  });

  it('several quantities at once from one shopper: the counter, not a read, decides', async () => {
    const replies = await Promise.all(
      [2, 2, 2].map((quantity) => cloud.call<Reply>('flashsale', { action: 'buy', saleItemId: 'fs-rush:tee-multi', quantity, requestId: requestId() }, 'o_rush_0001')),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(boughtOf('fs-rush:tee-multi', 'o_rush_0001')).toBe(2);
    expect(flashStock('fs-rush:tee-multi').stock).toBe(45);
  });
});
