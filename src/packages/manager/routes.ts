/** The manager workspace's pages. */
export const managerRoutes = {
  home: '/packages/manager/index/index',
  orders: '/packages/manager/orders/index',
  order: '/packages/manager/order/index',
  coupons: '/packages/manager/coupons/index',
  redemptions: '/packages/manager/redemptions/index',
  userTags: '/packages/manager/user-tags/index',
  campaigns: '/packages/manager/campaigns/index',
  campaignEdit: '/packages/manager/campaign-edit/index',
  campaign: '/packages/manager/campaign/index',
  flashSales: '/packages/manager/flash-sales/index',
  flashSaleEdit: '/packages/manager/flash-sale-edit/index',
  groupBuys: '/packages/manager/groupbuys/index',
  groupBuyEdit: '/packages/manager/groupbuy-edit/index',
} as const;

export const managerOrderUrl = (orderId: string): string => `${managerRoutes.order}?id=${encodeURIComponent(orderId)}`;

export const managerCampaignUrl = (campaignId: string): string => `${managerRoutes.campaign}?id=${encodeURIComponent(campaignId)}`;
export const managerCampaignEditUrl = (campaignId?: string): string =>
  campaignId ? `${managerRoutes.campaignEdit}?id=${encodeURIComponent(campaignId)}` : managerRoutes.campaignEdit;
