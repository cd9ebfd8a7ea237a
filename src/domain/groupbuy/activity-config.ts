import { ValidationError } from '../validate';
import type { GroupBuyActivity } from './activity';

/**
 * What a manager may save as a new group-buy activity, on top of `parseGroupBuyActivity` (group
 * size, time limit, group price below the catalogue price, window order, no repeated SKU): rules
 * that need the server's clock, the SKUs' stock and the other activities.
 */

/** A form filled in a few minutes ago may start "now": the start may lie this far in the past. */
export const START_GRACE_MS = 10 * 60_000;
/** A group-buy activity runs at most this long. */
export const MAX_ACTIVITY_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * Checks a parsed activity against the clock and the SKUs' stock; throws ValidationError
 * (INVALID_INPUT) in Chinese. `skuStock` is the server's own read of each SKU's units now: an
 * activity's stock is its own allocation (docs/groupbuy.md), but it may not promise more than the
 * shop holds when it is saved.
 */
export function checkActivityConfig(activity: GroupBuyActivity, context: { now: number; skuStock: (skuId: string) => number | undefined }): void {
  if (activity.endsAt <= context.now) throw new ValidationError('结束时间', '应晚于现在');
  if (activity.startsAt < context.now - START_GRACE_MS) throw new ValidationError('开始时间', '不能早于现在');
  if (activity.endsAt - activity.startsAt > MAX_ACTIVITY_DAYS * DAY_MS) throw new ValidationError('活动时间', `最长${MAX_ACTIVITY_DAYS}天`);
  activity.skus.forEach((sku, i) => {
    const available = context.skuStock(sku.skuId) ?? 0;
    if (sku.stock > available) throw new ValidationError(`第${i + 1}个商品规格的拼团库存`, available > 0 ? `不能超过现有库存${available}件` : '超出现有库存（已无库存）');
  });
}

export interface SavedActivityWindow {
  readonly id: string;
  readonly title: string;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly skus: readonly { readonly skuId: string }[];
}

/** Two half-open windows [startsAt, endsAt) share an instant. Touching windows do not. */
export function activitiesOverlap(a: Pick<SavedActivityWindow, 'startsAt' | 'endsAt'>, b: Pick<SavedActivityWindow, 'startsAt' | 'endsAt'>): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/**
 * The first SKU of `activity` already in another activity whose window overlaps, with that
 * activity; null when none. A SKU in two running activities would have two group prices.
 */
export function findActivityConflict(activity: SavedActivityWindow, others: readonly SavedActivityWindow[]): { skuId: string; other: SavedActivityWindow } | null {
  for (const sku of activity.skus) {
    const other = others.find((o) => o.id !== activity.id && activitiesOverlap(activity, o) && o.skus.some((s) => s.skuId === sku.skuId));
    if (other) return { skuId: sku.skuId, other };
  }
  return null;
}

/** A SKU already in a group-buy activity whose window overlaps (API contract: add codes, never rename). */
export const ACTIVITY_OVERLAP = 'ACTIVITY_OVERLAP';
