/**
 * Where the order side meets the group: the payment function (payment and refund notifications)
 * and the orders function (an unpaid group order closed by its shopper or the timer) call these.
 * The order document's own conditional status change decides first; the group then follows it.
 */
import { AppError } from '../../../../src/domain/reply';
import type { OrderDoc } from '../../../orders/src/order-doc';
import { runEffects } from './effects';
import { applyGroupEvent, type Ctx } from './group-store';

export type HookResult = 'done' | 'retry';

async function feed(ctx: Ctx, groupId: string, events: Parameters<typeof applyGroupEvent>[2][]): Promise<HookResult> {
  try {
    for (const event of events) {
      const { effects } = await applyGroupEvent(ctx, groupId, event);
      await runEffects(ctx, effects);
    }
    return 'done';
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') return 'retry';
    throw error;
  }
}

/**
 * WeChat Pay says a group order was paid. The order waits in `grouping` (not `paid`) until its
 * group fills; the group decides whether the payment takes a place or is refunded. 'retry' when
 * the group stayed too busy to write: the caller answers WeChat Pay with failure so it re-sends.
 */
export async function onGroupOrderPaid(ctx: Ctx, order: OrderDoc, payment: { transactionId: string | null; amount: number }): Promise<HookResult> {
  if (!order.groupbuy) return 'done';
  const now = ctx.now();
  let status = order.status;
  if (status === 'pending_payment') {
    if (payment.amount !== order.payment.amount) {
      // Never seat a payment of another amount; WeChat Pay would not send one for this order.
      console.error('[weave] group payment amount mismatch', order._id, payment.amount, order.payment.amount);
      return 'done';
    }
    const res = await ctx.db
      .collection('orders')
      .where({ _id: order._id, status: 'pending_payment' })
      .update({
        data: {
          status: 'grouping',
          paidAt: now,
          'payment.transactionId': payment.transactionId,
          'payment.paidAt': now,
          updatedAt: now,
          statusHistory: ctx._.push({ status: 'grouping', at: now, by: 'wxpay', note: '已支付，等待成团' }),
        },
      });
    if (res.stats.updated !== 1) {
      const { data } = await ctx.db.collection<OrderDoc>('orders').where({ _id: order._id }).limit(1).get();
      status = data[0]?.status ?? status;
    } else status = 'grouping';
  }
  const paid = { type: 'payment' as const, orderId: order._id, openid: order.openid, amount: payment.amount };
  // A cancel that won the order first must reach the group before the money does, or the money would take a place.
  const events = status === 'cancelled' ? [{ type: 'order_closed' as const, orderId: order._id }, paid] : [paid];
  return feed(ctx, order.groupbuy.groupId, events);
}

/** An unpaid group order was cancelled (by its shopper, the timer or the group ending): its group lets it go. */
export async function onGroupOrderClosed(ctx: Ctx, order: Pick<OrderDoc, '_id' | 'groupbuy'>): Promise<HookResult> {
  if (!order.groupbuy) return 'done';
  return feed(ctx, order.groupbuy.groupId, [{ type: 'order_closed', orderId: order._id }]);
}

/**
 * The refund notification of a group refund: the order becomes `refunded` and the group hears
 * `refund_confirmed`. Both steps are conditional, so a repeated notification changes nothing.
 */
export async function onGroupRefundConfirmed(ctx: Ctx, order: OrderDoc, outRefundNo: string): Promise<HookResult> {
  const now = ctx.now();
  await ctx.db
    .collection('orders')
    .where({ _id: order._id, 'refund.outRefundNo': outRefundNo, 'refund.status': 'approved' })
    .update({
      data: {
        status: 'refunded',
        'refund.status': 'refunded',
        'refund.refundedAt': now,
        updatedAt: now,
        statusHistory: ctx._.push({ status: 'refunded', at: now, by: 'wxpay', note: '已原路退回' }),
      },
    });
  if (!order.groupbuy) return 'done';
  return feed(ctx, order.groupbuy.groupId, [{ type: 'refund_confirmed', orderId: order._id }]);
}
