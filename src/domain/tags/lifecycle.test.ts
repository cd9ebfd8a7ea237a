import fc from 'fast-check';
import {
  LIFECYCLE_THRESHOLDS,
  countActivity,
  countPurchases,
  interactionRatePercent,
  lifecycleTags,
  repurchaseRatePercent,
  type LifecycleFacts,
} from './lifecycle';

const none: LifecycleFacts = { views: 0, interactions: 0, purchaseDays: 0, repurchaseDays: 0, successfulInvites: 0 };
const tagsOf = (over: Partial<LifecycleFacts>) => lifecycleTags({ ...none, ...over });
/** An instant at hh:mm Shanghai time on a Shanghai day, written out by hand (Shanghai is UTC+8, no DST). */
const sh = (day: string, time = '12:00') => Date.parse(`${day}T${time}:00+08:00`);

describe('lifecycle tags', () => {
  it('gives no tag to a user with no activity', () => {
    expect(tagsOf({})).toEqual([]);
  });

  it('基础用户: more than 10 views in the month — 11 qualifies, 10 does not', () => {
    expect(tagsOf({ views: 10 })).not.toContain('基础用户');
    expect(tagsOf({ views: 11 })).toContain('基础用户');
  });

  it('潜力用户: interactions / views above 5% — exactly 5% does not qualify, just over does', () => {
    expect(tagsOf({ views: 100, interactions: 5 })).not.toContain('潜力用户');
    expect(tagsOf({ views: 100, interactions: 6 })).toContain('潜力用户');
    expect(tagsOf({ views: 20, interactions: 1 })).not.toContain('潜力用户'); // 5.00%
    expect(tagsOf({ views: 19, interactions: 1 })).toContain('潜力用户'); // 5.26%
  });

  it('潜力用户 needs at least one view: interactions alone have no rate', () => {
    expect(tagsOf({ views: 0, interactions: 3 })).toEqual([]);
    expect(interactionRatePercent({ views: 0, interactions: 3 })).toBeNull();
    expect(interactionRatePercent({ views: 8, interactions: 1 })).toBe(12.5);
  });

  it('潜力用户 can require a bigger sample when configured', () => {
    const t = { ...LIFECYCLE_THRESHOLDS, potentialMinViews: 20 };
    expect(lifecycleTags({ ...none, views: 19, interactions: 5 }, t)).not.toContain('潜力用户');
    expect(lifecycleTags({ ...none, views: 20, interactions: 5 }, t)).toContain('潜力用户');
  });

  it('高价值用户: repurchase rate above 30% — 3 of 10 purchase days does not qualify, 1 of 3 does', () => {
    expect(tagsOf({ purchaseDays: 10, repurchaseDays: 3 })).not.toContain('高价值用户');
    expect(tagsOf({ purchaseDays: 3, repurchaseDays: 1 })).toContain('高价值用户');
    expect(tagsOf({ purchaseDays: 1, repurchaseDays: 0 })).not.toContain('高价值用户');
    expect(repurchaseRatePercent({ purchaseDays: 4, repurchaseDays: 1 })).toBe(25);
    expect(repurchaseRatePercent({ purchaseDays: 0, repurchaseDays: 0 })).toBeNull();
  });

  it('KOC: at least 3 successful invites by default, and N is configurable', () => {
    expect(tagsOf({ successfulInvites: 2 })).not.toContain('KOC');
    expect(tagsOf({ successfulInvites: 3 })).toContain('KOC');
    const t = { ...LIFECYCLE_THRESHOLDS, kocMinSuccessfulInvites: 5 };
    expect(lifecycleTags({ ...none, successfulInvites: 4 }, t)).toEqual([]);
    expect(lifecycleTags({ ...none, successfulInvites: 5 }, t)).toEqual(['KOC']);
  });

  it('lets one user carry several tags, in a fixed order', () => {
    expect(tagsOf({ views: 40, interactions: 4, purchaseDays: 2, repurchaseDays: 1, successfulInvites: 9 })).toEqual([
      '基础用户',
      '潜力用户',
      '高价值用户',
      'KOC',
    ]);
  });

  it('never takes a tag away because a user did more', () => {
    const facts = fc.record({
      views: fc.nat(200),
      interactions: fc.nat(50),
      purchaseDays: fc.nat(30),
      repurchaseDays: fc.nat(30),
      successfulInvites: fc.nat(10),
    });
    fc.assert(
      fc.property(facts, fc.nat(20), fc.nat(20), (f, moreInteractions, moreInvites) => {
        const before = lifecycleTags(f);
        const after = lifecycleTags({ ...f, interactions: f.interactions + moreInteractions, successfulInvites: f.successfulInvites + moreInvites });
        for (const tag of before) expect(after).toContain(tag);
        if (before.includes('基础用户')) expect(lifecycleTags({ ...f, views: f.views + 1 })).toContain('基础用户');
      }),
    );
  });
});

describe('counting a month of activity', () => {
  const now = sh('2026-06-30', '10:00');

  it('counts views and interactions of today and the 29 days before, in Shanghai days', () => {
    const events = [
      { type: 'product_view' as const, at: sh('2026-06-01', '00:00') }, // 29 days ago: in
      { type: 'page_view' as const, at: sh('2026-05-31', '23:59') }, // 30 days ago: out
      { type: 'page_view' as const, at: sh('2026-06-30', '09:00') },
      { type: 'add_to_cart' as const, at: sh('2026-06-10') },
      { type: 'share' as const, at: sh('2026-06-11') },
      { type: 'order' as const, at: sh('2026-06-12') },
      { type: 'share' as const, at: sh('2026-05-01') }, // out
      { type: 'checkin' as const, at: sh('2026-06-12') }, // neither
      { type: 'campaign_visit' as const, at: sh('2026-06-12') }, // neither
      { type: 'pay' as const, at: sh('2026-06-12') }, // the order already counted
    ];
    expect(countActivity(events, now)).toEqual({ views: 2, interactions: 3 });
  });
});

describe('counting purchase days and repurchase days', () => {
  const now = sh('2026-06-30', '10:00');

  it('counts two orders on one Shanghai day as one purchase, not a repurchase', () => {
    expect(countPurchases([sh('2026-06-01', '10:00'), sh('2026-06-01', '23:30')], now)).toEqual({ purchaseDays: 1, repurchaseDays: 0 });
  });

  it('splits days at Shanghai midnight, not UTC midnight', () => {
    // 2026-06-01 07:30 and 08:30 Shanghai are the same Shanghai day but different UTC days.
    expect(countPurchases([sh('2026-06-01', '07:30'), sh('2026-06-01', '08:30')], now).purchaseDays).toBe(1);
    // 23:30 and 00:30 next day Shanghai are the same UTC day but two Shanghai days.
    expect(countPurchases([sh('2026-06-01', '23:30'), sh('2026-06-02', '00:30')], now)).toEqual({ purchaseDays: 2, repurchaseDays: 1 });
  });

  it('calls a purchase a repurchase when the previous one is at most 90 days before it', () => {
    // 2026-03-01 to 2026-05-30 is 90 days; to 2026-05-31 is 91.
    expect(countPurchases([sh('2026-03-01'), sh('2026-05-30')], now)).toEqual({ purchaseDays: 2, repurchaseDays: 1 });
    expect(countPurchases([sh('2026-03-01'), sh('2026-05-31')], now)).toEqual({ purchaseDays: 2, repurchaseDays: 0 });
  });

  it('sees a previous purchase from before the 365-day window but does not count it as a purchase day', () => {
    // The window is 2025-07-01..2026-06-30. 2025-06-30 is outside; 2025-08-01 follows it by 32 days.
    expect(countPurchases([sh('2025-06-30'), sh('2025-08-01')], now)).toEqual({ purchaseDays: 1, repurchaseDays: 1 });
    expect(countPurchases([sh('2025-07-01')], now)).toEqual({ purchaseDays: 1, repurchaseDays: 0 });
    expect(countPurchases([sh('2025-06-30')], now)).toEqual({ purchaseDays: 0, repurchaseDays: 0 });
  });

  it('reads input in any order', () => {
    expect(countPurchases([sh('2026-06-20'), sh('2026-01-02'), sh('2026-06-01')], now)).toEqual({ purchaseDays: 3, repurchaseDays: 1 });
  });

  it('makes a monthly buyer 高价值用户 and a twice-a-year buyer not', () => {
    const monthly = ['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15'].map((d) => sh(d));
    const twiceAYear = ['2025-12-01', '2026-06-20'].map((d) => sh(d));
    const tag = (paid: number[]) => lifecycleTags({ ...none, ...countPurchases(paid, now) });
    expect(tag(monthly)).toEqual(['高价值用户']);
    expect(tag(twiceAYear)).toEqual([]);
  });
});
