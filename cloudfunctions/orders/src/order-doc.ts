/** Documents the orders function reads and writes (docs/data-model.md; shapes in scripts/seed/types.ts). */
import type {
  AddressDoc,
  OrderDoc as SeedOrderDoc,
  OrderRefund,
  OrderStatus,
  ProductDoc,
  SkuDoc,
  StatusChange,
  StoreDoc,
  UserCouponDoc,
} from '../../../scripts/seed/types';

export type { AddressDoc, OrderRefund, OrderStatus, ProductDoc, SkuDoc, StatusChange, StoreDoc, UserCouponDoc };

/** Orders placed through `create` also carry the client's idempotency key (seeded ones do not). */
export type OrderDoc = SeedOrderDoc & {
  requestId?: string;
  /** Set once a WeChat Pay order was opened for it: a cancel then closes that payment too. */
  payRequestedAt?: Date | null;
  /** A payment that arrived after the order was cancelled, refunded automatically. */
  latePayment?: { transactionId: string; outRefundNo: string; at: Date; refundedAt: Date | null } | null;
};

/** `<openid>:<requestId>`: claimed before anything is reserved, so the same request makes one order. */
export interface OrderRequestDoc {
  _id: string;
  orderId: string;
  openid: string;
  createdAt: Date;
}

export const STATUS_TEXT: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  grouping: '拼团中',
  paid: '已支付',
  shipped: '已发货',
  completed: '已完成',
  cancelled: '已取消',
  refunded: '已退款',
};

export const REFUND_STATUS_TEXT: Record<OrderRefund['status'], string> = {
  requested: '退款审核中',
  approved: '退款中',
  rejected: '退款被拒绝',
  refunded: '已退款',
};

const HISTORY_TEXT: Record<StatusChange['status'], string> = {
  ...STATUS_TEXT,
  refund_requested: '申请退款',
  refund_approved: '退款审核通过',
  refund_rejected: '退款被拒绝',
};

export function historyText(status: StatusChange['status']): string {
  return HISTORY_TEXT[status] ?? status;
}
