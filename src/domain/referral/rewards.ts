/**
 * What a referrer earns (settings/referral): points when an invitee's first order is paid, taken
 * back if that order is refunded within the after-sales window; and a coupon each time their count
 * of qualified invitees reaches a multiple of N (老带新: 邀请3人下单赠优惠券), each milestone once.
 */

const DAY_MS = 86_400_000;

export interface ReferralConfig {
  /** Points to the referrer for each invitee whose first order is paid. */
  inviteeOrderPoints: number;
  /** N: qualified invitees per coupon (the KOC tag uses the same N). */
  milestoneInvites: number;
  milestoneTemplateId: string;
  /**
   * The after-sales window, in days after the first order was paid: a refund inside it takes the
   * points back and voids the invitee; after it the reward stands. autoCompleteDays (7) plus
   * refundWindowDays (7) covers every refund the order flow allows.
   */
  clawbackWindowDays: number;
}

export const DEFAULT_REFERRAL_CONFIG: Readonly<ReferralConfig> = Object.freeze({
  inviteeOrderPoints: 200,
  milestoneInvites: 3,
  milestoneTemplateId: 'tpl-referral-milestone',
  clawbackWindowDays: 14,
});

const wholeAtLeast = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

/** settings/referral checked field by field; a broken field falls back to its default. */
export function referralConfigFrom(doc: Record<string, unknown> | null | undefined): ReferralConfig {
  const d = doc ?? {};
  return {
    inviteeOrderPoints: wholeAtLeast(d.inviteeOrderPoints, 0) ? d.inviteeOrderPoints : DEFAULT_REFERRAL_CONFIG.inviteeOrderPoints,
    milestoneInvites: wholeAtLeast(d.milestoneInvites, 1) ? d.milestoneInvites : DEFAULT_REFERRAL_CONFIG.milestoneInvites,
    milestoneTemplateId: typeof d.milestoneTemplateId === 'string' && d.milestoneTemplateId ? d.milestoneTemplateId : DEFAULT_REFERRAL_CONFIG.milestoneTemplateId,
    clawbackWindowDays: wholeAtLeast(d.clawbackWindowDays, 0) ? d.clawbackWindowDays : DEFAULT_REFERRAL_CONFIG.clawbackWindowDays,
  };
}

/** Milestones reached with `qualified` invitees: 0,1,2 -> 0; 3..5 -> 1; 6 -> 2 (N = 3). */
export function milestonesReached(qualified: number, milestoneInvites: number): number {
  if (milestoneInvites < 1) throw new RangeError('milestoneInvites must be at least 1');
  return Math.floor(Math.max(0, qualified) / milestoneInvites);
}

/**
 * The milestone coupon's id, which is also issueCoupon's idempotency key: however many invitees
 * qualify at the same moment, milestone n of a referrer can only ever be one document.
 */
export function milestoneCouponRef(referrer: string, milestone: number): string {
  if (!Number.isSafeInteger(milestone) || milestone < 1) throw new RangeError(`bad milestone ${milestone}`);
  return `uc-referral-${referrer}-${milestone}`;
}

/** Whether a refund at `refundedAt` of the first order paid at `qualifiedAt` takes the reward back. */
export function refundClawsBack(qualifiedAt: Date, refundedAt: Date, clawbackWindowDays: number): boolean {
  return refundedAt.getTime() - qualifiedAt.getTime() <= clawbackWindowDays * DAY_MS;
}
