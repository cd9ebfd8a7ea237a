/**
 * RFM: recency, frequency and monetary value of a customer's paid orders, each scored 1..5 by cut
 * points, then one named segment from the three scores. Configuration is RFM_CONFIG; the segment
 * table is in rfmSegment and docs/tags-and-push.md.
 */
import { addFen, type Fen } from '../money';
import { daysAgo, withinLastDays } from './window';

export type RfmScore = 1 | 2 | 3 | 4 | 5;

export interface RfmConfig {
  /** Frequency and monetary look at today and the 364 Shanghai days before (12 months). */
  readonly windowDays: number;
  /** Days since the last paid order, ascending: <= [0] scores 5, <= [1] 4, <= [2] 3, <= [3] 2, beyond 1. */
  readonly recencyDays: readonly [number, number, number, number];
  /** Paid orders in the window, ascending: >= [0] scores 2, >= [1] 3, >= [2] 4, >= [3] 5, below [0] 1. */
  readonly frequencyOrders: readonly [number, number, number, number];
  /** Spend in the window in fen, ascending, scored like frequency. */
  readonly monetaryFen: readonly [Fen, Fen, Fen, Fen];
  /** A score at or above this is "high" when naming segments. */
  readonly highFrom: RfmScore;
  /** A customer whose recency score is at most this, and low on F and M, is 流失客户. */
  readonly lostRecencyAtMost: RfmScore;
}

// Cut points are the team's placeholders for an apparel brand (a season is about 90 days), pending real data.
export const RFM_CONFIG: RfmConfig = Object.freeze({
  windowDays: 365,
  recencyDays: [30, 60, 120, 240] as const,
  frequencyOrders: [2, 3, 5, 8] as const,
  monetaryFen: [50_000, 150_000, 400_000, 1_000_000] as const,
  highFrom: 3,
  lostRecencyAtMost: 1,
});

export const RFM_SEGMENTS = ['高价值客户', '重点发展', '重点挽留', '一般客户', '流失客户'] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmScores {
  r: RfmScore;
  f: RfmScore;
  m: RfmScore;
  /** The measured values behind the scores, for the manager page. */
  daysSinceLastOrder: number;
  orders: number;
  spend: Fen;
}

/**
 * `orders`: the user's paid orders, not fully refunded, with `amount` = paid minus refunded (fen).
 * Returns null for someone who never paid: a visitor is not a customer and gets no segment.
 */
export function rfmScores(orders: readonly { paidAt: number; amount: Fen }[], now: number, config: RfmConfig = RFM_CONFIG): RfmScores | null {
  const past = orders.filter((o) => daysAgo(o.paidAt, now) >= 0);
  if (past.length === 0) return null;
  const last = Math.max(...past.map((o) => o.paidAt));
  const daysSinceLastOrder = daysAgo(last, now);
  const inWindow = past.filter((o) => withinLastDays(o.paidAt, now, config.windowDays));
  const spend = addFen(0, ...inWindow.map((o) => o.amount));
  return {
    r: (5 - config.recencyDays.filter((cut) => daysSinceLastOrder > cut).length) as RfmScore,
    f: (1 + config.frequencyOrders.filter((cut) => inWindow.length >= cut).length) as RfmScore,
    m: (1 + config.monetaryFen.filter((cut) => spend >= cut).length) as RfmScore,
    daysSinceLastOrder,
    orders: inWindow.length,
    spend,
  };
}

/**
 * | R high | F high and M high     | 高价值客户 (keep delighting)            |
 * | R high | otherwise             | 重点发展 (recent; grow frequency/spend)  |
 * | R low  | F high or M high      | 重点挽留 (was valuable, slipping away)   |
 * | R low  | F low and M low, R <= lostRecencyAtMost | 流失客户          |
 * | R low  | F low and M low, R above that           | 一般客户          |
 * Every combination of scores lands in exactly one row.
 */
export function rfmSegment(scores: Pick<RfmScores, 'r' | 'f' | 'm'>, config: RfmConfig = RFM_CONFIG): RfmSegment {
  const high = (s: RfmScore) => s >= config.highFrom;
  if (high(scores.r)) return high(scores.f) && high(scores.m) ? '高价值客户' : '重点发展';
  if (high(scores.f) || high(scores.m)) return '重点挽留';
  return scores.r <= config.lostRecencyAtMost ? '流失客户' : '一般客户';
}
