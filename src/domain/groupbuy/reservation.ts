import { cmp, undoIncrements, type ClaimPlan, type ConditionalUpdate } from './conditional-update';
import { GROUPBUY_ERRORS } from './errors';

/**
 * Stock and the per-user limit of a group-buy activity, held at ORDER CREATION (before payment)
 * and given back when the order leaves without goods (unpaid, overflow, failed group).
 *
 * Held before payment rather than at payment so a member never pays for a unit that is not
 * there: a payment can still miss its place in the group (and be refunded), but never its stock.
 */
export const GROUPBUY_STOCK_COLLECTION = 'groupbuy_stock';
export const GROUPBUY_QUOTA_COLLECTION = 'groupbuy_quota';

/** One document per activity SKU: `{ _id, stock, held }`; `stock` is what may still be taken. */
export function groupBuyStockId(activityId: string, skuId: string): string {
  return `${activityId}:${skuId}`;
}

/** One document per person per activity: `{ _id, activityId, openid, held }`, created on first use. */
export function groupBuyQuotaId(activityId: string, openid: string): string {
  return `${activityId}:${openid}`;
}

export interface ReservationInput {
  readonly activityId: string;
  readonly skuId: string;
  readonly openid: string;
  readonly quantity: number;
  readonly perUserLimit: number;
}

function assertQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
}

function quotaUpdate(r: ReservationInput): ConditionalUpdate {
  return {
    collection: GROUPBUY_QUOTA_COLLECTION,
    id: groupBuyQuotaId(r.activityId, r.openid),
    // held + q <= limit, written as held <= limit - q because the database compares a field to a constant.
    where: { held: cmp.lte(r.perUserLimit - r.quantity) },
    inc: { held: r.quantity },
    missingAs: { activityId: r.activityId, openid: r.openid, held: 0 },
  };
}

function stockUpdate(r: ReservationInput): ConditionalUpdate {
  return {
    collection: GROUPBUY_STOCK_COLLECTION,
    id: groupBuyStockId(r.activityId, r.skuId),
    where: { stock: cmp.gte(r.quantity) },
    inc: { stock: -r.quantity, held: r.quantity },
  };
}

/**
 * The claim run before the order (and the group's `join`/open) is written. The person's own
 * counter goes first: someone over the limit is turned away without touching the SKU document
 * everyone else is contending for.
 */
export function groupBuyReservation(r: ReservationInput): ClaimPlan {
  assertQuantity(r.quantity);
  return {
    steps: [
      { update: quotaUpdate(r), refusal: { code: 'OVER_LIMIT', message: `每人限购${r.perUserLimit}件` } },
      { update: stockUpdate(r), refusal: { code: 'OUT_OF_STOCK', message: GROUPBUY_ERRORS.OUT_OF_STOCK } },
    ],
  };
}

/**
 * Gives a reservation back (the group's `release` effect). Unconditional increments, so the
 * server must make sure it runs at most once per order: see the effect's `delivery`.
 */
export function groupBuyRelease(r: ReservationInput): ConditionalUpdate[] {
  assertQuantity(r.quantity);
  return [undoIncrements(stockUpdate(r)), undoIncrements(quotaUpdate(r))];
}
