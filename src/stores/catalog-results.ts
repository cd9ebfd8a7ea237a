/**
 * A paged product list behind filters: the category tab and the search page each make their own
 * with `createResultsStore()`. Changing a filter starts again from page one; `loadMore` appends the
 * next page. A reply that arrives after the filters changed again is dropped, so a slow answer
 * never overwrites the newer one.
 */
import { create } from 'zustand';
import { searchProducts, type ProductCard, type SearchInput, type SearchResult } from '@/services/catalog';

export type ResultsStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ResultsState {
  filters: SearchInput;
  items: ProductCard[];
  total: number;
  page: number;
  hasMore: boolean;
  status: ResultsStatus;
  /** loading a further page (the list stays on screen) */
  loadingMore: boolean;
  error: string | null;
  collection: SearchResult['collection'];
  /** replaces the filters (a key set to undefined is removed) and loads page one */
  setFilters(patch: Partial<SearchInput>, replace?: boolean): Promise<void>;
  loadMore(): Promise<void>;
  reload(): Promise<void>;
}

export const RESULTS_PAGE_SIZE = 20;

export function createResultsStore(initial: SearchInput = {}) {
  let generation = 0;
  return create<ResultsState>((set, get) => {
    async function fetchPage(page: number): Promise<void> {
      const ticket = ++generation;
      const first = page === 1;
      set(first ? { status: 'loading', error: null } : { loadingMore: true });
      const reply = await searchProducts({ ...get().filters, page, pageSize: RESULTS_PAGE_SIZE });
      if (ticket !== generation) return;
      if (!reply.ok) {
        set(first ? { status: 'error', error: reply.message, items: [], total: 0, hasMore: false } : { loadingMore: false, error: reply.message });
        return;
      }
      const { items, total, hasMore, collection } = reply.data;
      set({ items: first ? items : [...get().items, ...items], total, page, hasMore, collection, status: 'ready', loadingMore: false, error: null });
    }

    return {
      filters: initial,
      items: [],
      total: 0,
      page: 0,
      hasMore: false,
      status: 'idle',
      loadingMore: false,
      error: null,
      collection: null,
      async setFilters(patch, replace = false) {
        const merged: SearchInput = { ...(replace ? {} : get().filters), ...patch };
        const filters = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== '')) as SearchInput;
        set({ filters });
        await fetchPage(1);
      },
      async loadMore() {
        const { hasMore, loadingMore, status, page } = get();
        if (!hasMore || loadingMore || status !== 'ready') return;
        await fetchPage(page + 1);
      },
      async reload() {
        await fetchPage(1);
      },
    };
  });
}

export type ResultsStore = ReturnType<typeof createResultsStore>;
