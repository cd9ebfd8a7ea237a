/** Activities, their SKUs and forming groups as pages show them (docs/api.md "groupbuy"). */
import { activityStatus, type ActivityStatus } from '../../../../src/domain/groupbuy/activity';
import { GROUPBUY_GROUP_COLLECTION, groupFromDoc, placesLeft, type Group } from '../../../../src/domain/groupbuy/group-state';
import { GROUPBUY_STOCK_COLLECTION, groupBuyStockId } from '../../../../src/domain/groupbuy/reservation';
import { AppError } from '../../../../src/domain/reply';
import type { GroupbuyActivityDoc, GroupbuyGroupDoc, GroupbuyStockDoc, ProductDoc, SkuDoc } from '../../../../scripts/seed/types';
import type { HandlerContext } from '../../../_shared/router';

type Ctx = Pick<HandlerContext, 'db' | '_' | 'now'>;

export interface ActivityView {
  activityId: string;
  productId: string;
  title: string;
  image: string;
  size: number;
  timeLimitMinutes: number;
  perUserLimit: number;
  startAt: number;
  endAt: number;
  status: ActivityStatus;
  skus: { skuId: string; specText: string; groupPrice: number; listPrice: number; stockLeft: number }[];
}

export interface GroupCard {
  groupId: string;
  leader: { nickname: string; avatar: string };
  paidCount: number;
  size: number;
  placesLeft: number;
  deadline: number;
}

export async function findActivity(ctx: Pick<HandlerContext, 'db'>, activityId: string): Promise<GroupbuyActivityDoc | null> {
  const { data } = await ctx.db.collection<GroupbuyActivityDoc>('groupbuy_activities').where({ _id: activityId }).limit(1).get();
  return data[0] && data[0].status === 'active' ? data[0] : null;
}

export async function loadActivity(ctx: Pick<HandlerContext, 'db'>, activityId: string): Promise<GroupbuyActivityDoc> {
  const activity = await findActivity(ctx, activityId);
  if (!activity) throw new AppError('NOT_FOUND', '拼团活动不存在或已下线');
  return activity;
}

export async function productOf(ctx: Ctx, productId: string): Promise<ProductDoc | null> {
  const { data } = await ctx.db.collection<ProductDoc>('products').where({ _id: productId }).limit(1).get();
  return data[0] ?? null;
}

export async function activityView(ctx: Ctx, a: GroupbuyActivityDoc): Promise<ActivityView> {
  const skuIds = a.skus.map((s) => s.skuId);
  const [product, skus, stock] = await Promise.all([
    productOf(ctx, a.productId),
    ctx.db.collection<SkuDoc>('skus').where({ _id: ctx._.in(skuIds) }).limit(skuIds.length).get(),
    ctx.db
      .collection<GroupbuyStockDoc>(GROUPBUY_STOCK_COLLECTION)
      .where({ _id: ctx._.in(skuIds.map((id) => groupBuyStockId(a._id, id))) })
      .limit(skuIds.length)
      .get(),
  ]);
  const skuById = new Map(skus.data.map((s) => [s._id, s]));
  const stockById = new Map(stock.data.map((s) => [s._id, s.stock]));
  return {
    activityId: a._id,
    productId: a.productId,
    title: a.title,
    image: product?.cover ?? '',
    size: a.groupSize,
    timeLimitMinutes: a.timeLimitMinutes,
    perUserLimit: a.perUserLimit,
    startAt: a.startsAt,
    endAt: a.endsAt,
    status: activityStatus(a, ctx.now().getTime()),
    skus: a.skus.map((s) => ({
      skuId: s.skuId,
      specText: skuById.get(s.skuId)?.specText ?? '',
      groupPrice: s.groupPrice,
      listPrice: s.normalPrice,
      stockLeft: Math.max(0, stockById.get(groupBuyStockId(a._id, s.skuId)) ?? 0),
    })),
  };
}

/** Nicknames and avatars for openids (the group page and cards); unknown people get a placeholder. */
export async function people(ctx: Ctx, openids: readonly string[]): Promise<Map<string, { nickname: string; avatar: string }>> {
  const ids = [...new Set(openids)];
  if (ids.length === 0) return new Map();
  const { data } = await ctx.db
    .collection<{ _id: string; nickName?: string; avatarUrl?: string }>('users')
    .where({ _id: ctx._.in(ids) })
    .limit(ids.length)
    .get();
  const found = new Map(data.map((u) => [u._id, { nickname: u.nickName || '微信用户', avatar: u.avatarUrl || '' }]));
  return new Map(ids.map((id) => [id, found.get(id) ?? { nickname: '微信用户', avatar: '' }]));
}

/** Forming groups still taking payments, soonest deadline first: the ones worth joining. */
export async function formingGroups(ctx: Ctx, activityId: string, limit: number): Promise<Group[]> {
  const { data } = await ctx.db
    .collection<GroupbuyGroupDoc>(GROUPBUY_GROUP_COLLECTION)
    .where({ activityId, status: 'forming', deadline: ctx._.gt(ctx.now().getTime()) })
    .orderBy('deadline', 'asc')
    .limit(limit)
    .get();
  return data.map(groupFromDoc);
}

export async function groupCards(ctx: Ctx, groups: readonly Group[]): Promise<GroupCard[]> {
  const who = await people(
    ctx,
    groups.map((g) => g.leaderOpenid),
  );
  return groups.map((g) => ({
    groupId: g.id,
    leader: who.get(g.leaderOpenid)!,
    paidCount: g.paidCount,
    size: g.size,
    placesLeft: placesLeft(g),
    deadline: g.deadline,
  }));
}

export async function countForming(ctx: Ctx, activityId: string): Promise<number> {
  const { total } = await ctx.db
    .collection(GROUPBUY_GROUP_COLLECTION)
    .where({ activityId, status: 'forming', deadline: ctx._.gt(ctx.now().getTime()) })
    .count();
  return total;
}
