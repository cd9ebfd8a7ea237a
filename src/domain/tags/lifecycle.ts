/**
 * Lifecycle tags: 基础用户, 潜力用户, 高价值用户, KOC. A user may carry several at once; each is
 * an independent test over facts the daily job (or a key event) gathers. Every threshold is
 * "strictly more than" or "at least" exactly as written below, and lives in LIFECYCLE_THRESHOLDS.
 */
import { dayKey, daysBetween } from '../business-day';
import type { EventType } from './events';
import { withinLastDays } from './window';

export const LIFECYCLE_TAGS = ['基础用户', '潜力用户', '高价值用户', 'KOC'] as const;
export type LifecycleTag = (typeof LIFECYCLE_TAGS)[number];

export interface LifecycleThresholds {
  /** "A month" for views and interactions: today and the 29 Shanghai days before. */
  readonly activityWindowDays: number;
  /** 基础用户: views in the window strictly more than this (10 → 11 views qualifies, 10 does not). */
  readonly basicViewsMoreThan: number;
  /** 潜力用户: interactions / views in the window strictly above this percentage... */
  readonly potentialInteractionPercentAbove: number;
  /** ...with at least this many views (a rate over 0 views does not exist). */
  readonly potentialMinViews: number;
  /** 高价值用户: repurchase rate over the purchase window strictly above this percentage. */
  readonly highValueRepurchasePercentAbove: number;
  /** The purchase window: today and the 364 Shanghai days before. */
  readonly purchaseWindowDays: number;
  /** A purchase day is a repurchase when the previous purchase day is at most this many days before it. */
  readonly repurchaseWithinDays: number;
  /** KOC: at least this many successful invites. */
  readonly kocMinSuccessfulInvites: number;
}

export const LIFECYCLE_THRESHOLDS: LifecycleThresholds = Object.freeze({
  activityWindowDays: 30,
  basicViewsMoreThan: 10,
  potentialInteractionPercentAbove: 5,
  potentialMinViews: 1,
  highValueRepurchasePercentAbove: 30,
  purchaseWindowDays: 365,
  repurchaseWithinDays: 90,
  kocMinSuccessfulInvites: 3,
});

/** A view is a page or product page shown; the product page reports only product_view. */
export const VIEW_EVENT_TYPES: readonly EventType[] = ['page_view', 'product_view'];
/** An interaction is a step towards buying or spreading the brand. `order` is server-recorded. */
export const INTERACTION_EVENT_TYPES: readonly EventType[] = ['add_to_cart', 'share', 'order'];

export interface LifecycleFacts {
  views: number;
  interactions: number;
  /** Shanghai days with at least one paid order inside the purchase window. */
  purchaseDays: number;
  /** Of those, the days that followed an earlier purchase day within `repurchaseWithinDays`. */
  repurchaseDays: number;
  successfulInvites: number;
}

export function countActivity(
  events: readonly { type: EventType; at: number }[],
  now: number,
  t: LifecycleThresholds = LIFECYCLE_THRESHOLDS,
): { views: number; interactions: number } {
  let views = 0;
  let interactions = 0;
  for (const e of events) {
    if (!withinLastDays(e.at, now, t.activityWindowDays)) continue;
    if (VIEW_EVENT_TYPES.includes(e.type)) views += 1;
    else if (INTERACTION_EVENT_TYPES.includes(e.type)) interactions += 1;
  }
  return { views, interactions };
}

/**
 * 复购率 for one user = repurchase days / purchase days in the last 365 Shanghai days.
 * A purchase day is a Shanghai day with a paid (not fully refunded) order, so an order split in two
 * is one purchase, not a repurchase. It is a repurchase day when the user's previous purchase day
 * (which may lie before the window) is 1..90 days earlier. Pass paid orders of the last
 * purchaseWindowDays + repurchaseWithinDays days so that earlier purchase is seen.
 */
export function countPurchases(
  paidAt: readonly number[],
  now: number,
  t: LifecycleThresholds = LIFECYCLE_THRESHOLDS,
): { purchaseDays: number; repurchaseDays: number } {
  const days = [...new Set(paidAt.filter((at) => withinLastDays(at, now, t.purchaseWindowDays + t.repurchaseWithinDays)).map((at) => dayKey(at)))].sort();
  let purchaseDays = 0;
  let repurchaseDays = 0;
  days.forEach((day, i) => {
    if (daysBetween(day, dayKey(now)) >= t.purchaseWindowDays) return;
    purchaseDays += 1;
    if (i > 0 && daysBetween(days[i - 1], day) <= t.repurchaseWithinDays) repurchaseDays += 1;
  });
  return { purchaseDays, repurchaseDays };
}

/** For display (e.g. 6.7%); the tag test below compares in integers, never with this float. */
export function interactionRatePercent(facts: Pick<LifecycleFacts, 'views' | 'interactions'>): number | null {
  return facts.views > 0 ? (facts.interactions * 100) / facts.views : null;
}

export function repurchaseRatePercent(facts: Pick<LifecycleFacts, 'purchaseDays' | 'repurchaseDays'>): number | null {
  return facts.purchaseDays > 0 ? (facts.repurchaseDays * 100) / facts.purchaseDays : null;
}

/** Tags in LIFECYCLE_TAGS order. Rates are compared as a x 100 > p x b, exact for whole numbers. */
export function lifecycleTags(facts: LifecycleFacts, t: LifecycleThresholds = LIFECYCLE_THRESHOLDS): LifecycleTag[] {
  const tags: LifecycleTag[] = [];
  if (facts.views > t.basicViewsMoreThan) tags.push('基础用户');
  if (facts.views >= Math.max(1, t.potentialMinViews) && facts.interactions * 100 > t.potentialInteractionPercentAbove * facts.views) {
    tags.push('潜力用户');
  }
  if (facts.purchaseDays > 0 && facts.repurchaseDays * 100 > t.highValueRepurchasePercentAbove * facts.purchaseDays) {
    tags.push('高价值用户');
  }
  if (facts.successfulInvites >= t.kocMinSuccessfulInvites) tags.push('KOC');
  return tags;
}
