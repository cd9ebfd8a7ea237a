/** The group-buy area's pages. Links into it go through these. */
export const groupbuyRoutes = {
  list: '/packages/groupbuy/index/index',
  activity: '/packages/groupbuy/activity/index',
  group: '/packages/groupbuy/group/index',
  mine: '/packages/groupbuy/mine/index',
} as const;

export const activityUrl = (activityId: string, skuId?: string): string =>
  `${groupbuyRoutes.activity}?id=${encodeURIComponent(activityId)}${skuId ? `&skuId=${encodeURIComponent(skuId)}` : ''}`;

/** `justPaid`: the viewer arrives straight from paying, before the group may have counted the payment. */
export const groupUrl = (groupId: string, justPaid = false): string => `${groupbuyRoutes.group}?id=${encodeURIComponent(groupId)}${justPaid ? '&paid=1' : ''}`;
