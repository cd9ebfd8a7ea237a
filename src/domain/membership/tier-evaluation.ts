import { addDays, dayKey, startOfDay, type DayKey } from '../business-day';
import { assertFen, ratioFen, type Fen } from '../money';
import { TIERS, nextTier, tierById, type TierId } from '../tiers';
import { addYears } from './calendar';

/**
 * Which tier a member qualifies for, from the paid spend and order count of a rolling 12-month
 * window. The thresholds live in ../tiers.ts; this file only decides who meets them, when the
 * window starts and ends, and how a change of tier is announced.
 *
 * When a change is applied (see tierOnOrderCompletion / tierOnDailyReevaluation):
 * - up, as soon as an order completes, so the reward follows the purchase;
 * - down, only in the daily re-evaluation, so a member never loses a tier in the middle of a
 *   shopping session and hears about it once, in the morning message.
 */

/** A paid order as the window sees it. `amount` is what the customer paid for the order, in fen. */
export interface PaidOrder {
  readonly paidAt: Date;
  readonly amount: Fen;
  /** Fully refunded: counts neither as spend nor as an order. */
  readonly refunded?: boolean;
  /** Part refunded (fen): only the rest counts as spend; the order still counts while something is kept. */
  readonly refundedAmount?: Fen;
}

/** The window already summed, e.g. by a database aggregate over tierWindow(now). */
export interface WindowTotals {
  readonly spend12m: Fen;
  readonly orders12m: number;
}

export type TierInput = readonly PaidOrder[] | WindowTotals;

/**
 * The rolling window, in whole Shanghai business days: the 12 months that END WITH TODAY.
 * An order paid on the same calendar date one year ago is OUT — it is exactly 12 months old,
 * and counting it too would make the window 12 months and a day. So on 2026-11-22 the window is
 * 2025-11-23 .. 2026-11-22; an order paid on 2025-11-22 (at any hour) no longer counts.
 * Whole days (not "now minus 12 months to the millisecond") so the completion hook and the daily
 * job see the same window all day long, whatever hour each of them runs.
 * Today 02-29: one year back is 02-28, so the window starts on 03-01 — again exactly 12 months.
 */
export interface TierWindow {
  readonly firstDay: DayKey;
  readonly lastDay: DayKey;
  /** Start of firstDay (inclusive): query `paidAt >= from`. */
  readonly from: Date;
  /** Start of the day after lastDay (exclusive): query `paidAt < until`. */
  readonly until: Date;
}

export function tierWindow(now: Date): TierWindow {
  const lastDay = dayKey(now);
  const firstDay = addDays(addYears(lastDay, -1), 1);
  return { firstDay, lastDay, from: startOfDay(firstDay), until: startOfDay(addDays(lastDay, 1)) };
}

export function isInWindow(paidAt: Date, window: TierWindow): boolean {
  const t = paidAt.getTime();
  return t >= window.from.getTime() && t < window.until.getTime();
}

/** Spend and order count of the orders paid inside the window ending at `now`, net of refunds. */
export function sumWindow(orders: readonly PaidOrder[], now: Date): WindowTotals {
  const window = tierWindow(now);
  let spend12m = 0;
  let orders12m = 0;
  for (const order of orders) {
    assertFen(order.amount, 'order amount');
    const refundedAmount = order.refundedAmount ?? 0;
    assertFen(refundedAmount, 'refunded amount');
    if (order.amount < 0 || refundedAmount < 0 || refundedAmount > order.amount) {
      throw new RangeError(`order amounts out of range: paid ${order.amount}, refunded ${refundedAmount}`);
    }
    if (order.refunded || !isInWindow(order.paidAt, window)) continue;
    const kept = order.amount - refundedAmount;
    // An order refunded down to nothing is not a purchase: it must not help reach an order count.
    if (kept <= 0) continue;
    spend12m += kept;
    orders12m += 1;
  }
  return { spend12m, orders12m };
}

function totalsOf(input: TierInput, now: Date): WindowTotals {
  if (Array.isArray(input)) return sumWindow(input as readonly PaidOrder[], now);
  const totals = input as WindowTotals;
  assertFen(totals.spend12m, 'spend12m');
  if (totals.spend12m < 0 || !Number.isSafeInteger(totals.orders12m) || totals.orders12m < 0) {
    throw new RangeError(`window totals out of range: ${totals.spend12m} fen, ${totals.orders12m} orders`);
  }
  return { spend12m: totals.spend12m, orders12m: totals.orders12m };
}

/** The highest tier whose spend AND order thresholds are both met (普通 asks for nothing). */
export function qualifyingTier(totals: WindowTotals): TierId {
  for (let i = TIERS.length - 1; i >= 0; i -= 1) {
    const tier = TIERS[i];
    if (totals.spend12m >= tier.minSpend12m && totals.orders12m >= tier.minOrders12m) return tier.id;
  }
  return TIERS[0].id;
}

export interface TierProgress {
  /** The tier being worked towards, or null at the top. */
  readonly next: TierId | null;
  /** Still to spend in the window (fen), 0 when met or at the top. */
  readonly spendNeeded: Fen;
  /** Still to order in the window, 0 when met or at the top. */
  readonly ordersNeeded: number;
  /**
   * For a progress bar, integer 0..100: the LOWER of the spend and order percentages, floored,
   * because both thresholds must be met — the bar is full only when the tier is reached.
   * 100 at the top tier.
   */
  readonly percent: number;
}

function percentOf(have: number, need: number): number {
  if (need <= 0) return 100;
  return Math.min(100, ratioFen(have, 100, need, 'floor'));
}

/**
 * Progress towards the tier above `from`. Counted from zero (spend so far / threshold), which is
 * what the member can check against their own orders.
 */
export function progressFrom(from: TierId, totals: WindowTotals): TierProgress {
  const next = nextTier(from);
  if (!next) return { next: null, spendNeeded: 0, ordersNeeded: 0, percent: 100 };
  return {
    next: next.id,
    spendNeeded: Math.max(0, next.minSpend12m - totals.spend12m),
    ordersNeeded: Math.max(0, next.minOrders12m - totals.orders12m),
    percent: Math.min(percentOf(totals.spend12m, next.minSpend12m), percentOf(totals.orders12m, next.minOrders12m)),
  };
}

export type TierChange = 'upgrade' | 'downgrade' | 'unchanged';

export function compareTiers(from: TierId, to: TierId): TierChange {
  const diff = tierById(to).rank - tierById(from).rank;
  return diff > 0 ? 'upgrade' : diff < 0 ? 'downgrade' : 'unchanged';
}

export interface TierEvaluation {
  readonly current: TierId;
  readonly qualified: TierId;
  /** qualified compared with current. */
  readonly change: TierChange;
  readonly totals: WindowTotals;
  readonly window: TierWindow;
  /**
   * Towards the tier above the HIGHER of current and qualified, so the bar never points at a tier
   * the member already holds (current can be above qualified until tonight's re-evaluation).
   */
  readonly progress: TierProgress;
}

export function evaluateTier(current: TierId, input: TierInput, now: Date): TierEvaluation {
  const totals = totalsOf(input, now);
  const qualified = qualifyingTier(totals);
  const change = compareTiers(current, qualified);
  const base = change === 'downgrade' ? current : qualified;
  return { current, qualified, change, totals, window: tierWindow(now), progress: progressFrom(base, totals) };
}

/** What the member is told: '恭喜升级为金卡会员' / '会员等级调整为银卡会员'; null when nothing changed. */
export function tierChangeNotice(from: TierId, to: TierId): string | null {
  const name = `${tierById(to).name}会员`;
  switch (compareTiers(from, to)) {
    case 'upgrade':
      return `恭喜升级为${name}`;
    case 'downgrade':
      return `会员等级调整为${name}`;
    default:
      return null;
  }
}

export interface TierDecision {
  readonly from: TierId;
  /** The tier to store. */
  readonly to: TierId;
  readonly change: TierChange;
  /** Message for the member, null when the tier stays. */
  readonly notice: string | null;
  readonly evaluation: TierEvaluation;
}

function decide(evaluation: TierEvaluation, to: TierId): TierDecision {
  const from = evaluation.current;
  return { from, to, change: compareTiers(from, to), notice: tierChangeNotice(from, to), evaluation };
}

/**
 * On order completion: move UP to the qualified tier, never down. A member who no longer
 * qualifies keeps the tier until the daily job, so finishing an order never reads as a loss.
 */
export function tierOnOrderCompletion(current: TierId, input: TierInput, now: Date): TierDecision {
  const evaluation = evaluateTier(current, input, now);
  return decide(evaluation, evaluation.change === 'upgrade' ? evaluation.qualified : current);
}

/**
 * The daily job: set the tier to the qualified one, down AND up. Down is its main purpose (orders
 * age out of the window, refunds arrive); up as well, so a missed completion hook never leaves a
 * member waiting for their upgrade until their next order.
 */
export function tierOnDailyReevaluation(current: TierId, input: TierInput, now: Date): TierDecision {
  const evaluation = evaluateTier(current, input, now);
  return decide(evaluation, evaluation.qualified);
}
