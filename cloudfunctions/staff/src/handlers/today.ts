/** Today's (Shanghai business day) coupon redemptions and pickups at the caller's store, with totals. */
import { dayKey, addDays, startOfDay } from '../../../../src/domain/business-day';
import { describeCoupon, type CouponRule } from '../../../../src/domain/coupon-rules';
import type { Handler } from '../../../_shared/router';
import { maskedNames } from '../customer';
import { requireStaff } from './coupons';

interface RedeemedRow {
  _id: string;
  openid: string;
  title: string;
  rule: CouponRule;
  cashbackPoints: number;
  use: { storeId: string; staffOpenid: string; at: Date };
}

interface PickedRow {
  _id: string;
  openid: string;
  itemCount: number;
  payment: { amount: number };
  delivery: { verifiedAt: Date; verifiedBy: string };
}

export interface TodayReply {
  day: string;
  storeId: string;
  redemptions: { userCouponId: string; title: string; ruleText: string; customer: string; cashbackPoints: number; at: string; byMe: boolean }[];
  pickups: { orderId: string; customer: string; itemCount: number; amount: number; at: string; byMe: boolean }[];
  totals: { redemptions: number; cashbackPoints: number; pickups: number; pickupAmount: number };
}

export const today: Handler<TodayReply> = async (_event, ctx) => {
  const staff = await requireStaff(ctx);
  const _ = ctx._;
  const day = dayKey(ctx.now());
  const range = _.gte(startOfDay(day)).and(_.lt(startOfDay(addDays(day, 1))));
  const [coupons, orders] = await Promise.all([
    ctx.db
      .collection<RedeemedRow>('user_coupons')
      .where({ 'use.type': 'store', 'use.storeId': staff.storeId, 'use.at': range })
      .orderBy('use.at', 'desc')
      .limit(500)
      .get(),
    ctx.db
      .collection<PickedRow>('orders')
      .where({ 'delivery.method': 'pickup', 'delivery.storeId': staff.storeId, 'delivery.verifiedAt': range })
      .orderBy('delivery.verifiedAt', 'desc')
      .limit(500)
      .get(),
  ]);
  const names = await maskedNames(ctx, [...coupons.data.map((c) => c.openid), ...orders.data.map((o) => o.openid)]);
  const redemptions = coupons.data.map((c) => ({
    userCouponId: c._id,
    title: c.title,
    ruleText: describeCoupon(c.rule),
    customer: names[c.openid],
    cashbackPoints: c.cashbackPoints,
    at: new Date(c.use.at).toISOString(),
    byMe: c.use.staffOpenid === ctx.openid,
  }));
  const pickups = orders.data.map((o) => ({
    orderId: o._id,
    customer: names[o.openid],
    itemCount: o.itemCount,
    amount: o.payment.amount,
    at: new Date(o.delivery.verifiedAt).toISOString(),
    byMe: o.delivery.verifiedBy === ctx.openid,
  }));
  return {
    day,
    storeId: staff.storeId,
    redemptions,
    pickups,
    totals: {
      redemptions: redemptions.length,
      cashbackPoints: redemptions.reduce((n, r) => n + r.cashbackPoints, 0),
      pickups: pickups.length,
      pickupAmount: pickups.reduce((n, p) => n + p.amount, 0),
    },
  };
};
