import { cmp, undoIncrements, type ClaimPlan, type ConditionalUpdate } from '../groupbuy/conditional-update';
import { FLASH_SALE_ERRORS } from './errors';

/**
 * The atomic claim of a flash-sale purchase, as data the server runs (toWxWhere/toWxData) and
 * tests run in memory (runClaimPlan). No read-then-write anywhere: a thousand buyers at once each
 * get one conditional update per document, and the database serialises them.
 *
 * Documents:
 *  - `flash_stock/<saleItemId>`: `{ stock, sold }`, created with the sale (stock = units on offer).
 *  - `flash_bought/<saleItemId>:<openid>`: `{ saleItemId, openid, bought }`, created on first
 *    purchase. Its unique `_id` is what makes "one counter per person per item" true even when
 *    the same person taps twice at the same instant.
 */
export const FLASH_STOCK_COLLECTION = 'flash_stock';
export const FLASH_BOUGHT_COLLECTION = 'flash_bought';

export function flashCounterId(saleItemId: string, openid: string): string {
  return `${saleItemId}:${openid}`;
}

export interface FlashClaimInput {
  readonly saleItemId: string;
  readonly openid: string;
  readonly quantity: number;
  readonly perUserLimit: number;
}

/**
 * The two conditions of a claim of `quantity`:
 *  - stock: `stock >= quantity`, then `stock -= quantity, sold += quantity`;
 *  - the buyer's counter: `bought + quantity <= perUserLimit` (as `bought <= perUserLimit - quantity`,
 *    because the database compares a field with a constant), then `bought += quantity`.
 */
export function flashClaimCondition(input: FlashClaimInput): { stock: ConditionalUpdate; userCounter: ConditionalUpdate } {
  const { saleItemId, openid, quantity, perUserLimit } = input;
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  return {
    stock: {
      collection: FLASH_STOCK_COLLECTION,
      id: saleItemId,
      where: { stock: cmp.gte(quantity) },
      inc: { stock: -quantity, sold: quantity },
    },
    userCounter: {
      collection: FLASH_BOUGHT_COLLECTION,
      id: flashCounterId(saleItemId, openid),
      where: { bought: cmp.lte(perUserLimit - quantity) },
      inc: { bought: quantity },
      missingAs: { saleItemId, openid, bought: 0 },
    },
  };
}

/**
 * Counter first, stock second: a buyer already at their limit is turned away on their own
 * document and never touches the one everybody is hammering. When the stock step fails, the
 * counter step is given back.
 */
export function flashClaimPlan(input: FlashClaimInput): ClaimPlan {
  const { stock, userCounter } = flashClaimCondition(input);
  return {
    steps: [
      { update: userCounter, refusal: { code: 'OVER_LIMIT', message: `每人限购${input.perUserLimit}件` } },
      { update: stock, refusal: { code: 'SOLD_OUT', message: FLASH_SALE_ERRORS.SOLD_OUT } },
    ],
  };
}

/**
 * Gives a claim back when its order closes unpaid. Unconditional increments: run it only after
 * winning the order's own conditional close (`status: 'pending_payment'` -> `'closed'`,
 * `updated: 1`), so a retried close never releases twice.
 */
export function flashRelease(input: FlashClaimInput): ConditionalUpdate[] {
  const { stock, userCounter } = flashClaimCondition(input);
  return [undoIncrements(stock), undoIncrements(userCounter)];
}
