/** The staff workspace (the `staff` function). The server checks the staff role on every call. */
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';
import type { CouponFace } from './coupons';

export interface MaskedCustomer {
  name: string;
  phone: string | null;
  tier: string;
}

export interface CouponPreview extends CouponFace {
  userCouponId: string;
  title: string;
  validFrom: string;
  validTo: string;
  cashbackPoints: number;
  customer: MaskedCustomer;
}

export interface Redemption extends CouponPreview {
  storeId: string;
  redeemedAt: string;
  cashbackCredited: number;
}

export interface VerifiedPickup {
  orderId: string;
  verifiedAt: string;
  items: { title: string; specText: string; quantity: number; image: string }[];
  itemCount: number;
  amount: number;
  remark: string;
  customer: MaskedCustomer;
}

export interface TodayWork {
  day: string;
  storeId: string;
  redemptions: { userCouponId: string; title: string; ruleText: string; customer: string; cashbackPoints: number; at: string; byMe: boolean }[];
  pickups: { orderId: string; customer: string; itemCount: number; amount: number; at: string; byMe: boolean }[];
  totals: { redemptions: number; cashbackPoints: number; pickups: number; pickupAmount: number };
}

/** What was scanned or typed: a QR token or an 8-digit short code. */
export type Scan = { token: string } | { code: string };

export const staffService = {
  preview(scan: Scan): Promise<Reply<{ coupon: CouponPreview }>> {
    return callFunction('staff', { action: 'preview', ...scan });
  },
  redeem(scan: Scan): Promise<Reply<{ redemption: Redemption }>> {
    return callFunction('staff', { action: 'redeem', ...scan });
  },
  verifyPickup(code: string): Promise<Reply<{ pickup: VerifiedPickup }>> {
    return callFunction('staff', { action: 'verifyPickup', code });
  },
  today(): Promise<Reply<TodayWork>> {
    return callFunction('staff', { action: 'today' });
  },
};
