import { cappedDebit } from '../../../../src/domain/membership/points-ledger';
import { clawbackForRefund, pointsOnCompletion, type OrderPoints } from '../../../../src/domain/membership/points-earning';
import { tierOnOrderCompletion } from '../../../../src/domain/membership/tier-evaluation';
import { AppError } from '../../../../src/domain/reply';
import { isTierId } from '../../../../src/domain/tiers';
import { parse, v } from '../../../../src/domain/validate';
import { movePoints } from '../../../_shared/points';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { applyTierDecision } from '../tier';
import { loadMember, ordersInWindow, refundedAmountOf, tierOf, type OrderForMembership } from '../member';

const eventInput = v.object({
  type: v.oneOf(['paid', 'completed', 'refunded'] as const, { label: '事件类型' }),
  orderId: v.string({ min: 1, max: 64, pattern: /^[^:\s]+$/, label: '订单号' }),
  openid: v.string({ min: 1, max: 128, label: '用户' }),
  payload: v.optional(
    v.object({
      refundId: v.optional(v.string({ min: 1, max: 64, pattern: /^[^:\s]+$/ })),
      refundAmount: v.optional(v.int({ min: 0 })),
    }),
  ),
});

async function loadOrder(ctx: HandlerContext, orderId: string, openid: string): Promise<OrderForMembership> {
  const found = await ctx.db.collection<OrderForMembership>('orders').where({ _id: orderId, openid }).limit(1).get();
  if (!found.data[0]) throw new AppError('NOT_FOUND', '订单不存在');
  return found.data[0];
}

function orderPoints(order: OrderForMembership): OrderPoints {
  return { merchandisePaid: order.pricing?.merchandisePaid ?? 0, tierId: isTierId(order.tierId) ? order.tierId : 'normal' };
}

/** Completed: points on what was kept, at the tier recorded when it was paid; then the tier may go up. */
async function onCompleted(ctx: HandlerContext, order: OrderForMembership, now: Date) {
  const points = orderPoints(order);
  const earn = pointsOnCompletion(points, Math.min(points.merchandisePaid, refundedAmountOf(order)));
  let credited = 0;
  if (earn > 0) {
    const moved = await movePoints(ctx.db, { openid: order.openid, reason: 'order_earn', id: order._id, delta: earn }, now);
    if (moved.applied) credited = earn;
    await ctx.db.collection('orders').where({ _id: order._id, pointsEarned: ctx._.neq(earn) }).update({ data: { pointsEarned: earn } });
  }
  const user = await loadMember(ctx.db, order.openid);
  const decision = tierOnOrderCompletion(tierOf(user), await ordersInWindow(ctx, order.openid, now), now);
  const upgraded = await applyTierDecision(ctx, order.openid, decision, now);
  return { credited, tier: upgraded ? decision.to : tierOf(user) };
}

/**
 * Refunded after completion: the same share of the points comes back, floored in the member's
 * favour, capped at the balance (cappedDebit) since they may have spent them. Before completion
 * there is nothing to take: completion credits only what was kept.
 */
async function onRefunded(ctx: HandlerContext, order: OrderForMembership, refund: { refundId?: string; refundAmount?: number }, now: Date) {
  const earned = await ctx.db.collection('points_ledger').where({ ref: `order_earn:${order._id}` }).limit(1).get();
  if (earned.data.length === 0) return { clawedBack: 0, shortfall: 0 };
  const points = orderPoints(order);
  const refundId = refund.refundId ?? order.refund?.id ?? order._id;
  const amount = Math.min(points.merchandisePaid, refund.refundAmount ?? refundedAmountOf(order));
  const due = clawbackForRefund(points, 0, amount);
  if (due <= 0) return { clawedBack: 0, shortfall: 0 };
  let shortfall = 0;
  try {
    const moved = await movePoints(
      ctx.db,
      {
        openid: order.openid,
        reason: 'order_clawback',
        id: refundId,
        delta: (user) => {
          const take = cappedDebit(user.points ?? 0, due);
          shortfall = take.shortfall;
          if (take.delta === 0) throw new AppError('NOTHING_TO_TAKE', '积分已用完');
          return take.delta;
        },
        note: `退款${refundId}`,
      },
      now,
    );
    if (shortfall > 0) console.warn('[membership] clawback shortfall written off', order._id, shortfall);
    return { clawedBack: moved.applied ? due - shortfall : 0, shortfall };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOTHING_TO_TAKE') {
      console.warn('[membership] clawback shortfall written off', order._id, due);
      return { clawedBack: 0, shortfall: due };
    }
    throw error;
  }
}

/**
 * Subscriber of the order outbox (cloudfunctions/_shared/order-events.ts). Delivery is at least
 * once, so every effect is keyed: order_earn by the order id, order_clawback by the refund id.
 */
export const onOrderEvent: Handler = async (event, ctx) => {
  // Only another function (the outbox dispatcher) may report order events: WeChat marks such calls
  // with 'scf' in SOURCE. A mini program calling this action directly is refused.
  const source = String(ctx.cloud.getWXContext().SOURCE ?? '');
  if (!source.split(',').includes('scf')) throw new AppError('FORBIDDEN');
  const input = parse(eventInput, event.event);
  const now = ctx.now();
  if (input.type === 'paid') return { handled: 'paid' };
  const order = await loadOrder(ctx, input.orderId, input.openid);
  if (input.type === 'completed') return { handled: 'completed', ...(await onCompleted(ctx, order, now)) };
  return { handled: 'refunded', ...(await onRefunded(ctx, order, input.payload ?? {}, now)) };
};
