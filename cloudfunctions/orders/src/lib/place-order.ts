/**
 * The one way an order comes into being, shared by `orders.create`, `flashsale.buy` and
 * `groupbuy.open/join`: claim `<openid>:<requestId>` (a retry answers with the first order), run the
 * caller's reservation, lock the coupon, claim a pickup code, spend points, write the order. Every
 * step pushes its undo; when a later step fails they run newest first, so nothing stays half-taken
 * and the caller sees the failing step's code. The caller owns pricing and what is reserved (SKU
 * stock, flash stock, group places); this file owns the order's shape and the unwinding.
 */
import type { PriceBreakdown } from '../../../../src/domain/pricing';
import { AppError } from '../../../../src/domain/reply';
import type { TierId } from '../../../../src/domain/tiers';
import { isDuplicateKeyError } from '../../../_shared/db-types';
import { movePoints } from '../../../_shared/points';
import type { HandlerContext } from '../../../_shared/router';
import { lockCoupon, returnCoupon } from '../../../_shared/user-coupons';
import type { AddressDoc, OrderDoc, OrderRequestDoc, StoreDoc, UserCouponDoc } from '../order-doc';
import { newOrderId, newPickupCode } from './order-id';

type Ctx = Pick<HandlerContext, 'db' | '_' | 'now'>;

export type Undo = () => Promise<unknown>;

/** One order line as the caller priced it (unitPrice is what one unit sells at: SKU, flash or group price). */
export interface PlaceLine {
  productId: string;
  skuId: string;
  categoryId: string;
  title: string;
  specText: string;
  image: string;
  quantity: number;
  unitPrice: number;
  listPrice: number;
  promo: 'flash' | 'group' | null;
}

export interface PlaceOrderInput {
  openid: string;
  requestId: string;
  type: OrderDoc['type'];
  lines: readonly PlaceLine[];
  /** priceOrder's result for exactly these lines; stored as priced. */
  pricing: PriceBreakdown;
  tierId: TierId;
  /** Locked to the order here (and given back if a later step fails). */
  coupon: UserCouponDoc | null;
  /** Express delivery needs an address; pickup needs a store (a pickup code is claimed for it). */
  address: AddressDoc | null;
  store: StoreDoc | null;
  remark?: string;
  /** A function receives the new order id (e.g. a group keyed by its leader's order). */
  groupbuy?: OrderDoc['groupbuy'] | ((orderId: string) => OrderDoc['groupbuy']);
  flashSale?: OrderDoc['flashSale'];
  /** Where the order came from (a referral poster's code, a campaign), as the client remembered it. */
  attribution?: OrderDoc['attribution'];
  /** Unpaid orders cancel themselves this long after creation. */
  autoCancelMinutes: number;
  pickupCodeDigits: number;
  /**
   * The caller's reservation (conditional updates only), run right after the request is claimed
   * and before anything else; it returns how to give it back, or throws its own AppError.
   */
  reserve: (orderId: string, now: Date) => Promise<Undo | void>;
}

export interface PlacedOrder {
  order: OrderDoc;
  /** false: the requestId was used before and `order` is that earlier order. */
  created: boolean;
}

export interface PlacedReply {
  orderId: string;
  payable: number;
  status: OrderDoc['status'];
}

export const placedReply = (o: Pick<OrderDoc, '_id' | 'pricing' | 'status'>): PlacedReply => ({ orderId: o._id, payable: o.pricing.payable, status: o.status });

/**
 * Claims `<openid>:<requestId>` together with a fresh order id (both unique). A second call with
 * the same requestId finds the first one's claim and answers with its order.
 */
async function claimRequest(ctx: Ctx, openid: string, requestId: string): Promise<{ orderId: string } | { existing: OrderDoc }> {
  const claimId = `${openid}:${requestId}`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const orderId = newOrderId(ctx.now());
    try {
      await ctx.db.collection('order_requests').add({ data: { _id: claimId, orderId, openid, createdAt: ctx.now() } satisfies OrderRequestDoc });
      return { orderId };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const claims = await ctx.db.collection<OrderRequestDoc>('order_requests').where({ _id: claimId }).limit(1).get();
      const claim = claims.data[0];
      if (!claim) continue; // the clash was the order id: draw another
      const orders = await ctx.db.collection<OrderDoc>('orders').where({ _id: claim.orderId, openid }).limit(1).get();
      if (orders.data[0]) return { existing: orders.data[0] };
      throw new AppError('ORDER_IN_PROGRESS', '订单正在提交，请稍候');
    }
  }
  throw new AppError('CONFLICT');
}

async function claimPickupCode(ctx: Ctx, storeId: string, orderId: string, digits: number): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const code = newPickupCode(digits);
    try {
      await ctx.db.collection('pickup_codes').add({ data: { _id: `${storeId}:${code}`, storeId, code, orderId, createdAt: ctx.now() } });
      return code;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new AppError('CONFLICT');
}

function buildOrder(orderId: string, input: PlaceOrderInput, now: Date, pickupCode: string | null): OrderDoc {
  const { pricing, lines, address, store } = input;
  const paidBySku = new Map(pricing.allocation.map((a) => [a.skuId, a.paid]));
  return {
    _id: orderId,
    openid: input.openid,
    requestId: input.requestId,
    type: input.type,
    status: 'pending_payment',
    statusHistory: [{ status: 'pending_payment', at: now, by: 'user' }],
    items: lines.map((l) => ({
      productId: l.productId,
      skuId: l.skuId,
      categoryId: l.categoryId,
      title: l.title,
      specText: l.specText,
      image: l.image,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      listPrice: l.listPrice,
      promo: l.promo,
      lineTotal: l.unitPrice * l.quantity,
      paid: paidBySku.get(l.skuId) ?? 0,
    })),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    tierId: input.tierId,
    pricing,
    couponId: input.coupon?._id ?? null,
    delivery:
      store && pickupCode
        ? { method: 'pickup', storeId: store._id, storeName: store.name, pickupCode, verifiedAt: null, verifiedBy: null }
        : {
            method: 'express',
            address: { name: address!.name, phone: address!.phone, province: address!.province, city: address!.city, district: address!.district, detail: address!.detail },
            express: null,
          },
    payment: { outTradeNo: orderId, transactionId: null, amount: pricing.payable, paidAt: null },
    refund: null,
    groupbuy: (typeof input.groupbuy === 'function' ? input.groupbuy(orderId) : input.groupbuy) ?? null,
    flashSale: input.flashSale ?? null,
    attribution: input.attribution ?? null,
    remark: input.remark ?? '',
    expiresAt: new Date(now.getTime() + input.autoCancelMinutes * 60_000),
    paidAt: null,
    shippedAt: null,
    completedAt: null,
    autoCompleteAt: null,
    cancelledAt: null,
    cancelReason: null,
    pointsEarned: 0,
    payRequestedAt: null,
    latePayment: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Places the order (see the file comment). Throws the failing step's AppError after unwinding. */
export async function placeOrder(ctx: Ctx, input: PlaceOrderInput): Promise<PlacedOrder> {
  const { openid } = input;
  if (!input.store && !input.address) throw new AppError('ADDRESS_REQUIRED', '请选择收货地址');
  const claim = await claimRequest(ctx, openid, input.requestId);
  if ('existing' in claim) return { order: claim.existing, created: false };
  const { orderId } = claim;
  const now = ctx.now();
  const undo: Undo[] = [() => ctx.db.collection('order_requests').doc(`${openid}:${input.requestId}`).remove()];
  try {
    const giveBack = await input.reserve(orderId, now);
    if (giveBack) undo.push(giveBack);
    if (input.coupon) {
      const couponId = input.coupon._id;
      if (!(await lockCoupon(ctx.db, ctx._, { couponId, openid, orderId }, now))) throw new AppError('COUPON_UNAVAILABLE', '优惠券已被使用或已过期');
      undo.push(() => returnCoupon(ctx.db, ctx._, { couponId, orderId }, now));
    }
    const store = input.store;
    const pickupCode = store ? await claimPickupCode(ctx, store._id, orderId, input.pickupCodeDigits) : null;
    if (store && pickupCode) undo.push(() => ctx.db.collection('pickup_codes').doc(`${store._id}:${pickupCode}`).remove());
    const points = input.pricing.pointsUsed;
    if (points > 0) {
      await movePoints(ctx.db, { openid, reason: 'order_spend', id: orderId, delta: -points }, now);
      undo.push(() => movePoints(ctx.db, { openid, reason: 'order_cancel', id: orderId, delta: points, note: '下单未成功' }, now));
    }
    const order = buildOrder(orderId, input, now, pickupCode);
    await ctx.db.collection('orders').add({ data: order });
    return { order, created: true };
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (undoError) {
        console.error(`[weave] order ${orderId}: undo failed`, undoError);
      }
    }
    throw error;
  }
}
