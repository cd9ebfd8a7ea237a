import type { Fen } from './money';

/**
 * Membership tiers: the one place their numbers live. Pricing, points, shipping, priority purchase
 * and the birthday job read them from here; evaluating who qualifies is another rule (not this file).
 */
export type TierId = 'normal' | 'silver' | 'gold' | 'diamond';

export interface Tier {
  readonly id: TierId;
  /** Shown to people: 普通 / 银卡 / 金卡 / 黑钻. */
  readonly name: string;
  /** Position in the ladder, 0 = lowest; compare ranks, never ids. */
  readonly rank: number;
  /** Integer percentage of the price the member pays: 95 means 9.5折, 100 means no discount. */
  readonly discountPercent: number;
  /** Points earned per whole yuan, in tenths (15 = x1.5), so no float ever multiplies points. */
  readonly pointsMultiplierTenths: number;
  /** Express shipping is free once merchandise after discounts reaches this; 0 = always free. */
  readonly freeShippingThreshold: Fen;
  /** Hours before everyone else that this tier may buy a new arrival (优先购); 0 = none. */
  readonly priorityHours: number;
  /** Coupon template the daily birthday job issues. Placeholder ids until the templates exist. */
  readonly birthdayCouponTemplateId: string;
  /**
   * Qualification over the rolling 12 months: BOTH the paid spend and the order count must be met.
   * The spend alone would let one big order buy 黑钻; the count alone would reward many tiny orders.
   */
  readonly minSpend12m: Fen;
  readonly minOrders12m: number;
}

// Qualification thresholds are placeholders chosen by the team, pending the brand's numbers.
const TIER_LIST: readonly Tier[] = [
  {
    id: 'normal',
    name: '普通',
    rank: 0,
    discountPercent: 100,
    pointsMultiplierTenths: 10,
    freeShippingThreshold: 9900,
    priorityHours: 0,
    birthdayCouponTemplateId: 'tpl-birthday-normal',
    minSpend12m: 0,
    minOrders12m: 0,
  },
  {
    id: 'silver',
    name: '银卡',
    rank: 1,
    discountPercent: 98,
    pointsMultiplierTenths: 12,
    freeShippingThreshold: 6900,
    priorityHours: 0,
    birthdayCouponTemplateId: 'tpl-birthday-silver',
    minSpend12m: 100_000,
    minOrders12m: 2,
  },
  {
    id: 'gold',
    name: '金卡',
    rank: 2,
    discountPercent: 95,
    pointsMultiplierTenths: 15,
    freeShippingThreshold: 0,
    priorityHours: 2,
    birthdayCouponTemplateId: 'tpl-birthday-gold',
    minSpend12m: 300_000,
    minOrders12m: 5,
  },
  {
    id: 'diamond',
    name: '黑钻',
    rank: 3,
    discountPercent: 90,
    pointsMultiplierTenths: 20,
    freeShippingThreshold: 0,
    priorityHours: 4,
    birthdayCouponTemplateId: 'tpl-birthday-diamond',
    minSpend12m: 800_000,
    minOrders12m: 12,
  },
];

/** Lowest to highest. Frozen: configuration is edited here, never at run time. */
export const TIERS: readonly Tier[] = Object.freeze(TIER_LIST.map((t) => Object.freeze({ ...t })));

export const TIER_IDS: readonly TierId[] = Object.freeze(TIERS.map((t) => t.id));

export function isTierId(value: unknown): value is TierId {
  return typeof value === 'string' && (TIER_IDS as readonly string[]).includes(value);
}

/** Throws on an unknown id: a tier id comes from our own database, so a miss is a bug, not user input. */
export function tierById(id: TierId): Tier {
  const tier = TIERS.find((t) => t.id === id);
  if (!tier) throw new RangeError(`unknown tier id ${String(id)}`);
  return tier;
}

/** The tier one step up, or null at the top. */
export function nextTier(id: TierId): Tier | null {
  return TIERS[tierById(id).rank + 1] ?? null;
}
