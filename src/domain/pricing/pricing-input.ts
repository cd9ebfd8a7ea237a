import { couponTermsProblems, type CouponChannel, type CouponRule, type CouponScope } from '../coupon-rules';
import type { Fen } from '../money';
import { AppError } from '../reply';
import { isTierId, type TierId } from '../tiers';
import { parse, v, ValidationError, type Check } from '../validate';
import type { PricingConfig } from './config';

/**
 * What pricing needs to know. On the server every field comes from the database (prices, the
 * member's tier, a coupon the member owns and may use now, the points balance) — only the SKUs,
 * quantities, the chosen coupon id, the points to use and the delivery come from the shopper.
 */
export interface PricingItem {
  skuId: string;
  productId: string;
  categoryId: string;
  title: string;
  unitPrice: Fen;
  /** A whole number of pieces, 1..maxQuantityPerLine. */
  quantity: number;
  /** Flash-sale or group-buy price: already a promotion, so no tier discount and no 满减 on top. */
  promo?: 'flash' | 'group';
}

export interface PricingCoupon {
  /** The user coupon's id, echoed back in the breakdown; null when previewing a template. */
  id?: string | null;
  rule: CouponRule;
  scope: CouponScope;
  channel: CouponChannel;
}

export type Delivery = 'express' | 'pickup';

export interface PricingInput {
  items: PricingItem[];
  tierId: TierId;
  coupon?: PricingCoupon | null;
  /** Points the shopper asks to use ('max' = as many as allowed), and what they hold. */
  points?: { balance: number; use: number | 'max' } | null;
  delivery: Delivery;
}

/** The input once checked: plain fresh objects, so pricing never touches what the caller holds. */
export interface ParsedPricingInput {
  items: PricingItem[];
  tierId: TierId;
  coupon: PricingCoupon | null;
  points: { balance: number; use: number | 'max' };
  delivery: Delivery;
}

const invalid = (message: string) => new AppError('INVALID_INPUT', message);

const pointsToUse: Check<number | 'max'> = (value) => {
  if (value === 'max') return value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError('使用积分', '应为不小于0的整数');
  }
  return value;
};

const tierId: Check<TierId> = (value) => {
  if (!isTierId(value)) throw new ValidationError('会员等级', '不正确');
  return value;
};

/**
 * Checks a pricing input that may have crossed the network (plain JSON, any shape) and throws
 * AppError('INVALID_INPUT', Chinese message) on the first problem.
 */
export function parsePricingInput(input: unknown, config: PricingConfig): ParsedPricingInput {
  const item = v.object({
    skuId: v.string({ min: 1, max: 64, label: '商品规格编号' }),
    productId: v.string({ min: 1, max: 64, label: '商品编号' }),
    categoryId: v.string({ min: 1, max: 64, label: '商品品类' }),
    title: v.string({ max: 200, label: '商品名称' }),
    unitPrice: v.int({ min: 0, max: config.maxUnitPrice, label: '商品单价' }),
    quantity: v.int({ min: 1, max: config.maxQuantityPerLine, label: '购买数量' }),
    promo: v.optional(v.oneOf(['flash', 'group'] as const, { label: '活动类型' })),
  });
  const shape = v.object({
    items: v.array(item, { min: 1, max: config.maxLines, label: '商品' }),
    tierId,
    coupon: v.optional((value) => value),
    points: v.optional(v.object({ balance: v.int({ min: 0, label: '积分余额' }), use: pointsToUse })),
    delivery: v.oneOf(['express', 'pickup'] as const, { label: '配送方式' }),
  }, { label: '订单信息' });
  const parsed = parse(shape, input);

  const seen = new Set<string>();
  for (const it of parsed.items) {
    // One line per SKU: refunds find a line's paid amount by its SKU.
    if (seen.has(it.skuId)) throw invalid(`商品规格重复：${it.title || it.skuId}`);
    seen.add(it.skuId);
  }

  let coupon: PricingCoupon | null = null;
  if (parsed.coupon !== undefined) {
    const problems = couponTermsProblems(parsed.coupon);
    if (problems.length > 0) throw invalid(`优惠券有误：${problems[0]}`);
    const raw = parsed.coupon as PricingCoupon;
    if (raw.id !== undefined && raw.id !== null && typeof raw.id !== 'string') throw invalid('优惠券有误：编号不正确');
    coupon = {
      id: raw.id ?? null,
      rule:
        raw.rule.kind === 'amount'
          ? { kind: 'amount', amountOff: raw.rule.amountOff, threshold: raw.rule.threshold }
          : { kind: 'percent', percentOff: raw.rule.percentOff, maxOff: raw.rule.maxOff, threshold: raw.rule.threshold },
      scope: raw.scope.type === 'all' ? { type: 'all' } : { type: raw.scope.type, ids: [...raw.scope.ids] },
      channel: raw.channel,
    };
  }

  return {
    items: parsed.items,
    tierId: parsed.tierId,
    coupon,
    points: parsed.points ?? { balance: 0, use: 0 },
    delivery: parsed.delivery,
  };
}
