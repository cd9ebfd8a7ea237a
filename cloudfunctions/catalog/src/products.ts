import type { HandlerContext } from '../../_shared/router';
import type { ProductDoc } from '../../../scripts/seed/types';

/** Products by id, on sale only, in one query (the cloud caps a query at 1000 rows; lists here are short). */
export async function productsById(ctx: HandlerContext, ids: readonly string[]): Promise<Map<string, ProductDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await ctx.db
    .collection<ProductDoc>('products')
    .where({ _id: ctx._.in(unique), status: 'on_sale' })
    .limit(Math.min(unique.length, 1000))
    .get();
  return new Map(data.map((p) => [p._id, p]));
}
