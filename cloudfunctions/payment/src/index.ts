/**
 * The function WeChat Pay calls (unifiedOrder / refund name it in functionName): a payment
 * notification marks the order paid, a refund notification completes the refund. WeChat Pay keeps
 * retrying until it gets `{ errcode: 0 }`, for up to two days, so every path is idempotent and
 * only acknowledges once its work is done; anything unexpected is left for the next retry.
 *
 * It is not an action router: the notification is the event itself.
 */
import { createContext, type HandlerContext } from '../../_shared/router';
import { isGroupRefundNo } from '../../groupbuy/src/lib/effects';
import { onGroupRefundConfirmed } from '../../groupbuy/src/lib/order-hooks';
import { cloudPay, envIdOf, nonce, paySucceeded } from '../../orders/src/lib/cloud-pay';
import { loadOrder } from '../../orders/src/lib/load-order';
import { markGroupOrderPaid, markPaid } from '../../orders/src/lib/paid';
import { completeRefund } from '../../orders/src/lib/refunds';
import { loadSettings } from '../../orders/src/lib/settings';
import type { OrderDoc } from '../../orders/src/order-doc';

export interface PayNotification {
  returnCode?: string;
  resultCode?: string;
  outTradeNo?: string;
  transactionId?: string;
  totalFee?: number;
  subOpenid?: string;
  reqInfo?: { outTradeNo?: string; outRefundNo?: string; refundStatus?: string; refundFee?: number };
}

const ACK = { errcode: 0, errmsg: 'OK' };
const retry = (why: string) => ({ errcode: -1, errmsg: why });

/** out_refund_no of the automatic refund of a payment that arrived after its order was closed. */
export const latePaymentRefundNo = (orderId: string) => `${orderId}LATE`;

/** The order was cancelled (timer or user) before this payment landed: the money goes back. */
async function refundLatePayment(ctx: HandlerContext, order: OrderDoc, note: PayNotification): Promise<boolean> {
  const outRefundNo = latePaymentRefundNo(order._id);
  const now = ctx.now();
  await ctx.db
    .collection('orders')
    .where({ _id: order._id, status: 'cancelled', latePayment: null })
    .update({ data: { latePayment: ctx._.set({ transactionId: note.transactionId ?? '', outRefundNo, at: now, refundedAt: null }), updatedAt: now } });
  const settings = await loadSettings(ctx);
  const res = await cloudPay(ctx).refund({
    functionName: 'payment',
    envId: envIdOf(ctx),
    subMchId: settings.subMchId,
    nonceStr: nonce(),
    outTradeNo: order.payment.outTradeNo,
    outRefundNo,
    totalFee: note.totalFee,
    refundFee: note.totalFee,
  });
  if (!paySucceeded(res)) console.error('[weave] late payment refund failed', order._id, res.returnMsg, res.errCodeDes);
  return paySucceeded(res);
}

async function onPayment(ctx: HandlerContext, note: PayNotification) {
  if (note.returnCode !== 'SUCCESS' || note.resultCode !== 'SUCCESS' || !note.outTradeNo) return ACK; // not a successful payment: nothing to do
  const orderId = note.outTradeNo;
  const groupOrder = await loadOrder(ctx, orderId).catch(() => null);
  if (groupOrder?.type === 'groupbuy') {
    const outcome = await markGroupOrderPaid(ctx, groupOrder, { transactionId: note.transactionId ?? null, amount: note.totalFee ?? -1 });
    return outcome === 'done' ? ACK : retry('group busy');
  }
  const { changed, order } = await markPaid(ctx, orderId, { transactionId: note.transactionId ?? null, amount: note.totalFee ?? -1, by: 'wxpay' });
  if (changed) return ACK;
  if (!order) {
    console.error('[weave] payment for an unknown order', orderId);
    return ACK;
  }
  if (order.status === 'cancelled') return (await refundLatePayment(ctx, order, note)) ? ACK : retry('late payment refund failed');
  if (order.status === 'pending_payment') {
    // Still unpaid, so the guard refused it: the amount differs from the order's. Never mark it paid.
    console.error('[weave] payment amount mismatch', orderId, note.totalFee, order.payment.amount);
    return ACK;
  }
  return ACK; // already paid (a repeat notification)
}

async function onRefund(ctx: HandlerContext, note: PayNotification) {
  const info = note.reqInfo ?? {};
  if (note.returnCode !== 'SUCCESS' || info.refundStatus !== 'SUCCESS' || !info.outTradeNo || !info.outRefundNo) return ACK;
  const order = await loadOrder(ctx, info.outTradeNo).catch(() => null);
  if (!order) return ACK;
  if (isGroupRefundNo(info.outRefundNo)) return (await onGroupRefundConfirmed(ctx, order, info.outRefundNo)) === 'done' ? ACK : retry('group busy');
  if (info.outRefundNo === latePaymentRefundNo(order._id)) {
    await ctx.db
      .collection('orders')
      .where({ _id: order._id, 'latePayment.outRefundNo': info.outRefundNo, 'latePayment.refundedAt': null })
      .update({ data: { 'latePayment.refundedAt': ctx.now() } });
    return ACK;
  }
  await completeRefund(ctx, order._id, info.outRefundNo);
  return ACK;
}

export async function main(event: unknown): Promise<{ errcode: number; errmsg: string }> {
  const ctx = createContext();
  const note = (typeof event === 'object' && event !== null ? event : {}) as PayNotification;
  try {
    return note.reqInfo ? await onRefund(ctx, note) : await onPayment(ctx, note);
  } catch (error) {
    console.error('[weave] payment notification failed; WeChat Pay will retry', error);
    return retry('internal error');
  }
}
