import fc from 'fast-check';
import {
  couponApplies,
  couponDiscount,
  couponRuleProblems,
  couponScopeProblems,
  couponTermsProblems,
  describeCoupon,
  describeCouponChannel,
  describeCouponScope,
  inCouponScope,
  type CouponRule,
  type CouponScope,
  type CouponTarget,
  type CouponTerms,
} from './coupon-rules';

const amount = (amountOff: number, threshold: number): CouponRule => ({ kind: 'amount', amountOff, threshold });
const percent = (percentOff: number, maxOff: number, threshold = 0): CouponRule => ({ kind: 'percent', percentOff, maxOff, threshold });
const terms = (rule: CouponRule, scope: CouponScope = { type: 'all' }, channel: CouponTerms['channel'] = 'both'): CouponTerms => ({
  rule,
  scope,
  channel,
});
const tee = (amt: number): CouponTarget => ({ productId: 'p-tee', categoryId: 'c-tops', amount: amt });
const jeans = (amt: number): CouponTarget => ({ productId: 'p-jeans', categoryId: 'c-bottoms', amount: amt });

const validRule: fc.Arbitrary<CouponRule> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 100_000 }))
    .map(([off, extra]) => amount(off, extra === 0 ? 0 : off + extra)),
  fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 100_000 }))
    .map(([p, max, t]) => percent(p, max, t)),
);

describe('describeCoupon', () => {
  it.each<[CouponRule, string]>([
    [amount(2_000, 19_900), '满199减20'],
    [amount(1_000, 0), '无门槛减10'],
    [amount(550, 9_950), '满99.50减5.50'],
    [percent(15, 5_000), '8.5折 最高减50'],
    [percent(10, 3_000, 29_900), '满299享9折 最高减30'],
  ])('%j reads %s', (rule, text) => {
    expect(describeCoupon(rule)).toBe(text);
  });

  it('describes scope and channel', () => {
    expect(describeCouponScope({ type: 'all' })).toBe('全场通用');
    expect(describeCouponScope({ type: 'category', ids: ['c'] })).toBe('限指定品类');
    expect(describeCouponScope({ type: 'product', ids: ['p'] })).toBe('限指定商品');
    expect(describeCouponChannel('online')).toBe('仅限线上使用');
    expect(describeCouponChannel('store')).toBe('仅限门店使用');
    expect(describeCouponChannel('both')).toBe('线上线下通用');
  });
});

describe('inCouponScope', () => {
  it('matches everything, a listed category, or a listed product', () => {
    expect(inCouponScope({ type: 'all' }, tee(1))).toBe(true);
    expect(inCouponScope({ type: 'category', ids: ['c-tops'] }, tee(1))).toBe(true);
    expect(inCouponScope({ type: 'category', ids: ['c-tops'] }, jeans(1))).toBe(false);
    expect(inCouponScope({ type: 'product', ids: ['p-jeans'] }, jeans(1))).toBe(true);
    // A product id that happens to equal a category id must not match a category scope.
    expect(inCouponScope({ type: 'category', ids: ['p-tee'] }, tee(1))).toBe(false);
  });
});

describe('couponDiscount', () => {
  it('takes the amount off once the threshold is exactly met, nothing one fen below', () => {
    expect(couponDiscount(amount(2_000, 19_900), 19_900)).toBe(2_000);
    expect(couponDiscount(amount(2_000, 19_900), 19_899)).toBe(0);
  });

  it('caps a 无门槛 coupon at what it covers', () => {
    expect(couponDiscount(amount(1_000, 0), 600)).toBe(600);
  });

  it('floors a percentage to the fen', () => {
    // 15% of 1999 fen is 299.85 fen: the coupon gives 299, never 300.
    expect(couponDiscount(percent(15, 5_000), 1_999)).toBe(299);
  });

  it('stops a percentage at its cap, and not before', () => {
    // 15% of ¥333.33 = ¥49.99 (under the ¥50 cap); of ¥333.34 = ¥50.001 -> capped at ¥50.
    expect(couponDiscount(percent(15, 5_000), 33_333)).toBe(4_999);
    expect(couponDiscount(percent(15, 5_000), 33_334)).toBe(5_000);
    expect(couponDiscount(percent(15, 5_000), 1_000_000)).toBe(5_000);
  });

  it('never exceeds the subtotal, the cap or the amount off, and is 0 below the threshold (property)', () => {
    fc.assert(
      fc.property(validRule, fc.integer({ min: 0, max: 2_000_000 }), (rule, subtotal) => {
        const off = couponDiscount(rule, subtotal);
        expect(Number.isInteger(off)).toBe(true);
        expect(off).toBeGreaterThanOrEqual(0);
        expect(off).toBeLessThanOrEqual(subtotal);
        expect(off).toBeLessThanOrEqual(rule.kind === 'amount' ? rule.amountOff : rule.maxOff);
        if (subtotal < rule.threshold) expect(off).toBe(0);
        if (rule.kind === 'percent') expect(off * 100).toBeLessThanOrEqual(subtotal * rule.percentOff);
      }),
    );
  });

  it('gives at least as much on a larger subtotal (property)', () => {
    fc.assert(
      fc.property(validRule, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (rule, a, extra) => {
        expect(couponDiscount(rule, a + extra)).toBeGreaterThanOrEqual(couponDiscount(rule, a));
      }),
    );
  });
});

describe('couponApplies', () => {
  it('applies on the eligible lines only and says which they are', () => {
    const check = couponApplies(terms(amount(2_000, 19_900), { type: 'category', ids: ['c-tops'] }), [tee(20_000), jeans(50_000)]);
    expect(check).toEqual({ applies: true, discount: 2_000, eligible: [true, false], eligibleSubtotal: 20_000 });
  });

  it('measures the threshold on the eligible lines, not the whole cart', () => {
    const check = couponApplies(terms(amount(2_000, 19_900), { type: 'category', ids: ['c-tops'] }), [tee(15_000), jeans(50_000)]);
    expect(check).toMatchObject({ applies: false, eligibleSubtotal: 15_000, reason: '适用商品满¥199可用，还差¥49' });
  });

  it('shows the shortfall in fen when it is not whole yuan', () => {
    const check = couponApplies(terms(amount(2_000, 19_900)), [tee(19_899)]);
    expect(check).toMatchObject({ applies: false, reason: '适用商品满¥199可用，还差¥0.01' });
  });

  it('refuses a store-only coupon online and an online-only coupon in the store', () => {
    expect(couponApplies(terms(amount(1_000, 0), { type: 'all' }, 'store'), [tee(5_000)])).toMatchObject({
      applies: false,
      reason: '该券仅限门店使用',
    });
    expect(couponApplies(terms(amount(1_000, 0), { type: 'all' }, 'online'), [tee(5_000)], 'store')).toMatchObject({
      applies: false,
      reason: '该券仅限线上使用',
    });
    expect(couponApplies(terms(amount(1_000, 0), { type: 'all' }, 'both'), [tee(5_000)], 'store').applies).toBe(true);
  });

  it('says when nothing in the cart is covered', () => {
    expect(couponApplies(terms(amount(1_000, 0), { type: 'category', ids: ['c-shoes'] }), [tee(5_000)])).toMatchObject({
      applies: false,
      reason: '没有该券指定品类的商品',
    });
    expect(couponApplies(terms(amount(1_000, 0), { type: 'product', ids: ['p-cap'] }), [tee(5_000)])).toMatchObject({
      applies: false,
      reason: '没有该券指定的商品',
    });
    expect(couponApplies(terms(amount(1_000, 0)), [])).toMatchObject({ applies: false, reason: '没有可用该券的商品' });
  });

  it('does not spend a coupon that would give nothing', () => {
    // 1% of 50 fen floors to 0.
    expect(couponApplies(terms(percent(1, 1_000)), [tee(50)])).toMatchObject({
      applies: false,
      reason: '适用商品金额过低，无法使用该券',
    });
  });

  it('never gives more than the eligible subtotal, and a positive discount when it applies (property)', () => {
    const target = fc.record({
      productId: fc.constantFrom('p1', 'p2', 'p3'),
      categoryId: fc.constantFrom('c1', 'c2'),
      amount: fc.integer({ min: 0, max: 200_000 }),
    });
    const scope: fc.Arbitrary<CouponScope> = fc.oneof(
      fc.constant({ type: 'all' as const }),
      fc.record({ type: fc.constant('category' as const), ids: fc.subarray(['c1', 'c2'], { minLength: 1 }) }),
      fc.record({ type: fc.constant('product' as const), ids: fc.subarray(['p1', 'p2', 'p3'], { minLength: 1 }) }),
    );
    fc.assert(
      fc.property(validRule, scope, fc.array(target, { maxLength: 6 }), (rule, s, targets) => {
        const check = couponApplies(terms(rule, s), targets);
        const expectedSubtotal = targets.filter((t) => inCouponScope(s, t)).reduce((sum, t) => sum + t.amount, 0);
        expect(check.eligibleSubtotal).toBe(expectedSubtotal);
        if (check.applies) {
          expect(check.discount).toBeGreaterThan(0);
          expect(check.discount).toBeLessThanOrEqual(check.eligibleSubtotal);
        } else {
          expect(check.reason).not.toBe('');
        }
      }),
    );
  });
});

describe('couponRuleProblems', () => {
  it('accepts valid rules', () => {
    fc.assert(fc.property(validRule, (rule) => expect(couponRuleProblems(rule)).toEqual([])));
  });

  it.each<[unknown, string]>([
    [null, '优惠规则格式不正确'],
    [{ kind: 'gift', threshold: 0 }, '优惠类型应为满减或折扣'],
    [{ kind: 'amount', amountOff: 0, threshold: 0 }, '减免金额应为大于0的整数（分）'],
    [{ kind: 'amount', amountOff: 10.5, threshold: 0 }, '减免金额应为大于0的整数（分）'],
    [{ kind: 'amount', amountOff: 1_000, threshold: -1 }, '使用门槛应为不小于0的整数（分）'],
    [{ kind: 'amount', amountOff: 19_900, threshold: 19_900 }, '减免金额应小于使用门槛'],
    [{ kind: 'percent', percentOff: 0, maxOff: 100, threshold: 0 }, '折扣应为1到99之间的整数（15表示8.5折）'],
    [{ kind: 'percent', percentOff: 100, maxOff: 100, threshold: 0 }, '折扣应为1到99之间的整数（15表示8.5折）'],
    [{ kind: 'percent', percentOff: 8.5, maxOff: 100, threshold: 0 }, '折扣应为1到99之间的整数（15表示8.5折）'],
    [{ kind: 'percent', percentOff: 15, maxOff: 0, threshold: 0 }, '最高优惠金额应为大于0的整数（分）'],
    [{ kind: 'percent', percentOff: 15, threshold: 0 }, '最高优惠金额应为大于0的整数（分）'],
  ])('%j: %s', (rule, problem) => {
    expect(couponRuleProblems(rule)).toContain(problem);
  });
});

describe('couponScopeProblems / couponTermsProblems', () => {
  it('accepts all, and lists with ids', () => {
    expect(couponScopeProblems({ type: 'all' })).toEqual([]);
    expect(couponScopeProblems({ type: 'category', ids: ['c1'] })).toEqual([]);
  });

  it('rejects unknown types, empty lists and blank ids', () => {
    expect(couponScopeProblems({ type: 'brand', ids: ['b'] })).toEqual(['适用范围应为全场、指定品类或指定商品']);
    expect(couponScopeProblems({ type: 'category', ids: [] })).toEqual(['请至少指定一个品类']);
    expect(couponScopeProblems({ type: 'product' })).toEqual(['请至少指定一个商品']);
    expect(couponScopeProblems({ type: 'product', ids: ['p1', ' '] })).toEqual(['商品编号不能为空']);
    expect(couponScopeProblems('all')).toEqual(['适用范围格式不正确']);
  });

  it('collects the problems of rule, scope and channel', () => {
    expect(couponTermsProblems(terms(amount(1_000, 0)))).toEqual([]);
    expect(couponTermsProblems({ rule: amount(0, 0), scope: { type: 'category', ids: [] }, channel: 'mall' })).toEqual([
      '减免金额应为大于0的整数（分）',
      '请至少指定一个品类',
      '使用渠道应为线上、门店或通用',
    ]);
  });
});
