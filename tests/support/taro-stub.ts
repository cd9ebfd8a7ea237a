/**
 * @tarojs/taro for jsdom tests. Navigation and UI feedback are jest mocks, so a test can assert
 * where a tap leads (`expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ... })`); lifecycle
 * hooks run their callback once on mount, the way a page sees its first show. Storage is in memory.
 * Reset between tests with `jest.clearAllMocks()` (and `resetTaroStorage()` when storage matters).
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

export function resetTaroStorage(): void {
  storage.clear();
}

const ok = () => Promise.resolve({ errMsg: 'ok' });

const Taro = {
  navigateTo: jest.fn(ok),
  redirectTo: jest.fn(ok),
  switchTab: jest.fn(ok),
  reLaunch: jest.fn(ok),
  navigateBack: jest.fn(ok),
  showToast: jest.fn(ok),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  showLoading: jest.fn(ok),
  hideLoading: jest.fn(ok),
  stopPullDownRefresh: jest.fn(ok),
  request: jest.fn(() => Promise.reject(new Error('Taro.request is not stubbed in this test'))),
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools' }),
  pxTransform: (px: number) => `${px}px`,
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  cloud: { init: jest.fn(), callFunction: jest.fn() },
};

function useOnMount(callback: () => void) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), []);
}

export const useLaunch = useOnMount;
export const useLoad = (callback: (params: Record<string, string>) => void) => useOnMount(() => callback({}));
export const useDidShow = useOnMount;
export const useReady = useOnMount;
export const useDidHide = () => undefined;
/** The latest pull-down / reach-bottom handlers a page registered, so a test can fire them. */
export const pageEvents: { pullDownRefresh?: () => void; reachBottom?: () => void } = {};
export const usePullDownRefresh = (callback: () => void) => void (pageEvents.pullDownRefresh = callback);
export const useReachBottom = (callback: () => void) => void (pageEvents.reachBottom = callback);
export const useShareAppMessage = () => undefined;
export const useRouter = () => ({ params: {}, path: '' });
export const getCurrentInstance = () => ({ router: { params: {}, path: '' } });

export const {
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  showToast,
  showModal,
  request,
  getStorageSync,
  setStorageSync,
} = Taro;

export default Taro;
