/**
 * Links into the product area, so pages never spell its paths by hand.
 */
import { areas } from '@/packages/routes';

export const productSearchPage = '/packages/product/search/index';

export function productUrl(id: string): string {
  return `${areas.product}?id=${encodeURIComponent(id)}`;
}

export interface SearchLink {
  keyword?: string;
  tag?: string;
  categoryId?: string;
  collectionId?: string;
  sort?: 'sales' | 'newest' | 'price_asc' | 'price_desc';
  /** shown as the page heading instead of the search bar's text */
  title?: string;
}

export function searchUrl(link: SearchLink = {}): string {
  const query = Object.entries(link)
    .filter(([, value]) => typeof value === 'string' && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value as string)}`)
    .join('&');
  return query ? `${productSearchPage}?${query}` : productSearchPage;
}
