import type { Handler, HandlerContext } from '../../../_shared/router';
import { saleStatus } from '../../../../src/domain/flash-sale/sale-status';
import type { TierId } from '../../../../src/domain/tiers';
import type { UserTagsDoc } from '../../../../src/domain/tags/user-tags';
import type { BannerDoc, FlashSaleDoc, FlashStockDoc, GroupbuyActivityDoc, OutfitCollectionDoc, ProductDoc } from '../../../../scripts/seed/types';
import { callerTier } from '../caller';
import { productsById } from '../products';
import { catalogSettings } from '../settings';
import { toCard, type ProductCard } from '../views';

const DAY_MS = 86_400_000;
const SHELF_SIZE = 10;
const FOR_YOU_SIZE = 8;

export interface FlashStripItem {
  productId: string;
  title: string;
  cover: string;
  salePrice: number;
  normalPrice: number;
  stockLeft: number;
  soldOut: boolean;
}

export interface FlashStrip {
  id: string;
  title: string;
  status: 'upcoming' | 'active';
  /** '距结束 02:15:09' as of the reply; the page keeps counting to `countdownTo`. */
  text: string;
  countdownTo: number;
  early: boolean;
  items: FlashStripItem[];
}

async function flashStrips(ctx: HandlerContext, nowMs: number, tier: TierId): Promise<FlashStrip[]> {
  const { data: sales } = await ctx.db
    .collection<FlashSaleDoc>('flash_sales')
    .where({ status: 'active', endsAt: ctx._.gt(nowMs) })
    .orderBy('startsAt', 'asc')
    .limit(3)
    .get();
  if (sales.length === 0) return [];
  const itemIds = sales.flatMap((s) => s.items.map((i) => i.id));
  const [products, stock] = await Promise.all([
    productsById(ctx, sales.flatMap((s) => s.items.map((i) => i.productId))),
    ctx.db.collection<FlashStockDoc>('flash_stock').where({ _id: ctx._.in(itemIds) }).limit(Math.min(itemIds.length, 1000)).get(),
  ]);
  const left = new Map(stock.data.map((s) => [s._id, s.stock]));
  return sales.map((sale) => {
    const view = saleStatus(sale, nowMs, tier);
    // One card per product: its cheapest sale price, and what is left across its SKUs.
    const byProduct = new Map<string, FlashStripItem>();
    for (const item of sale.items) {
      const product = products.get(item.productId);
      if (!product) continue;
      const stockLeft = Math.max(0, left.get(item.id) ?? 0);
      const seen = byProduct.get(item.productId);
      if (!seen) {
        byProduct.set(item.productId, { productId: item.productId, title: product.title, cover: product.cover, salePrice: item.salePrice, normalPrice: item.normalPrice, stockLeft, soldOut: stockLeft === 0 });
      } else {
        if (item.salePrice < seen.salePrice) Object.assign(seen, { salePrice: item.salePrice, normalPrice: item.normalPrice });
        seen.stockLeft += stockLeft;
        seen.soldOut = seen.stockLeft === 0;
      }
    }
    return {
      id: sale._id,
      title: sale.title,
      status: view.status === 'active' ? 'active' : 'upcoming',
      text: view.text,
      countdownTo: view.status === 'active' ? sale.endsAt : view.opensAt,
      early: view.early,
      items: [...byProduct.values()],
    };
  });
}

async function groupBuyStrip(ctx: HandlerContext, nowMs: number) {
  const { data } = await ctx.db
    .collection<GroupbuyActivityDoc>('groupbuy_activities')
    .where({ status: 'active', startsAt: ctx._.lte(nowMs), endsAt: ctx._.gt(nowMs) })
    .orderBy('endsAt', 'asc')
    .limit(10)
    .get();
  const products = await productsById(ctx, data.map((a) => a.productId));
  return data.flatMap((a) => {
    const product = products.get(a.productId);
    if (!product || a.skus.length === 0) return [];
    const cheapest = a.skus.reduce((x, y) => (y.groupPrice < x.groupPrice ? y : x));
    return [{ id: a._id, title: a.title, productId: a.productId, productTitle: product.title, cover: product.cover, groupSize: a.groupSize, groupPrice: cheapest.groupPrice, normalPrice: cheapest.normalPrice, endsAt: a.endsAt }];
  });
}

async function interestsOf(ctx: HandlerContext): Promise<string[]> {
  if (!ctx.openid) return [];
  const { data } = await ctx.db.collection<UserTagsDoc>('user_tags').where({ _id: ctx.openid }).limit(1).get();
  const interests = data[0]?.interests;
  return Array.isArray(interests) ? interests.filter((t): t is string => typeof t === 'string') : [];
}

/** Picks from the caller's interest tags, topped up with best sellers; best sellers alone without interests. */
async function forYou(ctx: HandlerContext, now: Date, newArrivalDays: number): Promise<{ basis: 'interests' | 'popular'; interests: string[]; products: ProductCard[] }> {
  const interests = await interestsOf(ctx);
  const products = ctx.db.collection<ProductDoc>('products');
  const picked: ProductDoc[] = [];
  if (interests.length > 0) {
    const { data } = await products.where({ status: 'on_sale', styleTags: ctx._.in(interests) }).orderBy('sales', 'desc').orderBy('_id', 'asc').limit(FOR_YOU_SIZE).get();
    picked.push(...data);
  }
  if (picked.length < FOR_YOU_SIZE) {
    const { data } = await products.where({ status: 'on_sale' }).orderBy('sales', 'desc').orderBy('_id', 'asc').limit(FOR_YOU_SIZE * 2).get();
    const have = new Set(picked.map((p) => p._id));
    picked.push(...data.filter((p) => !have.has(p._id)).slice(0, FOR_YOU_SIZE - picked.length));
  }
  const basis = interests.length > 0 && picked.some((p) => p.styleTags.some((t) => interests.includes(t))) ? 'interests' : 'popular';
  return { basis, interests, products: picked.map((p) => toCard(p, now, newArrivalDays)) };
}

/**
 * Everything the home tab shows, in one call, so the first screen needs one round trip. New arrivals
 * include drops not yet open (badge 即将开售): a priority launch is news before it opens.
 */
export const home: Handler = async (_event, ctx) => {
  const now = ctx.now();
  const nowMs = now.getTime();
  const [settings, tier] = await Promise.all([catalogSettings(ctx), callerTier(ctx)]);
  const since = new Date(nowMs - settings.newArrivalDays * DAY_MS);
  const [banners, collections, newArrivals, flashSales, groupBuys, picks] = await Promise.all([
    ctx.db.collection<BannerDoc>('banners').where({ status: 'active', startAt: ctx._.lte(now), endAt: ctx._.gt(now) }).orderBy('sort', 'asc').limit(10).get(),
    ctx.db.collection<OutfitCollectionDoc>('collections').where({ status: 'active' }).orderBy('sort', 'asc').limit(10).get(),
    ctx.db
      .collection<ProductDoc>('products')
      .where({ status: 'on_sale', launchAt: ctx._.gte(since) })
      .orderBy('launchAt', 'desc')
      .limit(SHELF_SIZE)
      .get(),
    flashStrips(ctx, nowMs, tier),
    groupBuyStrip(ctx, nowMs),
    forYou(ctx, now, settings.newArrivalDays),
  ]);
  return {
    now: nowMs,
    tier,
    banners: banners.data.map((b) => ({ id: b._id, title: b.title, subtitle: b.subtitle, image: b.image, link: b.link })),
    collections: collections.data.map((c) => ({
      id: c._id,
      title: c.title,
      subtitle: c.subtitle,
      cover: c.cover,
      styleTags: c.styleTags,
      productCount: c.productIds.length,
      offerEndsAt: c.offer && new Date(c.offer.endsAt).getTime() > nowMs ? new Date(c.offer.endsAt).toISOString() : null,
    })),
    newArrivals: newArrivals.data.map((p) => toCard(p, now, settings.newArrivalDays)),
    flashSales,
    groupBuys,
    forYou: picks,
  };
};
