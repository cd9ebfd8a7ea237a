/**
 * An order becomes paid exactly once, whoever reports it (WeChat Pay's notification, retried for
 * two days, or `pay` itself for an order that costs nothing): the transaction moves it from
 * pending_payment and writes the `paid` event; only that winner spends the held coupon.
 */
import type { HandlerContext } from '../../../_shared/router';
import { spendLockedCoupon } from '../../../_shared/user-coupons';
import type { OrderDoc } from '../order-doc';
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
    // group-buy orders wait in 'grouping' until their group fills (the group-buy flow moves them on).
    to: 'paid',
    guard: (o: OrderDoc) => o.payment.amount === payment.amount,
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
