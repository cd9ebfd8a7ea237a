import fc from 'fast-check';
import { TIER_IDS, type TierId } from '../tiers';
import { canBuy } from './can-buy';
import type { FlashSale, FlashSaleItem } from './sale';

const H = 3_600_000;
// 20:00 to 22:00 on 2026-12-01 in Shanghai.
const startsAt = Date.UTC(2026, 11, 1, 12, 0);
const endsAt = startsAt + 2 * H;
const item: FlashSaleItem = { id: 'fs-1:tee', skuId: 'tee', normalPrice: 19_900, salePrice: 9_900, stock: 10, perUserLimit: 2 };
const sale: FlashSale = { id: 'fs-1', title: '秒杀', startsAt, endsAt, items: [item] };

const ask = (over: Partial<Parameters<typeof canBuy>[0]> = {}) =>
  canBuy({ sale, item, userBought: 0, quantity: 1, userTier: 'normal', now: startsAt + 1, ...over });

describe('can this person buy in the flash sale', () => {
  it('sells at the sale price during the sale', () => {
    expect(ask({ quantity: 2 })).toEqual({ ok: true, unitPrice: 9_900, total: 19_800, early: false });
  });

  it('says when the sale opens for this person, before it starts', () => {
    expect(ask({ now: startsAt - 5 * H })).toEqual({ ok: false, code: 'SALE_NOT_STARTED', reason: '秒杀尚未开始，你可在20:00开抢' });
    expect(ask({ now: startsAt - 24 * H })).toEqual({ ok: false, code: 'SALE_NOT_STARTED', reason: '秒杀尚未开始，你可在12月1日 20:00开抢' });
    expect(ask({ now: startsAt - 5 * H, userTier: 'gold' })).toEqual({ ok: false, code: 'SALE_NOT_STARTED', reason: '秒杀尚未开始，你可在18:00开抢' });
  });

  it('lets gold buy 2 hours and diamond 4 hours early, and tells everyone else who is buying', () => {
    expect(ask({ now: startsAt - 2 * H, userTier: 'gold' })).toEqual({ ok: true, unitPrice: 9_900, total: 9_900, early: true });
    expect(ask({ now: startsAt - 4 * H, userTier: 'diamond' })).toMatchObject({ ok: true, early: true });
    expect(ask({ now: startsAt - 3 * H, userTier: 'gold' })).toEqual({ ok: false, code: 'PRIORITY_ONLY', reason: '黑钻会员优先购中，你可在18:00开抢' });
    expect(ask({ now: startsAt - H, userTier: 'silver' })).toEqual({ ok: false, code: 'PRIORITY_ONLY', reason: '金卡、黑钻会员优先购中，你可在20:00开抢' });
  });

  it('refuses from the end on, whatever the tier', () => {
    expect(ask({ now: endsAt, userTier: 'diamond' })).toEqual({ ok: false, code: 'SALE_ENDED', reason: '秒杀已结束' });
  });

  it('refuses when sold out, or when fewer are left than asked for', () => {
    expect(ask({ item: { ...item, stock: 0 } })).toEqual({ ok: false, code: 'SOLD_OUT', reason: '已抢光' });
    expect(ask({ item: { ...item, stock: 1 }, quantity: 2 })).toEqual({ ok: false, code: 'OUT_OF_STOCK', reason: '仅剩1件' });
  });

  it('counts what the person already bought against the limit', () => {
    expect(ask({ userBought: 1, quantity: 2 })).toEqual({ ok: false, code: 'OVER_LIMIT', reason: '每人限购2件，你还可以买1件' });
    expect(ask({ userBought: 2 })).toEqual({ ok: false, code: 'OVER_LIMIT', reason: '每人限购2件，你已买过2件' });
  });

  it('refuses a bad quantity and an item from another sale', () => {
    expect(ask({ quantity: 0 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(ask({ quantity: 1.5 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(ask({ item: { ...item, id: 'fs-2:tee' } })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('says yes exactly when the window, the stock and the limit all allow it', () => {
    const priority: Record<TierId, number> = { normal: 0, silver: 0, gold: 2, diamond: 4 };
    fc.assert(
      fc.property(
        fc.integer({ min: startsAt - 6 * H, max: endsAt + H }),
        fc.constantFrom(...TIER_IDS),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (now, userTier, stock, userBought, quantity) => {
          const result = ask({ now, userTier, item: { ...item, stock }, userBought, quantity });
          const allowed = now >= startsAt - priority[userTier] * H && now < endsAt && quantity <= stock && userBought + quantity <= item.perUserLimit;
          expect(result.ok).toBe(allowed);
          if (result.ok) {
            expect(result.total).toBe(9_900 * quantity);
            expect(result.early).toBe(now < startsAt);
          } else {
            expect(result.reason).not.toBe('');
          }
        },
      ),
    );
  });
});
