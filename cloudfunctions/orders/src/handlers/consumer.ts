import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { requireUser } from '../../../_shared/roles';
import type { Handler } from '../../../_shared/router';
import { buildCheckout, checkoutShape } from '../lib/checkout';
import { cloudPay, envIdOf, nonce, paySucceeded } from '../lib/cloud-pay';
import { cancelUnpaid, changeWithEvent } from '../lib/lifecycle';
import { loadOwnOrder } from '../lib/load-order';
import { markPaid } from '../lib/paid';
import { loadSettings } from '../lib/settings';
import { orderDetail, orderSummary } from '../lib/views';
import type { OrderDoc } from '../order-doc';

const orderIdShape = v.object({ orderId: v.string({ min: 1, max: 64, label: '订单号' }) });

export const preview: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(v.object(checkoutShape), event);
  const settings = await loadSettings(ctx);
  const c = await buildCheckout(ctx, openid, input, settings, { couponMustApply: false, allCoupons: true });
  return {
    lines: c.lines.map((l) => ({ skuId: l.skuId, productId: l.productId, title: l.title, image: l.image, specText: l.specText, unitPrice: l.unitPrice, quantity: l.quantity })),
    breakdown: c.breakdown,
    coupons: c.coupons.map(({ validTo, ...choice }) => ({ ...choice, validTo })),
    pointsBalance: c.pointsBalance,
    ...(c.address ? { address: { id: c.address._id, name: c.address.name, phone: c.address.phone, province: c.address.province, city: c.address.city, district: c.address.district, detail: c.address.detail } } : {}),
    ...(c.store ? { store: { id: c.store._id, name: c.store.name, address: c.store.address, phone: c.store.phone, hours: c.store.hours } } : {}),
  };
};

function isOpen(order: OrderDoc, now: Date): boolean {
  return order.status === 'pending_payment' && new Date(order.expiresAt).getTime() > now.getTime();
}

/**
 * Opens the WeChat Pay order (cloudPay.unifiedOrder); WeChat Pay then notifies the `payment`
 * function. The same order asked twice gets the same prepay id back from WeChat Pay.
 */
export const pay: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const { orderId } = parse(orderIdShape, event);
  const order = await loadOwnOrder(ctx, openid, orderId);
  const now = ctx.now();
  if (order.status !== 'pending_payment') {
    if (order.status === 'cancelled') throw new AppError('ORDER_CLOSED', '订单已关闭');
    throw new AppError('ORDER_PAID', '订单已支付');
  }
  if (!isOpen(order, now)) throw new AppError('ORDER_CLOSED', '订单已超时关闭');
  const base = { orderId, outTradeNo: order.payment.outTradeNo, totalFee: order.payment.amount };
  if (order.payment.amount === 0) {
    await markPaid(ctx, orderId, { transactionId: null, amount: 0, by: 'system' });
    return { ...base, payment: null, status: 'paid' };
  }
  const settings = await loadSettings(ctx);
  const res = await cloudPay(ctx).unifiedOrder({
    body: `织物 Weave-订单${orderId}`,
    outTradeNo: order.payment.outTradeNo,
    spbillCreateIp: '127.0.0.1',
    subMchId: settings.subMchId,
    totalFee: order.payment.amount,
    envId: envIdOf(ctx),
    functionName: 'payment',
    nonceStr: nonce(),
    tradeType: 'JSAPI',
  });
  if (!paySucceeded(res) || !res.payment) {
    console.error('[weave] unifiedOrder failed', orderId, res.returnMsg, res.errCodeDes);
    if (res.errCodeDes === '该订单已支付') throw new AppError('ORDER_PAID', '订单已支付');
    throw new AppError('PAYMENT_FAILED', `发起支付失败：${res.errCodeDes || res.returnMsg || '请稍后重试'}`);
  }
  await ctx.db.collection('orders').where({ _id: orderId, payRequestedAt: null }).update({ data: { payRequestedAt: now } });
  return { ...base, payment: res.payment, status: order.status };
};

export const cancel: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const { orderId } = parse(orderIdShape, event);
  const order = await loadOwnOrder(ctx, openid, orderId);
  if (order.status === 'cancelled') return { orderId, status: 'cancelled' };
  if (order.status !== 'pending_payment' || !(await cancelUnpaid(ctx, order, 'user', '用户取消'))) {
    throw new AppError('ORDER_STATE', '订单已支付，无法取消，如需退款请申请售后');
  }
  return { orderId, status: 'cancelled' };
};

const refundOpen = (o: OrderDoc) => o.refund !== null && (o.refund.status === 'requested' || o.refund.status === 'approved');

export const confirm: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const { orderId } = parse(orderIdShape, event);
  const order = await loadOwnOrder(ctx, openid, orderId);
  if (order.status === 'completed') return { orderId, status: 'completed' };
  const now = ctx.now();
  const res = await changeWithEvent(ctx, {
    orderId,
    from: ['shipped'],
    to: 'completed',
    guard: (o) => o.openid === openid && !refundOpen(o),
    set: () => ({ completedAt: now }),
    history: { status: 'completed', by: 'user', note: '确认收货' },
    event: 'completed',
  });
  if (!res.changed) throw new AppError('ORDER_STATE', order.refund && refundOpen(order) ? '退款处理中，暂不能确认收货' : '订单当前状态不能确认收货');
  return { orderId, status: 'completed' };
};

const LIST_FILTERS = ['all', 'pending_payment', 'paid', 'shipped', 'completed', 'refund'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export const listShape = v.object({
  status: v.optional(v.oneOf(LIST_FILTERS, { label: '订单状态' })),
  page: v.optional(v.int({ min: 1, max: 1000, label: '页码' })),
  pageSize: v.optional(v.int({ min: 1, max: 50, label: '每页数量' })),
});

export function statusCondition(ctx: { _: import('../../../_shared/db-types').Command }, status: ListFilter | undefined): Record<string, unknown> {
  const _ = ctx._;
  switch (status ?? 'all') {
    case 'all':
      return {};
    case 'paid':
      return { status: _.in(['paid', 'grouping']) };
    case 'refund':
      return { 'refund.status': _.in(['requested', 'approved', 'refunded', 'rejected']) };
    default:
      return { status };
  }
}

export const list: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const { status, page = 1, pageSize = 10 } = parse(listShape, event);
  const { data } = await ctx.db
    .collection<OrderDoc>('orders')
    .where({ openid, ...statusCondition(ctx, status) })
    .orderBy('createdAt', 'desc')
    .skip((page - 1) * pageSize)
    .limit(pageSize + 1)
    .get();
  return { orders: data.slice(0, pageSize).map(orderSummary), hasMore: data.length > pageSize, page };
};

export const detail: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const { orderId } = parse(orderIdShape, event);
  return orderDetail(await loadOwnOrder(ctx, openid, orderId));
};

const refundShape = v.object({
  orderId: v.string({ min: 1, max: 64, label: '订单号' }),
  reason: v.string({ min: 1, max: 100, label: '退款原因' }),
  description: v.optional(v.string({ max: 500, label: '问题描述' })),
  photos: v.optional(v.array(v.string({ min: 1, max: 512, pattern: /^cloud:\/\//, label: '凭证图片' }), { max: 6, label: '凭证图片' })),
});

/** After-sales: paid, shipped, or completed within the window; a rejected request may be made again. */
export const refundRequest: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(refundShape, event);
  const order = await loadOwnOrder(ctx, openid, input.orderId);
  const settings = await loadSettings(ctx);
  const now = ctx.now();
  if (!['paid', 'shipped', 'completed'].includes(order.status)) throw new AppError('ORDER_STATE', '订单当前状态不能申请退款');
  if (order.status === 'completed') {
    const closesAt = new Date(order.completedAt ?? order.updatedAt).getTime() + settings.orders.refundWindowDays * 86_400_000;
    if (now.getTime() > closesAt) throw new AppError('REFUND_WINDOW_CLOSED', `已超过售后期（完成后${settings.orders.refundWindowDays}天）`);
  }
  if (order.refund && order.refund.status !== 'rejected') throw new AppError('REFUND_EXISTS', '已提交过退款申请');
  const attempt = order.statusHistory.filter((h) => h.status === 'refund_requested').length + 1;
  const refundId = `${order._id}R${attempt}`;
  const refund = {
    id: refundId,
    status: 'requested',
    reason: input.description ? `${input.reason}：${input.description}` : input.reason,
    photos: input.photos ?? [],
    amount: order.payment.amount,
    outRefundNo: refundId,
    requestedAt: now,
    decidedAt: null,
    decidedBy: null,
    rejectReason: null,
    refundedAt: null,
  };
  const res = await ctx.db
    .collection('orders')
    .where({ _id: order._id, openid, status: order.status, ...(order.refund ? { 'refund.id': order.refund.id, 'refund.status': 'rejected' } : { refund: null }) })
    .update({ data: { refund: ctx._.set(refund), updatedAt: now, statusHistory: ctx._.push({ status: 'refund_requested', at: now, by: 'user', note: input.reason }) } });
  if (res.stats.updated !== 1) throw new AppError('CONFLICT');
  return { orderId: order._id, refund: { id: refundId, status: 'requested', statusText: '退款审核中', amount: refund.amount } };
};
