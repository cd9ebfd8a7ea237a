import { act, renderHook, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { fail, ok, type Reply } from '@/domain/reply';
import { pageEvents } from '../../../tests/support/taro-stub';
import { usePagedList, type Page } from './use-paged-list';

type Fetch = (key: string, page: number) => Promise<Reply<Page<string>>>;

const pageOf = (key: string, page: number, hasMore: boolean) => ok({ items: [`${key}-${page}a`, `${key}-${page}b`], hasMore });

beforeEach(() => jest.clearAllMocks());

describe('usePagedList', () => {
  it('loads page 1, appends the next page at the bottom and stops when there is no more', async () => {
    const fetchPage = jest.fn<ReturnType<Fetch>, Parameters<Fetch>>(async (key, page) => pageOf(key, page, page < 2));
    const { result } = renderHook(() => usePagedList('all', fetchPage));
    await waitFor(() => expect(result.current.items).toEqual(['all-1a', 'all-1b']));
    expect(result.current.hasMore).toBe(true);

    await act(async () => pageEvents.reachBottom?.());
    await waitFor(() => expect(result.current.items).toEqual(['all-1a', 'all-1b', 'all-2a', 'all-2b']));
    expect(result.current.hasMore).toBe(false);

    await act(async () => pageEvents.reachBottom?.());
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('pull-down replaces the list with page 1 and ends the refresh animation', async () => {
    let round = 0;
    const { result } = renderHook(() => usePagedList('all', async (key, page) => ok({ items: [`${key}-${page}-r${round}`], hasMore: false })));
    await waitFor(() => expect(result.current.items).toEqual(['all-1-r0']));
    round = 1;
    await act(async () => pageEvents.pullDownRefresh?.());
    await waitFor(() => expect(result.current.items).toEqual(['all-1-r1']));
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('shows only the newest key when an older request answers late', async () => {
    const pending: Record<string, (r: Reply<Page<string>>) => void> = {};
    const fetchPage: Fetch = (key) => new Promise((resolve) => void (pending[key] = resolve));
    const { result, rerender } = renderHook(({ tab }) => usePagedList(tab, fetchPage), { initialProps: { tab: 'paid' } });
    rerender({ tab: 'shipped' });
    await act(async () => pending.shipped(pageOf('shipped', 1, false)));
    await act(async () => pending.paid(pageOf('paid', 1, false)));
    expect(result.current.items).toEqual(['shipped-1a', 'shipped-1b']);
  });

  it('keeps the failure message for the page to show and clears it on a successful retry', async () => {
    let failing = true;
    const { result } = renderHook(() => usePagedList('all', async (key, page) => (failing ? fail('NETWORK', '网络不太好，请稍后再试') : pageOf(key, page, false))));
    await waitFor(() => expect(result.current.error).toBe('网络不太好，请稍后再试'));
    expect(result.current.items).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络不太好，请稍后再试', icon: 'none' });
    failing = false;
    await act(() => result.current.reload());
    expect(result.current.error).toBeNull();
    expect(result.current.items).toEqual(['all-1a', 'all-1b']);
  });
});
