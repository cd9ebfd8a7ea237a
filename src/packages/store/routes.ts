/** The store area's pages. */
export const storeRoutes = {
  home: '/packages/store/index/index',
  detail: '/packages/store/detail/index',
  coupons: '/packages/store/coupons/index',
  mine: '/packages/store/mine/index',
  qr: '/packages/store/qr/index',
} as const;

export const storeDetailUrl = (id: string) => `${storeRoutes.detail}?id=${encodeURIComponent(id)}`;
export const couponCentreUrl = (storeId?: string) => (storeId ? `${storeRoutes.coupons}?storeId=${encodeURIComponent(storeId)}` : storeRoutes.coupons);
export const couponQrUrl = (userCouponId: string) => `${storeRoutes.qr}?id=${encodeURIComponent(userCouponId)}`;
