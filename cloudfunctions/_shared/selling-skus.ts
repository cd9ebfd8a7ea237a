/**
 * The SKUs a manager may put into a sale or a group buy: on sale, of a product on sale. Read once
 * for the whole form (two `_.in` queries), with the label refusals name a SKU by.
 */
import type { ProductDoc, SkuDoc } from '../../scripts/seed/types';
import type { HandlerContext } from './router';

export interface SellingSkus {
  /** On-sale SKUs of on-sale products, by SKU id; a SKU missing here cannot be sold. */
  selling: Map<string, SkuDoc>;
  /** 「商品名 规格」, or the id itself for a SKU that is not selling. */
  label: (skuId: string) => string;
}

export async function loadSellingSkus(ctx: Pick<HandlerContext, 'db' | '_'>, skuIds: readonly string[]): Promise<SellingSkus> {
  const ids = [...new Set(skuIds)];
  const skus = await ctx.db.collection<SkuDoc>('skus').where({ _id: ctx._.in(ids) }).limit(ids.length).get();
  const productIds = [...new Set(skus.data.map((s) => s.productId))];
  const products = productIds.length ? await ctx.db.collection<ProductDoc>('products').where({ _id: ctx._.in(productIds) }).limit(productIds.length).get() : { data: [] };
  const productOf = new Map(products.data.map((p) => [p._id, p]));
  const selling = new Map(skus.data.filter((s) => s.status === 'on_sale' && productOf.get(s.productId)?.status === 'on_sale').map((s) => [s._id, s]));
  const label = (skuId: string) => {
    const sku = selling.get(skuId);
    return sku ? `${productOf.get(sku.productId)?.title ?? ''} ${sku.specText}`.trim() : skuId;
  };
  return { selling, label };
}
