/**
 * An order becomes paid exactly once, whoever reports it (WeChat Pay's notification, retried for
 * two days, or `pay` itself for an order that costs nothing): the transaction moves it from
 * pending_payment and writes the `paid` event; only that winner spends the held coupon.
 */
import type { HandlerContext } from '../../../_shared/router';
import { spendLockedCoupon } from '../../../_shared/user-coupons';
import type { OrderDoc } from '../order-doc';
import { onGroupOrderPaid } from '../../../groupbuy/src/lib/order-hooks';
import { changeWithEvent, type ChangeResult } from './lifecycle';

export async function markPaid(
  ctx: Pick<HandlerContext, 'db' | '_' | 'cloud' | 'now'>,
  orderId: string,
  payment: { transactionId: string | null; amount: number; by: 'wxpay' | 'system' },
): Promise<ChangeResult> {
  const now = ctx.now();
  const result = await changeWithEvent(ctx, {
    orderId,
    from: ['pending_payment'],
    to: 'paid',
    // Group-buy orders wait in 'grouping' until their group fills: markGroupOrderPaid, never this.
    guard: (o: OrderDoc) => o.payment.amount === payment.amount && o.type !== 'groupbuy',
    set: (o: OrderDoc) => ({
      paidAt: now,
      payment: ctx._.set({ ...o.payment, transactionId: payment.transactionId, paidAt: now }),
    }),
    history: { status: 'paid', by: payment.by },
    event: 'paid',
  });
  if (result.changed && result.order?.couponId) await spendLockedCoupon(ctx.db, ctx._, { couponId: result.order.couponId, orderId }, now);
  return result;
}

/**
 * A group-buy order's payment: the order goes to `grouping` and its group decides whether the
 * money takes a place (the N-th payment moves every member on to `paid`, with the normal `paid`
 * event) or is refunded. 'retry' when the group stayed too busy: WeChat Pay must send it again.
 */
export async function markGroupOrderPaid(
  ctx: Pick<HandlerContext, 'db' | '_' | 'cloud' | 'now'>,
  order: OrderDoc,
  payment: { transactionId: string | null; amount: number },
): Promise<'done' | 'retry'> {
  return onGroupOrderPaid(ctx, order, payment);
}
