import { AppError } from '../reply';
import { DEFAULT_PRICING_CONFIG, assertPricingConfig } from './config';
import { priceOrder } from './price-order';
import { parsePricingInput, type PricingInput } from './pricing-input';

const good = (): Record<string, unknown> => ({
  tierId: 'normal',
  delivery: 'express',
  items: [{ skuId: 's1', productId: 'p1', categoryId: 'c1', title: '基础T恤', unitPrice: 12_900, quantity: 1 }],
});

const withItem = (patch: Record<string, unknown>) => {
  const input = good();
  input.items = [{ ...(input.items as object[])[0], ...patch }];
  return input;
};

function rejection(input: unknown): AppError {
  try {
    priceOrder(input as PricingInput);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected priceOrder to refuse the input');
}

describe('priceOrder refuses bad input with INVALID_INPUT and a Chinese message', () => {
  it.each<[string, unknown, string]>([
    ['a negative price', withItem({ unitPrice: -1 }), '商品单价不能小于0'],
    ['a price in yuan with decimals', withItem({ unitPrice: 129.9 }), '商品单价应为整数'],
    ['a price given as text', withItem({ unitPrice: '12900' }), '商品单价应为整数'],
    ['a price above the limit', withItem({ unitPrice: DEFAULT_PRICING_CONFIG.maxUnitPrice + 1 }), '商品单价不能大于10000000'],
    ['quantity 0', withItem({ quantity: 0 }), '购买数量不能小于1'],
    ['a negative quantity', withItem({ quantity: -2 }), '购买数量不能小于1'],
    ['a fractional quantity', withItem({ quantity: 1.5 }), '购买数量应为整数'],
    ['too many pieces', withItem({ quantity: 100 }), '购买数量不能大于99'],
    ['an unknown promotion', withItem({ promo: 'clearance' }), '活动类型不在可选范围内'],
    ['a blank sku', withItem({ skuId: '  ' }), '商品规格编号不能为空'],
    ['no items', { ...good(), items: [] }, '商品不能为空'],
    ['items that are not a list', { ...good(), items: 'x' }, '商品应为列表'],
    ['an unknown tier', { ...good(), tierId: 'platinum' }, '会员等级不正确'],
    ['an unknown delivery', { ...good(), delivery: 'drone' }, '配送方式不在可选范围内'],
    ['negative points', { ...good(), points: { balance: 100, use: -1 } }, '使用积分应为不小于0的整数'],
    ['fractional points', { ...good(), points: { balance: 100, use: 0.5 } }, '使用积分应为不小于0的整数'],
    ['a negative balance', { ...good(), points: { balance: -1, use: 0 } }, '积分余额不能小于0'],
    [
      'a coupon with a broken rule',
      { ...good(), coupon: { rule: { kind: 'amount', amountOff: 0, threshold: 0 }, scope: { type: 'all' }, channel: 'both' } },
      '优惠券有误：减免金额应为大于0的整数（分）',
    ],
    [
      'a coupon with an unknown channel',
      { ...good(), coupon: { rule: { kind: 'amount', amountOff: 100, threshold: 0 }, scope: { type: 'all' }, channel: 'mall' } },
      '优惠券有误：使用渠道应为线上、门店或通用',
    ],
    ['not an object at all', 'free stuff', '订单信息格式不正确'],
  ])('%s', (_, input, message) => {
    const error = rejection(input);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(message);
  });

  it('refuses more lines than configured', () => {
    const items = Array.from({ length: DEFAULT_PRICING_CONFIG.maxLines + 1 }, (_, i) => ({
      skuId: `s${i}`,
      productId: 'p',
      categoryId: 'c',
      title: 't',
      unitPrice: 100,
      quantity: 1,
    }));
    expect(rejection({ ...good(), items }).message).toBe('商品不能超过50项');
    expect(() => priceOrder({ ...good(), items: items.slice(1) } as unknown as PricingInput)).not.toThrow();
  });

  it('refuses the same SKU twice', () => {
    const input = good();
    const line = (input.items as object[])[0];
    input.items = [line, { ...line, quantity: 2 }];
    expect(rejection(input).message).toBe('商品规格重复：基础T恤');
  });

  it('accepts a price of 0 (a gift line) and null for optional parts', () => {
    const out = priceOrder({ ...withItem({ unitPrice: 0 }), coupon: null, points: null } as unknown as PricingInput);
    expect(out.itemsTotal).toBe(0);
    expect(out.payable).toBe(DEFAULT_PRICING_CONFIG.expressFee);
  });
});

describe('parsePricingInput', () => {
  it('returns fresh objects and drops fields pricing does not know', () => {
    const input: Record<string, unknown> = { ...good(), coupon: { id: 'c', rule: { kind: 'amount', amountOff: 100, threshold: 0, bonus: 1 }, scope: { type: 'all' }, channel: 'both' }, sneaky: 1 };
    const parsed = parsePricingInput(input, DEFAULT_PRICING_CONFIG);
    expect(parsed.items[0]).not.toBe((input.items as object[])[0]);
    expect(parsed).not.toHaveProperty('sneaky');
    expect(parsed.coupon?.rule).toEqual({ kind: 'amount', amountOff: 100, threshold: 0 });
    expect(parsed.points).toEqual({ balance: 0, use: 0 });
  });
});

describe('assertPricingConfig', () => {
  it('accepts the defaults', () => {
    expect(() => assertPricingConfig(DEFAULT_PRICING_CONFIG)).not.toThrow();
  });

  it.each([
    ['a broken ladder', { ladder: [{ threshold: 100, off: 100 }] }],
    ['a share above 100%', { pointsMaxSharePercent: 101 }],
    ['a fractional share', { pointsMaxSharePercent: 12.5 }],
    ['a negative express fee', { expressFee: -1 }],
    ['limits that overflow', { maxUnitPrice: Number.MAX_SAFE_INTEGER }],
    ['no lines allowed', { maxLines: 0 }],
  ])('refuses %s as our bug (RangeError), before looking at the order', (_, patch) => {
    const config = { ...DEFAULT_PRICING_CONFIG, ...patch };
    expect(() => assertPricingConfig(config)).toThrow(RangeError);
    expect(() => priceOrder(good() as unknown as PricingInput, config)).toThrow(RangeError);
  });
});
