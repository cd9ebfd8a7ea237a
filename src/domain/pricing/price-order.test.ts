import type { CouponRule, CouponScope } from '../coupon-rules';
import { DEFAULT_PRICING_CONFIG, type PricingConfig } from './config';
import { priceOrder } from './price-order';
import type { PricingCoupon, PricingInput, PricingItem } from './pricing-input';

/** Prices in these tests are worked out by hand in the comments, never copied from a run. */

const item = (skuId: string, unitPrice: number, quantity = 1, extra: Partial<PricingItem> = {}): PricingItem => ({
  skuId,
  productId: `p-${skuId}`,
  categoryId: 'tops',
  title: skuId,
  unitPrice,
  quantity,
  ...extra,
});

const order = (items: PricingItem[], extra: Partial<PricingInput> = {}): PricingInput => ({
  items,
  tierId: 'normal',
  delivery: 'express',
  ...extra,
});

const coupon = (rule: CouponRule, scope: CouponScope = { type: 'all' }, channel: PricingCoupon['channel'] = 'both'): PricingCoupon => ({
  id: 'uc-1',
  rule,
  scope,
  channel,
});

const noLadder: PricingConfig = { ...DEFAULT_PRICING_CONFIG, ladder: [] };

describe('priceOrder: the worked example of docs/pricing.md', () => {
  // 金卡, express, coupon 满199减20 on tops, 3000 points held and "use the most".
  const input: PricingInput = {
    tierId: 'gold',
    delivery: 'express',
    items: [
      { skuId: 'tee-white-m', productId: 'tee', categoryId: 'tops', title: '基础T恤', unitPrice: 12_900, quantity: 2 },
      { skuId: 'jeans-blue-30', productId: 'jeans', categoryId: 'bottoms', title: '直筒牛仔裤', unitPrice: 29_900, quantity: 1 },
      { skuId: 'hoodie-grey-l', productId: 'hoodie', categoryId: 'tops', title: '连帽卫衣', unitPrice: 9_900, quantity: 1, promo: 'flash' },
    ],
    coupon: coupon({ kind: 'amount', amountOff: 2_000, threshold: 19_900 }, { type: 'category', ids: ['tops'] }),
    points: { balance: 3_000, use: 'max' },
  };
  const out = priceOrder(input);

  it('adds up the items: 2 x 129 + 299 + 99 = ¥656', () => {
    expect(out.itemsTotal).toBe(65_600);
  });

  it('takes 5% per regular line, floored: 25800 -> 1290, 29900 -> 1495; the flash hoodie keeps its price', () => {
    expect(out.tierDiscount).toBe(2_785);
    expect(out.allocation.map((a) => a.tierDiscount)).toEqual([1_290, 1_495, 0]);
  });

  it('measures 满减 on the regular lines after the tier discount: 24510 + 28405 = 52915 reaches 满399减50', () => {
    expect(out.ladderBase).toBe(52_915);
    expect(out.ladderStep).toEqual({ threshold: 39_900, off: 5_000 });
    expect(out.ladderDiscount).toBe(5_000);
    // 5000 x 24510/52915 = 2315.97 and 5000 x 28405/52915 = 2684.03: the spare fen goes to the larger remainder.
    expect(out.allocation.map((a) => a.ladderDiscount)).toEqual([2_316, 2_684, 0]);
  });

  it('applies the tops coupon on the tops only: 22194 + 9900 = 32094 >= 19900', () => {
    expect(out.coupon).toEqual({
      id: 'uc-1',
      label: '满199减20',
      applied: true,
      discount: 2_000,
      eligibleSubtotal: 32_094,
      reason: null,
    });
    // 2000 x 22194/32094 = 1383.06, 2000 x 9900/32094 = 616.94 -> 1383 + 617.
    expect(out.allocation.map((a) => a.couponDiscount)).toEqual([1_383, 0, 617]);
  });

  it('uses all 3000 points: the cap is 50% of 55815 = 27907, the balance is lower', () => {
    expect(out.merchandiseAfterDiscounts).toBe(55_815);
    expect(out.pointsMax).toBe(3_000);
    expect(out.pointsUsed).toBe(3_000);
    expect(out.allocation.map((a) => a.pointsDiscount)).toEqual([1_119, 1_382, 499]);
  });

  it('ships free for 金卡 and asks ¥528.15', () => {
    expect(out.shippingFee).toBe(0);
    expect(out.merchandisePaid).toBe(52_815);
    expect(out.payable).toBe(52_815);
    expect(out.allocation.map((a) => a.paid)).toEqual([19_692, 24_339, 8_784]);
  });

  it('earns 528 whole yuan x 1.5 = 792 points on completion', () => {
    expect(out.pointsEarnable).toBe(792);
  });

  it('shows every step as a line a person can read', () => {
    expect(out.lines).toEqual([
      { key: 'items', label: '商品金额', amount: 65_600 },
      { key: 'tier', label: '金卡 9.5折', amount: -2_785 },
      { key: 'ladder', label: '满399减50', amount: -5_000 },
      { key: 'coupon', label: '优惠券 满199减20', amount: -2_000 },
      { key: 'points', label: '积分抵扣 3000积分', amount: -3_000 },
      { key: 'shipping', label: '运费 金卡包邮', amount: 0 },
      { key: 'payable', label: '应付金额', amount: 52_815 },
    ]);
  });
});

describe('priceOrder: tier discount', () => {
  it('floors the discount to the fen: 5% of ¥19.99 is 99.95 fen -> 99 off, pay ¥19.00', () => {
    const out = priceOrder(order([item('a', 1_999)], { tierId: 'gold' }), noLadder);
    expect(out.tierDiscount).toBe(99);
    expect(out.merchandisePaid).toBe(1_900);
  });

  it('rounds once per line, not per piece: 5% of 3 x 1999 = 299.85 -> 299 (per piece would give 3 x 99 = 297)', () => {
    expect(priceOrder(order([item('a', 1_999, 3)], { tierId: 'gold' }), noLadder).tierDiscount).toBe(299);
  });

  it('gives 普通 no discount line', () => {
    const out = priceOrder(order([item('a', 10_000)]), noLadder);
    expect(out.tierDiscount).toBe(0);
    expect(out.lines.map((l) => l.key)).not.toContain('tier');
  });

  it('labels each tier with its 折', () => {
    const label = (tierId: PricingInput['tierId']) =>
      priceOrder(order([item('a', 10_000)], { tierId }), noLadder).lines.find((l) => l.key === 'tier')?.label;
    expect(label('silver')).toBe('银卡 9.8折');
    expect(label('diamond')).toBe('黑钻 9折');
  });

  it('leaves flash-sale and group-buy prices alone', () => {
    const out = priceOrder(
      order([item('flash', 50_000, 1, { promo: 'flash' }), item('group', 30_000, 1, { promo: 'group' })], { tierId: 'diamond' }),
    );
    expect(out.tierDiscount).toBe(0);
    expect(out.ladderDiscount).toBe(0);
    expect(out.ladderBase).toBe(0);
    expect(out.merchandisePaid).toBe(80_000);
  });
});

describe('priceOrder: 满减 ladder', () => {
  it.each([
    [19_899, 0], // ¥198.99
    [19_900, 2_000], // ¥199.00
    [39_899, 2_000],
    [39_900, 5_000],
    [69_900, 10_000],
  ])('%i fen of goods takes %i off', (amount, off) => {
    const out = priceOrder(order([item('a', amount)]));
    expect(out.ladderDiscount).toBe(off);
    expect(out.merchandisePaid).toBe(amount - off);
  });

  it('adds the lines up before measuring: 2 x ¥99.50 = ¥199 reaches the first step', () => {
    expect(priceOrder(order([item('a', 9_950, 2)])).ladderDiscount).toBe(2_000);
  });

  it('is measured after the tier discount, so ¥200 at 银卡 (¥196) misses 满199', () => {
    const out = priceOrder(order([item('a', 20_000)], { tierId: 'silver' }));
    expect(out.ladderBase).toBe(19_600);
    expect(out.ladderDiscount).toBe(0);
    expect(out.lines.map((l) => l.key)).not.toContain('ladder');
  });

  it('does not count promo lines towards the threshold', () => {
    const out = priceOrder(order([item('a', 15_000), item('flash', 10_000, 1, { promo: 'flash' })]));
    expect(out.ladderBase).toBe(15_000);
    expect(out.ladderDiscount).toBe(0);
  });

  it('uses the configured ladder', () => {
    const config = { ...DEFAULT_PRICING_CONFIG, ladder: [{ threshold: 10_000, off: 1_500 }] };
    expect(priceOrder(order([item('a', 10_000)]), config).ladderDiscount).toBe(1_500);
  });
});

describe('priceOrder: coupon', () => {
  const twenty = { kind: 'amount', amountOff: 2_000, threshold: 19_900 } as const;

  it('applies when the threshold is exactly met', () => {
    const out = priceOrder(order([item('a', 19_900)], { coupon: coupon(twenty) }), noLadder);
    expect(out.couponDiscount).toBe(2_000);
    expect(out.merchandisePaid).toBe(17_900);
  });

  it('does not apply one fen below, and says why', () => {
    const out = priceOrder(order([item('a', 19_899)], { coupon: coupon(twenty) }), noLadder);
    expect(out.couponDiscount).toBe(0);
    expect(out.coupon).toMatchObject({ applied: false, discount: 0, reason: '适用商品满¥199可用，还差¥0.01' });
    expect(out.lines.map((l) => l.key)).not.toContain('coupon');
  });

  it('measures its threshold after 满减: ¥199 less 满199减20 is ¥179, short of a 满199 coupon', () => {
    const out = priceOrder(order([item('a', 19_900)], { coupon: coupon(twenty) }));
    expect(out.ladderDiscount).toBe(2_000);
    expect(out.coupon).toMatchObject({ applied: false, eligibleSubtotal: 17_900, reason: '适用商品满¥199可用，还差¥20' });
  });

  it('hits the percent cap: 15% of ¥400 would be ¥60, the cap is ¥50', () => {
    const rule = { kind: 'percent', percentOff: 15, maxOff: 5_000, threshold: 0 } as const;
    expect(priceOrder(order([item('a', 40_000)], { coupon: coupon(rule) }), noLadder).couponDiscount).toBe(5_000);
    expect(priceOrder(order([item('a', 30_000)], { coupon: coupon(rule) }), noLadder).couponDiscount).toBe(4_500);
  });

  it('floors a percentage: 15% of ¥19.99 = 299.85 fen -> 299', () => {
    const rule = { kind: 'percent', percentOff: 15, maxOff: 5_000, threshold: 0 } as const;
    expect(priceOrder(order([item('a', 1_999)], { coupon: coupon(rule) }), noLadder).couponDiscount).toBe(299);
  });

  it('computes on the products in scope only and charges the discount to them', () => {
    const rule = { kind: 'percent', percentOff: 10, maxOff: 100_000, threshold: 0 } as const;
    const out = priceOrder(
      order([item('a', 10_000), item('b', 30_000)], { coupon: coupon(rule, { type: 'product', ids: ['p-b'] }) }),
      noLadder,
    );
    expect(out.coupon?.eligibleSubtotal).toBe(30_000);
    expect(out.couponDiscount).toBe(3_000);
    expect(out.allocation.map((a) => a.couponDiscount)).toEqual([0, 3_000]);
  });

  it('caps a 无门槛 coupon at the goods it covers', () => {
    const out = priceOrder(order([item('a', 500)], { coupon: coupon({ kind: 'amount', amountOff: 1_000, threshold: 0 }) }), noLadder);
    expect(out.couponDiscount).toBe(500);
    expect(out.merchandisePaid).toBe(0);
  });

  it('refuses a store-only coupon at online checkout', () => {
    const out = priceOrder(order([item('a', 50_000)], { coupon: coupon({ kind: 'amount', amountOff: 1_000, threshold: 0 }, { type: 'all' }, 'store') }));
    expect(out.couponDiscount).toBe(0);
    expect(out.coupon?.reason).toBe('该券仅限门店使用');
  });

  it('covers flash-sale lines when they are in scope', () => {
    const out = priceOrder(order([item('f', 10_000, 1, { promo: 'flash' })], { coupon: coupon({ kind: 'amount', amountOff: 1_000, threshold: 0 }) }));
    expect(out.couponDiscount).toBe(1_000);
  });

  it('reports no coupon when none was asked for', () => {
    expect(priceOrder(order([item('a', 100)])).coupon).toBeNull();
  });
});

describe('priceOrder: points', () => {
  const withPoints = (amount: number, balance: number, use: number | 'max') =>
    priceOrder(order([item('a', amount)], { points: { balance, use } }), noLadder);

  it('stops at 50% of what is left', () => {
    expect(withPoints(10_000, 100_000, 'max').pointsUsed).toBe(5_000);
    expect(withPoints(10_000, 100_000, 7_000).pointsUsed).toBe(5_000);
    expect(withPoints(10_000, 100_000, 5_000).pointsUsed).toBe(5_000);
  });

  it('floors the cap: half of 10001 fen is 5000.5 -> 5000 points', () => {
    expect(withPoints(10_001, 100_000, 'max').pointsMax).toBe(5_000);
  });

  it('never uses more than the balance or than asked', () => {
    expect(withPoints(10_000, 200, 'max').pointsUsed).toBe(200);
    expect(withPoints(10_000, 100_000, 300).pointsUsed).toBe(300);
    expect(withPoints(10_000, 0, 'max').pointsUsed).toBe(0);
  });

  it('is worth 1 fen a point: 3000 points take ¥30 off', () => {
    const out = withPoints(10_000, 3_000, 3_000);
    expect(out.pointsDiscount).toBe(3_000);
    expect(out.merchandisePaid).toBe(7_000);
    expect(out.lines.find((l) => l.key === 'points')).toEqual({ key: 'points', label: '积分抵扣 3000积分', amount: -3_000 });
  });

  it('follows the configured share', () => {
    const config = { ...noLadder, pointsMaxSharePercent: 20 };
    expect(priceOrder(order([item('a', 10_000)], { points: { balance: 100_000, use: 'max' } }), config).pointsUsed).toBe(2_000);
  });

  it('uses none when not asked', () => {
    expect(priceOrder(order([item('a', 10_000)])).pointsUsed).toBe(0);
  });
});

describe('priceOrder: shipping', () => {
  it('is free for 普通 from exactly ¥99 of goods, ¥10 one fen below', () => {
    expect(priceOrder(order([item('a', 9_900)])).shippingFee).toBe(0);
    const below = priceOrder(order([item('a', 9_899)]));
    expect(below.shippingFee).toBe(DEFAULT_PRICING_CONFIG.expressFee);
    expect(below.freeShippingShortBy).toBe(1);
    expect(below.lines.find((l) => l.key === 'shipping')).toEqual({ key: 'shipping', label: '运费', amount: 1_000 });
  });

  it('measures 银卡 ¥69 after the tier discount: ¥70.40 -> ¥69.00 is free, ¥70.39 -> ¥68.99 is not', () => {
    // 2% of 7040 = 140.8 -> 140 off; 2% of 7039 = 140.78 -> 140 off.
    const free = priceOrder(order([item('a', 7_040)], { tierId: 'silver' }));
    expect(free.merchandiseAfterDiscounts).toBe(6_900);
    expect(free.shippingFee).toBe(0);
    expect(free.lines.find((l) => l.key === 'shipping')?.label).toBe('运费 满69包邮');
    expect(priceOrder(order([item('a', 7_039)], { tierId: 'silver' })).shippingFee).toBe(1_000);
  });

  it('is always free for 金卡 and 黑钻', () => {
    expect(priceOrder(order([item('a', 100)], { tierId: 'gold' })).shippingFee).toBe(0);
    expect(priceOrder(order([item('a', 100)], { tierId: 'diamond' })).shippingFee).toBe(0);
  });

  it('is measured after the coupon: ¥105 less a ¥10 coupon is ¥95, under ¥99', () => {
    const out = priceOrder(order([item('a', 10_500)], { coupon: coupon({ kind: 'amount', amountOff: 1_000, threshold: 0 }) }));
    expect(out.merchandiseAfterDiscounts).toBe(9_500);
    expect(out.shippingFee).toBe(1_000);
    expect(out.payable).toBe(10_500);
  });

  it('is measured before points: paying ¥50 of ¥100 in points keeps free shipping', () => {
    const out = priceOrder(order([item('a', 10_000)], { points: { balance: 100_000, use: 'max' } }));
    expect(out.merchandisePaid).toBe(5_000);
    expect(out.shippingFee).toBe(0);
  });

  it('is free for store pickup, whatever the amount', () => {
    const out = priceOrder(order([item('a', 100)], { delivery: 'pickup' }));
    expect(out.shippingFee).toBe(0);
    expect(out.freeShippingShortBy).toBeNull();
    expect(out.payable).toBe(100);
    expect(out.lines.find((l) => l.key === 'shipping')).toEqual({ key: 'shipping', label: '门店自提 免运费', amount: 0 });
  });

  it('adds the fee to payable but not to the items, and earns no points', () => {
    const out = priceOrder(order([item('a', 5_000)]));
    expect(out.payable).toBe(6_000);
    expect(out.merchandisePaid).toBe(5_000);
    expect(out.allocation[0].paid).toBe(5_000);
    expect(out.pointsEarnable).toBe(50);
  });
});

describe('priceOrder: points earned on completion', () => {
  it('counts whole yuan only: ¥199.99 earns 199 at x1', () => {
    expect(priceOrder(order([item('a', 19_999)], { delivery: 'pickup' }), noLadder).pointsEarnable).toBe(199);
  });

  it('floors after the multiplier: 金卡 paying ¥3.34 earns 3 x 1.5 = 4.5 -> 4', () => {
    // 5% of 351 fen = 17.55 -> 17 off, so 334 fen paid.
    const out = priceOrder(order([item('a', 351)], { tierId: 'gold' }), noLadder);
    expect(out.merchandisePaid).toBe(334);
    expect(out.pointsEarnable).toBe(4);
  });

  it('does not earn on what points paid', () => {
    const out = priceOrder(order([item('a', 10_000)], { tierId: 'diamond', points: { balance: 1_000, use: 'max' } }), noLadder);
    // 10000 -> 9000 at 9折 -> 8000 after 1000 points -> ¥80 x 2.0 = 160.
    expect(out.pointsEarnable).toBe(160);
  });
});

describe('priceOrder: lines', () => {
  it('keeps items first and payable last, and adds up to payable', () => {
    const out = priceOrder(
      order([item('a', 45_000)], {
        tierId: 'silver',
        coupon: coupon({ kind: 'amount', amountOff: 1_000, threshold: 0 }),
        points: { balance: 500, use: 'max' },
      }),
    );
    expect(out.lines[0].key).toBe('items');
    expect(out.lines[out.lines.length - 1].key).toBe('payable');
    const body = out.lines.slice(0, -1).reduce((s, l) => s + l.amount, 0);
    expect(body).toBe(out.payable);
    // 45000 - 900 (2%) = 44100 -> 满399减50 -> 39100 -> coupon 1000 -> 38100 -> 500 points -> 37600, free shipping.
    expect(out.payable).toBe(37_600);
  });
});
