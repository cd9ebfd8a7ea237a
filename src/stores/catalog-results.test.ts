import Taro from '@tarojs/taro';
import { createResultsStore } from './catalog-results';

type Handler = (data: Record<string, unknown>) => unknown;
const request = Taro.request as unknown as jest.Mock;

/** Answers catalog.search the way the gateway does: `{ result: <reply> }`. */
function serve(handler: Handler) {
  request.mockImplementation(async ({ data }: { data: Record<string, unknown> }) => ({ statusCode: 200, data: { result: await handler(data) } }));
}

const card = (id: string) => ({ id, title: id, subtitle: '', cover: '', price: 100, listPrice: 100, styleTags: [], sales: 0, launchAt: '', badge: null });

beforeEach(() => request.mockReset());

describe('results store', () => {
  it('loads page one for the filters, then appends further pages while there are more', async () => {
    serve((data) => ({ ok: true, data: { items: [card(`p${data.page}`)], total: 2, page: data.page, pageSize: 20, hasMore: data.page === 1, collection: null } }));
    const store = createResultsStore();
    await store.getState().setFilters({ categoryId: 'c-tops', sort: 'newest' });
    expect(request.mock.calls[0][0].data).toMatchObject({ action: 'search', categoryId: 'c-tops', sort: 'newest', page: 1 });
    expect(store.getState()).toMatchObject({ status: 'ready', total: 2, hasMore: true });
    await store.getState().loadMore();
    expect(store.getState().items.map((p) => p.id)).toEqual(['p1', 'p2']);
    await store.getState().loadMore();
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('drops a filter set to undefined, or everything with replace', async () => {
    serve(() => ({ ok: true, data: { items: [], total: 0, page: 1, pageSize: 20, hasMore: false, collection: null } }));
    const store = createResultsStore({ tag: '复古', sort: 'sales' });
    await store.getState().setFilters({ tag: undefined, priceMax: 9999 });
    expect(store.getState().filters).toEqual({ sort: 'sales', priceMax: 9999 });
    await store.getState().setFilters({ keyword: '衬衫' }, true);
    expect(store.getState().filters).toEqual({ keyword: '衬衫' });
  });

  it('keeps the newest filters when an older answer arrives late', async () => {
    const pending: ((value: unknown) => void)[] = [];
    request.mockImplementation(({ data }: { data: Record<string, unknown> }) =>
      new Promise((resolve) => pending.push(() => resolve({ statusCode: 200, data: { result: { ok: true, data: { items: [card(String(data.keyword))], total: 1, page: 1, pageSize: 20, hasMore: false, collection: null } } } }))),
    );
    const store = createResultsStore();
    const slow = store.getState().setFilters({ keyword: '旧' });
    const fast = store.getState().setFilters({ keyword: '新' });
    pending[1](undefined);
    await fast;
    pending[0](undefined);
    await slow;
    expect(store.getState().items.map((p) => p.id)).toEqual(['新']);
  });

  it('shows the error message of a failed search', async () => {
    serve(() => ({ ok: false, code: 'INVALID_INPUT', message: '最低价不能高于最高价' }));
    const store = createResultsStore();
    await store.getState().setFilters({ priceMin: 2, priceMax: 1 });
    expect(store.getState()).toMatchObject({ status: 'error', error: '最低价不能高于最高价', items: [] });
  });
});
