/** The manager workspace's pages. */
export const managerRoutes = {
  home: '/packages/manager/index/index',
  orders: '/packages/manager/orders/index',
  order: '/packages/manager/order/index',
  coupons: '/packages/manager/coupons/index',
  redemptions: '/packages/manager/redemptions/index',
  userTags: '/packages/manager/user-tags/index',
} as const;

export const managerOrderUrl = (orderId: string): string => `${managerRoutes.order}?id=${encodeURIComponent(orderId)}`;
