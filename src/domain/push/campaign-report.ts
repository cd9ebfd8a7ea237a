/**
 * A campaign's report, from the per-user outcome records the sending job writes
 * (`campaign_sends/<campaignId>:<openid>`), the landing-page visits, and paid orders:
 *
 *   targeted  = everyone the audience selected         = pending + unreachable + reachable
 *   reachable = those the rules let us try             = sent + failed
 *   landing visits: campaign_visit events from recipients within the attribution window of their send
 *   orders / GMV:  paid orders credited to this campaign by attribution.ts (7 days, last touch)
 */
import { addFen, type Fen } from '../money';
import { ATTRIBUTION_WINDOW_MS, attributeOrders, withinAttributionWindow, type DeliveredSend, type PaidOrder } from './attribution';
import { UNREACHABLE_REASONS, type UnreachableReason } from './reachability';
import { SEND_FAILURE_REASONS, type SendFailureReason } from './send-result';

export type SendOutcome =
  /** Not processed yet: sending in progress, or deferred past quiet hours. */
  | { openid: string; status: 'pending' }
  | { openid: string; status: 'unreachable'; reason: UnreachableReason }
  | { openid: string; status: 'failed'; reason: SendFailureReason }
  | { openid: string; status: 'sent'; sentAt: number };

export interface CampaignVisit {
  openid: string;
  campaignId: string;
  at: number;
}

export interface CampaignReport {
  campaignId: string;
  targeted: number;
  pending: number;
  unreachable: number;
  unreachableByReason: Record<UnreachableReason, number>;
  reachable: number;
  sent: number;
  failed: number;
  failedByReason: Record<SendFailureReason, number>;
  landingVisits: number;
  landingVisitors: number;
  orders: number;
  buyers: number;
  /** Sum of the attributed orders' paid amounts, in fen. */
  gmv: Fen;
}

export interface CampaignReportInput {
  campaignId: string;
  outcomes: readonly SendOutcome[];
  visits: readonly CampaignVisit[];
  /** Paid orders of the recipients from the first send until 7 days after the last. */
  orders: readonly PaidOrder[];
  /** Other campaigns' deliveries to the same users in that period, so last touch can be decided. */
  otherSends: readonly DeliveredSend[];
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function campaignReport(input: CampaignReportInput, windowMs: number = ATTRIBUTION_WINDOW_MS): CampaignReport {
  const { campaignId } = input;
  // One record per user; if a retry left two, the later one is the truth.
  const byUser = new Map<string, SendOutcome>();
  for (const o of input.outcomes) byUser.set(o.openid, o);
  const outcomes = [...byUser.values()];

  const unreachableByReason = zeroes(UNREACHABLE_REASONS);
  const failedByReason = zeroes(SEND_FAILURE_REASONS);
  const delivered: DeliveredSend[] = [];
  let pending = 0;
  for (const o of outcomes) {
    if (o.status === 'pending') pending += 1;
    else if (o.status === 'unreachable') unreachableByReason[o.reason] += 1;
    else if (o.status === 'failed') failedByReason[o.reason] += 1;
    else delivered.push({ campaignId, openid: o.openid, sentAt: o.sentAt });
  }
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const failed = sum(failedByReason);

  const sentAt = new Map(delivered.map((d) => [d.openid, d.sentAt]));
  const visits = input.visits.filter((v) => {
    const at = sentAt.get(v.openid);
    return v.campaignId === campaignId && at !== undefined && withinAttributionWindow(at, v.at, windowMs);
  });

  const credited = attributeOrders(input.orders, [...delivered, ...input.otherSends.filter((s) => s.campaignId !== campaignId)], windowMs);
  const ours = input.orders.filter((o) => credited.get(o.orderId) === campaignId);

  return {
    campaignId,
    targeted: outcomes.length,
    pending,
    unreachable: sum(unreachableByReason),
    unreachableByReason,
    reachable: delivered.length + failed,
    sent: delivered.length,
    failed,
    failedByReason,
    landingVisits: visits.length,
    landingVisitors: new Set(visits.map((v) => v.openid)).size,
    orders: ours.length,
    buyers: new Set(ours.map((o) => o.openid)).size,
    gmv: addFen(0, ...ours.map((o) => o.amount)),
  };
}
