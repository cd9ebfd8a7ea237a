/** Coupon centre, claiming, my coupons, the QR token and the manager's coupon actions (the `coupons` function). */
import type { CouponRule, CouponScope } from '@/domain/coupon-rules';
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';

export interface CouponFace {
  rule: CouponRule;
  ruleText: string;
  faceValue: string;
  faceUnit: '元' | '折';
  scopeText: string;
  channel: 'online' | 'store' | 'both';
  channelText: string;
}

export interface TemplateInfo extends CouponFace {
  id: string;
  title: string;
  description: string;
  kind: string;
  storeIds: string[] | null;
  total: number | null;
  remaining: number | null;
  claimed: number;
  used: number;
  perUserLimit: number;
  claimStartAt: string;
  claimEndAt: string;
  validity: { type: 'fixed'; startAt: string; endAt: string } | { type: 'relative'; days: number };
  cashbackPoints: number;
  status: 'active' | 'paused' | 'ended';
  public: boolean;
}

export interface CenterItem extends TemplateInfo {
  storeNames: string[];
  mine: number;
  claimable: boolean;
  blockedReason: string | null;
}

export type HeldStatus = 'unused' | 'locked' | 'used' | 'expired';

export interface HeldCoupon extends CouponFace {
  id: string;
  templateId: string;
  title: string;
  kind: string;
  status: HeldStatus;
  storeIds: string[] | null;
  validFrom: string;
  validTo: string;
  cashbackPoints: number;
  claimedAt: string;
  usedAt: string | null;
  usedStoreId: string | null;
}

export interface CouponDetail extends HeldCoupon {
  shortCode: string | null;
  storeNames: string[];
  usedStoreName: string | null;
  cashbackCredited: number;
}

export interface CouponToken {
  token: string;
  shortCode: string;
  rotateSeconds: number;
  refreshAt: string;
  expiresAt: string;
  serverNow: string;
}

export type MineTab = 'unused' | 'used' | 'expired';

export interface NewTemplate {
  title: string;
  description?: string;
  rule: CouponRule;
  scope?: CouponScope;
  channel: 'store' | 'online' | 'both';
  storeIds: string[] | null;
  total: number | null;
  perUserLimit: number;
  claimStartAt: string;
  claimEndAt: string;
  validity: { type: 'fixed'; startAt: string; endAt: string } | { type: 'relative'; days: number };
  cashbackPoints: number;
}

export interface StoreRedemptionRow {
  storeId: string;
  storeName: string;
  city: string;
  redemptions: number;
  cashbackPoints: number;
  pickups: number;
}

export const couponsService = {
  center(storeId?: string): Promise<Reply<{ items: CenterItem[] }>> {
    return callFunction('coupons', { action: 'center', ...(storeId ? { storeId } : {}) });
  },
  claim(templateId: string): Promise<Reply<{ coupon: HeldCoupon }>> {
    return callFunction('coupons', { action: 'claim', templateId });
  },
  mine(status: MineTab): Promise<Reply<{ items: HeldCoupon[]; counts: Record<MineTab, number> }>> {
    return callFunction('coupons', { action: 'mine', status });
  },
  detail(userCouponId: string): Promise<Reply<{ coupon: CouponDetail }>> {
    return callFunction('coupons', { action: 'detail', userCouponId });
  },
  token(userCouponId: string): Promise<Reply<CouponToken>> {
    return callFunction('coupons', { action: 'token', userCouponId });
  },
  createTemplate(input: NewTemplate): Promise<Reply<{ template: TemplateInfo }>> {
    return callFunction('coupons', { action: 'createTemplate', ...input });
  },
  templates(): Promise<Reply<{ items: TemplateInfo[] }>> {
    return callFunction('coupons', { action: 'templates' });
  },
  redemptionsByStore(from?: string, to?: string): Promise<Reply<{ from: string; to: string; rows: StoreRedemptionRow[]; totals: { redemptions: number; cashbackPoints: number; pickups: number } }>> {
    return callFunction('coupons', { action: 'redemptionsByStore', ...(from ? { from } : {}), ...(to ? { to } : {}) });
  },
};
