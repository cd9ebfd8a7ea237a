import { formatFen, isFen, ratioFen, type Fen } from './money';
import { zheLabel } from './pricing/zhe';

/**
 * The coupon model shared by coupon templates, the coupons a user holds, store coupons and pricing:
 * what a coupon takes off, on which goods, and where it may be used. Validity windows, stock and
 * "already used" belong to the coupon's state, not to its rule, and live elsewhere.
 */
export type CouponRule =
  /** 满threshold减amountOff; threshold 0 = 无门槛. */
  | { kind: 'amount'; amountOff: Fen; threshold: Fen }
  /** percentOff is an integer 1..99: 15 => pay 85% (8.5折), never more than maxOff off. */
  | { kind: 'percent'; percentOff: number; maxOff: Fen; threshold: Fen };

export type CouponScope = { type: 'all' } | { type: 'category'; ids: string[] } | { type: 'product'; ids: string[] };

export type CouponChannel = 'online' | 'store' | 'both';

export const COUPON_CHANNELS: readonly CouponChannel[] = ['online', 'store', 'both'];

/** Where a coupon is being used right now. */
export type CouponPlace = 'online' | 'store';

/** The part of a coupon that decides whether and how much it takes off. */
export interface CouponTerms {
  rule: CouponRule;
  scope: CouponScope;
  channel: CouponChannel;
}

/** One line the coupon might cover, at the amount it costs at this point of pricing. */
export interface CouponTarget {
  productId: string;
  categoryId: string;
  amount: Fen;
}

export type CouponCheck =
  | { applies: true; discount: Fen; eligible: boolean[]; eligibleSubtotal: Fen }
  | { applies: false; reason: string; eligible: boolean[]; eligibleSubtotal: Fen };

const yuan = (fen: Fen) => formatFen(fen, { trimZeros: true, symbol: false });

/** '满199减20', '无门槛减10', '8.5折 最高减50', '满199享8.5折 最高减50'. */
export function describeCoupon(rule: CouponRule): string {
  if (rule.kind === 'amount') {
    return rule.threshold > 0 ? `满${yuan(rule.threshold)}减${yuan(rule.amountOff)}` : `无门槛减${yuan(rule.amountOff)}`;
  }
  const body = `${zheLabel(100 - rule.percentOff)} 最高减${yuan(rule.maxOff)}`;
  return rule.threshold > 0 ? `满${yuan(rule.threshold)}享${body}` : body;
}

export function describeCouponScope(scope: CouponScope): string {
  if (scope.type === 'all') return '全场通用';
  return scope.type === 'category' ? '限指定品类' : '限指定商品';
}

export function describeCouponChannel(channel: CouponChannel): string {
  return channel === 'both' ? '线上线下通用' : channel === 'online' ? '仅限线上使用' : '仅限门店使用';
}

/** Categories are matched by the item's own categoryId: a flat list, no parent categories. */
export function inCouponScope(scope: CouponScope, item: { productId: string; categoryId: string }): boolean {
  if (scope.type === 'all') return true;
  return scope.ids.includes(scope.type === 'category' ? item.categoryId : item.productId);
}

/**
 * What the rule takes off an eligible subtotal: 0 below the threshold, never more than the subtotal.
 * A percentage is floored to the fen, so a coupon never gives more than its advertised rate.
 */
export function couponDiscount(rule: CouponRule, eligibleSubtotal: Fen): Fen {
  if (!isFen(eligibleSubtotal) || eligibleSubtotal <= 0 || eligibleSubtotal < rule.threshold) return 0;
  const off = rule.kind === 'amount' ? rule.amountOff : Math.min(ratioFen(eligibleSubtotal, rule.percentOff, 100, 'floor'), rule.maxOff);
  return Math.min(off, eligibleSubtotal);
}

/**
 * Whether a coupon can be used on these lines here, and if so for how much; if not, why, in words a
 * shopper understands. The threshold is measured on the eligible lines only: a 满199 coupon for
 * T-shirts needs ¥199 of T-shirts, whatever else is in the cart.
 */
export function couponApplies(coupon: CouponTerms, targets: readonly CouponTarget[], place: CouponPlace = 'online'): CouponCheck {
  const eligible = targets.map((t) => inCouponScope(coupon.scope, t));
  const eligibleSubtotal = targets.reduce((sum, t, i) => (eligible[i] ? sum + t.amount : sum), 0);
  const no = (reason: string): CouponCheck => ({ applies: false, reason, eligible, eligibleSubtotal });

  if (coupon.channel !== 'both' && coupon.channel !== place) {
    return no(coupon.channel === 'store' ? '该券仅限门店使用' : '该券仅限线上使用');
  }
  if (!eligible.includes(true)) {
    if (coupon.scope.type === 'category') return no('没有该券指定品类的商品');
    if (coupon.scope.type === 'product') return no('没有该券指定的商品');
    return no('没有可用该券的商品');
  }
  if (eligibleSubtotal < coupon.rule.threshold) {
    const short = formatFen(coupon.rule.threshold - eligibleSubtotal, { trimZeros: true });
    return no(`适用商品满¥${yuan(coupon.rule.threshold)}可用，还差${short}`);
  }
  const discount = couponDiscount(coupon.rule, eligibleSubtotal);
  if (discount <= 0) return no('适用商品金额过低，无法使用该券');
  return { applies: true, discount, eligible, eligibleSubtotal };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with a template's rule, in Chinese; empty when it is valid. Takes `unknown` because
 * rules arrive from the manager workspace and from the database.
 */
export function couponRuleProblems(rule: unknown): string[] {
  if (!isRecord(rule)) return ['优惠规则格式不正确'];
  const problems: string[] = [];
  const { threshold } = rule;
  const thresholdOk = isFen(threshold) && threshold >= 0;
  if (!thresholdOk) problems.push('使用门槛应为不小于0的整数（分）');

  if (rule.kind === 'amount') {
    const { amountOff } = rule;
    if (!isFen(amountOff) || amountOff <= 0) problems.push('减免金额应为大于0的整数（分）');
    // 满100减100 would hand the goods away; a 无门槛 coupon is instead capped by what it covers.
    else if (thresholdOk && threshold > 0 && amountOff >= threshold) problems.push('减免金额应小于使用门槛');
  } else if (rule.kind === 'percent') {
    const { percentOff, maxOff } = rule;
    if (typeof percentOff !== 'number' || !Number.isInteger(percentOff) || percentOff < 1 || percentOff > 99) {
      problems.push('折扣应为1到99之间的整数（15表示8.5折）');
    }
    if (!isFen(maxOff) || maxOff <= 0) problems.push('最高优惠金额应为大于0的整数（分）');
  } else {
    return ['优惠类型应为满减或折扣'];
  }
  return problems;
}

export function couponScopeProblems(scope: unknown): string[] {
  if (!isRecord(scope)) return ['适用范围格式不正确'];
  if (scope.type === 'all') return [];
  if (scope.type !== 'category' && scope.type !== 'product') return ['适用范围应为全场、指定品类或指定商品'];
  const what = scope.type === 'category' ? '品类' : '商品';
  const { ids } = scope;
  if (!Array.isArray(ids) || ids.length === 0) return [`请至少指定一个${what}`];
  if (!ids.every((id) => typeof id === 'string' && id.trim() !== '')) return [`${what}编号不能为空`];
  return [];
}

export function isCouponChannel(value: unknown): value is CouponChannel {
  return typeof value === 'string' && (COUPON_CHANNELS as readonly string[]).includes(value);
}

/** Rule, scope and channel together; empty when the coupon's terms are valid. */
export function couponTermsProblems(terms: unknown): string[] {
  if (!isRecord(terms)) return ['优惠券格式不正确'];
  return [
    ...couponRuleProblems(terms.rule),
    ...couponScopeProblems(terms.scope),
    ...(isCouponChannel(terms.channel) ? [] : ['使用渠道应为线上、门店或通用']),
  ];
}
