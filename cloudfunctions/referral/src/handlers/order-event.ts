import { cappedDebit } from '../../../../src/domain/membership/points-ledger';
import { maskName } from '../../../../src/domain/referral/progress';
import { milestoneCouponRef, milestonesReached, refundClawsBack, type ReferralConfig } from '../../../../src/domain/referral/rewards';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { issueCoupon } from '../../../_shared/coupon-issue';
import { movePoints } from '../../../_shared/points';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { findReferral, loadReferralConfig, type ReferralRow, type UserRow } from '../model';

const eventInput = v.object({
  type: v.oneOf(['paid', 'completed', 'refunded'] as const, { label: '事件类型' }),
  orderId: v.string({ min: 1, max: 64, pattern: /^[^:\s]+$/, label: '订单号' }),
  openid: v.string({ min: 1, max: 128, pattern: /^[^:\s]+$/, label: '用户' }),
  at: v.string({ min: 1, max: 40, label: '时间' }),
});

interface OrderRow {
  _id: string;
  status: string;
  refund?: { status?: string } | null;
}

async function inviteeName(ctx: HandlerContext, openid: string): Promise<string> {
  const { data } = await ctx.db.collection<UserRow>('users').where({ _id: openid }).limit(1).get();
  return maskName(data[0]?.nickName ?? '');
}

/** Every milestone the referrer has reached gets its coupon; the coupon id makes each one once. */
async function milestoneCoupons(ctx: HandlerContext, referrer: string, config: ReferralConfig, now: Date): Promise<string[]> {
  const { total } = await ctx.db.collection('referrals').where({ referrer, status: 'qualified' }).count();
  const issued: string[] = [];
  for (let m = 1; m <= milestonesReached(total, config.milestoneInvites); m += 1) {
    const res = await issueCoupon(ctx.db, {
      templateId: config.milestoneTemplateId,
      openid: referrer,
      ref: milestoneCouponRef(referrer, m),
      source: 'referral',
      now,
      checks: { claimWindow: false, perUserLimit: false },
    });
    if (res.issued) issued.push(res.coupon._id);
  }
  return issued;
}

/**
 * The invitee's first paid order qualifies them: the binding moves bound -> qualified once (a
 * conditional update), then the referrer's points (ledger ref = the invitee) and any milestone
 * coupon. A repeat of the event finds the binding already qualified by this order and redoes only
 * the keyed steps, which are no-ops unless a crash cut the first delivery short.
 */
async function onPaid(ctx: HandlerContext, orderId: string, invitee: string, paidAt: Date) {
  const referral = await findReferral(ctx.db, invitee);
  if (!referral) return { handled: 'paid', referral: null };
  const config = await loadReferralConfig(ctx.db);
  if (referral.status === 'bound' && referral.firstOrderId === null) {
    const orders = await ctx.db.collection<OrderRow>('orders').where({ _id: orderId, openid: invitee }).limit(1).get();
    const order = orders.data[0];
    // A paid event that arrives after the order was already refunded (a late redelivery) voids.
    const refunded = order?.status === 'refunded' || order?.refund?.status === 'refunded';
    const set = refunded
      ? { status: 'void', firstOrderId: orderId, voidedAt: ctx.now() }
      : { status: 'qualified', firstOrderId: orderId, qualifiedAt: paidAt, rewardPoints: config.inviteeOrderPoints };
    await ctx.db.collection('referrals').where({ _id: invitee, status: 'bound', firstOrderId: null }).update({ data: set });
  }
  const now = await findReferral(ctx.db, invitee);
  if (!now || now.status !== 'qualified' || now.firstOrderId !== orderId) return { handled: 'paid', referral: now?.status ?? null, rewarded: false };
  let points = 0;
  if (now.rewardPoints > 0) {
    const moved = await movePoints(
      ctx.db,
      { openid: now.referrer, reason: 'referral', id: invitee, delta: now.rewardPoints, note: `好友${await inviteeName(ctx, invitee)}首单` },
      ctx.now(),
    );
    if (moved.applied) points = now.rewardPoints;
  }
  const coupons = await milestoneCoupons(ctx, now.referrer, config, ctx.now());
  return { handled: 'paid', referral: 'qualified', rewarded: true, points, coupons };
}

/** The referral credit comes back, capped at what the referrer still has (they may have spent it). */
async function clawBack(ctx: HandlerContext, referral: ReferralRow): Promise<number> {
  const credited = await ctx.db.collection<{ delta: number }>('points_ledger').where({ ref: `referral:${referral.invitee}` }).limit(1).get();
  const due = credited.data[0]?.delta ?? 0;
  if (due <= 0) return 0;
  let taken = 0;
  try {
    const moved = await movePoints(
      ctx.db,
      {
        openid: referral.referrer,
        reason: 'order_clawback',
        id: ['referral', referral.invitee],
        delta: (user) => {
          const take = cappedDebit(user.points ?? 0, due);
          if (take.delta === 0) throw new AppError('NOTHING_TO_TAKE', '积分已用完');
          taken = -take.delta;
          return take.delta;
        },
        note: `好友首单${referral.firstOrderId}已退款，邀请奖励扣回`,
      },
      ctx.now(),
    );
    return moved.applied ? taken : 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOTHING_TO_TAKE') return 0;
    throw error;
  }
}

/**
 * The first order refunded inside the after-sales window: the invitee no longer counts
 * (qualified -> void, once) and the points go back. After the window the reward stands. A
 * milestone coupon already issued is kept: the referrer did reach the milestone when it was issued.
 */
async function onRefunded(ctx: HandlerContext, orderId: string, invitee: string, refundedAt: Date) {
  const referral = await findReferral(ctx.db, invitee);
  if (!referral || referral.firstOrderId !== orderId) return { handled: 'refunded', referral: null };
  if (referral.status === 'qualified') {
    const config = await loadReferralConfig(ctx.db);
    if (!referral.qualifiedAt || !refundClawsBack(new Date(referral.qualifiedAt), refundedAt, config.clawbackWindowDays)) {
      return { handled: 'refunded', referral: 'qualified', clawedBack: 0 };
    }
    await ctx.db.collection('referrals').where({ _id: invitee, status: 'qualified', firstOrderId: orderId }).update({ data: { status: 'void', voidedAt: refundedAt } });
  }
  const after = await findReferral(ctx.db, invitee);
  if (after?.status !== 'void') return { handled: 'refunded', referral: after?.status ?? null, clawedBack: 0 };
  return { handled: 'refunded', referral: 'void', clawedBack: await clawBack(ctx, after) };
}

/** Subscriber of the order outbox (cloudfunctions/_shared/order-events.ts); delivery is at least once. */
export const onOrderEvent: Handler = async (event, ctx) => {
  // Only another function (the outbox dispatcher) may report order events (SOURCE contains 'scf').
  const source = String(ctx.cloud.getWXContext().SOURCE ?? '');
  if (!source.split(',').includes('scf')) throw new AppError('FORBIDDEN');
  const raw = (event.event ?? {}) as Record<string, unknown>;
  const input = parse(eventInput, { ...raw, at: raw.at instanceof Date ? raw.at.toISOString() : raw.at });
  const at = new Date(input.at);
  if (Number.isNaN(at.getTime())) throw new AppError('INVALID_INPUT', '时间格式不正确');
  if (input.type === 'paid') return onPaid(ctx, input.orderId, input.openid, at);
  if (input.type === 'refunded') return onRefunded(ctx, input.orderId, input.openid, at);
  return { handled: 'completed' };
};
