import { canBuy } from '../../../../src/domain/flash-sale/can-buy';
import { flashCounterId } from '../../../../src/domain/flash-sale/claim';
import { priceOrder } from '../../../../src/domain/pricing';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { placeOrder, placedReply, type PlacedReply } from '../../../orders/src/lib/place-order';
import { loadSettings } from '../../../orders/src/lib/settings';
import type { AddressDoc, StoreDoc } from '../../../orders/src/order-doc';
import { cached } from '../lib/cache';
import { claimFlash, releaseFlash } from '../lib/claim';
import { tierOf, toFlashSale, type FlashBoughtDoc, type FlashSaleDoc, type FlashStockDoc, type ProductDoc, type SkuDoc } from '../lib/sales';

const buyShape = v.object({
  saleItemId: v.string({ min: 1, max: 160, label: '秒杀商品' }),
  skuId: v.optional(v.string({ min: 1, max: 64, label: '商品规格' })),
  quantity: v.int({ min: 1, max: 99, label: '购买数量' }),
  requestId: v.string({ min: 8, max: 64, pattern: /^[A-Za-z0-9_-]+$/, label: '请求编号' }),
  delivery: v.optional(v.oneOf(['express', 'pickup'] as const, { label: '配送方式' })),
  addressId: v.optional(v.string({ min: 1, max: 64, label: '收货地址' })),
  storeId: v.optional(v.string({ min: 1, max: 64, label: '自提门店' })),
});

type BuyInput = ReturnType<typeof buyShape>;

async function deliveryTarget(ctx: HandlerContext, openid: string, input: BuyInput): Promise<{ address: AddressDoc | null; store: StoreDoc | null }> {
  if (input.delivery === 'pickup') {
    if (!input.storeId) throw new AppError('INVALID_INPUT', '请选择自提门店');
    const { data } = await ctx.db.collection<StoreDoc>('stores').where({ _id: input.storeId }).limit(1).get();
    const store = data[0];
    if (!store) throw new AppError('NOT_FOUND', '自提门店不存在');
    if (store.status !== 'open') throw new AppError('STORE_UNAVAILABLE', '该门店暂停营业，请选择其他门店');
    return { address: null, store };
  }
  const where = input.addressId ? { _id: input.addressId, openid } : { openid, isDefault: true };
  const { data } = await ctx.db.collection<AddressDoc>('addresses').where(where).limit(1).get();
  if (input.addressId && !data[0]) throw new AppError('NOT_FOUND', '收货地址不存在');
  if (!data[0]) throw new AppError('ADDRESS_REQUIRED', '请选择收货地址');
  return { address: data[0], store: null };
}

/**
 * Buys a flash-sale item. The price, limit and window come from the server's sale document and
 * the tier from the user's record, never from the request. A snapshot `canBuy` turns most losers
 * away cheaply (sold out, over the limit, not yet open); the atomic claim in lib/claim decides the
 * rest. The order is placed through the orders function's one path, and if anything after the
 * claim fails, the claim is given back.
 */
export const buy: Handler<PlacedReply> = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(buyShape, event);
  const now = ctx.now();
  // Losers of a rush should cost little: the cached sale plus two small reads decide most "no"s.
  const [doc, stockDocs, boughtDocs] = await Promise.all([
    cached(`sale-of:${input.saleItemId}`, async () => {
      const { data } = await ctx.db.collection<FlashSaleDoc>('flash_sales').where({ 'items.id': input.saleItemId, status: 'active' }).limit(1).get();
      return data[0] ?? null;
    }),
    ctx.db.collection<FlashStockDoc>('flash_stock').where({ _id: input.saleItemId }).limit(1).get(),
    ctx.db.collection<FlashBoughtDoc>('flash_bought').where({ _id: flashCounterId(input.saleItemId, openid) }).limit(1).get(),
  ]);
  const saved = doc?.items.find((i) => i.id === input.saleItemId);
  if (!doc || !saved) throw new AppError('NOT_FOUND', '秒杀商品不存在');
  if (input.skuId && input.skuId !== saved.skuId) throw new AppError('INVALID_INPUT', '商品规格与秒杀商品不一致');
  const sale = toFlashSale(doc, new Map(stockDocs.data.map((d) => [d._id, d])));
  const item = sale.items.find((i) => i.id === saved.id)!;
  const userBought = boughtDocs.data[0]?.bought ?? 0;
  // The tier only matters before the public start (会员优先购) and for pricing a winner.
  const tierNow = now.getTime() < doc.startsAt ? tierOf(ctx, openid) : null;
  const verdict = canBuy({ sale, item, userBought, quantity: input.quantity, userTier: (await tierNow) ?? 'normal', now: now.getTime() });
  if (!verdict.ok) {
    // A retry of a purchase that went through now reads "over the limit": answer with its order instead.
    const earlier = userBought > 0 ? await ctx.db.collection('order_requests').where({ _id: `${openid}:${input.requestId}` }).limit(1).get() : { data: [] };
    if (earlier.data.length === 0) throw new AppError(verdict.code, verdict.reason);
  }

  const [tierId, { sku, product }, settings, target] = await Promise.all([
    tierNow ?? tierOf(ctx, openid),
    cached(`catalog:${saved.skuId}`, async () => {
      const [skus, products] = await Promise.all([
        ctx.db.collection<SkuDoc>('skus').where({ _id: saved.skuId }).limit(1).get(),
        ctx.db.collection<ProductDoc>('products').where({ _id: saved.productId }).limit(1).get(),
      ]);
      return { sku: skus.data[0] as SkuDoc | undefined, product: products.data[0] as ProductDoc | undefined };
    }),
    cached('settings', () => loadSettings(ctx)),
    deliveryTarget(ctx, openid, { ...input, delivery: input.delivery ?? 'express' }),
  ]);
  if (!sku || !product) throw new AppError('NOT_FOUND', '商品不存在或已下架');
  if (sku.status !== 'on_sale' || product.status !== 'on_sale') throw new AppError('PRODUCT_UNAVAILABLE', `「${product.title} ${sku.specText}」已下架`);

  const line = {
    productId: product._id,
    skuId: sku._id,
    categoryId: product.categoryId,
    title: product.title,
    specText: sku.specText,
    image: sku.image || product.cover,
    quantity: input.quantity,
    unitPrice: saved.salePrice,
    listPrice: saved.normalPrice,
    promo: 'flash' as const,
  };
  const delivery = target.store ? 'pickup' : 'express';
  const pricing = priceOrder(
    { items: [{ skuId: line.skuId, productId: line.productId, categoryId: line.categoryId, title: line.title, unitPrice: line.unitPrice, quantity: line.quantity, promo: 'flash' }], tierId, coupon: null, points: null, delivery },
    settings.pricing,
  );
  const claim = { saleItemId: saved.id, openid, quantity: input.quantity, perUserLimit: saved.perUserLimit };
  const placed = await placeOrder(ctx, {
    openid,
    requestId: input.requestId,
    type: 'flash',
    lines: [line],
    pricing,
    tierId,
    coupon: null,
    address: target.address,
    store: target.store,
    flashSale: { saleId: doc._id, saleItemId: saved.id },
    autoCancelMinutes: settings.orders.autoCancelMinutes,
    pickupCodeDigits: settings.orders.pickupCodeDigits,
    reserve: async () => {
      await claimFlash(ctx, claim);
      return () => releaseFlash(ctx, claim);
    },
  });
  return placedReply(placed.order);
};
