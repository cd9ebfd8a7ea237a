/**
 * Who the H5 build acts as against the local CloudBase. In the mini-program WeChat itself says who
 * the user is; locally the gateway takes the caller from the X-WX-OPENID header, and the identity
 * switcher (consumer, staff, manager) writes it here.
 */
import Taro from '@tarojs/taro';

const STORAGE_KEY = 'weave.dev.openid';
/** The seeded demo shopper (scripts/seed), so a first visit shows a lived-in account. */
export const DEFAULT_DEV_OPENID = 'o_demo_lin';

export function getDevOpenid(): string {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY);
    return typeof stored === 'string' && stored ? stored : DEFAULT_DEV_OPENID;
  } catch {
    return DEFAULT_DEV_OPENID;
  }
}

export function setDevOpenid(openid: string): void {
  Taro.setStorageSync(STORAGE_KEY, openid);
}

export interface DevIdentity {
  openid: string;
  role: 'consumer' | 'staff' | 'manager';
  label: string;
}

declare const LOCAL_API_BASE: string;

/** The people a developer can act as, listed by the local CloudBase from its data. */
export async function listDevIdentities(): Promise<DevIdentity[]> {
  const base = typeof LOCAL_API_BASE !== 'undefined' ? LOCAL_API_BASE : '';
  try {
    const res = await Taro.request<{ identities?: DevIdentity[] }>({ url: `${base}/api/_emulator/identities`, method: 'GET', dataType: 'json' });
    return res.statusCode === 200 ? res.data?.identities ?? [] : [];
  } catch {
    return [];
  }
}
