/**
 * The order a manager opened from the list. The orders function has no manager detail action yet
 * (adminList carries the summary, the buyer and the refund reason), so the order page starts from
 * this summary and uses `adminDetail` whenever the server offers it.
 */
import { create } from 'zustand';
import type { OrderDetail, OrderSummary } from '@/services/orders';

export type ManagerSummary = OrderSummary & { refundReason?: string | null; delivery?: string | OrderDetail['delivery'] };

interface PickedOrderState {
  byId: Record<string, ManagerSummary>;
  remember(orders: ManagerSummary[]): void;
}

export const usePickedOrders = create<PickedOrderState>((set, get) => ({
  byId: {},
  remember: (orders) => set({ byId: { ...get().byId, ...Object.fromEntries(orders.map((o) => [o.id, o])) } }),
}));

/** The summary shaped as a detail: what the list knows, nothing made up. */
export function detailFromSummary(s: ManagerSummary): OrderDetail {
  const method = typeof s.delivery === 'string' ? s.delivery : s.delivery?.method ?? 'express';
  return {
    ...s,
    items: s.lines,
    breakdown: {
      lines: [{ key: 'payable', label: '实付金额', amount: s.payable }],
    } as OrderDetail['breakdown'],
    delivery: typeof s.delivery === 'object' && s.delivery ? s.delivery : { method: method === 'pickup' ? 'pickup' : 'express' },
    history: [],
    refund: s.refund ? { ...s.refund, reason: s.refund.reason ?? s.refundReason ?? undefined } : null,
  };
}
