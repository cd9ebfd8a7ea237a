/**
 * (Object values are written with `_.set`: the SDK would otherwise flatten them into dotted paths,
 * which cannot be created under a field that is null.)
 *
 * A user coupon's life around an order: unused -> locked (an unpaid order holds it) -> used (paid);
 * locked / used -> unused again (or expired, when its window has passed) when the order is
 * cancelled or refunded. Every step is one conditional update on the state it leaves, so a coupon
 * can never be held by two orders, and giving it back twice does nothing the second time.
 */
import type { Command, Database } from './db-types';

export interface CouponRef {
  couponId: string;
  orderId: string;
}

/** True when this order now holds the coupon; false when it is not the caller's, not unused or not valid now. */
export async function lockCoupon(db: Database, _: Command, ref: CouponRef & { openid: string }, now: Date): Promise<boolean> {
  const res = await db
    .collection('user_coupons')
    .where({ _id: ref.couponId, openid: ref.openid, status: 'unused', channel: _.in(['online', 'both']), validFrom: _.lte(now), validTo: _.gt(now) })
    .update({ data: { status: 'locked', lock: _.set({ orderId: ref.orderId, at: now }), updatedAt: now } });
  return res.stats.updated === 1;
}

/** The order was paid: its held coupon is spent. */
export async function spendLockedCoupon(db: Database, _: Command, ref: CouponRef, now: Date): Promise<boolean> {
  const res = await db
    .collection('user_coupons')
    .where({ _id: ref.couponId, status: 'locked', 'lock.orderId': ref.orderId })
    .update({ data: { status: 'used', lock: null, use: _.set({ type: 'order', orderId: ref.orderId, at: now }), updatedAt: now } });
  return res.stats.updated === 1;
}

/**
 * The order that held or used the coupon is cancelled or refunded: the coupon comes back, as
 * `unused` while it is still valid, else `expired`. Only a coupon this order holds moves.
 */
export async function returnCoupon(db: Database, _: Command, ref: CouponRef, now: Date): Promise<boolean> {
  const mine = _.or([
    { status: 'locked', 'lock.orderId': ref.orderId },
    { status: 'used', 'use.type': 'order', 'use.orderId': ref.orderId },
  ]);
  const back = { lock: null, use: null, updatedAt: now };
  const stillValid = await db
    .collection('user_coupons')
    .where(_.and([{ _id: ref.couponId, validTo: _.gt(now) }, mine]))
    .update({ data: { ...back, status: 'unused' } });
  if (stillValid.stats.updated === 1) return true;
  const expired = await db
    .collection('user_coupons')
    .where(_.and([{ _id: ref.couponId }, mine]))
    .update({ data: { ...back, status: 'expired' } });
  return expired.stats.updated === 1;
}
