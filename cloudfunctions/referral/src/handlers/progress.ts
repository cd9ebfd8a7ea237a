import { STATUS_LABELS, inviteProgress, maskName, type InviteProgress, type ReferralStatus } from '../../../../src/domain/referral/progress';
import { requireUser } from '../../../_shared/roles';
import type { Handler } from '../../../_shared/router';
import { loadReferralConfig, tempUrls, type ReferralRow, type UserRow } from '../model';

const LIST_LIMIT = 50;

export interface ProgressReply extends InviteProgress {
  /** The rule as the page states it, from settings/referral. */
  rule: { pointsPerInvitee: number; milestoneInvites: number; couponTitle: string };
  invitees: { name: string; avatarUrl: string; status: ReferralStatus; statusText: string; boundAt: Date; rewardPoints: number }[];
  rewards: { points: number; coupons: { id: string; title: string; status: string; validTo: Date }[] };
}

/**
 * The caller's own invite progress. `qualified` is the count of `referrals` with
 * `{ referrer, status: 'qualified' }`, the same number the KOC tag reads.
 */
export const progress: Handler<ProgressReply> = async (_event, ctx) => {
  const openid = requireUser(ctx);
  const config = await loadReferralConfig(ctx.db);
  const referrals = ctx.db.collection<ReferralRow>('referrals');
  const [invited, qualified, list, ledger, coupons, template] = await Promise.all([
    referrals.where({ referrer: openid }).count(),
    referrals.where({ referrer: openid, status: 'qualified' }).count(),
    referrals.where({ referrer: openid }).orderBy('boundAt', 'desc').limit(LIST_LIMIT).get(),
    ctx.db
      .collection<{ delta: number; ref: string }>('points_ledger')
      .where({ openid, reason: ctx._.in(['referral', 'order_clawback']) })
      .limit(1000)
      .get(),
    ctx.db
      .collection<{ _id: string; title: string; status: string; validTo: Date }>('user_coupons')
      .where({ openid, source: 'referral' })
      .orderBy('claimedAt', 'desc')
      .limit(20)
      .get(),
    ctx.db.collection<{ title: string }>('coupon_templates').where({ _id: config.milestoneTemplateId }).limit(1).get(),
  ]);
  const inviteeIds = list.data.map((r) => r.invitee);
  const users = inviteeIds.length
    ? (await ctx.db.collection<UserRow>('users').where({ _id: ctx._.in(inviteeIds) }).limit(LIST_LIMIT).get()).data
    : [];
  const byId = new Map(users.map((u) => [u._id, u]));
  const urls = await tempUrls(ctx.cloud, users.map((u) => u.avatarUrl ?? '').filter(Boolean));
  // Referral credits and their clawbacks only (order clawbacks of one's own orders have refund-id refs).
  const points = ledger.data.filter((e) => e.ref.startsWith('referral:') || e.ref.startsWith('order_clawback:referral:')).reduce((sum, e) => sum + e.delta, 0);
  return {
    ...inviteProgress({ invited: invited.total, qualified: qualified.total }, config.milestoneInvites),
    rule: { pointsPerInvitee: config.inviteeOrderPoints, milestoneInvites: config.milestoneInvites, couponTitle: template.data[0]?.title ?? '邀请有礼优惠券' },
    invitees: list.data.map((r) => {
      const user = byId.get(r.invitee);
      return {
        name: maskName(user?.nickName ?? ''),
        avatarUrl: user?.avatarUrl ? (urls.get(user.avatarUrl) ?? '') : '',
        status: r.status,
        statusText: STATUS_LABELS[r.status],
        boundAt: r.boundAt,
        rewardPoints: r.status === 'qualified' ? r.rewardPoints : 0,
      };
    }),
    rewards: { points, coupons: coupons.data.map((c) => ({ id: c._id, title: c.title, status: c.status, validTo: c.validTo })) },
  };
};
