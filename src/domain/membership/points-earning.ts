import { assertFen, ratioFen, type Fen } from '../money';
import { tierById, type TierId } from '../tiers';

/**
 * Points earned by a completed order: 1 point per WHOLE yuan of merchandise paid, times the
 * tier's multiplier (integer tenths), floored. ¥99.99 at x1.5 = 99 x 1.5 = 148.5 -> 148.
 *
 * - Merchandise paid = what the customer paid for the goods after tier discount, full reduction,
 *   coupon and points; shipping earns nothing (it is not the brand's product).
 * - The multiplier is the tier recorded on the order when it was PAID (the same tier that priced
 *   it). An upgrade this order causes counts from the next order on.
 * - Refunded money earns nothing. Points are earned at completion on what is still kept; a refund
 *   after completion takes back the same proportion of the points (order_clawback).
 *
 * Rounding of a clawback is in the member's favour: the points taken back for refunds are
 *   floor(earned x refunded / paid), always computed on the CUMULATIVE refunded amount, so
 *   - a partial refund never costs a point for a fraction of one (¥0.50 of ¥10 takes back 0 of 10);
 *   - splitting refunds into many small ones never dodges the clawback (the floors do not add up
 *     to less than the floor of the total), and refunding everything takes back everything.
 */

export interface OrderPoints {
  /** Merchandise paid on the order, in fen (no shipping). */
  readonly merchandisePaid: Fen;
  /** The tier recorded on the order at payment. */
  readonly tierId: TierId;
}

function assertAmount(value: Fen, what: string): void {
  assertFen(value, what);
  if (value < 0) throw new RangeError(`${what} must not be negative, got ${value}`);
}

/** floor(whole yuan x tenths / 10): the whole rule in integers, no float ever touches points. */
export function pointsFor(merchandisePaid: Fen, multiplierTenths: number): number {
  assertAmount(merchandisePaid, 'merchandise paid');
  if (!Number.isSafeInteger(multiplierTenths) || multiplierTenths < 0) {
    throw new RangeError(`multiplier must be a non-negative integer of tenths, got ${multiplierTenths}`);
  }
  const wholeYuan = ratioFen(merchandisePaid, 1, 100, 'floor');
  return ratioFen(wholeYuan, multiplierTenths, 10, 'floor');
}

/** Points for the order as paid, before any refund. */
export function pointsEarned(order: OrderPoints): number {
  return pointsFor(order.merchandisePaid, tierById(order.tierId).pointsMultiplierTenths);
}

/** Points taken back once `refunded` (cumulative merchandise fen) has been refunded: floored. */
export function pointsClawedBack(order: OrderPoints, refunded: Fen): number {
  assertAmount(refunded, 'refunded');
  if (refunded > order.merchandisePaid) throw new RangeError(`refunded ${refunded} is more than paid ${order.merchandisePaid}`);
  const earned = pointsEarned(order);
  if (order.merchandisePaid === 0) return 0;
  return ratioFen(earned, refunded, order.merchandisePaid, 'floor');
}

/**
 * What to credit (order_earn) when the order completes, `refundedSoFar` being the merchandise
 * already refunded by then. 0 means: write no entry.
 */
export function pointsOnCompletion(order: OrderPoints, refundedSoFar: Fen = 0): number {
  return pointsEarned(order) - pointsClawedBack(order, refundedSoFar);
}

/**
 * What to take back (order_clawback, as a positive number) for a refund of `refundAmount`
 * merchandise fen on an order whose points were already credited, `refundedBefore` having been
 * refunded earlier (before or after completion). 0 means: write no entry.
 * The member may have spent the points since: take it with cappedDebit (points-ledger.ts).
 */
export function clawbackForRefund(order: OrderPoints, refundedBefore: Fen, refundAmount: Fen): number {
  assertAmount(refundAmount, 'refund amount');
  return pointsClawedBack(order, refundedBefore + refundAmount) - pointsClawedBack(order, refundedBefore);
}
