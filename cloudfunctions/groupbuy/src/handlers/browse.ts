import { activityStatus } from '../../../../src/domain/groupbuy/activity';
import { parse, v } from '../../../../src/domain/validate';
import type { GroupbuyActivityDoc } from '../../../../scripts/seed/types';
import type { Handler } from '../../../_shared/router';
import { activityView, countForming, formingGroups, groupCards, loadActivity, productOf } from '../lib/catalog';

const STATUS_ORDER = { active: 0, upcoming: 1, ended: 2 } as const;
const MAX_ACTIVITIES = 50;
const PRODUCT_PAGE_GROUPS = 10;

/** Every activity operations have not withdrawn: running first, then coming, then over. */
export const activities: Handler = async (_event, ctx) => {
  const now = ctx.now().getTime();
  const { data } = await ctx.db
    .collection<GroupbuyActivityDoc>('groupbuy_activities')
    .where({ status: 'active' })
    .orderBy('endsAt', 'desc')
    .limit(MAX_ACTIVITIES)
    .get();
  const items = await Promise.all(
    data.map(async (a) => {
      const [product, openGroups] = await Promise.all([productOf(ctx, a.productId), countForming(ctx, a._id)]);
      const cheapest = [...a.skus].sort((x, y) => x.groupPrice - y.groupPrice)[0];
      return {
        activityId: a._id,
        productId: a.productId,
        title: a.title,
        image: product?.cover ?? '',
        size: a.groupSize,
        groupPrice: cheapest?.groupPrice ?? 0,
        listPrice: cheapest?.normalPrice ?? 0,
        startAt: a.startsAt,
        endAt: a.endsAt,
        status: activityStatus(a, now),
        openGroups,
      };
    }),
  );
  items.sort((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || x.endAt - y.endAt);
  return { items, now };
};

export const activity: Handler = async (event, ctx) => {
  const { activityId } = parse(v.object({ activityId: v.string({ min: 1, max: 64, label: '活动编号' }) }), event);
  const a = await loadActivity(ctx, activityId);
  const [view, groups] = await Promise.all([activityView(ctx, a), formingGroups(ctx, a._id, PRODUCT_PAGE_GROUPS)]);
  return { activity: view, openGroups: await groupCards(ctx, groups), now: ctx.now().getTime() };
};

/** The product page's group-buy block: the product's running (or next) activity and groups to join. */
export const forProduct: Handler = async (event, ctx) => {
  const { productId } = parse(v.object({ productId: v.string({ min: 1, max: 64, label: '商品编号' }) }), event);
  const now = ctx.now().getTime();
  const { data } = await ctx.db
    .collection<GroupbuyActivityDoc>('groupbuy_activities')
    .where({ productId, endsAt: ctx._.gt(now) })
    .orderBy('endsAt', 'asc')
    .limit(10)
    .get();
  const live = data.filter((a) => a.status === 'active').sort((x, y) => STATUS_ORDER[activityStatus(x, now)] - STATUS_ORDER[activityStatus(y, now)] || x.startsAt - y.startsAt)[0];
  const a = live ?? null;
  if (!a) return { activity: null, openGroups: [], now };
  const [view, groups] = await Promise.all([activityView(ctx, a), formingGroups(ctx, a._id, PRODUCT_PAGE_GROUPS)]);
  return { activity: view, openGroups: await groupCards(ctx, groups), now };
};
