/**
 * Reading flash sales for pages and for `buy`: the sale document (its prices and limits, as saved
 * by the server), the item's live stock document, the catalogue's SKU and product for titles and
 * images, and the viewer's tier and counters. Status and refusals come from the domain rules.
 */
import { flashCounterId } from '../../../../src/domain/flash-sale/claim';
import type { FlashSale } from '../../../../src/domain/flash-sale/sale';
import { buyingOpensAt } from '../../../../src/domain/flash-sale/priority-window';
import { saleStatus, type SaleStatus } from '../../../../src/domain/flash-sale/sale-status';
import { TIERS, isTierId, type TierId } from '../../../../src/domain/tiers';
import type { HandlerContext } from '../../../_shared/router';
import type { FlashBoughtDoc, FlashSaleDoc, FlashStockDoc, ProductDoc, SkuDoc } from '../../../../scripts/seed/types';

export type { FlashBoughtDoc, FlashSaleDoc, FlashStockDoc, ProductDoc, SkuDoc };

type Ctx = Pick<HandlerContext, 'db' | '_'>;

export interface FlashItemView {
  saleItemId: string;
  productId: string;
  skuId: string;
  title: string;
  image: string;
  specText: string;
  salePrice: number;
  listPrice: number;
  stockLeft: number;
  sold: number;
  perUserLimit: number;
}

export interface FlashSaleView {
  saleId: string;
  title: string;
  startAt: number;
  endAt: number;
  /** The public status (without anyone's priority window). */
  status: SaleStatus;
  /** The earliest a member may buy (会员优先购), or null when no tier buys early. */
  priorityStartAt: number | null;
  /** When this viewer may buy: priorityStartAt for gold and diamond members, else startAt. */
  opensAt: number;
  items: FlashItemView[];
}

export async function tierOf(ctx: Ctx, openid: string): Promise<TierId> {
  if (!openid) return 'normal';
  const { data } = await ctx.db.collection<{ tier?: string }>('users').where({ _id: openid }).limit(1).get();
  const tier = data[0]?.tier;
  return isTierId(tier) ? tier : 'normal';
}

export function priorityStartAt(sale: Pick<FlashSale, 'startsAt'>): number | null {
  const early = TIERS.filter((t) => t.priorityHours > 0).map((t) => buyingOpensAt(sale, t.id));
  return early.length > 0 ? Math.min(...early) : null;
}

/** The sale as the domain rules read it: each item's `stock` is what its stock document has left. */
export function toFlashSale(doc: FlashSaleDoc, stock: ReadonlyMap<string, FlashStockDoc>): FlashSale {
  return {
    id: doc._id,
    title: doc.title,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    items: doc.items.map((i) => ({ ...i, stock: Math.max(0, stock.get(i.id)?.stock ?? 0) })),
  };
}

const chunks = <T>(xs: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

async function byIds<T extends { _id: string }>(ctx: Ctx, collection: string, ids: readonly string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const pages = await Promise.all(chunks(unique, 100).map((part) => ctx.db.collection<T>(collection).where({ _id: ctx._.in(part) }).limit(part.length).get()));
  return new Map(pages.flatMap((p) => p.data).map((d) => [d._id, d]));
}

export interface LoadedSales {
  views: FlashSaleView[];
  stock: Map<string, FlashStockDoc>;
}

/** Views of these sales (items limited by `keepItem`), with live stock and catalogue titles. */
export async function loadSaleViews(
  ctx: Ctx,
  sales: readonly FlashSaleDoc[],
  nowMs: number,
  tierId: TierId,
  keepItem: (item: FlashSaleDoc['items'][number]) => boolean = () => true,
): Promise<LoadedSales> {
  const items = sales.flatMap((s) => s.items.filter(keepItem));
  const [stock, skus, products] = await Promise.all([
    byIds<FlashStockDoc>(ctx, 'flash_stock', items.map((i) => i.id)),
    byIds<SkuDoc>(ctx, 'skus', items.map((i) => i.skuId)),
    byIds<ProductDoc>(ctx, 'products', items.map((i) => i.productId)),
  ]);
  const views = sales.map((s) => ({
    saleId: s._id,
    title: s.title,
    startAt: s.startsAt,
    endAt: s.endsAt,
    status: saleStatus(s, nowMs).status,
    priorityStartAt: priorityStartAt(s),
    opensAt: saleStatus(s, nowMs, tierId).opensAt,
    items: s.items.filter(keepItem).map((i) => {
      const sku = skus.get(i.skuId);
      const product = products.get(i.productId);
      const doc = stock.get(i.id);
      return {
        saleItemId: i.id,
        productId: i.productId,
        skuId: i.skuId,
        title: product?.title ?? '',
        image: sku?.image || product?.cover || '',
        specText: sku?.specText ?? '',
        salePrice: i.salePrice,
        listPrice: i.normalPrice,
        stockLeft: Math.max(0, doc?.stock ?? 0),
        sold: doc?.sold ?? 0,
        perUserLimit: i.perUserLimit,
      };
    }),
  }));
  return { views, stock };
}

/** What this buyer already holds of these items (their counters). */
export async function boughtBy(ctx: Ctx, openid: string, saleItemIds: readonly string[]): Promise<Record<string, number>> {
  const bought: Record<string, number> = {};
  for (const id of saleItemIds) bought[id] = 0;
  if (!openid || saleItemIds.length === 0) return bought;
  const docs = await byIds<FlashBoughtDoc>(ctx, 'flash_bought', saleItemIds.map((id) => flashCounterId(id, openid)));
  for (const d of docs.values()) bought[d.saleItemId] = d.bought;
  return bought;
}

const STATUS_ORDER: Record<SaleStatus, number> = { active: 0, upcoming: 1, ended: 2 };

/** Running first (soonest to end), then upcoming (soonest to start), then recently ended. */
export function bySaleOrder(a: FlashSaleView, b: FlashSaleView): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.status === 'active' ? a.endAt - b.endAt : a.status === 'upcoming' ? a.startAt - b.startAt : b.endAt - a.endAt);
}
