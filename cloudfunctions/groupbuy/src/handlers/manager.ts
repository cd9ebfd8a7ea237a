/**
 * The manager workspace's 拼团活动: every activity with its figures, create one, end one now.
 * The role comes from the caller's OPENID (`_shared/roles`), never from the request. A saved
 * activity is written exactly as the seed writes one (the activity document, one `groupbuy_stock`
 * per SKU with `held: 0`), so `activities`, `activity`, `forProduct`, `open`, `join` and the sweep
 * read it like any other. Its stock is the activity's own allocation, as in the seed: group orders
 * take units from `groupbuy_stock`, never from the SKU, so nothing is carved out of the SKU.
 */
import { activityStatus, parseGroupBuyActivity, type ActivityStatus, type GroupBuyActivity } from '../../../../src/domain/groupbuy/activity';
import { ACTIVITY_OVERLAP, checkActivityConfig, findActivityConflict } from '../../../../src/domain/groupbuy/activity-config';
import { GROUPBUY_GROUP_COLLECTION } from '../../../../src/domain/groupbuy/group-state';
import { GROUPBUY_STOCK_COLLECTION, groupBuyStockId } from '../../../../src/domain/groupbuy/reservation';
import { formatOpensAt } from '../../../../src/domain/flash-sale/priority-window';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import type { GroupbuyActivityDoc, GroupbuyStockDoc, ProductDoc, SkuDoc } from '../../../../scripts/seed/types';
import { audit } from '../../../_shared/audit';
import { requireRole } from '../../../_shared/roles';
import { loadSellingSkus } from '../../../_shared/selling-skus';
import type { Handler, HandlerContext } from '../../../_shared/router';

export interface AdminActivitySku {
  skuId: string;
  title: string;
  specText: string;
  image: string;
  groupPrice: number;
  listPrice: number;
  /** Units the activity put up for this SKU. */
  stock: number;
  /** Units still takeable (`groupbuy_stock.stock`). */
  stockLeft: number;
  /** Units held by live group orders (being paid, paid or fulfilled): stock - stockLeft. */
  sold: number;
}

export interface AdminActivityView {
  activityId: string;
  productId: string;
  title: string;
  size: number;
  timeLimitMinutes: number;
  perUserLimit: number;
  startAt: number;
  endAt: number;
  /** By the server clock. */
  status: ActivityStatus;
  createdAt: number;
  /** When a manager ended it early (endActivity), else null. */
  endedAt: number | null;
  groups: { forming: number; succeeded: number; failed: number };
  skus: AdminActivitySku[];
}

type ActivityDoc = GroupbuyActivityDoc & { createdBy?: string; endedAt?: Date; endedBy?: string };

const MAX_LISTED = 100;
const time = (d: Date | string | number | undefined) => (d === undefined || d === null ? null : new Date(d).getTime());
const ACTIVITIES = 'groupbuy_activities';

async function groupCounts(ctx: HandlerContext, activityId: string, now: number): Promise<AdminActivityView['groups']> {
  const groups = ctx.db.collection(GROUPBUY_GROUP_COLLECTION);
  const [forming, succeeded, failed] = await Promise.all([
    groups.where({ activityId, status: 'forming', deadline: ctx._.gt(now) }).count(),
    groups.where({ activityId, status: 'succeeded' }).count(),
    groups.where({ activityId, status: 'failed' }).count(),
  ]);
  return { forming: forming.total, succeeded: succeeded.total, failed: failed.total };
}

async function adminViews(ctx: HandlerContext, docs: readonly ActivityDoc[], now: number): Promise<AdminActivityView[]> {
  if (docs.length === 0) return [];
  const skuIds = [...new Set(docs.flatMap((a) => a.skus.map((s) => s.skuId)))];
  const productIds = [...new Set(docs.map((a) => a.productId))];
  const stockIds = docs.flatMap((a) => a.skus.map((s) => groupBuyStockId(a._id, s.skuId)));
  const [skus, products, stock] = await Promise.all([
    ctx.db.collection<SkuDoc>('skus').where({ _id: ctx._.in(skuIds) }).limit(skuIds.length).get(),
    ctx.db.collection<ProductDoc>('products').where({ _id: ctx._.in(productIds) }).limit(productIds.length).get(),
    ctx.db.collection<GroupbuyStockDoc>(GROUPBUY_STOCK_COLLECTION).where({ _id: ctx._.in(stockIds) }).limit(stockIds.length).get(),
  ]);
  const skuOf = new Map(skus.data.map((s) => [s._id, s]));
  const productOf = new Map(products.data.map((p) => [p._id, p]));
  const leftOf = new Map(stock.data.map((s) => [s._id, s.stock]));
  const counts = await Promise.all(docs.map((a) => groupCounts(ctx, a._id, now)));
  return docs.map((a, i) => {
    const product = productOf.get(a.productId);
    return {
      activityId: a._id,
      productId: a.productId,
      title: a.title,
      size: a.groupSize,
      timeLimitMinutes: a.timeLimitMinutes,
      perUserLimit: a.perUserLimit,
      startAt: a.startsAt,
      endAt: a.endsAt,
      status: activityStatus(a, now),
      createdAt: time(a.createdAt) ?? 0,
      endedAt: time(a.endedAt),
      groups: counts[i],
      skus: a.skus.map((s) => {
        const sku = skuOf.get(s.skuId);
        const left = Math.max(0, leftOf.get(groupBuyStockId(a._id, s.skuId)) ?? 0);
        return {
          skuId: s.skuId,
          title: product?.title ?? '',
          specText: sku?.specText ?? '',
          image: sku?.image || product?.cover || '',
          groupPrice: s.groupPrice,
          listPrice: s.normalPrice,
          stock: s.stock,
          stockLeft: left,
          sold: Math.max(0, s.stock - left),
        };
      }),
    };
  });
}

/** Every activity, upcoming, running and ended, newest first, with its SKUs' figures and its groups. */
export const adminActivities: Handler<{ activities: AdminActivityView[]; now: number }> = async (_event, ctx) => {
  await requireRole(ctx, 'manager');
  const now = ctx.now().getTime();
  const found = await ctx.db.collection<ActivityDoc>(ACTIVITIES).where({ status: 'active' }).orderBy('createdAt', 'desc').limit(MAX_LISTED).get();
  return { activities: await adminViews(ctx, found.data, now), now };
};

const ID = { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ };
const skuIdsShape = v.object({
  skus: v.array(v.object({ skuId: v.string({ ...ID, label: '商品规格' }) }), { min: 1, max: 50, label: '活动商品' }),
});

/**
 * Creates an activity: `{ title, startsAt, endsAt, groupSize, timeLimitMinutes, perUserLimit,
 * skus: [{ skuId, groupPrice, stock }] }`, all SKUs of one product. Everything is checked before
 * the first write (parseGroupBuyActivity, checkActivityConfig, no SKU in an overlapping activity);
 * then the stock documents are written and the activity document last, so nobody sees an activity
 * whose stock is not there yet. A failure removes what was written.
 */
export const saveActivity: Handler<{ activity: AdminActivityView }> = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const nowDate = ctx.now();
  const now = nowDate.getTime();
  const { skus: wanted } = parse(skuIdsShape, event);
  const { selling, label } = await loadSellingSkus(ctx, wanted.map((w) => w.skuId));

  const activityId = `gb-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const activity: GroupBuyActivity = parseGroupBuyActivity({ ...(event as Record<string, unknown>), id: activityId }, (skuId) => selling.get(skuId)?.price);
  const ofProducts = new Set(activity.skus.map((s) => selling.get(s.skuId)!.productId));
  if (ofProducts.size !== 1) throw new AppError('INVALID_INPUT', '一个拼团活动只能包含同一商品的规格');
  const productId = [...ofProducts][0];
  checkActivityConfig(activity, { now, skuStock: (skuId) => selling.get(skuId)?.stock });

  const others = await ctx.db
    .collection<ActivityDoc>(ACTIVITIES)
    .where({ status: 'active', endsAt: ctx._.gt(activity.startsAt) })
    .limit(1000)
    .get();
  const conflict = findActivityConflict(activity, others.data.map((o) => ({ ...o, id: o._id })));
  if (conflict) {
    const { other } = conflict;
    throw new AppError(ACTIVITY_OVERLAP, `「${label(conflict.skuId)}」已在拼团「${other.title}」中（${formatOpensAt(other.startsAt, now)} - ${formatOpensAt(other.endsAt, other.startsAt)}），同一规格的拼团时间不能重叠`);
  }

  const doc: ActivityDoc = {
    _id: activityId,
    title: activity.title,
    skus: activity.skus,
    groupSize: activity.groupSize,
    timeLimitMinutes: activity.timeLimitMinutes,
    perUserLimit: activity.perUserLimit,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    productId,
    status: 'active',
    createdAt: nowDate,
    createdBy: ctx.openid,
  };
  const written: string[] = [];
  try {
    for (const sku of activity.skus) {
      const stock: GroupbuyStockDoc = { _id: groupBuyStockId(activityId, sku.skuId), stock: sku.stock, held: 0 };
      await ctx.db.collection(GROUPBUY_STOCK_COLLECTION).add({ data: stock });
      written.push(stock._id);
    }
    await ctx.db.collection(ACTIVITIES).add({ data: doc });
  } catch (error) {
    await Promise.all(written.map((id) => ctx.db.collection(GROUPBUY_STOCK_COLLECTION).doc(id).remove()));
    throw error;
  }
  await audit(ctx, {
    role: 'manager',
    action: 'groupbuy.saveActivity',
    target: { collection: ACTIVITIES, id: activityId },
    detail: {
      title: doc.title,
      productId,
      startsAt: doc.startsAt,
      endsAt: doc.endsAt,
      groupSize: doc.groupSize,
      timeLimitMinutes: doc.timeLimitMinutes,
      perUserLimit: doc.perUserLimit,
      skus: doc.skus.map((s) => ({ skuId: s.skuId, groupPrice: s.groupPrice, stock: s.stock })),
    },
  });
  return { activity: (await adminViews(ctx, [doc], now))[0] };
};

const endShape = v.object({ activityId: v.string({ min: 1, max: 64, label: '拼团活动' }) });

/**
 * Ends a running or upcoming activity now (`endsAt` = now; an upcoming one's `startsAt` too, so
 * the window stays ordered): nobody can open a group or join one any more (ACTIVITY_ENDED).
 * Groups already forming keep the deadline they were given when their leader paid: a member who
 * had joined may still pay and complete the group; otherwise it fails at its deadline and refunds
 * as usual. Idempotent: ending it again changes nothing and replies with the activity as it is.
 */
export const endActivity: Handler<{ activity: AdminActivityView }> = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const { activityId } = parse(endShape, event);
  const nowDate = ctx.now();
  const now = nowDate.getTime();
  const found = await ctx.db.collection<ActivityDoc>(ACTIVITIES).where({ _id: activityId, status: 'active' }).limit(1).get();
  const doc = found.data[0];
  if (!doc) throw new AppError('NOT_FOUND', '拼团活动不存在');
  let ended = doc;
  if (doc.endsAt > now) {
    const patch = { startsAt: Math.min(doc.startsAt, now), endsAt: now, endedAt: nowDate, endedBy: ctx.openid };
    const res = await ctx.db
      .collection(ACTIVITIES)
      .where({ _id: activityId, endsAt: ctx._.gt(now) })
      .update({ data: patch });
    if (res.stats.updated === 1) {
      ended = { ...doc, ...patch };
      await audit(ctx, { role: 'manager', action: 'groupbuy.endActivity', target: { collection: ACTIVITIES, id: activityId }, detail: { title: doc.title, plannedEndsAt: doc.endsAt, endedAt: now } });
    } else {
      ended = (await ctx.db.collection<ActivityDoc>(ACTIVITIES).where({ _id: activityId }).limit(1).get()).data[0] ?? doc;
    }
  }
  return { activity: (await adminViews(ctx, [ended], now))[0] };
};
