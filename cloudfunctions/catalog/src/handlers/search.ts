import type { Handler } from '../../../_shared/router';
import { AppError } from '../../../../src/domain/reply';
import type { OutfitCollectionDoc, ProductDoc } from '../../../../scripts/seed/types';
import { parseSearch, SORT_ORDER } from '../search-query';
import { catalogSettings } from '../settings';
import { escapeRegExp, toCard } from '../views';

/**
 * Keyword, category, style tag, outfit collection and price band, sorted and paged. The keyword is matched,
 * case-insensitively and literally, against `searchText` (title, subtitle, category, tags and
 * colours, lower-cased when the product is saved).
 */
export const search: Handler = async (event, ctx) => {
  const input = parseSearch(event);
  const _ = ctx._;
  const where: Record<string, unknown> = { status: 'on_sale' };
  if (input.categoryId) where.categoryId = input.categoryId;
  if (input.tag) where.styleTags = input.tag;
  let collection: { id: string; title: string; subtitle: string; description: string; cover: string } | null = null;
  if (input.collectionId) {
    const { data } = await ctx.db.collection<OutfitCollectionDoc>('collections').where({ _id: input.collectionId, status: 'active' }).limit(1).get();
    const found = data[0];
    if (!found) throw new AppError('NOT_FOUND', '该穿搭合集已下线');
    collection = { id: found._id, title: found.title, subtitle: found.subtitle, description: found.description, cover: found.cover };
    where._id = _.in(found.productIds);
  }
  if (input.keyword) where.searchText = ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' });
  if (input.priceMin !== undefined && input.priceMax !== undefined) where.price = _.gte(input.priceMin).and(_.lte(input.priceMax));
  else if (input.priceMin !== undefined) where.price = _.gte(input.priceMin);
  else if (input.priceMax !== undefined) where.price = _.lte(input.priceMax);

  const [field, order] = SORT_ORDER[input.sort];
  const products = ctx.db.collection<ProductDoc>('products');
  const [settings, found, counted] = await Promise.all([
    catalogSettings(ctx),
    products
      .where(where)
      .orderBy(field, order)
      .orderBy('_id', 'asc')
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .get(),
    products.where(where).count(),
  ]);
  const now = ctx.now();
  return {
    items: found.data.map((p) => toCard(p, now, settings.newArrivalDays)),
    total: counted.total,
    page: input.page,
    pageSize: input.pageSize,
    hasMore: input.page * input.pageSize < counted.total,
    collection,
  };
};
