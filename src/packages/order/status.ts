/** How an order's status reads and what the shopper may do with it next. */
import type { OrderListFilter, OrderStatus, RefundInfo } from '@/services/orders';

export type StatusTone = 'pending' | 'done' | 'closed' | 'refund';

export function statusTone(status: OrderStatus, refund?: RefundInfo | null): StatusTone {
  if (refund && (refund.status === 'requested' || refund.status === 'approved')) return 'refund';
  if (status === 'refunded') return 'refund';
  if (status === 'cancelled') return 'closed';
  if (status === 'completed') return 'done';
  return 'pending';
}

/** The list tabs, in the order the 我的 page's shortcuts use them. */
export const ORDER_TABS: { key: OrderListFilter; title: string }[] = [
  { key: 'all', title: '全部' },
  { key: 'pending_payment', title: '待付款' },
  { key: 'paid', title: '待发货' },
  { key: 'shipped', title: '已发货' },
  { key: 'completed', title: '已完成' },
  { key: 'refund', title: '退款售后' },
];

export function isOrderTab(value: unknown): value is OrderListFilter {
  return ORDER_TABS.some((t) => t.key === value);
}

const refundOpen = (refund?: RefundInfo | null) => refund?.status === 'requested' || refund?.status === 'approved';

export const canPay = (status: OrderStatus) => status === 'pending_payment';
export const canCancel = (status: OrderStatus) => status === 'pending_payment';
export const canConfirm = (status: OrderStatus, refund?: RefundInfo | null) => status === 'shipped' && !refundOpen(refund);
/** Paid, on its way or received (the server enforces the after-sales window), and no request pending; a rejected one may be asked again. */
export const canRequestRefund = (status: OrderStatus, refund?: RefundInfo | null) =>
  (status === 'paid' || status === 'shipped' || status === 'completed') && !refundOpen(refund) && refund?.status !== 'refunded';

/** mm:ss left until an unpaid order cancels itself; null once it is due. */
export function countdownText(expiresAt: Date | null, now: number): string | null {
  if (!expiresAt) return null;
  const left = Math.floor((expiresAt.getTime() - now) / 1000);
  if (left <= 0) return null;
  const m = Math.floor(left / 60);
  const s = left % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
