/**
 * The end of a refund, reached from WeChat Pay's refund notification (or at once for an order with
 * nothing to pay back): the order becomes refunded with its `refunded` event, and only then, once,
 * stock, the coupon and the points come back.
 */
import type { HandlerContext } from '../../../_shared/router';
import { changeWithEvent, giveBackRefund } from './lifecycle';

export async function completeRefund(ctx: Pick<HandlerContext, 'db' | '_' | 'cloud' | 'now'>, orderId: string, outRefundNo: string): Promise<boolean> {
  const now = ctx.now();
  const res = await changeWithEvent(ctx, {
    orderId,
    from: ['paid', 'grouping', 'shipped', 'completed'],
    to: 'refunded',
    guard: (o) => o.refund !== null && o.refund.status === 'approved' && o.refund.outRefundNo === outRefundNo,
    set: () => ({ 'refund.status': 'refunded', 'refund.refundedAt': now }),
    history: { status: 'refunded', by: 'wxpay' },
    event: 'refunded',
    refund: undefined,
  });
  if (!res.changed || !res.order) return false;
  await giveBackRefund(ctx, res.order, res.order.refund!.id);
  return true;
}
