/**
 * Recent searches, newest first, kept on the phone (not on the server: they are a typing aid, not
 * behaviour data). Each entry appears once; the list stays short.
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';

const STORAGE_KEY = 'weave.search.history';
export const SEARCH_HISTORY_MAX = 10;

function load(): string[] {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY);
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string').slice(0, SEARCH_HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

function save(history: string[]): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, history);
  } catch {
    // A full or unavailable storage only loses the history, never the search.
  }
}

export interface SearchHistoryState {
  history: string[];
  remember(keyword: string): void;
  clear(): void;
}

export const useSearchHistory = create<SearchHistoryState>((set, get) => ({
  history: load(),
  remember(keyword) {
    const word = keyword.trim();
    if (!word) return;
    const history = [word, ...get().history.filter((k) => k !== word)].slice(0, SEARCH_HISTORY_MAX);
    save(history);
    set({ history });
  },
  clear() {
    save([]);
    set({ history: [] });
  },
}));
