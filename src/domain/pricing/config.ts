import type { Fen } from '../money';
import { FULL_REDUCTION_LADDER, ladderProblems, type Ladder } from '../promotions';

/** 100 points = ¥1, so one point is worth exactly one fen and points never need rounding. */
export const FEN_PER_POINT = 1;

/**
 * The knobs of pricing that are not per tier (those live in tiers.ts). The server passes the
 * defaults; nothing here is ever taken from a request.
 */
export interface PricingConfig {
  /** Store-wide 满减 ladder; [] when no promotion runs. */
  readonly ladder: Ladder;
  /** Points may pay at most this integer percentage of the merchandise left after the coupon. */
  readonly pointsMaxSharePercent: number;
  /** Express fee when the order is under the tier's free-shipping threshold. */
  readonly expressFee: Fen;
  /** Limits that keep every total a safe integer: 50 lines x 99 x ¥100,000 stays far below 2^53 fen. */
  readonly maxLines: number;
  readonly maxQuantityPerLine: number;
  readonly maxUnitPrice: Fen;
}

export const DEFAULT_PRICING_CONFIG: PricingConfig = Object.freeze({
  ladder: FULL_REDUCTION_LADDER,
  pointsMaxSharePercent: 50,
  expressFee: 1_000,
  maxLines: 50,
  maxQuantityPerLine: 99,
  maxUnitPrice: 10_000_000,
});

/** A broken config is our bug, not the shopper's: it throws a RangeError, not an AppError. */
export function assertPricingConfig(config: PricingConfig): void {
  const problems = ladderProblems(config.ladder);
  const int = (n: number, min: number, max = Number.MAX_SAFE_INTEGER) => Number.isSafeInteger(n) && n >= min && n <= max;
  if (!int(config.pointsMaxSharePercent, 0, 100)) problems.push('pointsMaxSharePercent must be an integer 0..100');
  if (!int(config.expressFee, 0)) problems.push('expressFee must be a non-negative integer fen');
  if (!int(config.maxLines, 1) || !int(config.maxQuantityPerLine, 1) || !int(config.maxUnitPrice, 1)) {
    problems.push('limits must be positive integers');
  } else if (!Number.isSafeInteger(config.maxLines * config.maxQuantityPerLine * config.maxUnitPrice)) {
    problems.push('limits allow an order total beyond a safe integer');
  }
  if (problems.length > 0) throw new RangeError(`invalid pricing config: ${problems.join('; ')}`);
}
