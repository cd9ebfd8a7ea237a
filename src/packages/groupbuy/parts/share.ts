/**
 * Inviting friends to a group. On weapp the share button (open-type="share") hands WeChat the
 * page's useShareAppMessage card; the H5 build has no share sheet, so it copies a link instead.
 */
import Taro from '@tarojs/taro';

/** The H5 address of a route inside this app (hash router); the bare route elsewhere. */
export function shareLink(route: string): string {
  const where = (globalThis as { location?: { origin: string; pathname: string } }).location;
  return where ? `${where.origin}${where.pathname}#${route}` : route;
}

export async function copyShareLink(title: string, route: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: `${title} ${shareLink(route)}` });
    void Taro.showToast({ title: '链接已复制，发给好友吧', icon: 'none' });
  } catch {
    void Taro.showToast({ title: '复制失败，请稍后再试', icon: 'none' });
  }
}
