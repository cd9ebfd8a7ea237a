/**
 * The search input and how it becomes a query: validated (unknown keys dropped), the keyword made
 * literal, the price band on the product's lowest SKU price.
 */
import { parse, v, ValidationError } from '../../../src/domain/validate';

export const SORTS = ['sales', 'newest', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof SORTS)[number];

/** What the filter chips offer; the search takes any fen bounds. */
export const PRICE_BANDS = [
  { key: 'under-100', label: '¥100以下', priceMin: null, priceMax: 9999 },
  { key: '100-200', label: '¥100-199', priceMin: 10000, priceMax: 19999 },
  { key: '200-400', label: '¥200-399', priceMin: 20000, priceMax: 39999 },
  { key: '400-up', label: '¥400以上', priceMin: 40000, priceMax: null },
] as const;

export const MAX_PAGE_SIZE = 40;

const schema = v.object({
  keyword: v.optional(v.string({ max: 30, label: '搜索词' })),
  categoryId: v.optional(v.string({ min: 1, max: 64, label: '分类' })),
  tag: v.optional(v.string({ min: 1, max: 20, label: '风格标签' })),
  collectionId: v.optional(v.string({ min: 1, max: 64, label: '穿搭合集' })),
  priceMin: v.optional(v.int({ min: 0, max: 100_000_000, label: '最低价' })),
  priceMax: v.optional(v.int({ min: 0, max: 100_000_000, label: '最高价' })),
  sort: v.optional(v.oneOf(SORTS, { label: '排序方式' })),
  page: v.optional(v.int({ min: 1, max: 500, label: '页码' })),
  pageSize: v.optional(v.int({ min: 1, max: MAX_PAGE_SIZE, label: '每页数量' })),
});

export interface SearchInput {
  keyword: string;
  categoryId?: string;
  tag?: string;
  collectionId?: string;
  priceMin?: number;
  priceMax?: number;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export function parseSearch(input: unknown): SearchInput {
  const raw = parse(schema, input);
  if (raw.priceMin !== undefined && raw.priceMax !== undefined && raw.priceMin > raw.priceMax) {
    throw new ValidationError('最低价', '不能高于最高价');
  }
  return {
    keyword: (raw.keyword ?? '').toLowerCase(),
    categoryId: raw.categoryId,
    tag: raw.tag,
    collectionId: raw.collectionId,
    priceMin: raw.priceMin,
    priceMax: raw.priceMax,
    sort: raw.sort ?? 'sales',
    page: raw.page ?? 1,
    pageSize: raw.pageSize ?? 20,
  };
}

/** Field and direction per sort; `_id` breaks ties so pages never overlap or skip. */
export const SORT_ORDER: Record<SearchSort, [string, 'asc' | 'desc']> = {
  sales: ['sales', 'desc'],
  newest: ['launchAt', 'desc'],
  price_asc: ['price', 'asc'],
  price_desc: ['price', 'desc'],
};
