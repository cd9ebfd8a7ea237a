/**
 * Where every area lives. Pages link through these, never through hand-written paths, so moving a
 * page is one edit. Tabs use `switchTab`, everything else `navigateTo`.
 */
export const tabs = {
  home: '/pages/home/index',
  category: '/pages/category/index',
  cart: '/pages/cart/index',
  me: '/pages/me/index',
} as const;

export const areas = {
  product: '/packages/product/index/index',
  order: '/packages/order/index/index',
  member: '/packages/member/index/index',
  store: '/packages/store/index/index',
  groupbuy: '/packages/groupbuy/index/index',
  invite: '/packages/invite/index/index',
  staff: '/packages/staff/index/index',
  manager: '/packages/manager/index/index',
} as const;

export type Area = keyof typeof areas;
