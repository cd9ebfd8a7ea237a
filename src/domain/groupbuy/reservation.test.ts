import fc from 'fast-check';
import { applyToStore, docKey, runClaimsInterleaved as runInterleaved, type DocStore } from './conditional-update';
import {
  GROUPBUY_QUOTA_COLLECTION,
  GROUPBUY_STOCK_COLLECTION,
  groupBuyQuotaId,
  groupBuyRelease,
  groupBuyReservation,
  groupBuyStockId,
} from './reservation';

const stockKey = docKey(GROUPBUY_STOCK_COLLECTION, groupBuyStockId('gb-1', 'tee'));
const quotaKey = (openid: string) => docKey(GROUPBUY_QUOTA_COLLECTION, groupBuyQuotaId('gb-1', openid));
const storeWith = (stock: number): DocStore => new Map([[stockKey, { _id: 'gb-1:tee', stock, held: 0 }]]);
const reserve = (openid: string, quantity: number, perUserLimit = 2) =>
  groupBuyReservation({ activityId: 'gb-1', skuId: 'tee', openid, quantity, perUserLimit });

describe('group-buy stock and per-user reservation', () => {
  it('keys the stock by activity SKU and the quota by activity person', () => {
    expect(groupBuyStockId('gb-1', 'tee')).toBe('gb-1:tee');
    expect(groupBuyQuotaId('gb-1', 'oABC')).toBe('gb-1:oABC');
  });

  it('takes stock and quota together, creating the quota document on first use', () => {
    const store = storeWith(5);
    expect(runInterleaved(store, [reserve('u1', 2)], [0])).toEqual([true]);
    expect(store.get(stockKey)).toMatchObject({ stock: 3, held: 2 });
    expect(store.get(quotaKey('u1'))).toMatchObject({ activityId: 'gb-1', openid: 'u1', held: 2 });
  });

  it('refuses over the per-user limit without touching the stock', () => {
    const store = storeWith(5);
    runInterleaved(store, [reserve('u1', 2)], [0]);
    const plan = reserve('u1', 1);
    expect(plan.steps[0].refusal).toEqual({ code: 'OVER_LIMIT', message: '每人限购2件' });
    expect(runInterleaved(store, [plan], [0])).toEqual([false]);
    expect(store.get(stockKey)).toMatchObject({ stock: 3 });
  });

  it('refuses when stock is short and gives the quota back', () => {
    const store = storeWith(1);
    expect(runInterleaved(store, [reserve('u1', 2)], [0])).toEqual([false]);
    expect(store.get(quotaKey('u1'))).toMatchObject({ held: 0 });
    expect(store.get(stockKey)).toMatchObject({ stock: 1, held: 0 });
  });

  it('releases exactly what a reservation took', () => {
    const store = storeWith(4);
    runInterleaved(store, [reserve('u1', 2)], [0]);
    for (const u of groupBuyRelease({ activityId: 'gb-1', skuId: 'tee', openid: 'u1', quantity: 2, perUserLimit: 2 })) applyToStore(store, u);
    expect(store.get(stockKey)).toMatchObject({ stock: 4, held: 0 });
    expect(store.get(quotaKey('u1'))).toMatchObject({ held: 0 });
  });

  it('refuses a quantity that is not a positive integer before any query is built', () => {
    expect(() => reserve('u1', 0)).toThrow(RangeError);
  });

  it('never oversells or exceeds a per-user limit, whatever the interleaving of concurrent buyers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.record({ user: fc.integer({ min: 0, max: 5 }), quantity: fc.integer({ min: 1, max: 3 }) }), { maxLength: 25 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 200 }),
        (stock, limit, buys, schedule) => {
          const store = storeWith(stock);
          const won = runInterleaved(store, buys.map((b) => reserve(`u${b.user}`, b.quantity, limit)), schedule);
          const sold = buys.reduce((sum, b, i) => sum + (won[i] ? b.quantity : 0), 0);
          expect(sold).toBeLessThanOrEqual(stock);
          expect(store.get(stockKey)).toMatchObject({ stock: stock - sold, held: sold });
          for (let u = 0; u <= 5; u += 1) {
            const mine = buys.reduce((sum, b, i) => sum + (won[i] && b.user === u ? b.quantity : 0), 0);
            expect(mine).toBeLessThanOrEqual(limit);
            expect((store.get(quotaKey(`u${u}`))?.held as number | undefined) ?? 0).toBe(mine);
          }
        },
      ),
    );
  });
});
