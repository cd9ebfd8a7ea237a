import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { Reply } from '@/domain/reply';

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

export interface PagedList<T> {
  /** null until the first page arrives (or while a new `key` loads). */
  items: T[] | null;
  hasMore: boolean;
  /** The last failure's Chinese message, cleared by the next success. */
  error: string | null;
  /** Loads page 1 again, replacing what is shown. */
  reload: () => Promise<void>;
}

/**
 * A page's paged list: the first page when `key` changes (a tab, a filter), the next one when the
 * shopper reaches the bottom, page 1 again on pull-down and when the page is shown again (a detail
 * page may have changed a row). Only the newest request's answer is applied, so a slow page for
 * an old tab never lands on the new one.
 */
export function usePagedList<T>(key: string, fetchPage: (key: string, page: number) => Promise<Reply<Page<T>>>): PagedList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyRef = useRef(key);
  keyRef.current = key;

  const load = async (nextPage: number) => {
    const mine = ++seq.current;
    const reply = await fetchRef.current(keyRef.current, nextPage);
    if (mine !== seq.current) return;
    void Taro.stopPullDownRefresh();
    if (!reply.ok) {
      setError(reply.message);
      void Taro.showToast({ title: reply.message, icon: 'none' });
      return;
    }
    setError(null);
    setPage(nextPage);
    setHasMore(reply.data.hasMore);
    setItems((prev) => (nextPage === 1 ? reply.data.items : [...(prev ?? []), ...reply.data.items]));
  };

  useEffect(() => {
    setItems(null);
    void load(1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void load(1);
    shown.current = true;
  });
  usePullDownRefresh(() => void load(1));
  useReachBottom(() => {
    if (hasMore) void load(page + 1);
  });

  return { items, hasMore, error, reload: () => load(1) };
}
