import type { GroupBuyActivity } from './activity';
import { groupBuyRefusal } from './purchase';

const activity: GroupBuyActivity = {
  id: 'gb-1',
  title: '两人团',
  skus: [{ skuId: 'tee', normalPrice: 19_900, groupPrice: 12_900, stock: 100 }],
  groupSize: 2,
  timeLimitMinutes: 60,
  perUserLimit: 3,
  startsAt: 1_000_000,
  endsAt: 2_000_000,
};
const ask = (over: Partial<Parameters<typeof groupBuyRefusal>[0]> = {}) =>
  groupBuyRefusal({ activity, skuId: 'tee', quantity: 1, userHeld: 0, stockLeft: 10, now: 1_500_000, ...over });

describe('may this person buy in the group-buy activity', () => {
  it('lets a buyer within the window, limit and stock through', () => {
    expect(ask()).toBeNull();
    expect(ask({ quantity: 3 })).toBeNull();
    expect(ask({ quantity: 2, userHeld: 1, stockLeft: 2 })).toBeNull();
  });

  it('refuses before the start and from the end on', () => {
    expect(ask({ now: 999_999 })).toEqual({ code: 'ACTIVITY_NOT_STARTED', message: '拼团活动尚未开始' });
    expect(ask({ now: 2_000_000 })).toEqual({ code: 'ACTIVITY_ENDED', message: '拼团活动已结束' });
  });

  it('counts what the person already holds against the per-user limit', () => {
    expect(ask({ quantity: 2, userHeld: 2 })).toEqual({ code: 'OVER_LIMIT', message: '每人限购3件，你还可以买1件' });
    expect(ask({ userHeld: 3 })).toEqual({ code: 'OVER_LIMIT', message: '每人限购3件，你已达到上限' });
  });

  it('says sold out, or how many are left', () => {
    expect(ask({ stockLeft: 0 })).toEqual({ code: 'OUT_OF_STOCK', message: '已抢光' });
    expect(ask({ quantity: 2, stockLeft: 1 })).toEqual({ code: 'OUT_OF_STOCK', message: '库存仅剩1件' });
  });

  it('refuses a SKU outside the activity and a quantity that is not a positive integer', () => {
    expect(ask({ skuId: 'coat' })?.code).toBe('NOT_FOUND');
    expect(ask({ quantity: 0 })?.code).toBe('INVALID_INPUT');
    expect(ask({ quantity: 1.5 })?.code).toBe('INVALID_INPUT');
  });
});
