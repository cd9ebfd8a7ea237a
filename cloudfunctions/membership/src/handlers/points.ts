import { describeCoupon, describeCouponChannel, describeCouponScope } from '../../../../src/domain/coupon-rules';
import { MEMBERSHIP_ERRORS } from '../../../../src/domain/membership/errors';
import { historyLine, isLedgerReason, ledgerRef, type LedgerEntry } from '../../../../src/domain/membership/points-ledger';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { movePoints } from '../../../_shared/points';
import { requireUser } from '../../../_shared/roles';
import type { Handler } from '../../../_shared/router';
import { issueCoupon, withdrawCoupon, type CouponTemplate } from '../../../_shared/coupon-issue';
import type { TierId } from '../../../../src/domain/tiers';
import { loadMember, tierOf } from '../member';

const PAGE_SIZE = 20;

/** 积分明细: newest first, 20 a page, each line with its Chinese reason. */
export const pointsHistory: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const { page = 1 } = parse(v.object({ page: v.optional(v.int({ min: 1, max: 500, label: '页码' })) }), { page: event.page });
  const [user, found] = await Promise.all([
    loadMember(ctx.db, openid),
    ctx.db
      .collection<LedgerEntry & { _id: string }>('points_ledger')
      .where({ openid })
      .orderBy('createdAt', 'desc')
      .skip((page - 1) * PAGE_SIZE)
      .limit(PAGE_SIZE + 1)
      .get(),
  ]);
  const lines = found.data
    .slice(0, PAGE_SIZE)
    .filter((e) => isLedgerReason(e.reason))
    .map((e) => ({ id: e._id, reason: e.reason, delta: e.delta, ...historyLine(e), at: new Date(e.createdAt).toISOString(), note: e.note ?? null }));
  return { page, points: user.points ?? 0, lines, hasMore: found.data.length > PAGE_SIZE };
};

/** Why this member cannot exchange the template now, in Chinese; null when they can. */
function unavailableReason(t: CouponTemplate, tier: TierId, exchanged: number): string | null {
  if (t.tiers && !t.tiers.includes(tier)) return '你的会员等级暂不可兑换';
  if (t.total !== null && t.claimed >= t.total) return '已兑完';
  if (exchanged >= t.perUserLimit) return `每人限兑${t.perUserLimit}张`;
  return null;
}

async function mallTemplates(ctx: Parameters<Handler>[1], now: Date): Promise<CouponTemplate[]> {
  const found = await ctx.db
    .collection<CouponTemplate>('coupon_templates')
    .where({ kind: 'points', status: 'active', pointsCost: ctx._.gt(0), claimStartAt: ctx._.lte(now), claimEndAt: ctx._.gt(now) })
    .orderBy('pointsCost', 'asc')
    .limit(100)
    .get();
  return found.data;
}

/** 积分商城: coupons that cost points, with what this member can do about each. */
export const mall: Handler = async (_event, ctx) => {
  const openid = requireUser(ctx);
  const now = ctx.now();
  const [user, templates] = await Promise.all([loadMember(ctx.db, openid), mallTemplates(ctx, now)]);
  const claims = templates.length
    ? await ctx.db
        .collection<{ templateId: string; claimed: number }>('coupon_claims')
        .where({ openid, templateId: ctx._.in(templates.map((t) => t._id)) })
        .limit(100)
        .get()
    : { data: [] };
  const mine = new Map(claims.data.map((c) => [c.templateId, c.claimed]));
  const tier = tierOf(user);
  const points = user.points ?? 0;
  return {
    points,
    items: templates.map((t) => {
      const exchanged = mine.get(t._id) ?? 0;
      const cost = t.pointsCost as number;
      const unavailable = unavailableReason(t, tier, exchanged);
      return {
        templateId: t._id,
        title: t.title,
        description: t.description ?? '',
        ruleText: describeCoupon(t.rule),
        scopeText: describeCouponScope(t.scope),
        channelText: describeCouponChannel(t.channel),
        pointsCost: cost,
        remaining: t.total === null ? null : Math.max(0, t.total - t.claimed),
        perUserLimit: t.perUserLimit,
        exchanged,
        unavailable,
        affordable: points >= cost,
      };
    }),
  };
};

const exchangeInput = v.object({
  templateId: v.string({ min: 1, max: 64, pattern: /^[^:\s]+$/, label: '优惠券' }),
  // Made once per tap on the client, so a retried request is the same exchange, not a second one.
  requestId: v.string({ min: 8, max: 64, pattern: /^[A-Za-z0-9_-]+$/, label: '请求编号' }),
});

/**
 * Points for a coupon, all or nothing. The coupon is issued first by the shared issuer (template
 * quantity and per-person limit, idempotent by the coupon id), then the points are debited with
 * movePoints; if the debit fails — not enough points, because exchanges fired together spent them —
 * the coupon is withdrawn with its counters, so nobody keeps a coupon they did not pay for and the
 * balance never goes below zero. The request id makes a retried request the same exchange: same
 * coupon (`exchange:<openid>:<requestId>`), same ledger ref (`redeem_coupon:<openid>:<requestId>`).
 */
export const exchange: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const now = ctx.now();
  const { templateId, requestId } = parse(exchangeInput, event);
  const couponId = `exchange:${openid}:${requestId}`;
  const [user, found] = await Promise.all([
    loadMember(ctx.db, openid),
    ctx.db.collection<CouponTemplate>('coupon_templates').where({ _id: templateId, kind: 'points' }).limit(1).get(),
  ]);
  const template = found.data[0];
  if (!template || !template.pointsCost || template.pointsCost <= 0) throw new AppError('NOT_FOUND', '该优惠券不可兑换');
  const cost = template.pointsCost;
  const paidBefore = await ctx.db.collection('points_ledger').where({ ref: ledgerRef('redeem_coupon', [openid, requestId]) }).limit(1).get();
  // Cheap early answer; the debit below is what actually guards the balance.
  if (paidBefore.data.length === 0 && (user.points ?? 0) < cost) throw new AppError('INSUFFICIENT_POINTS', MEMBERSHIP_ERRORS.INSUFFICIENT_POINTS);

  const { coupon } = await issueCoupon(ctx.db, { templateId, openid, ref: couponId, source: 'exchange', now, checks: { tier: tierOf(user) } });
  let moved;
  try {
    moved = await movePoints(ctx.db, { openid, reason: 'redeem_coupon', id: [openid, requestId], delta: -cost, note: template.title }, now);
  } catch (error) {
    await withdrawCoupon(ctx.db, couponId, now);
    throw error;
  }
  return {
    couponId,
    title: coupon.title,
    validTo: new Date(coupon.validTo).toISOString(),
    pointsSpent: cost,
    balance: moved.balance,
    repeated: !moved.applied,
  };
};
