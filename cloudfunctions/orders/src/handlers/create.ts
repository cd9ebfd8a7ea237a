import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { isDuplicateKeyError } from '../../../_shared/db-types';
import { movePoints } from '../../../_shared/points';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { releaseStock, reserveStock } from '../../../_shared/stock';
import { lockCoupon, returnCoupon } from '../../../_shared/user-coupons';
import { buildCheckout, checkoutShape, type Checkout } from '../lib/checkout';
import { newOrderId, newPickupCode } from '../lib/order-id';
import { loadSettings, type CommerceSettings } from '../lib/settings';
import type { OrderDoc, OrderRequestDoc } from '../order-doc';

const createShape = v.object({
  ...checkoutShape,
  fromCart: v.optional(v.boolean({ label: '来自购物车' })),
  requestId: v.string({ min: 8, max: 64, pattern: /^[A-Za-z0-9_-]+$/, label: '请求编号' }),
  remark: v.optional(v.string({ max: 200, label: '订单备注' })),
});

type CreateInput = ReturnType<typeof createShape>;

export interface CreateReply {
  orderId: string;
  payable: number;
  status: OrderDoc['status'];
}

const reply = (o: Pick<OrderDoc, '_id' | 'pricing' | 'status'>): CreateReply => ({ orderId: o._id, payable: o.pricing.payable, status: o.status });

/**
 * Claims `<openid>:<requestId>` together with a fresh order id (both unique). A second call with
 * the same requestId finds the first one's claim and answers with its order.
 */
async function claimRequest(ctx: HandlerContext, openid: string, requestId: string): Promise<{ orderId: string } | { existing: CreateReply }> {
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
      if (orders.data[0]) return { existing: reply(orders.data[0]) };
      throw new AppError('ORDER_IN_PROGRESS', '订单正在提交，请稍候');
    }
  }
  throw new AppError('CONFLICT');
}

async function claimPickupCode(ctx: HandlerContext, storeId: string, orderId: string, digits: number): Promise<string> {
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

function buildOrder(orderId: string, openid: string, input: CreateInput, checkout: Checkout, settings: CommerceSettings, now: Date, pickupCode: string | null): OrderDoc {
  const { breakdown, lines, address, store } = checkout;
  const paidBySku = new Map(breakdown.allocation.map((a) => [a.skuId, a.paid]));
  return {
    _id: orderId,
    openid,
    requestId: input.requestId,
    type: 'normal',
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
      promo: null,
      lineTotal: l.unitPrice * l.quantity,
      paid: paidBySku.get(l.skuId) ?? 0,
    })),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    tierId: checkout.tierId,
    pricing: breakdown,
    couponId: checkout.coupon?._id ?? null,
    delivery:
      store && pickupCode
        ? { method: 'pickup', storeId: store._id, storeName: store.name, pickupCode, verifiedAt: null, verifiedBy: null }
        : {
            method: 'express',
            address: { name: address!.name, phone: address!.phone, province: address!.province, city: address!.city, district: address!.district, detail: address!.detail },
            express: null,
          },
    payment: { outTradeNo: orderId, transactionId: null, amount: breakdown.payable, paidAt: null },
    refund: null,
    groupbuy: null,
    flashSale: null,
    attribution: null,
    remark: input.remark ?? '',
    expiresAt: new Date(now.getTime() + settings.orders.autoCancelMinutes * 60_000),
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

/**
 * Places an order: prices it on the server, then reserves stock (SKU by SKU, conditional), locks
 * the coupon, spends the points and writes the order. A failing step undoes exactly the steps
 * before it, so the caller sees one clear code and nothing is left half-taken.
 */
export const create: Handler<CreateReply> = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(createShape, event);
  const settings = await loadSettings(ctx);
  const checkout = await buildCheckout(ctx, openid, input, settings, { couponMustApply: true, allCoupons: false });
  if (input.delivery === 'express' && !checkout.address) throw new AppError('ADDRESS_REQUIRED', '请选择收货地址');

  const claim = await claimRequest(ctx, openid, input.requestId);
  if ('existing' in claim) return claim.existing;
  const { orderId } = claim;
  const now = ctx.now();
  const stock = checkout.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, label: l.label }));
  const undo: (() => Promise<unknown>)[] = [() => ctx.db.collection('order_requests').doc(`${openid}:${input.requestId}`).remove()];
  try {
    await reserveStock(ctx.db, ctx._, stock);
    undo.push(() => releaseStock(ctx.db, ctx._, stock));
    if (checkout.coupon) {
      const couponId = checkout.coupon._id;
      if (!(await lockCoupon(ctx.db, ctx._, { couponId, openid, orderId }, now))) throw new AppError('COUPON_UNAVAILABLE', '优惠券已被使用或已过期');
      undo.push(() => returnCoupon(ctx.db, ctx._, { couponId, orderId }, now));
    }
    const pickupCode = checkout.store ? await claimPickupCode(ctx, checkout.store._id, orderId, settings.orders.pickupCodeDigits) : null;
    if (pickupCode) undo.push(() => ctx.db.collection('pickup_codes').doc(`${checkout.store!._id}:${pickupCode}`).remove());
    const points = checkout.breakdown.pointsUsed;
    if (points > 0) {
      await movePoints(ctx.db, { openid, reason: 'order_spend', id: orderId, delta: -points }, now);
      undo.push(() => movePoints(ctx.db, { openid, reason: 'order_cancel', id: orderId, delta: points, note: '下单未成功' }, now));
    }
    const order = buildOrder(orderId, openid, input, checkout, settings, now, pickupCode);
    await ctx.db.collection('orders').add({ data: order });
    if (input.fromCart) {
      // The order stands even if tidying the cart fails.
      await removeFromCart(ctx, openid, stock.map((s) => s.skuId)).catch((e) => console.error('[weave] cart cleanup failed', e));
    }
    return reply(order);
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
};

interface CartRow {
  _id: string;
  items: { skuId: string }[];
  version: number;
}

/** The bought lines leave the cart; a concurrent cart edit wins and we try again on its version. */
async function removeFromCart(ctx: HandlerContext, openid: string, skuIds: string[]): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const { data } = await ctx.db.collection<CartRow>('carts').where({ _id: openid }).limit(1).get();
    const cart = data[0];
    if (!cart) return;
    const items = cart.items.filter((i) => !skuIds.includes(i.skuId));
    if (items.length === cart.items.length) return;
    const res = await ctx.db.collection('carts').where({ _id: openid, version: cart.version }).update({ data: { items: ctx._.set(items), version: ctx._.inc(1), updatedAt: ctx.now() } });
    if (res.stats.updated === 1) return;
  }
}
