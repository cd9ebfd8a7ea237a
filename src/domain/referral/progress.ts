/**
 * The invite page's numbers: who was invited, what became of them, how far to the next coupon.
 */
import { milestonesReached } from './rewards';

export type ReferralStatus = 'bound' | 'qualified' | 'void';

export const STATUS_LABELS: Readonly<Record<ReferralStatus, string>> = Object.freeze({
  bound: '已绑定',
  qualified: '已下单',
  void: '已失效',
});

export interface InviteProgress {
  /** Everyone bound, whatever became of them. */
  invited: number;
  qualified: number;
  /** Coupons earned so far (milestones reached). */
  milestones: number;
  /** The qualified count that earns the next coupon: N, 2N, ... */
  target: number;
  /** Invitees still needed for it. */
  remaining: number;
}

/** From the two counts the page needs (`referrals` of the referrer, and those with status 'qualified'). */
export function inviteProgress(counts: { invited: number; qualified: number }, milestoneInvites: number): InviteProgress {
  const { invited, qualified } = counts;
  const milestones = milestonesReached(qualified, milestoneInvites);
  const target = (milestones + 1) * milestoneInvites;
  return { invited, qualified, milestones, target, remaining: target - qualified };
}

/**
 * A nickname as another person may see it: first character, the rest hidden (林小雨 -> 林**,
 * Lin -> L**). An invitee did not agree to have their name shown to the referrer in full.
 */
export function maskName(nickName: string): string {
  const chars = Array.from(nickName.trim());
  if (chars.length === 0) return '微信用户';
  return `${chars[0]}**`;
}
