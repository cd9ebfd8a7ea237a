/**
 * Staff redeem a store coupon: preview (what staff confirm with the customer) and redeem (exactly
 * once). The staff member's store comes from the `staff` collection by OPENID, never the request.
 */
import { SHORT_CODE_PATTERN } from '../../../../src/domain/coupon-token';
import { ledgerRef } from '../../../../src/domain/membership/points-ledger';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { audit } from '../../../_shared/audit';
import type { UserCoupon } from '../../../_shared/coupon-issue';
import { movePoints } from '../../../_shared/points';
import { requireRole, type StaffRecord } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { verifyToken } from '../../../coupons/src/qr';
import { couponFace, type CouponFace } from '../../../coupons/src/views';
import { maskedCustomer, type MaskedCustomer } from '../customer';

const scanInput = v.object({
  token: v.optional(v.string({ min: 1, max: 256, label: '二维码' })),
  code: v.optional(v.string({ label: '券码', pattern: SHORT_CODE_PATTERN })),
});

export async function requireStaff(ctx: HandlerContext): Promise<StaffRecord> {
  const { staff } = await requireRole(ctx, 'staff');
  if (!staff) throw new AppError('FORBIDDEN');
  return staff;
}

async function findScanned(ctx: HandlerContext, event: Record<string, unknown>): Promise<UserCoupon> {
  const raw = { ...event, code: typeof event.code === 'string' ? event.code.replace(/[\s-]/g, '') : event.code };
  const input = parse(scanInput, raw);
  if (!input.token && !input.code) throw new AppError('INVALID_INPUT', '请扫描二维码或输入8位券码');
  const coupons = ctx.db.collection<UserCoupon>('user_coupons');
  const where = input.token ? { _id: await verifyToken(ctx.db, input.token, ctx.now()) } : { shortCode: input.code };
  const found = await coupons.where(where).limit(1).get();
  if (!found.data[0]) throw new AppError('COUPON_NOT_FOUND', '未找到该券，请核对券码');
  return found.data[0];
}

/** Why this coupon cannot be redeemed here and now, as the error staff see; nothing when it can. */
function refuse(coupon: UserCoupon, staff: StaffRecord, now: Date): void {
  if (coupon.channel === 'online') throw new AppError('COUPON_ONLINE_ONLY', '该券仅限线上使用，不能在门店核销');
  if (coupon.storeIds && !coupon.storeIds.includes(staff.storeId)) throw new AppError('WRONG_STORE', '该券不属于本门店');
  if (coupon.status === 'used') throw new AppError('ALREADY_REDEEMED', '该券已核销');
  if (coupon.status === 'expired' || new Date(coupon.validTo).getTime() <= now.getTime()) throw new AppError('COUPON_EXPIRED', '该券已过期');
  if (coupon.status === 'locked') throw new AppError('COUPON_LOCKED', '该券已被顾客的线上订单占用');
  if (new Date(coupon.validFrom).getTime() > now.getTime()) throw new AppError('COUPON_NOT_STARTED', '该券尚未到使用时间');
}

export interface CouponPreview extends CouponFace {
  userCouponId: string;
  title: string;
  validFrom: string;
  validTo: string;
  cashbackPoints: number;
  customer: MaskedCustomer;
}

function previewOf(coupon: UserCoupon, customer: MaskedCustomer): CouponPreview {
  return {
    userCouponId: coupon._id,
    title: coupon.title,
    validFrom: new Date(coupon.validFrom).toISOString(),
    validTo: new Date(coupon.validTo).toISOString(),
    cashbackPoints: coupon.cashbackPoints,
    customer,
    ...couponFace(coupon),
  };
}

export const preview: Handler<{ coupon: CouponPreview }> = async (event, ctx) => {
  const staff = await requireStaff(ctx);
  const coupon = await findScanned(ctx, event);
  refuse(coupon, staff, ctx.now());
  return { coupon: previewOf(coupon, await maskedCustomer(ctx, coupon.openid)) };
};

const cashbackId = (userCouponId: string) => userCouponId.split(':');

async function creditCashback(ctx: HandlerContext, coupon: UserCoupon, at: Date): Promise<number> {
  if (coupon.cashbackPoints <= 0) return 0;
  const moved = await movePoints(ctx.db, { openid: coupon.openid, reason: 'store_cashback', id: cashbackId(coupon._id), delta: coupon.cashbackPoints, note: coupon.title }, at);
  return moved.applied ? coupon.cashbackPoints : 0;
}

export interface Redemption extends CouponPreview {
  storeId: string;
  redeemedAt: string;
  /** Points credited by this redemption. */
  cashbackCredited: number;
}

export const redeem: Handler<{ redemption: Redemption }> = async (event, ctx) => {
  const staff = await requireStaff(ctx);
  const coupon = await findScanned(ctx, event);
  const now = ctx.now();
  refuse(coupon, staff, now);

  const _ = ctx._;
  // The one write that decides who redeemed it: two counters scanning at once both reach here,
  // only one matches `status: 'unused'`.
  const won = await ctx.db
    .collection('user_coupons')
    .where({ _id: coupon._id, status: 'unused', validFrom: _.lte(now), validTo: _.gt(now) })
    .update({ data: { status: 'used', use: _.set({ type: 'store', storeId: staff.storeId, staffOpenid: ctx.openid, at: now }), updatedAt: now } });
  if (won.stats.updated !== 1) {
    const again = await ctx.db.collection<UserCoupon>('user_coupons').where({ _id: coupon._id }).limit(1).get();
    const current = again.data[0];
    if (current?.status === 'used' && current.use?.type === 'store') {
      // A redemption whose cashback was interrupted is completed by the next attempt; the ledger ref makes this a no-op otherwise.
      await creditCashback(ctx, current, new Date(current.use.at)).catch(() => 0);
    }
    if (current) refuse(current, staff, now);
    throw new AppError('ALREADY_REDEEMED', '该券已核销');
  }

  // The coupon is redeemed whatever happens next: a failed credit must not turn that into an error
  // at the counter. The next redeem attempt of this coupon (loser path above) completes the credit.
  const credit = creditCashback(ctx, coupon, now).catch((error: unknown) => {
    console.error('[staff.redeem] cashback not credited yet', coupon._id, error);
    return 0;
  });
  const [customer, cashbackCredited] = await Promise.all([maskedCustomer(ctx, coupon.openid), credit]);
  await Promise.all([
    ctx.db.collection('coupon_templates').where({ _id: coupon.templateId }).update({ data: { used: _.inc(1), updatedAt: now } }),
    audit(ctx, {
      role: 'staff',
      action: 'coupon.redeem',
      target: { collection: 'user_coupons', id: coupon._id },
      detail: { storeId: staff.storeId, templateId: coupon.templateId, customer: coupon.openid, cashbackPoints: cashbackCredited, ledgerRef: ledgerRef('store_cashback', cashbackId(coupon._id)) },
    }),
  ]);
  return { redemption: { ...previewOf(coupon, customer), storeId: staff.storeId, redeemedAt: now.toISOString(), cashbackCredited } };
};
