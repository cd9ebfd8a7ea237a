/**
 * The shop window: typed calls to the `catalog` cloud function (docs/api.md, "catalog"). Every
 * amount is integer fen; every instant from the server is epoch ms or an ISO string as named.
 */
import type { Fen } from '@/domain/money';
import { fail, type Reply } from '@/domain/reply';
import type { TierId } from '@/domain/tiers';
import { callFunction } from './cloud';
import { requestSubscribe } from './subscribe';

export interface ProductCard {
  id: string;
  title: string;
  subtitle: string;
  cover: string;
  price: Fen;
  listPrice: Fen;
  styleTags: string[];
  sales: number;
  launchAt: string;
  /** 即将开售 / 新品, or null */
  badge: string | null;
}

export type BannerLink =
  | { type: 'collection'; id: string }
  | { type: 'product'; id: string }
  | { type: 'flash_sale'; id: string }
  | { type: 'groupbuy'; id: string }
  | { type: 'page'; path: string };

export interface FlashStrip {
  id: string;
  title: string;
  status: 'upcoming' | 'active';
  text: string;
  /** epoch ms the countdown runs to: the end while active, this viewer's opening while upcoming */
  countdownTo: number;
  early: boolean;
  items: { productId: string; title: string; cover: string; salePrice: Fen; normalPrice: Fen; stockLeft: number; soldOut: boolean }[];
}

export interface HomeFeed {
  /** the server's clock, epoch ms: countdowns correct the phone's clock with it */
  now: number;
  tier: TierId;
  banners: { id: string; title: string; subtitle: string; image: string; link: BannerLink }[];
  collections: { id: string; title: string; subtitle: string; cover: string; styleTags: string[]; productCount: number; offerEndsAt: string | null }[];
  newArrivals: ProductCard[];
  flashSales: FlashStrip[];
  groupBuys: { id: string; title: string; productId: string; productTitle: string; cover: string; groupSize: number; groupPrice: Fen; normalPrice: Fen; endsAt: number }[];
  forYou: { basis: 'interests' | 'popular'; interests: string[]; products: ProductCard[] };
}

export interface PriceBand {
  key: string;
  label: string;
  priceMin: Fen | null;
  priceMax: Fen | null;
}

export interface CategoryList {
  categories: { id: string; name: string; icon: string; count: number }[];
  total: number;
  styleTags: { tag: string; count: number }[];
  priceBands: PriceBand[];
}

export type SearchSort = 'sales' | 'newest' | 'price_asc' | 'price_desc';

export interface SearchInput {
  keyword?: string;
  categoryId?: string;
  tag?: string;
  collectionId?: string;
  priceMin?: Fen;
  priceMax?: Fen;
  sort?: SearchSort;
  page?: number;
  pageSize?: number;
}

export interface SearchResult {
  items: ProductCard[];
  total: number;
  page: number;
  pageSize: number;
  hasMore: boolean;
  collection: { id: string; title: string; subtitle: string; description: string; cover: string } | null;
}

export interface SkuCell {
  skuId: string;
  colorKey: string;
  size: string;
  specText: string;
  price: Fen;
  listPrice: Fen;
  stock: number;
  soldOut: boolean;
  image: string;
}

export interface SkuMatrix {
  colors: { key: string; name: string; hex: string; image: string; soldOut: boolean }[];
  sizes: { size: string; soldOut: boolean }[];
  /** cells[colorIndex][sizeIndex]; null where the combination is not made */
  cells: (SkuCell | null)[][];
  totalStock: number;
}

export interface SizeGuide {
  unit: 'cm';
  columns: string[];
  rows: string[][];
  tips: string;
}

export interface ProductPage {
  now: number;
  tier: TierId;
  product: {
    id: string;
    categoryId: string;
    categoryName: string;
    title: string;
    subtitle: string;
    description: string;
    material: string;
    care: string;
    styleTags: string[];
    images: string[];
    cover: string;
    price: Fen;
    listPrice: Fen;
    maxPrice: Fen;
    sales: number;
    launchAt: string;
  };
  skus: SkuMatrix;
  lowStockThreshold: number;
  sizeGuide: SizeGuide | null;
  memberPrice: {
    tierId: TierId;
    tierName: string;
    discountText: string | null;
    price: Fen;
    next: { tierId: TierId; tierName: string; discountText: string; price: Fen } | null;
  };
  purchase: { canBuy: boolean; opensAt: string; early: boolean; text: string | null };
  coupons: { id: string; title: string; text: string; scopeText: string; channelText: string; threshold: Fen }[];
  flashSale: {
    id: string;
    title: string;
    status: 'upcoming' | 'active' | 'ended';
    text: string;
    early: boolean;
    countdownTo: number;
    startsAt: number;
    endsAt: number;
    minSalePrice: Fen;
    items: { skuId: string; salePrice: Fen; normalPrice: Fen; stockLeft: number; perUserLimit: number }[];
  } | null;
  groupBuy: {
    id: string;
    title: string;
    groupSize: number;
    timeLimitMinutes: number;
    perUserLimit: number;
    endsAt: number;
    minGroupPrice: Fen;
    skus: { skuId: string; groupPrice: Fen; normalPrice: Fen }[];
  } | null;
  restock: { templateId: string | null; subscribedSkuIds: string[] };
}

export function fetchHome(): Promise<Reply<HomeFeed>> {
  return callFunction<HomeFeed>('catalog', { action: 'home' });
}

export function fetchCategories(): Promise<Reply<CategoryList>> {
  return callFunction<CategoryList>('catalog', { action: 'categories' });
}

export function searchProducts(input: SearchInput): Promise<Reply<SearchResult>> {
  return callFunction<SearchResult>('catalog', { action: 'search', ...input });
}

export function fetchProduct(id: string): Promise<Reply<ProductPage>> {
  return callFunction<ProductPage>('catalog', { action: 'product', id });
}

/** WeChat's consent for one restock message (services/subscribe.ts). */
async function askRestockConsent(templateId: string): Promise<boolean> {
  return (await requestSubscribe([templateId])).includes(templateId);
}

/** 到货提醒: WeChat's consent first (one consent = one message), then the alert itself. */
export async function subscribeRestock(skuId: string, templateId: string): Promise<Reply<{ skuId: string; status: 'waiting'; created: boolean }>> {
  const accepted = await askRestockConsent(templateId);
  if (!accepted) return fail('SUBSCRIBE_DECLINED', '需要允许消息通知，才能在到货时提醒你');
  return callFunction('catalog', { action: 'subscribeRestock', skuId, templateId });
}
