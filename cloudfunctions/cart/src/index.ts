/**
 * The server-side cart: one document per user (`carts`, _id = openid). Every change rewrites the
 * items conditional on the version it read (`version: _.inc(1)`), so two tabs editing at once
 * cannot silently overwrite each other: the loser reads again and reapplies its change.
 * Quantities are bounded by stock when added or changed, and shown against stock when read.
 */
import { AppError } from '../../../src/domain/reply';
import { parse, v } from '../../../src/domain/validate';
import { isDuplicateKeyError } from '../../_shared/db-types';
import { requireUser } from '../../_shared/roles';
import { createMain, type Handler, type HandlerContext } from '../../_shared/router';
import type { CartDoc, CartItem, ProductDoc, SkuDoc } from '../../../scripts/seed/types';

const MAX_LINES = 50;
const MAX_PER_LINE = 99;

async function readCart(ctx: HandlerContext, openid: string): Promise<CartDoc | null> {
  const { data } = await ctx.db.collection<CartDoc>('carts').where({ _id: openid }).limit(1).get();
  return data[0] ?? null;
}

/** Applies `change` to the current items and writes them, retrying on a concurrent edit. */
async function mutate(ctx: HandlerContext, openid: string, change: (items: CartItem[]) => Promise<CartItem[]> | CartItem[]): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const cart = await readCart(ctx, openid);
    const items = await change(cart ? cart.items.map((i) => ({ ...i })) : []);
    const now = ctx.now();
    if (!cart) {
      try {
        await ctx.db.collection('carts').add({ data: { _id: openid, openid, items, version: 1, updatedAt: now } });
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        continue;
      }
    }
    const res = await ctx.db.collection('carts').where({ _id: openid, version: cart.version }).update({ data: { items: ctx._.set(items), version: ctx._.inc(1), updatedAt: now } });
    if (res.stats.updated === 1) return;
  }
  throw new AppError('CONFLICT');
}

async function loadSkus(ctx: HandlerContext, skuIds: string[]): Promise<{ skus: Map<string, SkuDoc>; products: Map<string, ProductDoc> }> {
  if (skuIds.length === 0) return { skus: new Map(), products: new Map() };
  const skus = await ctx.db.collection<SkuDoc>('skus').where({ _id: ctx._.in(skuIds) }).limit(skuIds.length).get();
  const productIds = [...new Set(skus.data.map((s) => s.productId))];
  const products = productIds.length ? await ctx.db.collection<ProductDoc>('products').where({ _id: ctx._.in(productIds) }).limit(productIds.length).get() : { data: [] };
  return { skus: new Map(skus.data.map((s) => [s._id, s])), products: new Map(products.data.map((p) => [p._id, p])) };
}

async function view(ctx: HandlerContext, openid: string) {
  const cart = await readCart(ctx, openid);
  const items = cart?.items ?? [];
  const { skus, products } = await loadSkus(ctx, items.map((i) => i.skuId));
  const lines = items.map((item) => {
    const sku = skus.get(item.skuId);
    const product = sku ? products.get(sku.productId) : undefined;
    const onSale = !!sku && !!product && sku.status === 'on_sale' && product.status === 'on_sale';
    const stock = sku?.stock ?? 0;
    return {
      skuId: item.skuId,
      productId: item.productId,
      title: product?.title ?? '商品已下架',
      image: sku?.image || product?.cover || '',
      specText: sku?.specText ?? '',
      unitPrice: sku?.price ?? 0,
      listPrice: sku?.listPrice ?? 0,
      // What can be bought now: never more than what is left.
      quantity: onSale && stock > 0 ? Math.min(item.quantity, stock) : item.quantity,
      stock,
      selected: item.selected,
      available: onSale && stock > 0,
    };
  });
  return { items: lines, count: lines.reduce((n, l) => n + l.quantity, 0) };
}

const skuId = v.string({ min: 1, max: 64, label: '商品规格' });

const list: Handler = async (_event, ctx) => view(ctx, requireUser(ctx));

const count: Handler = async (_event, ctx) => {
  const cart = await readCart(ctx, requireUser(ctx));
  return { count: (cart?.items ?? []).reduce((n, i) => n + i.quantity, 0) };
};

function checkStock(sku: SkuDoc | undefined, product: ProductDoc | undefined, quantity: number): void {
  if (!sku || !product || sku.status !== 'on_sale' || product.status !== 'on_sale') throw new AppError('NOT_FOUND', '商品不存在或已下架');
  if (quantity > MAX_PER_LINE) throw new AppError('CART_LIMIT', `每件商品最多购买${MAX_PER_LINE}件`);
  if (quantity > sku.stock) throw new AppError('OUT_OF_STOCK', sku.stock > 0 ? `库存不足，仅剩${sku.stock}件` : '该规格已售罄');
}

const add: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(v.object({ skuId, quantity: v.int({ min: 1, max: MAX_PER_LINE, label: '数量' }) }), event);
  const { skus, products } = await loadSkus(ctx, [input.skuId]);
  const sku = skus.get(input.skuId);
  const product = sku ? products.get(sku.productId) : undefined;
  checkStock(sku, product, input.quantity);
  await mutate(ctx, openid, (items) => {
    const line = items.find((i) => i.skuId === input.skuId);
    if (line) {
      checkStock(sku, product, line.quantity + input.quantity);
      line.quantity += input.quantity;
      line.selected = true;
      return items;
    }
    if (items.length >= MAX_LINES) throw new AppError('CART_FULL', `购物车最多${MAX_LINES}种商品，请先结算或删除部分商品`);
    return [{ skuId: sku!._id, productId: sku!.productId, quantity: input.quantity, selected: true, addedAt: ctx.now() }, ...items];
  });
  return view(ctx, openid);
};

const update: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(
    v.object({ skuId, quantity: v.optional(v.int({ min: 1, max: MAX_PER_LINE, label: '数量' })), selected: v.optional(v.boolean({ label: '选中' })) }),
    event,
  );
  if (input.quantity !== undefined) {
    const { skus, products } = await loadSkus(ctx, [input.skuId]);
    const sku = skus.get(input.skuId);
    checkStock(sku, sku ? products.get(sku.productId) : undefined, input.quantity);
  }
  await mutate(ctx, openid, (items) => {
    const line = items.find((i) => i.skuId === input.skuId);
    if (!line) throw new AppError('NOT_FOUND', '购物车中没有该商品');
    if (input.quantity !== undefined) line.quantity = input.quantity;
    if (input.selected !== undefined) line.selected = input.selected;
    return items;
  });
  return view(ctx, openid);
};

const remove: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(v.object({ skuIds: v.array(skuId, { min: 1, max: MAX_LINES, label: '商品' }) }), event);
  await mutate(ctx, openid, (items) => items.filter((i) => !input.skuIds.includes(i.skuId)));
  return view(ctx, openid);
};

export const main = createMain({ list, add, update, remove, count });
