import type { Handler, HandlerContext } from '../../../_shared/router';
import { describeCoupon, describeCouponChannel, describeCouponScope, inCouponScope } from '../../../../src/domain/coupon-rules';
import { saleStatus } from '../../../../src/domain/flash-sale/sale-status';
import { AppError } from '../../../../src/domain/reply';
import type { TierId } from '../../../../src/domain/tiers';
import { parse, v } from '../../../../src/domain/validate';
import type {
  CategoryDoc,
  CouponTemplateDoc,
  FlashSaleDoc,
  FlashStockDoc,
  GroupbuyActivityDoc,
  ProductDoc,
  RestockAlertDoc,
  SkuDoc,
} from '../../../../scripts/seed/types';
import { callerTier } from '../caller';
import { catalogSettings, restockTemplateId } from '../settings';
import { memberPriceView, purchaseWindow, skuMatrix } from '../views';

const schema = v.object({ id: v.string({ min: 1, max: 64, label: '商品编号' }) });

async function loadProduct(ctx: HandlerContext, id: string): Promise<ProductDoc> {
  const { data } = await ctx.db.collection<ProductDoc>('products').where({ _id: id }).limit(1).get();
  const product = data[0];
  if (!product) throw new AppError('NOT_FOUND', '商品不存在或已下架');
  if (product.status !== 'on_sale') throw new AppError('NOT_FOUND', '商品已下架');
  return product;
}

/** Public, free, online-usable templates open for claiming now that cover this product and this tier. */
async function claimableCoupons(ctx: HandlerContext, product: ProductDoc, tier: TierId, now: Date) {
  const { data } = await ctx.db
    .collection<CouponTemplateDoc>('coupon_templates')
    .where({ status: 'active', public: true, channel: ctx._.in(['online', 'both']), claimStartAt: ctx._.lte(now), claimEndAt: ctx._.gt(now) })
    .limit(100)
    .get();
  return data
    .filter((t) => t.pointsCost === null || t.pointsCost === undefined)
    .filter((t) => t.total === null || t.claimed < t.total)
    .filter((t) => !t.tiers || t.tiers.includes(tier))
    .filter((t) => inCouponScope(t.scope, { productId: product._id, categoryId: product.categoryId }))
    .sort((a, b) => a.rule.threshold - b.rule.threshold || a._id.localeCompare(b._id))
    .map((t) => ({
      id: t._id,
      title: t.title,
      text: describeCoupon(t.rule),
      scopeText: describeCouponScope(t.scope),
      channelText: describeCouponChannel(t.channel),
      threshold: t.rule.threshold,
    }));
}

/** The flash sale this product is in that matters most now: running before upcoming. */
async function flashSaleEntry(ctx: HandlerContext, product: ProductDoc, tier: TierId, nowMs: number) {
  const { data } = await ctx.db
    .collection<FlashSaleDoc>('flash_sales')
    .where({ status: 'active', endsAt: ctx._.gt(nowMs), 'items.productId': product._id })
    .orderBy('startsAt', 'asc')
    .limit(5)
    .get();
  const sale = data.map((s) => ({ s, view: saleStatus(s, nowMs, tier) })).sort((a, b) => Number(b.view.status === 'active') - Number(a.view.status === 'active'))[0];
  if (!sale) return null;
  const items = sale.s.items.filter((i) => i.productId === product._id);
  const { data: stock } = await ctx.db
    .collection<FlashStockDoc>('flash_stock')
    .where({ _id: ctx._.in(items.map((i) => i.id)) })
    .limit(items.length)
    .get();
  const left = new Map(stock.map((d) => [d._id, Math.max(0, d.stock)]));
  return {
    id: sale.s._id,
    title: sale.s.title,
    status: sale.view.status,
    text: sale.view.text,
    early: sale.view.early,
    countdownTo: sale.view.status === 'active' ? sale.s.endsAt : sale.view.opensAt,
    startsAt: sale.s.startsAt,
    endsAt: sale.s.endsAt,
    minSalePrice: Math.min(...items.map((i) => i.salePrice)),
    items: items.map((i) => ({ skuId: i.skuId, salePrice: i.salePrice, normalPrice: i.normalPrice, stockLeft: left.get(i.id) ?? 0, perUserLimit: i.perUserLimit })),
  };
}

async function groupBuyEntry(ctx: HandlerContext, product: ProductDoc, nowMs: number) {
  const { data } = await ctx.db
    .collection<GroupbuyActivityDoc>('groupbuy_activities')
    .where({ productId: product._id, status: 'active', startsAt: ctx._.lte(nowMs), endsAt: ctx._.gt(nowMs) })
    .orderBy('endsAt', 'asc')
    .limit(1)
    .get();
  const a = data[0];
  if (!a || a.skus.length === 0) return null;
  return {
    id: a._id,
    title: a.title,
    groupSize: a.groupSize,
    timeLimitMinutes: a.timeLimitMinutes,
    perUserLimit: a.perUserLimit,
    endsAt: a.endsAt,
    minGroupPrice: Math.min(...a.skus.map((k) => k.groupPrice)),
    skus: a.skus.map((k) => ({ skuId: k.skuId, groupPrice: k.groupPrice, normalPrice: k.normalPrice })),
  };
}

async function waitingAlerts(ctx: HandlerContext, productId: string): Promise<string[]> {
  if (!ctx.openid) return [];
  const { data } = await ctx.db
    .collection<RestockAlertDoc>('restock_alerts')
    .where({ openid: ctx.openid, productId, status: 'waiting' })
    .limit(200)
    .get();
  return data.map((a) => a.skuId);
}

/** Everything the product page shows, priced and windowed for the caller's tier. */
export const product: Handler = async (event, ctx) => {
  const { id } = parse(schema, event);
  const p = await loadProduct(ctx, id);
  const now = ctx.now();
  const nowMs = now.getTime();
  const tier = await callerTier(ctx);
  const [skus, category, coupons, flashSale, groupBuy, subscribed, templateId, settings] = await Promise.all([
    ctx.db.collection<SkuDoc>('skus').where({ productId: p._id }).limit(500).get(),
    ctx.db.collection<CategoryDoc>('categories').where({ _id: p.categoryId }).limit(1).get(),
    claimableCoupons(ctx, p, tier, now),
    flashSaleEntry(ctx, p, tier, nowMs),
    groupBuyEntry(ctx, p, nowMs),
    waitingAlerts(ctx, p._id),
    restockTemplateId(ctx),
    catalogSettings(ctx),
  ]);
  const cat = category.data[0];
  return {
    now: nowMs,
    tier,
    product: {
      id: p._id,
      categoryId: p.categoryId,
      categoryName: cat?.name ?? '',
      title: p.title,
      subtitle: p.subtitle,
      description: p.description,
      material: p.material,
      care: p.care,
      styleTags: p.styleTags,
      images: p.images,
      cover: p.cover,
      price: p.price,
      listPrice: p.listPrice,
      maxPrice: p.maxPrice,
      sales: p.sales,
      launchAt: new Date(p.launchAt).toISOString(),
    },
    skus: skuMatrix(p, skus.data),
    lowStockThreshold: settings.lowStockThreshold,
    sizeGuide: p.sizeGuide ?? cat?.sizeGuide ?? null,
    memberPrice: memberPriceView(p.price, tier),
    purchase: purchaseWindow(p, tier, now),
    coupons,
    flashSale,
    groupBuy,
    restock: { templateId, subscribedSkuIds: subscribed },
  };
};
