import fc from 'fast-check';
import type { CouponRule, CouponScope } from '../coupon-rules';
import { TIER_IDS, tierById } from '../tiers';
import { DEFAULT_PRICING_CONFIG } from './config';
import { priceOrder } from './price-order';
import type { PricingCoupon, PricingInput, PricingItem } from './pricing-input';

// Prices lean on the boundaries that matter (ladder steps, free shipping, odd fen) as well as anything.
const price = fc.oneof(
  fc.integer({ min: 0, max: 200_000 }),
  fc.constantFrom(1, 99, 1_999, 6_900, 9_899, 9_900, 19_899, 19_900, 39_900, 69_900),
);

const itemsArb: fc.Arbitrary<PricingItem[]> = fc
  .array(
    fc.record({
      productId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
      categoryId: fc.constantFrom('tops', 'bottoms', 'shoes'),
      unitPrice: price,
      quantity: fc.integer({ min: 1, max: 5 }),
      promo: fc.option(fc.constantFrom('flash' as const, 'group' as const), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows) => rows.map((row, i) => ({ skuId: `sku-${i}`, title: `商品${i}`, ...row })));

const ruleArb: fc.Arbitrary<CouponRule> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 30_000 }), fc.integer({ min: 0, max: 60_000 }))
    .map(([amountOff, extra]) => ({ kind: 'amount' as const, amountOff, threshold: extra === 0 ? 0 : amountOff + extra })),
  fc.record({
    kind: fc.constant('percent' as const),
    percentOff: fc.integer({ min: 1, max: 99 }),
    maxOff: fc.integer({ min: 1, max: 30_000 }),
    threshold: fc.integer({ min: 0, max: 60_000 }),
  }),
);

const scopeArb: fc.Arbitrary<CouponScope> = fc.oneof(
  fc.constant({ type: 'all' as const }),
  fc.record({ type: fc.constant('category' as const), ids: fc.subarray(['tops', 'bottoms', 'shoes'], { minLength: 1 }) }),
  fc.record({ type: fc.constant('product' as const), ids: fc.subarray(['p1', 'p2', 'p3', 'p4'], { minLength: 1 }) }),
);

const couponArb: fc.Arbitrary<PricingCoupon> = fc.record({
  id: fc.option(fc.constantFrom('uc-1', 'uc-2'), { nil: null }),
  rule: ruleArb,
  scope: scopeArb,
  channel: fc.constantFrom('online' as const, 'store' as const, 'both' as const),
});

const pointsArb = fc.record({
  balance: fc.integer({ min: 0, max: 100_000 }),
  use: fc.oneof(fc.constant('max' as const), fc.integer({ min: 0, max: 100_000 })),
});

const inputArb: fc.Arbitrary<PricingInput> = fc.record({
  items: itemsArb,
  tierId: fc.constantFrom(...TIER_IDS),
  coupon: fc.option(couponArb, { nil: undefined }),
  points: fc.option(pointsArb, { nil: undefined }),
  delivery: fc.constantFrom('express' as const, 'pickup' as const),
});

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const runs = { numRuns: 200 };

describe('priceOrder properties', () => {
  it('never asks a negative amount, and every amount is a whole number of fen', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = priceOrder(input);
        expect(out.payable).toBeGreaterThanOrEqual(0);
        expect(out.merchandisePaid).toBeGreaterThanOrEqual(0);
        const numbers = [
          out.itemsTotal,
          out.tierDiscount,
          out.ladderDiscount,
          out.couponDiscount,
          out.pointsUsed,
          out.shippingFee,
          out.payable,
          out.pointsEarnable,
          ...out.lines.map((l) => l.amount),
          ...out.allocation.flatMap((a) => Object.values(a).filter((x): x is number => typeof x === 'number')),
        ];
        for (const n of numbers) expect(Number.isSafeInteger(n)).toBe(true);
      }),
      runs,
    );
  });

  it('never lets a step take more than what it applies to', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = priceOrder(input);
        const tier = tierById(input.tierId);
        out.allocation.forEach((a, i) => {
          const promo = input.items[i].promo !== undefined;
          // Tier: nothing on promo lines, at most the tier's rate of the line otherwise.
          expect(a.tierDiscount * 100).toBeLessThanOrEqual(promo ? 0 : a.lineTotal * (100 - tier.discountPercent));
          if (promo) expect(a.ladderDiscount).toBe(0);
          expect(a.paid).toBeGreaterThanOrEqual(0);
        });
        expect(out.tierDiscount).toBeLessThanOrEqual(out.itemsTotal);
        expect(out.ladderDiscount).toBeLessThanOrEqual(out.ladderBase);
        if (out.coupon) {
          expect(out.couponDiscount).toBeLessThanOrEqual(out.coupon.eligibleSubtotal);
          if (input.coupon?.rule.kind === 'amount') expect(out.couponDiscount).toBeLessThanOrEqual(input.coupon.rule.amountOff);
          if (input.coupon?.rule.kind === 'percent') expect(out.couponDiscount).toBeLessThanOrEqual(input.coupon.rule.maxOff);
          if (!out.coupon.applied) expect(out.couponDiscount).toBe(0);
          if (input.coupon?.channel === 'store') expect(out.coupon.applied).toBe(false);
        } else {
          expect(out.couponDiscount).toBe(0);
        }
        const cap = Math.floor((out.merchandiseAfterDiscounts * DEFAULT_PRICING_CONFIG.pointsMaxSharePercent) / 100);
        expect(out.pointsUsed).toBeLessThanOrEqual(cap);
        expect(out.pointsUsed).toBeLessThanOrEqual(input.points?.balance ?? 0);
        if (input.points && input.points.use !== 'max') expect(out.pointsUsed).toBeLessThanOrEqual(input.points.use);
      }),
      runs,
    );
  });

  it('charges the coupon only to the lines in its scope', () => {
    fc.assert(
      fc.property(inputArb, couponArb, (input, coupon) => {
        const out = priceOrder({ ...input, coupon });
        out.allocation.forEach((a, i) => {
          const it = input.items[i];
          const covered =
            coupon.scope.type === 'all' || coupon.scope.ids.includes(coupon.scope.type === 'category' ? it.categoryId : it.productId);
          if (!covered) expect(a.couponDiscount).toBe(0);
        });
      }),
      runs,
    );
  });

  it('has lines that add up to payable, items first and payable last', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = priceOrder(input);
        expect(out.lines[0]).toMatchObject({ key: 'items', amount: out.itemsTotal });
        expect(out.lines[out.lines.length - 1]).toMatchObject({ key: 'payable', amount: out.payable });
        expect(sum(out.lines.slice(0, -1).map((l) => l.amount))).toBe(out.payable);
        for (const l of out.lines) expect(l.label).not.toBe('');
        expect(out.itemsTotal - out.tierDiscount - out.ladderDiscount - out.couponDiscount - out.pointsDiscount).toBe(
          out.merchandisePaid,
        );
        expect(out.payable).toBe(out.merchandisePaid + out.shippingFee);
      }),
      runs,
    );
  });

  it('allocates every step over the lines exactly, so the paid amounts sum to merchandisePaid', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = priceOrder(input);
        const a = out.allocation;
        expect(a.map((x) => x.skuId)).toEqual(input.items.map((it) => it.skuId));
        expect(sum(a.map((x) => x.paid))).toBe(out.merchandisePaid);
        expect(sum(a.map((x) => x.lineTotal))).toBe(out.itemsTotal);
        expect(sum(a.map((x) => x.tierDiscount))).toBe(out.tierDiscount);
        expect(sum(a.map((x) => x.ladderDiscount))).toBe(out.ladderDiscount);
        expect(sum(a.map((x) => x.couponDiscount))).toBe(out.couponDiscount);
        expect(sum(a.map((x) => x.pointsDiscount))).toBe(out.pointsDiscount);
        for (const x of a) {
          expect(x.lineTotal - x.tierDiscount - x.ladderDiscount - x.couponDiscount - x.pointsDiscount).toBe(x.paid);
        }
      }),
      runs,
    );
  });

  it('charges shipping by the rule: pickup free, express free exactly from the tier threshold', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = priceOrder(input);
        const threshold = tierById(input.tierId).freeShippingThreshold;
        if (input.delivery === 'pickup') expect(out.shippingFee).toBe(0);
        else expect(out.shippingFee).toBe(out.merchandiseAfterDiscounts >= threshold ? 0 : DEFAULT_PRICING_CONFIG.expressFee);
      }),
      runs,
    );
  });

  it('earns points on whole yuan paid for merchandise times the multiplier, rounded down', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = priceOrder(input);
        const scaled = Math.floor(out.merchandisePaid / 100) * tierById(input.tierId).pointsMultiplierTenths;
        expect(out.pointsEarnable * 10).toBeLessThanOrEqual(scaled);
        expect((out.pointsEarnable + 1) * 10).toBeGreaterThan(scaled);
      }),
      runs,
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        // structuredClone builds its copy in another realm, so compare values (toEqual), not prototypes.
        const before = structuredClone(input);
        const first = priceOrder(input);
        expect(input).toEqual(before);
        expect(priceOrder(input)).toStrictEqual(first);
      }),
      runs,
    );
  });

  it('gives the client preview and the server the same breakdown once the input has crossed callFunction as JSON', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const preview = priceOrder(input);
        const onServer = priceOrder(JSON.parse(JSON.stringify(input)) as PricingInput);
        expect(onServer).toStrictEqual(preview);
        // And the breakdown itself survives the trip back (no undefined, no BigInt, no class instances).
        expect(JSON.parse(JSON.stringify(onServer))).toStrictEqual(onServer);
      }),
      runs,
    );
  });

  it('does not depend on the order of the lines for any total', () => {
    fc.assert(
      fc.property(inputArb.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray(input.items, { minLength: input.items.length }))), ([input, shuffled]) => {
        const a = priceOrder(input);
        const b = priceOrder({ ...input, items: shuffled });
        for (const key of ['itemsTotal', 'tierDiscount', 'ladderDiscount', 'couponDiscount', 'pointsUsed', 'shippingFee', 'payable'] as const) {
          expect(b[key]).toBe(a[key]);
        }
      }),
      runs,
    );
  });

  it('never lowers itemsTotal when an item is added', () => {
    fc.assert(
      fc.property(inputArb, price, fc.integer({ min: 1, max: 5 }), (input, unitPrice, quantity) => {
        const extra: PricingItem = { skuId: 'sku-extra', productId: 'p9', categoryId: 'tops', title: '加购', unitPrice, quantity };
        const before = priceOrder(input);
        const after = priceOrder({ ...input, items: [...input.items, extra] });
        expect(after.itemsTotal).toBeGreaterThanOrEqual(before.itemsTotal);
        expect(after.itemsTotal - before.itemsTotal).toBe(unitPrice * quantity);
      }),
      runs,
    );
  });

  it('never raises payable when more points are asked for', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (input, balance, ask) => {
        const fewer = priceOrder({ ...input, points: { balance, use: ask } });
        const more = priceOrder({ ...input, points: { balance, use: ask + 1 } });
        const most = priceOrder({ ...input, points: { balance, use: 'max' } });
        expect(more.payable).toBeLessThanOrEqual(fewer.payable);
        expect(most.payable).toBeLessThanOrEqual(more.payable);
        expect(most.pointsUsed).toBe(most.pointsMax);
      }),
      runs,
    );
  });

  it('never raises payable when a coupon that applies is added', () => {
    fc.assert(
      fc.property(inputArb, couponArb, (input, coupon) => {
        const without = priceOrder({ ...input, coupon: undefined, points: undefined });
        const withCoupon = priceOrder({ ...input, coupon, points: undefined });
        if (withCoupon.coupon?.applied) {
          expect(withCoupon.merchandisePaid).toBe(without.merchandisePaid - withCoupon.couponDiscount);
          // Shipping may start costing (the coupon can drop the order under the threshold), never by more than the fee.
          expect(withCoupon.payable).toBeLessThanOrEqual(without.payable - withCoupon.couponDiscount + DEFAULT_PRICING_CONFIG.expressFee);
        } else {
          expect(withCoupon.payable).toBe(without.payable);
        }
      }),
      runs,
    );
  });
});
