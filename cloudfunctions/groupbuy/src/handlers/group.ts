/** The group page and "my groups": only paid members are the group (src/domain/groupbuy/group-view.ts). */
import { formatFen } from '../../../../src/domain/money';
import { GROUPBUY_GROUP_COLLECTION, groupAt, groupFromDoc, type Group, type GroupMember } from '../../../../src/domain/groupbuy/group-state';
import { groupView } from '../../../../src/domain/groupbuy/group-view';
import { parse, v } from '../../../../src/domain/validate';
import type { GroupbuyActivityDoc, GroupbuyGroupDoc } from '../../../../scripts/seed/types';
import { requireUser } from '../../../_shared/roles';
import type { Handler } from '../../../_shared/router';
import type { OrderDoc } from '../../../orders/src/order-doc';
import { people, productOf } from '../lib/catalog';
import { loadGroup } from '../lib/group-store';

const FAIL_TEXT = { expired: '未在时限内成团', leader_unpaid: '团长未支付', closed: '活动已关闭' } as const;

/** The viewer's latest record in the group (they may have left and come back). */
function latestOf(group: Group, openid: string): GroupMember | null {
  const mine = group.members.filter((m) => m.openid === openid);
  return mine.length ? mine[mine.length - 1] : null;
}

/** Why the viewer holds no place although they paid: the page then offers "open your own group". */
function noticeFor(m: GroupMember | null): string | null {
  if (!m || (m.state !== 'refunding' && m.state !== 'refunded')) return null;
  const back = m.state === 'refunded' ? '款项已原路退回' : '款项将原路退回';
  if (m.exit === 'group_failed') return `拼团未成功，${back}`;
  return `你付款时这个团已没有空位，${back}，可以自己开一个团`;
}

export const group: Handler = async (event, ctx) => {
  const { groupId } = parse(v.object({ groupId: v.string({ min: 1, max: 80, label: '团编号' }) }), event);
  const now = ctx.now().getTime();
  const stored = await loadGroup(ctx, groupId);
  const g = groupAt(stored, now);
  const viewerOpenid = ctx.openid || null;
  const view = groupView(g, viewerOpenid, now);
  const [activities, who] = await Promise.all([
    ctx.db.collection<GroupbuyActivityDoc>('groupbuy_activities').where({ _id: g.activityId }).limit(1).get(),
    people(
      ctx,
      view.paidMembers.map((m) => m.openid),
    ),
  ]);
  const a = activities.data[0];
  const product = a ? await productOf(ctx, a.productId) : null;
  const sku = a?.skus.find((s) => s.skuId === g.skuId);
  const mine = viewerOpenid ? latestOf(g, viewerOpenid) : null;
  const members = [...view.paidMembers]
    .sort((x, y) => Number(y.role === 'leader') - Number(x.role === 'leader'))
    .map((m) => ({ ...who.get(m.openid)!, isLeader: m.role === 'leader' }));
  const title = a?.title ?? product?.title ?? '拼团';
  const price = sku ? formatFen(sku.groupPrice, { trimZeros: true }) : '';
  return {
    groupId: g.id,
    activityId: g.activityId,
    productId: a?.productId ?? '',
    title,
    image: product?.cover ?? '',
    size: g.size,
    groupPrice: sku?.groupPrice ?? 0,
    listPrice: sku?.normalPrice ?? 0,
    status: g.status,
    failReason: g.failReason,
    failText: g.failReason ? FAIL_TEXT[g.failReason] : null,
    deadline: g.deadline,
    headline: view.headline,
    members,
    placesLeft: view.placesLeft,
    payingCount: view.payingCount,
    viewer: {
      role: view.viewer,
      orderId: mine?.orderId ?? null,
      canJoin: view.joinBlockedBy === null,
      refusal: view.joinBlockedBy,
      notice: noticeFor(mine),
    },
    /** The server's clock, so the page's countdown agrees with the deadline the server enforces. */
    now,
    // A group that no longer takes members is still worth sharing: as an invitation to open one.
    shareTitle: view.status === 'forming' ? `还差${view.placesLeft}人，${price}一起拼「${title}」` : `${price}拼「${title}」，一起来开团`,
  };
};

const MINE_LIMIT = 50;

export const mine: Handler = async (_event, ctx) => {
  const openid = requireUser(ctx);
  const now = ctx.now().getTime();
  const { data } = await ctx.db
    .collection<GroupbuyGroupDoc>(GROUPBUY_GROUP_COLLECTION)
    .where({ 'members.openid': openid })
    .orderBy('openedAt', 'desc')
    .limit(MINE_LIMIT)
    .get();
  const groups = data.map((d) => groupAt(groupFromDoc(d), now));
  const activityIds = [...new Set(groups.map((g) => g.activityId))];
  const orderIds = groups.map((g) => latestOf(g, openid)!.orderId);
  const [activities, orders] = await Promise.all([
    activityIds.length
      ? ctx.db.collection<GroupbuyActivityDoc>('groupbuy_activities').where({ _id: ctx._.in(activityIds) }).limit(activityIds.length).get()
      : Promise.resolve({ data: [] as GroupbuyActivityDoc[] }),
    orderIds.length
      ? ctx.db.collection<OrderDoc>('orders').where({ _id: ctx._.in(orderIds), openid }).limit(orderIds.length).get()
      : Promise.resolve({ data: [] as OrderDoc[] }),
  ]);
  const activityById = new Map(activities.data.map((a) => [a._id, a]));
  const orderById = new Map(orders.data.map((o) => [o._id, o]));
  const products = await Promise.all([...new Set(activities.data.map((a) => a.productId))].map((id) => productOf(ctx, id)));
  const coverOf = new Map(products.filter((p) => p !== null).map((p) => [p!._id, p!.cover]));
  return {
    groups: groups.map((g) => {
      const m = latestOf(g, openid)!;
      const a = activityById.get(g.activityId);
      return {
        groupId: g.id,
        activityId: g.activityId,
        title: a?.title ?? '拼团',
        image: a ? (coverOf.get(a.productId) ?? '') : '',
        size: g.size,
        paidCount: g.paidCount,
        status: g.status,
        deadline: g.deadline,
        role: m.role,
        orderId: m.orderId,
        orderStatus: orderById.get(m.orderId)?.status ?? null,
      };
    }),
    now,
  };
};
