/** The order area's pages. Links into it go through these. */
export const orderRoutes = {
  checkout: '/packages/order/checkout/index',
  address: '/packages/order/address/index',
  addressEdit: '/packages/order/address-edit/index',
  result: '/packages/order/result/index',
  list: '/packages/order/list/index',
  detail: '/packages/order/detail/index',
  refund: '/packages/order/refund/index',
} as const;

export const checkoutUrl = (items: { skuId: string; quantity: number }[], fromCart = false): string =>
  `${orderRoutes.checkout}?items=${encodeURIComponent(JSON.stringify(items))}${fromCart ? '&from=cart' : ''}`;

export const detailUrl = (orderId: string): string => `${orderRoutes.detail}?id=${encodeURIComponent(orderId)}`;
