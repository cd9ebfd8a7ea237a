import fc from 'fast-check';
import { applyToStore, docKey, runClaimPlan, runClaimsInterleaved, type DocStore } from '../groupbuy/conditional-update';
import { FLASH_BOUGHT_COLLECTION, FLASH_STOCK_COLLECTION, flashClaimCondition, flashClaimPlan, flashCounterId, flashRelease } from './claim';

const ITEM = 'fs-1:tee';
const stockKey = docKey(FLASH_STOCK_COLLECTION, ITEM);
const counterKey = (openid: string) => docKey(FLASH_BOUGHT_COLLECTION, flashCounterId(ITEM, openid));
const storeWith = (stock: number): DocStore => new Map([[stockKey, { _id: ITEM, stock, sold: 0 }]]);
const plan = (openid: string, quantity = 1, perUserLimit = 2) => flashClaimPlan({ saleItemId: ITEM, openid, quantity, perUserLimit });

describe('the atomic flash-sale claim', () => {
  it('states its two conditions: stock >= q, and bought + q <= limit on a counter keyed <saleItemId>:<openid>', () => {
    const { stock, userCounter } = flashClaimCondition({ saleItemId: ITEM, openid: 'oA', quantity: 2, perUserLimit: 3 });
    expect(stock).toEqual({ collection: 'flash_stock', id: 'fs-1:tee', where: { stock: { op: 'gte', value: 2 } }, inc: { stock: -2, sold: 2 } });
    expect(userCounter).toEqual({
      collection: 'flash_bought',
      id: 'fs-1:tee:oA',
      where: { bought: { op: 'lte', value: 1 } },
      inc: { bought: 2 },
      missingAs: { saleItemId: 'fs-1:tee', openid: 'oA', bought: 0 },
    });
    expect(() => flashClaimCondition({ saleItemId: ITEM, openid: 'oA', quantity: 0, perUserLimit: 3 })).toThrow(RangeError);
  });

  it('takes stock and counts the buyer, creating their counter on the first purchase', () => {
    const store = storeWith(3);
    expect(runClaimPlan(store, plan('oA', 2))).toEqual({ ok: true });
    expect(store.get(stockKey)).toEqual({ _id: ITEM, stock: 1, sold: 2 });
    expect(store.get(counterKey('oA'))).toEqual({ _id: 'fs-1:tee:oA', saleItemId: ITEM, openid: 'oA', bought: 2 });
  });

  it('refuses over the limit, and refuses a sold-out item while giving the counter back', () => {
    const store = storeWith(3);
    runClaimPlan(store, plan('oA', 2));
    expect(runClaimPlan(store, plan('oA', 1))).toEqual({ ok: false, refusal: { code: 'OVER_LIMIT', message: '每人限购2件' } });
    expect(runClaimPlan(store, plan('oB', 2))).toEqual({ ok: false, refusal: { code: 'SOLD_OUT', message: '已抢光' } });
    expect(store.get(counterKey('oB'))).toMatchObject({ bought: 0 });
    expect(store.get(stockKey)).toMatchObject({ stock: 1, sold: 2 });
  });

  it('gives a claim back when its order closes unpaid', () => {
    const store = storeWith(3);
    runClaimPlan(store, plan('oA', 2));
    for (const u of flashRelease({ saleItemId: ITEM, openid: 'oA', quantity: 2, perUserLimit: 2 })) applyToStore(store, u);
    expect(store.get(stockKey)).toMatchObject({ stock: 3, sold: 0 });
    expect(store.get(counterKey('oA'))).toMatchObject({ bought: 0 });
  });

  it('sells exactly the stock to a thousand buyers at once, each within the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 500 }), (schedule) => {
        const store = storeWith(100);
        // 1000 taps from 400 people: some tap more than once, asking for 1 or 2.
        const buys = Array.from({ length: 1000 }, (_, i) => ({ openid: `u${(i * 7) % 400}`, quantity: 1 + (i % 2) }));
        const won = runClaimsInterleaved(store, buys.map((b) => plan(b.openid, b.quantity)), schedule);
        const sold = buys.reduce((sum, b, i) => sum + (won[i] ? b.quantity : 0), 0);
        expect(sold).toBeLessThanOrEqual(100);
        expect(store.get(stockKey)).toEqual({ _id: ITEM, stock: 100 - sold, sold });
        // Demand far exceeds supply, and stock (the last step) is never given back once taken, so a
        // refusal for stock means fewer than 2 were left: nothing that could be sold is left unsold.
        expect(100 - sold).toBeLessThan(2);
        const perBuyer = new Map<string, number>();
        buys.forEach((b, i) => won[i] && perBuyer.set(b.openid, (perBuyer.get(b.openid) ?? 0) + b.quantity));
        for (const [openid, bought] of perBuyer) {
          expect(bought).toBeLessThanOrEqual(2);
          expect(store.get(counterKey(openid))?.bought).toBe(bought);
        }
      }),
      { numRuns: 20 },
    );
  });
});
