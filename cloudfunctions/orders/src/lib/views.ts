/** What the phone sees of an order: summaries for lists, the whole story for the detail page. */
import { historyText, REFUND_STATUS_TEXT, STATUS_TEXT, type OrderDoc } from '../order-doc';

export function refundView(refund: OrderDoc['refund']) {
  if (!refund) return null;
  return {
    id: refund.id,
    status: refund.status,
    statusText: REFUND_STATUS_TEXT[refund.status],
    reason: refund.reason,
    photos: refund.photos,
    amount: refund.amount,
    requestedAt: refund.requestedAt,
    decidedAt: refund.decidedAt,
    rejectReason: refund.rejectReason,
    refundedAt: refund.refundedAt,
  };
}

export function orderSummary(o: OrderDoc) {
  return {
    id: o._id,
    status: o.status,
    statusText: STATUS_TEXT[o.status],
    createdAt: o.createdAt,
    payable: o.pricing.payable,
    itemCount: o.itemCount,
    lines: o.items.slice(0, 3).map((it) => ({ skuId: it.skuId, image: it.image, title: it.title, specText: it.specText, quantity: it.quantity, unitPrice: it.unitPrice })),
    lineCount: o.items.length,
    delivery: o.delivery.method,
    ...(o.status === 'pending_payment' ? { expiresAt: o.expiresAt } : {}),
    ...(o.refund ? { refund: { status: o.refund.status, statusText: REFUND_STATUS_TEXT[o.refund.status] } } : {}),
  };
}

export function orderDetail(o: OrderDoc) {
  return {
    id: o._id,
    status: o.status,
    statusText: STATUS_TEXT[o.status],
    type: o.type,
    groupbuy: o.groupbuy ? { groupId: o.groupbuy.groupId, role: o.groupbuy.role } : null,
    createdAt: o.createdAt,
    items: o.items.map((it) => ({
      skuId: it.skuId,
      productId: it.productId,
      title: it.title,
      specText: it.specText,
      image: it.image,
      quantity: it.quantity,
      unitPrice: it.unitPrice,
      listPrice: it.listPrice,
      lineTotal: it.lineTotal,
      paid: it.paid,
    })),
    itemCount: o.itemCount,
    payable: o.pricing.payable,
    breakdown: o.pricing,
    couponId: o.couponId,
    delivery: o.delivery,
    payment: { outTradeNo: o.payment.outTradeNo, amount: o.payment.amount, paidAt: o.payment.paidAt, transactionId: o.payment.transactionId },
    refund: refundView(o.refund),
    remark: o.remark,
    history: o.statusHistory.map((h) => ({ status: h.status, statusText: historyText(h.status), at: h.at, ...(h.note ? { note: h.note } : {}) })),
    ...(o.status === 'pending_payment' ? { expiresAt: o.expiresAt } : {}),
    paidAt: o.paidAt,
    shippedAt: o.shippedAt,
    completedAt: o.completedAt,
    autoCompleteAt: o.autoCompleteAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    pointsEarnable: o.pricing.pointsEarnable,
  };
}
