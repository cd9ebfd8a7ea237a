import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { releaseStock, reserveStock } from '../../../_shared/stock';
import { buildCheckout, checkoutShape } from '../lib/checkout';
import { placeOrder, placedReply, type PlacedReply } from '../lib/place-order';
import { loadSettings } from '../lib/settings';

const createShape = v.object({
  ...checkoutShape,
  fromCart: v.optional(v.boolean({ label: '来自购物车' })),
  requestId: v.string({ min: 8, max: 64, pattern: /^[A-Za-z0-9_-]+$/, label: '请求编号' }),
  remark: v.optional(v.string({ max: 200, label: '订单备注' })),
  /** The referral code this shopper arrived with this session (src/services/referral.ts). */
  referralCode: v.optional(v.string({ min: 8, max: 8, pattern: /^[A-Z0-9]{8}$/, label: '邀请码' })),
});

export type CreateReply = PlacedReply;

/**
 * Places an order: prices it on the server, then reserves stock (SKU by SKU, conditional), locks
 * the coupon, spends the points and writes the order (lib/place-order). A failing step undoes
 * exactly the steps before it, so the caller sees one clear code and nothing is left half-taken.
 */
export const create: Handler<CreateReply> = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(createShape, event);
  const settings = await loadSettings(ctx);
  const checkout = await buildCheckout(ctx, openid, input, settings, { couponMustApply: true, allCoupons: false });
  if (input.delivery === 'express' && !checkout.address) throw new AppError('ADDRESS_REQUIRED', '请选择收货地址');

  const stock = checkout.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, label: l.label }));
  const placed = await placeOrder(ctx, {
    openid,
    requestId: input.requestId,
    type: 'normal',
    lines: checkout.lines.map((l) => ({ ...l, promo: null })),
    pricing: checkout.breakdown,
    tierId: checkout.tierId,
    coupon: checkout.coupon,
    address: checkout.address,
    store: checkout.store,
    remark: input.remark,
    attribution: input.referralCode ? { campaignId: null, referralCode: input.referralCode } : null,
    autoCancelMinutes: settings.orders.autoCancelMinutes,
    pickupCodeDigits: settings.orders.pickupCodeDigits,
    reserve: async () => {
      await reserveStock(ctx.db, ctx._, stock);
      return () => releaseStock(ctx.db, ctx._, stock);
    },
  });
  if (placed.created && input.fromCart) {
    // The order stands even if tidying the cart fails.
    await removeFromCart(ctx, openid, stock.map((s) => s.skuId)).catch((e) => console.error('[weave] cart cleanup failed', e));
  }
  return placedReply(placed.order);
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
