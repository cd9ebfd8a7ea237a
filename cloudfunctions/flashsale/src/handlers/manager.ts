/**
 * The manager workspace's 限时秒杀: every sale with its sales figures, create a sale, end one now.
 * The role comes from the caller's OPENID (`_shared/roles`), never from the request. A saved sale
 * is written exactly as the seed writes one (the sale document, one `flash_stock` per item), so
 * `list`, `forProduct`, `buy` and the catalogue read it like any other.
 */
import { formatOpensAt } from '../../../../src/domain/flash-sale/priority-window';
import { parseFlashSale, type FlashSale } from '../../../../src/domain/flash-sale/sale';
import { SALE_OVERLAP, buyableWindow, checkSaleConfig, findSkuConflict } from '../../../../src/domain/flash-sale/sale-config';
import { saleStatus, type SaleStatus } from '../../../../src/domain/flash-sale/sale-status';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { audit } from '../../../_shared/audit';
import { requireRole } from '../../../_shared/roles';
import { loadSellingSkus } from '../../../_shared/selling-skus';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { loadSaleViews, type FlashItemView, type FlashSaleDoc, type FlashStockDoc } from '../lib/sales';

export interface AdminSaleItem extends FlashItemView {
  /** Units this sale put up for the item (stockLeft + sold, unless a manager ended it early). */
  stock: number;
}

export interface AdminSaleView {
  saleId: string;
  title: string;
  startAt: number;
  endAt: number;
  /** By the server clock, public (without anyone's priority window). */
  status: SaleStatus;
  priorityStartAt: number | null;
  createdAt: number;
  /** When a manager ended it early (endSale), else null. */
  endedAt: number | null;
  items: AdminSaleItem[];
}

type SaleDoc = FlashSaleDoc & { createdBy?: string; endedAt?: Date; endedBy?: string };

const MAX_LISTED = 100;
const time = (d: Date | string | number | undefined) => (d === undefined ? null : new Date(d).getTime());

async function adminViews(ctx: HandlerContext, docs: readonly SaleDoc[], now: number): Promise<AdminSaleView[]> {
  const { views } = await loadSaleViews(ctx, docs, now, 'normal');
  return views.map((view, i) => {
    const doc = docs[i];
    return {
      saleId: view.saleId,
      title: view.title,
      startAt: view.startAt,
      endAt: view.endAt,
      status: saleStatus(doc, now).status,
      priorityStartAt: view.priorityStartAt,
      createdAt: time(doc.createdAt) ?? 0,
      endedAt: time(doc.endedAt),
      items: view.items.map((item, j) => ({ ...item, stock: doc.items[j].stock })),
    };
  });
}

/** Every sale, upcoming, running and ended, newest first, with each item's stock and units sold. */
export const adminSales: Handler<{ sales: AdminSaleView[]; now: number }> = async (_event, ctx) => {
  await requireRole(ctx, 'manager');
  const now = ctx.now().getTime();
  const found = await ctx.db.collection<SaleDoc>('flash_sales').where({ status: 'active' }).orderBy('createdAt', 'desc').limit(MAX_LISTED).get();
  return { sales: await adminViews(ctx, found.data, now), now };
};

const ID = { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ };
const skuIdsShape = v.object({
  items: v.array(v.object({ skuId: v.string({ ...ID, label: '商品规格' }) }), { min: 1, max: 50, label: '秒杀商品' }),
});

interface Carved {
  skuId: string;
  quantity: number;
}

/** Gives carved units back to their SKUs (a refused save, or what an ended sale did not sell). */
async function giveBack(ctx: HandlerContext, carved: readonly Carved[]): Promise<void> {
  await Promise.all(carved.filter((c) => c.quantity > 0).map((c) => ctx.db.collection('skus').doc(c.skuId).update({ data: { stock: ctx._.inc(c.quantity) } })));
}

/**
 * Takes each item's units out of its SKU's stock, all or nothing: a conditional `_.inc` per SKU
 * (`stock >= units`, still on sale), so a sale never promises units the shop no longer has.
 */
async function carveStock(ctx: HandlerContext, sale: FlashSale, label: (skuId: string) => string): Promise<Carved[]> {
  const taken: Carved[] = [];
  const order = [...sale.items].sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
  for (const item of order) {
    const res = await ctx.db
      .collection('skus')
      .where({ _id: item.skuId, status: 'on_sale', stock: ctx._.gte(item.stock) })
      .update({ data: { stock: ctx._.inc(-item.stock) } });
    if (res.stats.updated !== 1) {
      await giveBack(ctx, taken);
      throw new AppError('OUT_OF_STOCK', `「${label(item.skuId)}」库存不足${item.stock}件，请调低秒杀库存`);
    }
    taken.push({ skuId: item.skuId, quantity: item.stock });
  }
  return taken;
}

/**
 * Creates a sale: `{ title, startsAt, endsAt, items: [{ skuId, salePrice, stock, perUserLimit }] }`.
 * Everything is checked before the first write (parseFlashSale, checkSaleConfig, no SKU in an
 * overlapping sale); then the units are carved out of the SKUs, the stock documents written, and
 * the sale document last, so nobody can see a sale whose stock is not there yet. A failure undoes
 * what was written.
 */
export const saveSale: Handler<{ sale: AdminSaleView }> = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const nowDate = ctx.now();
  const now = nowDate.getTime();
  const { items: wanted } = parse(skuIdsShape, event);
  const { selling, label } = await loadSellingSkus(ctx, wanted.map((w) => w.skuId));

  const saleId = `fs-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const sale = parseFlashSale({ ...(event as Record<string, unknown>), id: saleId }, (skuId) => selling.get(skuId)?.price);
  checkSaleConfig(sale, { now, skuStock: (skuId) => selling.get(skuId)?.stock });

  const others = await ctx.db
    .collection<SaleDoc>('flash_sales')
    .where({ status: 'active', endsAt: ctx._.gt(buyableWindow(sale).from) })
    .limit(1000)
    .get();
  const conflict = findSkuConflict(sale, others.data.map((o) => ({ ...o, id: o._id })));
  if (conflict) {
    const { other } = conflict;
    throw new AppError(SALE_OVERLAP, `「${label(conflict.skuId)}」已在秒杀「${other.title}」中（${formatOpensAt(other.startsAt, now)} - ${formatOpensAt(other.endsAt, other.startsAt)}），同一规格的秒杀时间不能重叠`);
  }

  const doc: SaleDoc = {
    _id: sale.id,
    title: sale.title,
    startsAt: sale.startsAt,
    endsAt: sale.endsAt,
    items: sale.items.map((i) => ({ ...i, productId: selling.get(i.skuId)!.productId })),
    status: 'active',
    createdAt: nowDate,
    createdBy: ctx.openid,
  };
  const carved = await carveStock(ctx, sale, label);
  const written: string[] = [];
  try {
    for (const item of sale.items) {
      const stock: FlashStockDoc = { _id: item.id, stock: item.stock, sold: 0 };
      await ctx.db.collection('flash_stock').add({ data: stock });
      written.push(item.id);
    }
    await ctx.db.collection('flash_sales').add({ data: doc });
  } catch (error) {
    await Promise.all(written.map((id) => ctx.db.collection('flash_stock').doc(id).remove()));
    await giveBack(ctx, carved);
    throw error;
  }
  await audit(ctx, {
    role: 'manager',
    action: 'flashsale.saveSale',
    target: { collection: 'flash_sales', id: doc._id },
    detail: { title: doc.title, startsAt: doc.startsAt, endsAt: doc.endsAt, items: doc.items.map((i) => ({ skuId: i.skuId, salePrice: i.salePrice, stock: i.stock, perUserLimit: i.perUserLimit })) },
  });
  return { sale: (await adminViews(ctx, [doc], now))[0] };
};

/**
 * What the item has left goes back to its SKU: the stock document is swapped to 0 only if it
 * still holds what was read (a buyer claiming at that instant makes the swap miss, and it is
 * read again), so every unit ends up either sold or back in the SKU, never both.
 */
async function returnLeftover(ctx: HandlerContext, item: FlashSaleDoc['items'][number]): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const { data } = await ctx.db.collection<FlashStockDoc>('flash_stock').where({ _id: item.id }).limit(1).get();
    const left = data[0]?.stock ?? 0;
    if (left <= 0) return 0;
    const res = await ctx.db.collection('flash_stock').where({ _id: item.id, stock: left }).update({ data: { stock: 0 } });
    if (res.stats.updated === 1) {
      await giveBack(ctx, [{ skuId: item.skuId, quantity: left }]);
      return left;
    }
  }
  return 0;
}

const endShape = v.object({ saleId: v.string({ min: 1, max: 64, label: '秒杀活动' }) });

/**
 * Ends a running or upcoming sale now (`endsAt` = now; an upcoming one's `startsAt` too, so the
 * window stays ordered): buyers get the usual 秒杀已结束. What the items have left goes back to
 * their SKUs. Idempotent: ending it again changes nothing (a unit given back to the sale later by a
 * cancelled unpaid order goes to its SKU then) and replies with the sale as it is.
 */
export const endSale: Handler<{ sale: AdminSaleView; returned: number }> = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const { saleId } = parse(endShape, event);
  const nowDate = ctx.now();
  const now = nowDate.getTime();
  const found = await ctx.db.collection<SaleDoc>('flash_sales').where({ _id: saleId, status: 'active' }).limit(1).get();
  const doc = found.data[0];
  if (!doc) throw new AppError('NOT_FOUND', '秒杀活动不存在');
  let ended = doc;
  if (doc.endsAt > now) {
    const res = await ctx.db
      .collection('flash_sales')
      .where({ _id: saleId, endsAt: ctx._.gt(now) })
      .update({ data: { startsAt: Math.min(doc.startsAt, now), endsAt: now, endedAt: nowDate, endedBy: ctx.openid } });
    if (res.stats.updated === 1) {
      ended = { ...doc, startsAt: Math.min(doc.startsAt, now), endsAt: now, endedAt: nowDate, endedBy: ctx.openid };
      await audit(ctx, { role: 'manager', action: 'flashsale.endSale', target: { collection: 'flash_sales', id: saleId }, detail: { title: doc.title, plannedEndsAt: doc.endsAt, endedAt: now } });
    } else {
      ended = (await ctx.db.collection<SaleDoc>('flash_sales').where({ _id: saleId }).limit(1).get()).data[0] ?? doc;
    }
  }
  const returned = (await Promise.all(ended.items.map((item) => returnLeftover(ctx, item)))).reduce((n, x) => n + x, 0);
  return { sale: (await adminViews(ctx, [ended], now))[0], returned };
};
