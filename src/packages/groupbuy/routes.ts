/** The group-buy area's pages. Links into it go through these. */
export const groupbuyRoutes = {
  list: '/packages/groupbuy/index/index',
  activity: '/packages/groupbuy/activity/index',
  group: '/packages/groupbuy/group/index',
  mine: '/packages/groupbuy/mine/index',
} as const;

export const activityUrl = (activityId: string, skuId?: string): string =>
  `${groupbuyRoutes.activity}?id=${encodeURIComponent(activityId)}${skuId ? `&skuId=${encodeURIComponent(skuId)}` : ''}`;

export const groupUrl = (groupId: string): string => `${groupbuyRoutes.group}?id=${encodeURIComponent(groupId)}`;
