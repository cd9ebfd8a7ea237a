/** What clients see of templates and held coupons: terms in words, instants as ISO strings. */
import { describeCoupon, describeCouponChannel, describeCouponScope, type CouponRule } from '../../../src/domain/coupon-rules';
import type { CouponTemplate, UserCoupon } from '../../_shared/coupon-issue';

export type HeldStatus = 'unused' | 'locked' | 'used' | 'expired';

export interface CouponFace {
  rule: CouponRule;
  /** '满300减50' */
  ruleText: string;
  /** The big number on the coupon: '50' (元) or '8.5' (折). */
  faceValue: string;
  faceUnit: '元' | '折';
  scopeText: string;
  channel: UserCoupon['channel'];
  channelText: string;
}

export function couponFace(c: Pick<UserCoupon, 'rule' | 'scope' | 'channel'>): CouponFace {
  const faceValue = c.rule.kind === 'amount' ? trimYuan(c.rule.amountOff) : String((100 - c.rule.percentOff) / 10);
  return {
    rule: c.rule,
    ruleText: describeCoupon(c.rule),
    faceValue,
    faceUnit: c.rule.kind === 'amount' ? '元' : '折',
    scopeText: describeCouponScope(c.scope),
    channel: c.channel,
    channelText: describeCouponChannel(c.channel),
  };
}

function trimYuan(fen: number): string {
  return (fen / 100).toFixed(2).replace(/\.?0+$/, '');
}

/** unused past its end counts as expired even before the daily job marks it. */
export function heldStatus(c: Pick<UserCoupon, 'status' | 'validTo'>, now: Date): HeldStatus {
  if ((c.status === 'unused' || c.status === 'locked') && new Date(c.validTo).getTime() <= now.getTime()) return 'expired';
  return c.status;
}

export interface HeldCouponView extends CouponFace {
  id: string;
  templateId: string;
  title: string;
  kind: UserCoupon['kind'];
  status: HeldStatus;
  storeIds: string[] | null;
  validFrom: string;
  validTo: string;
  cashbackPoints: number;
  claimedAt: string;
  usedAt: string | null;
  usedStoreId: string | null;
}

export function heldView(c: UserCoupon, now: Date): HeldCouponView {
  return {
    id: c._id,
    templateId: c.templateId,
    title: c.title,
    kind: c.kind,
    status: heldStatus(c, now),
    storeIds: c.storeIds,
    validFrom: new Date(c.validFrom).toISOString(),
    validTo: new Date(c.validTo).toISOString(),
    cashbackPoints: c.cashbackPoints,
    claimedAt: new Date(c.claimedAt).toISOString(),
    usedAt: c.use ? new Date(c.use.at).toISOString() : null,
    usedStoreId: c.use?.type === 'store' ? c.use.storeId : null,
    ...couponFace(c),
  };
}

export interface TemplateView extends CouponFace {
  id: string;
  title: string;
  description: string;
  kind: CouponTemplate['kind'];
  storeIds: string[] | null;
  total: number | null;
  /** null when unlimited. */
  remaining: number | null;
  claimed: number;
  used: number;
  perUserLimit: number;
  claimStartAt: string;
  claimEndAt: string;
  validity: { type: 'fixed'; startAt: string; endAt: string } | { type: 'relative'; days: number };
  cashbackPoints: number;
  status: CouponTemplate['status'];
  public: boolean;
}

export function templateView(t: CouponTemplate): TemplateView {
  return {
    id: t._id,
    title: t.title,
    description: t.description,
    kind: t.kind,
    storeIds: t.storeIds,
    total: t.total,
    remaining: t.total === null ? null : Math.max(0, t.total - t.claimed),
    claimed: t.claimed,
    used: t.used,
    perUserLimit: t.perUserLimit,
    claimStartAt: new Date(t.claimStartAt).toISOString(),
    claimEndAt: new Date(t.claimEndAt).toISOString(),
    validity:
      t.validity.type === 'fixed'
        ? { type: 'fixed', startAt: new Date(t.validity.startAt).toISOString(), endAt: new Date(t.validity.endAt).toISOString() }
        : { type: 'relative', days: t.validity.days },
    cashbackPoints: t.cashbackPoints,
    status: t.status,
    public: t.public,
    ...couponFace(t),
  };
}
