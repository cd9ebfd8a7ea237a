import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { audit } from '../../../_shared/audit';
import { requireRole } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { cloudPay, envIdOf, nonce, paySucceeded } from '../lib/cloud-pay';
import { loadOrder } from '../lib/load-order';
import { completeRefund } from '../lib/refunds';
import { loadSettings } from '../lib/settings';
import { orderDetail, orderSummary } from '../lib/views';
import type { OrderDoc } from '../order-doc';
import { listShape, statusCondition } from './consumer';

export const adminList: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const { status, page = 1, pageSize = 20 } = parse(listShape, event);
  const { data } = await ctx.db
    .collection<OrderDoc>('orders')
    .where(statusCondition(ctx, status))
    .orderBy('createdAt', 'desc')
    .skip((page - 1) * pageSize)
    .limit(pageSize + 1)
    .get();
  const shown = data.slice(0, pageSize);
  const openids = [...new Set(shown.map((o) => o.openid))];
  const users = openids.length
    ? await ctx.db.collection<{ _id: string; nickName?: string }>('users').where({ _id: ctx._.in(openids) }).field({ nickName: true }).limit(openids.length).get()
    : { data: [] };
  const names = new Map(users.data.map((u) => [u._id, u.nickName ?? '']));
  return {
    orders: shown.map((o) => ({ ...orderSummary(o), buyer: { openid: o.openid, nickName: names.get(o.openid) ?? '' }, refundReason: o.refund?.reason ?? null })),
    hasMore: data.length > pageSize,
    page,
  };
};

const orderIdShape = v.object({ orderId: v.string({ min: 1, max: 64, label: '订单号' }) });

/** Any order, whole, with who bought it: what the manager's order desk shows before shipping or deciding a refund. */
export const adminDetail: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const { orderId } = parse(orderIdShape, event);
  const order = await loadOrder(ctx, orderId);
  const users = await ctx.db.collection<{ _id: string; nickName?: string }>('users').where({ _id: order.openid }).field({ nickName: true }).limit(1).get();
  return { ...orderDetail(order), buyer: { openid: order.openid, nickName: users.data[0]?.nickName ?? '' }, refundReason: order.refund?.reason ?? null };
};

const shipShape = v.object({
  orderId: v.string({ min: 1, max: 64, label: '订单号' }),
  carrier: v.string({ min: 2, max: 20, label: '快递公司' }),
  trackingNo: v.string({ min: 6, max: 40, pattern: /^[A-Za-z0-9-]+$/, label: '快递单号' }),
});

export const ship: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const input = parse(shipShape, event);
  const settings = await loadSettings(ctx);
  const order = await loadOrder(ctx, input.orderId);
  if (order.delivery.method !== 'express') throw new AppError('ORDER_STATE', '自提订单由门店核销，无需发货');
  const now = ctx.now();
  const _ = ctx._;
  const res = await ctx.db
    .collection('orders')
    .where(_.and([{ _id: order._id, status: 'paid' }, _.or([{ refund: null }, { 'refund.status': 'rejected' }])]))
    .update({
      data: {
        status: 'shipped',
        shippedAt: now,
        autoCompleteAt: new Date(now.getTime() + settings.orders.autoCompleteDays * 86_400_000),
        'delivery.express': _.set({ company: input.carrier, trackingNo: input.trackingNo, shippedAt: now }),
        updatedAt: now,
        statusHistory: _.push({ status: 'shipped', at: now, by: 'manager', note: `${input.carrier} ${input.trackingNo}` }),
      },
    });
  if (res.stats.updated !== 1) throw new AppError('ORDER_STATE', order.refund && order.refund.status !== 'rejected' ? '该订单有进行中的退款，不能发货' : '订单当前状态不能发货');
  await audit(ctx, { role: 'manager', action: 'order.ship', target: { collection: 'orders', id: order._id }, detail: { carrier: input.carrier, trackingNo: input.trackingNo } });
  return { orderId: order._id, status: 'shipped' };
};

const reviewShape = v.object({
  orderId: v.string({ min: 1, max: 64, label: '订单号' }),
  approve: v.boolean({ label: '审核结果' }),
  note: v.optional(v.string({ max: 200, label: '审核备注' })),
});

/** Asks WeChat Pay for the refund; the same outRefundNo again is the same refund, never a second one. */
async function requestRefund(ctx: HandlerContext, order: OrderDoc): Promise<void> {
  const refund = order.refund!;
  const settings = await loadSettings(ctx);
  const res = await cloudPay(ctx).refund({
    functionName: 'payment',
    envId: envIdOf(ctx),
    subMchId: settings.subMchId,
    nonceStr: nonce(),
    outTradeNo: order.payment.outTradeNo,
    outRefundNo: refund.outRefundNo,
    totalFee: order.payment.amount,
    refundFee: refund.amount,
  });
  if (!paySucceeded(res)) {
    console.error('[weave] refund failed', order._id, res.returnMsg, res.errCodeDes);
    throw new AppError('REFUND_FAILED', `退款发起失败：${res.errCodeDes || res.returnMsg || '请稍后重试'}`);
  }
}

/**
 * A manager approves or rejects a refund request. Approval asks WeChat Pay for the money back;
 * WeChat Pay's refund notification (the payment function) then completes it. Approving again
 * after a failed call retries it. An order paid with points only has no money to return and
 * completes at once.
 */
export const refundReview: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const input = parse(reviewShape, event);
  const order = await loadOrder(ctx, input.orderId);
  const refund = order.refund;
  if (!refund || (refund.status !== 'requested' && !(input.approve && refund.status === 'approved'))) {
    throw new AppError('ORDER_STATE', '没有待审核的退款申请');
  }
  const now = ctx.now();
  const _ = ctx._;
  if (refund.status === 'requested') {
    const res = await ctx.db
      .collection('orders')
      .where({ _id: order._id, 'refund.id': refund.id, 'refund.status': 'requested' })
      .update({
        data: {
          'refund.status': input.approve ? 'approved' : 'rejected',
          'refund.decidedAt': now,
          'refund.decidedBy': ctx.openid,
          'refund.rejectReason': input.approve ? null : input.note ?? '不符合退款条件',
          updatedAt: now,
          statusHistory: _.push({ status: input.approve ? 'refund_approved' : 'refund_rejected', at: now, by: 'manager', ...(input.note ? { note: input.note } : {}) }),
        },
      });
    if (res.stats.updated !== 1) throw new AppError('CONFLICT');
    await audit(ctx, { role: 'manager', action: input.approve ? 'order.refund.approve' : 'order.refund.reject', target: { collection: 'orders', id: order._id }, detail: { refundId: refund.id, amount: refund.amount, note: input.note ?? null } });
  }
  if (!input.approve) return { orderId: order._id, refund: { status: 'rejected' } };
  const approved = { ...order, refund: { ...refund, status: 'approved' as const } };
  if (order.payment.amount === 0 || !order.payment.transactionId) {
    await completeRefund(ctx, order._id, refund.outRefundNo);
    return { orderId: order._id, refund: { status: 'refunded' } };
  }
  await requestRefund(ctx, approved);
  return { orderId: order._id, refund: { status: 'approved' } };
};
