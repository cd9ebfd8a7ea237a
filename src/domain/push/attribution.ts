/**
 * Which campaign gets credit for an order: one that was delivered to the buyer at most 7 days
 * (7 x 24 h) before the order was paid; when several qualify, the latest delivered one (last touch).
 * An order is credited to at most one campaign, so campaign reports never add up to more orders
 * than were paid.
 */
import type { Fen } from '../money';

export const ATTRIBUTION_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface DeliveredSend {
  campaignId: string;
  openid: string;
  sentAt: number;
}

export interface PaidOrder {
  orderId: string;
  openid: string;
  paidAt: number;
  /** Amount paid, in fen. */
  amount: Fen;
}

/** Inside the window: sentAt <= paidAt < sentAt + window (paid exactly 7 days later is out). */
export function withinAttributionWindow(sentAt: number, paidAt: number, windowMs: number = ATTRIBUTION_WINDOW_MS): boolean {
  return paidAt >= sentAt && paidAt < sentAt + windowMs;
}

/** The send that gets the order, or null. Ties (same instant) go to the campaign id that sorts first. */
export function attributeOrder(order: PaidOrder, sends: readonly DeliveredSend[], windowMs: number = ATTRIBUTION_WINDOW_MS): DeliveredSend | null {
  let best: DeliveredSend | null = null;
  for (const s of sends) {
    if (s.openid !== order.openid || !withinAttributionWindow(s.sentAt, order.paidAt, windowMs)) continue;
    if (!best || s.sentAt > best.sentAt || (s.sentAt === best.sentAt && s.campaignId < best.campaignId)) best = s;
  }
  return best;
}

/** orderId -> campaignId for every order some campaign gets. */
export function attributeOrders(orders: readonly PaidOrder[], sends: readonly DeliveredSend[], windowMs: number = ATTRIBUTION_WINDOW_MS): Map<string, string> {
  const byUser = new Map<string, DeliveredSend[]>();
  for (const s of sends) byUser.set(s.openid, [...(byUser.get(s.openid) ?? []), s]);
  const result = new Map<string, string>();
  for (const o of orders) {
    const winner = attributeOrder(o, byUser.get(o.openid) ?? [], windowMs);
    if (winner) result.set(o.orderId, winner.campaignId);
  }
  return result;
}
