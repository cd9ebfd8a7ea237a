import type { Handler } from '../../../_shared/router';
import { dispatchPendingOrderEvents } from '../../../_shared/order-events';
import { cancelUnpaid, changeWithEvent } from '../lib/lifecycle';
import type { OrderDoc } from '../order-doc';

const BATCH = 100;

/** Every minute: unpaid orders past expiresAt are cancelled and give back what they held. */
export const autoCancel: Handler = async (_event, ctx) => {
  const { data } = await ctx.db
    .collection<OrderDoc>('orders')
    .where({ status: 'pending_payment', expiresAt: ctx._.lte(ctx.now()) })
    .orderBy('expiresAt', 'asc')
    .limit(BATCH)
    .get();
  let cancelled = 0;
  for (const order of data) if (await cancelUnpaid(ctx, order, 'system', '超时未支付，订单已自动取消')) cancelled += 1;
  return { cancelled, seen: data.length };
};

/** Hourly: shipped orders past autoCompleteAt complete themselves (unless a refund is under way). */
export const autoComplete: Handler = async (_event, ctx) => {
  const { data } = await ctx.db
    .collection<OrderDoc>('orders')
    .where({ status: 'shipped', autoCompleteAt: ctx._.lte(ctx.now()) })
    .orderBy('autoCompleteAt', 'asc')
    .limit(BATCH)
    .get();
  let completed = 0;
  for (const order of data) {
    const now = ctx.now();
    const res = await changeWithEvent(ctx, {
      orderId: order._id,
      from: ['shipped'],
      to: 'completed',
      guard: (o) => !(o.refund && (o.refund.status === 'requested' || o.refund.status === 'approved')),
      set: () => ({ completedAt: now }),
      history: { status: 'completed', by: 'system', note: '超时自动确认收货' },
      event: 'completed',
    });
    if (res.changed) completed += 1;
  }
  return { completed, seen: data.length };
};

/** Events whose subscribers did not all acknowledge right after the change. */
export const dispatchEvents: Handler = async (_event, ctx) => dispatchPendingOrderEvents(ctx.db, ctx.cloud);
