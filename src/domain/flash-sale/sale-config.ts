import { TIERS } from '../tiers';
import { ValidationError } from '../validate';
import type { FlashSale } from './sale';

/**
 * What a manager may save as a new flash sale, on top of `parseFlashSale` (window order, at most
 * 7 days, sale price below the catalogue price, no repeated SKU): rules that need the server's
 * clock, the SKUs' stock and the other sales.
 */

/** A form filled in a few minutes ago may start "now": the start may lie this far in the past. */
export const START_GRACE_MS = 10 * 60_000;
/** 每人限购 on a flash price: a handful, never a wholesale quantity. */
export const MAX_PER_USER_LIMIT = 10;

const HOUR_MS = 3_600_000;

/**
 * The instants a sale is buyable by anyone: from the earliest priority opening (会员优先购, the
 * longest priorityHours in tiers.ts) to the end, half-open like saleStatus ([opens, endsAt)).
 */
export function buyableWindow(sale: Pick<FlashSale, 'startsAt' | 'endsAt'>): { from: number; to: number } {
  const earliest = Math.max(0, ...TIERS.map((t) => t.priorityHours));
  return { from: sale.startsAt - earliest * HOUR_MS, to: sale.endsAt };
}

/** Two half-open windows share an instant. Touching windows (one ends as the other opens) do not. */
export function windowsOverlap(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  return a.from < b.to && b.from < a.to;
}

/**
 * Checks a parsed sale against the clock and the SKUs' stock; throws ValidationError (INVALID_INPUT)
 * in Chinese. `skuStock` is the server's own read of each SKU's available units.
 */
export function checkSaleConfig(sale: FlashSale, context: { now: number; skuStock: (skuId: string) => number | undefined }): void {
  if (sale.endsAt <= context.now) throw new ValidationError('结束时间', '应晚于现在');
  if (sale.startsAt < context.now - START_GRACE_MS) throw new ValidationError('开始时间', '不能早于现在');
  sale.items.forEach((item, i) => {
    const which = `第${i + 1}个秒杀商品`;
    if (item.perUserLimit > MAX_PER_USER_LIMIT) throw new ValidationError(`${which}的每人限购`, `不能大于${MAX_PER_USER_LIMIT}`);
    const available = context.skuStock(item.skuId) ?? 0;
    if (item.stock > available) throw new ValidationError(`${which}的秒杀库存`, available > 0 ? `不能超过现有库存${available}件` : '超出现有库存（已无库存）');
  });
}

export interface SavedSaleWindow {
  readonly id: string;
  readonly title: string;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly items: readonly { readonly skuId: string }[];
}

/**
 * The first SKU of `sale` already in another sale whose buyable window overlaps this one's, with
 * that sale; null when none. A SKU in two overlapping sales would have two prices and two stocks.
 */
export function findSkuConflict(sale: SavedSaleWindow, others: readonly SavedSaleWindow[]): { skuId: string; other: SavedSaleWindow } | null {
  const mine = buyableWindow(sale);
  for (const item of sale.items) {
    const other = others.find((o) => o.id !== sale.id && windowsOverlap(mine, buyableWindow(o)) && o.items.some((i) => i.skuId === item.skuId));
    if (other) return { skuId: item.skuId, other };
  }
  return null;
}

/** A SKU already in a sale whose window overlaps (API contract: add codes, never rename). */
export const SALE_OVERLAP = 'SALE_OVERLAP';
