import { canBuy } from '../../../../src/domain/flash-sale/can-buy';
import { parse, v } from '../../../../src/domain/validate';
import type { Handler } from '../../../_shared/router';
import { boughtBy, bySaleOrder, loadSaleViews, tierOf, toFlashSale, type FlashSaleDoc, type FlashSaleView } from '../lib/sales';

const DAY_MS = 86_400_000;

/** Sales running or to come, and those ended within the last day (so a page can say 已结束), running first. */
export const list: Handler<{ sales: FlashSaleView[]; now: number }> = async (_event, ctx) => {
  const now = ctx.now().getTime();
  const [found, tierId] = await Promise.all([
    ctx.db
      .collection<FlashSaleDoc>('flash_sales')
      .where({ status: 'active', endsAt: ctx._.gt(now - DAY_MS) })
      .orderBy('startsAt', 'asc')
      .limit(20)
      .get(),
    tierOf(ctx, ctx.openid),
  ]);
  const { views } = await loadSaleViews(ctx, found.data, now, tierId);
  return { sales: views.sort(bySaleOrder), now };
};

const forProductShape = v.object({ productId: v.string({ min: 1, max: 64, label: '商品' }) });

export interface ForProductReply {
  sale: FlashSaleView | null;
  viewer: { canBuyNow: boolean; reason: string | null; bought: Record<string, number> };
  now: number;
}

/**
 * The sale that matters for a product page (running before upcoming), only this product's SKUs,
 * and whether the viewer may buy now: `canBuy` per SKU with the server's tier and clock; the
 * reason is the first refusal when no SKU can be bought.
 */
export const forProduct: Handler<ForProductReply> = async (event, ctx) => {
  const { productId } = parse(forProductShape, event);
  const now = ctx.now().getTime();
  const [found, tierId] = await Promise.all([
    ctx.db
      .collection<FlashSaleDoc>('flash_sales')
      .where({ status: 'active', endsAt: ctx._.gt(now), 'items.productId': productId })
      .orderBy('startsAt', 'asc')
      .limit(5)
      .get(),
    tierOf(ctx, ctx.openid),
  ]);
  const keep = (i: FlashSaleDoc['items'][number]) => i.productId === productId;
  const { views, stock } = await loadSaleViews(ctx, found.data, now, tierId, keep);
  const index = views.map((view, i) => ({ view, i })).sort((a, b) => bySaleOrder(a.view, b.view))[0]?.i;
  if (index === undefined) return { sale: null, viewer: { canBuyNow: false, reason: null, bought: {} }, now };

  const doc = found.data[index];
  const view = views[index];
  const sale = toFlashSale(doc, stock);
  const bought = await boughtBy(ctx, ctx.openid, view.items.map((i) => i.saleItemId));
  const shown = new Set(view.items.map((i) => i.saleItemId));
  const verdicts = sale.items
    .filter((i) => shown.has(i.id))
    .map((item) => canBuy({ sale, item, userBought: bought[item.id] ?? 0, quantity: 1, userTier: tierId, now }));
  const yes = verdicts.some((r) => r.ok);
  const firstNo = verdicts.find((r) => !r.ok);
  return { sale: view, viewer: { canBuyNow: yes, reason: yes || !firstNo || firstNo.ok ? null : firstNo.reason, bought }, now };
};
