import type { Handler } from '../../../_shared/router';
import type { CategoryDoc } from '../../../../scripts/seed/types';
import { PRICE_BANDS } from '../search-query';

interface CountRow {
  _id: string;
  count: number;
}

/** The category rail with how many products each holds, the style tags to filter by, and the price bands. */
export const categories: Handler = async (_event, ctx) => {
  const $ = ctx._.aggregate;
  const products = ctx.db.collection('products');
  const [cats, perCategory, perTag] = await Promise.all([
    ctx.db.collection<CategoryDoc>('categories').where({ status: 'active' }).orderBy('sort', 'asc').limit(100).get(),
    products.aggregate().match({ status: 'on_sale' }).group({ _id: '$categoryId', count: $.sum(1) }).limit(1000).end(),
    products
      .aggregate()
      .match({ status: 'on_sale' })
      .unwind('$styleTags')
      .group({ _id: '$styleTags', count: $.sum(1) })
      .sort({ count: -1, _id: 1 })
      .limit(100)
      .end(),
  ]);
  const counts = new Map((perCategory.list as unknown as CountRow[]).map((r) => [r._id, r.count]));
  const list = cats.data.map((c) => ({ id: c._id, name: c.name, icon: c.icon, count: counts.get(c._id) ?? 0 }));
  return {
    categories: list,
    total: list.reduce((n, c) => n + c.count, 0),
    styleTags: (perTag.list as unknown as CountRow[]).map((r) => ({ tag: r._id, count: r.count })),
    priceBands: PRICE_BANDS,
  };
};
