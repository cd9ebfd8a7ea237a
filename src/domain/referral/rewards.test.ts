import fc from 'fast-check';
import { DEFAULT_REFERRAL_CONFIG, milestoneCouponRef, milestonesReached, referralConfigFrom, refundClawsBack } from './rewards';

const DAY = 86_400_000;

describe('referral rewards', () => {
  it('reaches a milestone at every multiple of N and never goes back past one', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => milestonesReached(n, 3))).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 20 }), (n, per) => {
        const m = milestonesReached(n, per);
        expect(m * per).toBeLessThanOrEqual(n);
        expect((m + 1) * per).toBeGreaterThan(n);
        expect(milestonesReached(n + 1, per)).toBeGreaterThanOrEqual(m);
      }),
    );
    expect(() => milestonesReached(3, 0)).toThrow(RangeError);
  });

  it('names each milestone coupon once per referrer', () => {
    expect(milestoneCouponRef('o_lin', 1)).toBe('uc-referral-o_lin-1');
    expect(milestoneCouponRef('o_lin', 2)).not.toBe(milestoneCouponRef('o_lin', 1));
    expect(() => milestoneCouponRef('o_lin', 0)).toThrow(RangeError);
  });

  it('claws back inside the after-sales window only', () => {
    const paid = new Date('2026-11-01T00:00:00Z');
    expect(refundClawsBack(paid, new Date(paid.getTime() + 2 * DAY), 14)).toBe(true);
    expect(refundClawsBack(paid, new Date(paid.getTime() + 14 * DAY), 14)).toBe(true);
    expect(refundClawsBack(paid, new Date(paid.getTime() + 14 * DAY + 1), 14)).toBe(false);
  });

  it('reads settings/referral, falling back field by field', () => {
    expect(referralConfigFrom(null)).toEqual(DEFAULT_REFERRAL_CONFIG);
    expect(referralConfigFrom({ inviteeOrderPoints: 50, milestoneInvites: 0, clawbackWindowDays: 'x', milestoneTemplateId: 'tpl-x' })).toEqual({
      inviteeOrderPoints: 50,
      milestoneInvites: 3,
      milestoneTemplateId: 'tpl-x',
      clawbackWindowDays: 14,
    });
  });
});
