import { couponApplies, describeCoupon } from '../coupon-rules';
import { pointsFor } from '../membership/points-earning';
import { allocateFen, formatFen, mulFen, ratioFen, type Fen } from '../money';
import { describeLadderStep, ladderDiscount, ladderStepReached, type LadderStep } from '../promotions';
import { tierById, type TierId } from '../tiers';
import { assertPricingConfig, DEFAULT_PRICING_CONFIG, FEN_PER_POINT, type PricingConfig } from './config';
import { parsePricingInput, type PricingInput } from './pricing-input';
import { zheLabel } from './zhe';

/**
 * The one pricing engine: the checkout preview (client) and order creation (server, authoritative)
 * both call priceOrder, so a shopper is never shown a price the server then disagrees with.
 * Steps, in order (docs/pricing.md): items -> tier discount -> 满减 ladder -> one coupon -> points
 * -> shipping -> payable. Each step works on what the previous steps left of every line, so the
 * per-line amounts always add up and a refund knows what each line really cost.
 */

export type PriceLineKey = 'items' | 'tier' | 'ladder' | 'coupon' | 'points' | 'shipping' | 'payable';

/** A row of the price summary. Discounts are negative; all rows but 'payable' add up to 'payable'. */
export interface PriceLine {
  key: PriceLineKey;
  label: string;
  amount: Fen;
}

/** What one line cost at each step; `paid` is its share of merchandisePaid (shipping excluded). */
export interface ItemAllocation {
  skuId: string;
  productId: string;
  lineTotal: Fen;
  tierDiscount: Fen;
  ladderDiscount: Fen;
  couponDiscount: Fen;
  pointsDiscount: Fen;
  paid: Fen;
}

export interface CouponOutcome {
  id: string | null;
  /** '满199减20' etc., for showing the coupon even when it did not apply. */
  label: string;
  applied: boolean;
  discount: Fen;
  /** What the coupon's scope covers after tier and 满减; its threshold is measured on this. */
  eligibleSubtotal: Fen;
  /** Why it did not apply, in Chinese; null when it applied. */
  reason: string | null;
}

/** Every amount is fen; discount fields are positive here and negative in `lines`. */
export interface PriceBreakdown {
  tier: { id: TierId; name: string; discountPercent: number };
  itemsTotal: Fen;
  tierDiscount: Fen;
  /** Non-promo merchandise after the tier discount: what the 满减 ladder is measured on. */
  ladderBase: Fen;
  ladderStep: LadderStep | null;
  ladderDiscount: Fen;
  coupon: CouponOutcome | null;
  couponDiscount: Fen;
  /** Merchandise after tier, 满减 and coupon: the free-shipping threshold is measured on this. */
  merchandiseAfterDiscounts: Fen;
  /** The most points this order accepts now (share cap and balance), for "最多可用X积分". */
  pointsMax: number;
  pointsUsed: number;
  pointsDiscount: Fen;
  merchandisePaid: Fen;
  shippingFee: Fen;
  /** How much more merchandise would make express shipping free; null when it already is. */
  freeShippingShortBy: Fen | null;
  payable: Fen;
  /** Points credited when the order completes: whole yuan of merchandisePaid x tier multiplier, floored. */
  pointsEarnable: number;
  lines: PriceLine[];
  allocation: ItemAllocation[];
}

const sum = (xs: readonly Fen[]): Fen => xs.reduce((s, x) => s + x, 0);

/** Splits a step's discount over the lines it applies to, in proportion to what they still cost. */
function spread(total: Fen, running: readonly Fen[], applies: readonly boolean[]): Fen[] {
  if (total === 0) return running.map(() => 0);
  // total <= the weights' sum, so largest-remainder never gives a line more than it still costs.
  return allocateFen(
    total,
    running.map((r, i) => (applies[i] ? r : 0)),
  );
}

function minus(running: Fen[], shares: readonly Fen[]): void {
  shares.forEach((s, i) => (running[i] -= s));
}

export function priceOrder(input: PricingInput, config: PricingConfig = DEFAULT_PRICING_CONFIG): PriceBreakdown {
  assertPricingConfig(config);
  const { items, tierId, coupon, points, delivery } = parsePricingInput(input, config);
  const tier = tierById(tierId);
  const everyLine = items.map(() => true);

  // 1. Items.
  const lineTotals = items.map((it) => mulFen(it.unitPrice, it.quantity));
  const itemsTotal = sum(lineTotals);
  const running = [...lineTotals];

  // 2. Tier discount, per line, on regular-priced lines only. The discount is floored to the fen
  //    (the shopper pays the rest, rounded up): a member never gets more than the tier's rate.
  const regular = items.map((it) => it.promo === undefined);
  const tierShares = running.map((r, i) => (regular[i] ? ratioFen(r, 100 - tier.discountPercent, 100, 'floor') : 0));
  minus(running, tierShares);

  // 3. 满减: the highest step reached by the regular lines after the tier discount; exact amounts,
  //    no rounding, spread over those lines by largest remainder.
  const ladderBase = sum(running.filter((_, i) => regular[i]));
  const ladderOff = ladderDiscount(ladderBase, config.ladder);
  const ladderStep = ladderOff > 0 ? ladderStepReached(ladderBase, config.ladder) : null;
  const ladderShares = spread(ladderOff, running, regular);
  minus(running, ladderShares);

  // 4. One coupon, on the lines in its scope (promo lines included), measured after steps 2-3.
  let couponOutcome: CouponOutcome | null = null;
  let couponShares = running.map(() => 0);
  if (coupon) {
    const targets = items.map((it, i) => ({ productId: it.productId, categoryId: it.categoryId, amount: running[i] }));
    const check = couponApplies(coupon, targets, 'online');
    const discount = check.applies ? check.discount : 0;
    couponShares = spread(discount, running, check.eligible);
    couponOutcome = {
      id: coupon.id ?? null,
      label: describeCoupon(coupon.rule),
      applied: check.applies,
      discount,
      eligibleSubtotal: check.eligibleSubtotal,
      reason: check.applies ? null : check.reason,
    };
  }
  const couponOff = sum(couponShares);
  minus(running, couponShares);

  // 5. Points: a way to pay rather than a discount, capped at a share of what is left (floored),
  //    never beyond the balance; 1 point = 1 fen, so the points used are already whole.
  const merchandiseAfterDiscounts = sum(running);
  const pointsCap = Math.floor(ratioFen(merchandiseAfterDiscounts, config.pointsMaxSharePercent, 100, 'floor') / FEN_PER_POINT);
  const pointsMax = Math.min(points.balance, pointsCap);
  const pointsUsed = points.use === 'max' ? pointsMax : Math.min(points.use, pointsMax);
  const pointsShares = spread(pointsUsed * FEN_PER_POINT, running, everyLine);
  minus(running, pointsShares);
  const merchandisePaid = sum(running);

  // 6. Shipping: pickup is free; express is free once merchandise after discounts (before points,
  //    so paying with points never costs free shipping) reaches the tier's threshold.
  let shippingFee = 0;
  let freeShippingShortBy: Fen | null = null;
  let shippingLabel = '门店自提 免运费';
  if (delivery === 'express') {
    const free = merchandiseAfterDiscounts >= tier.freeShippingThreshold || config.expressFee === 0;
    shippingFee = free ? 0 : config.expressFee;
    freeShippingShortBy = free ? null : tier.freeShippingThreshold - merchandiseAfterDiscounts;
    shippingLabel = !free
      ? '运费'
      : tier.freeShippingThreshold === 0
        ? `运费 ${tier.name}包邮`
        : `运费 满${formatFen(tier.freeShippingThreshold, { trimZeros: true, symbol: false })}包邮`;
  }

  // 7. Payable, and the points the order will earn: the membership rule (whole yuan x multiplier,
  //    floored), applied to merchandise only — shipping earns nothing.
  const payable = merchandisePaid + shippingFee;
  const pointsEarnable = pointsFor(merchandisePaid, tier.pointsMultiplierTenths);

  const tierOff = sum(tierShares);
  const lines: PriceLine[] = [{ key: 'items', label: '商品金额', amount: itemsTotal }];
  if (tierOff > 0) lines.push({ key: 'tier', label: `${tier.name} ${zheLabel(tier.discountPercent)}`, amount: -tierOff });
  if (ladderStep) lines.push({ key: 'ladder', label: describeLadderStep(ladderStep), amount: -ladderOff });
  if (couponOutcome?.applied) lines.push({ key: 'coupon', label: `优惠券 ${couponOutcome.label}`, amount: -couponOff });
  if (pointsUsed > 0) lines.push({ key: 'points', label: `积分抵扣 ${pointsUsed}积分`, amount: -pointsUsed * FEN_PER_POINT });
  lines.push({ key: 'shipping', label: shippingLabel, amount: shippingFee });
  lines.push({ key: 'payable', label: '应付金额', amount: payable });

  return {
    tier: { id: tier.id, name: tier.name, discountPercent: tier.discountPercent },
    itemsTotal,
    tierDiscount: tierOff,
    ladderBase,
    ladderStep: ladderStep ? { threshold: ladderStep.threshold, off: ladderStep.off } : null,
    ladderDiscount: ladderOff,
    coupon: couponOutcome,
    couponDiscount: couponOff,
    merchandiseAfterDiscounts,
    pointsMax,
    pointsUsed,
    pointsDiscount: pointsUsed * FEN_PER_POINT,
    merchandisePaid,
    shippingFee,
    freeShippingShortBy,
    payable,
    pointsEarnable,
    lines,
    allocation: items.map((it, i) => ({
      skuId: it.skuId,
      productId: it.productId,
      lineTotal: lineTotals[i],
      tierDiscount: tierShares[i],
      ladderDiscount: ladderShares[i],
      couponDiscount: couponShares[i],
      pointsDiscount: pointsShares[i],
      paid: running[i],
    })),
  };
}
