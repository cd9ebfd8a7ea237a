/**
 * Opening and joining a group: both place an ordinary order of type 'groupbuy' at the SKU's group
 * price (lib/place-order.ts), paid later through `orders.pay`. The activity's stock and the
 * person's limit are reserved with the rules' conditional updates before the order is written,
 * and every step is undone if a later one fails, so a refusal leaves nothing behind.
 */
import { activityStatus, findSku, type GroupBuyActivity } from '../../../../src/domain/groupbuy/activity';
import { groupBuyError } from '../../../../src/domain/groupbuy/errors';
import { GROUPBUY_GROUP_COLLECTION, groupToDoc, joinRefusal, openGroup, type Group } from '../../../../src/domain/groupbuy/group-state';
import { groupBuyRefusal } from '../../../../src/domain/groupbuy/purchase';
import { GROUPBUY_QUOTA_COLLECTION, GROUPBUY_STOCK_COLLECTION, groupBuyQuotaId, groupBuyRelease, groupBuyReservation, groupBuyStockId } from '../../../../src/domain/groupbuy/reservation';
import { priceOrder } from '../../../../src/domain/pricing';
import { AppError } from '../../../../src/domain/reply';
import { isTierId, type TierId } from '../../../../src/domain/tiers';
import { parse, v } from '../../../../src/domain/validate';
import type { GroupbuyActivityDoc, GroupbuyQuotaDoc, GroupbuyStockDoc } from '../../../../scripts/seed/types';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { placeOrder, type PlaceLine } from '../../../orders/src/lib/place-order';
import { loadSettings } from '../../../orders/src/lib/settings';
import type { AddressDoc, OrderDoc, OrderRequestDoc, ProductDoc, SkuDoc, StoreDoc } from '../../../orders/src/order-doc';
import { loadActivity } from '../lib/catalog';
import { runAll, runClaim } from '../lib/conditional';
import { runEffects } from '../lib/effects';
import { applyGroupEvent, loadGroup } from '../lib/group-store';

const purchase = {
  skuId: v.string({ min: 1, max: 64, label: '商品规格' }),
  quantity: v.int({ min: 1, max: 99, label: '购买数量' }),
  requestId: v.string({ min: 8, max: 64, pattern: /^[A-Za-z0-9_-]+$/, label: '请求编号' }),
  delivery: v.optional(v.oneOf(['express', 'pickup'] as const, { label: '配送方式' })),
  addressId: v.optional(v.string({ min: 1, max: 64, label: '收货地址' })),
  storeId: v.optional(v.string({ min: 1, max: 64, label: '自提门店' })),
};
const openShape = v.object({ activityId: v.string({ min: 1, max: 64, label: '活动编号' }), ...purchase });
const joinShape = v.object({ groupId: v.string({ min: 1, max: 80, label: '团编号' }), ...purchase });
type Purchase = Omit<ReturnType<typeof openShape>, 'activityId'>;

/** The group opened by an order: derived from the leader's order id, so a retried open cannot make two groups. */
export const groupIdFor = (leaderOrderId: string): string => `gb_${leaderOrderId}`;

export interface GroupOrderReply {
  orderId: string;
  payable: number;
  status: OrderDoc['status'];
  groupId: string;
}

const activityOf = (a: GroupbuyActivityDoc): GroupBuyActivity => ({ ...a, id: a._id });

interface Prepared {
  line: PlaceLine;
  tierId: TierId;
  pointsBalance: number;
  address: AddressDoc | null;
  store: StoreDoc | null;
}

/** Everything an order needs besides the reservation, read from the database, never from the request. */
async function prepare(ctx: HandlerContext, openid: string, a: GroupbuyActivityDoc, input: Purchase): Promise<Prepared> {
  const now = ctx.now().getTime();
  const delivery = input.delivery ?? 'express';
  const [skus, users, quota, stock, addresses, stores] = await Promise.all([
    ctx.db.collection<SkuDoc>('skus').where({ _id: input.skuId }).limit(1).get(),
    ctx.db.collection<{ tier?: string; points?: number }>('users').where({ _id: openid }).limit(1).get(),
    ctx.db.collection<GroupbuyQuotaDoc>(GROUPBUY_QUOTA_COLLECTION).where({ _id: groupBuyQuotaId(a._id, openid) }).limit(1).get(),
    ctx.db.collection<GroupbuyStockDoc>(GROUPBUY_STOCK_COLLECTION).where({ _id: groupBuyStockId(a._id, input.skuId) }).limit(1).get(),
    delivery !== 'express'
      ? Promise.resolve({ data: [] as AddressDoc[] })
      : input.addressId
        ? ctx.db.collection<AddressDoc>('addresses').where({ _id: input.addressId, openid }).limit(1).get()
        : ctx.db.collection<AddressDoc>('addresses').where({ openid, isDefault: true }).limit(1).get(),
    delivery === 'pickup' && input.storeId ? ctx.db.collection<StoreDoc>('stores').where({ _id: input.storeId }).limit(1).get() : Promise.resolve({ data: [] as StoreDoc[] }),
  ]);
  const refusal = groupBuyRefusal({
    activity: activityOf(a),
    skuId: input.skuId,
    quantity: input.quantity,
    userHeld: quota.data[0]?.held ?? 0,
    stockLeft: stock.data[0]?.stock ?? 0,
    now,
  });
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const sku = skus.data[0];
  const product = sku ? (await ctx.db.collection<ProductDoc>('products').where({ _id: sku.productId }).limit(1).get()).data[0] : undefined;
  if (!sku || !product || sku.productId !== a.productId) throw new AppError('NOT_FOUND', '该商品不在拼团活动中');
  let address: AddressDoc | null = null;
  let store: StoreDoc | null = null;
  if (delivery === 'express') {
    address = addresses.data[0] ?? null;
    if (!address) throw new AppError(input.addressId ? 'NOT_FOUND' : 'ADDRESS_REQUIRED', input.addressId ? '收货地址不存在' : '请选择收货地址');
  } else {
    if (!input.storeId) throw new AppError('INVALID_INPUT', '请选择自提门店');
    store = stores.data[0] ?? null;
    if (!store) throw new AppError('NOT_FOUND', '自提门店不存在');
    if (store.status !== 'open') throw new AppError('STORE_UNAVAILABLE', '该门店暂停营业，请选择其他门店');
  }
  const user = users.data[0];
  return {
    line: {
      productId: product._id,
      skuId: sku._id,
      categoryId: product.categoryId,
      title: product.title,
      specText: sku.specText,
      image: sku.image || product.cover,
      quantity: input.quantity,
      unitPrice: findSku(activityOf(a), sku._id)!.groupPrice,
      listPrice: sku.listPrice,
      promo: 'group',
    },
    tierId: user && isTierId(user.tier) ? user.tier : 'normal',
    pointsBalance: user?.points ?? 0,
    address,
    store,
  };
}

async function place(
  ctx: HandlerContext,
  openid: string,
  a: GroupbuyActivityDoc,
  input: Purchase,
  role: 'leader' | 'member',
  groupId: (orderId: string) => string,
  afterReserve: (orderId: string, amount: number, release: () => Promise<void>) => Promise<() => Promise<unknown>>,
): Promise<GroupOrderReply> {
  const prepared = await prepare(ctx, openid, a, input);
  const settings = await loadSettings(ctx);
  // The group price is already the promotion: the promo line takes no tier discount, 满减 or coupon.
  const pricing = priceOrder(
    {
      items: [{ ...prepared.line, promo: 'group' }],
      tierId: prepared.tierId,
      coupon: null,
      points: { balance: prepared.pointsBalance, use: 0 },
      delivery: input.delivery ?? 'express',
    },
    settings.pricing,
  );
  const reservation = { activityId: a._id, skuId: input.skuId, openid, quantity: input.quantity, perUserLimit: a.perUserLimit };
  const { order } = await placeOrder(ctx, {
    openid,
    requestId: input.requestId,
    type: 'groupbuy',
    lines: [prepared.line],
    pricing,
    tierId: prepared.tierId,
    coupon: null,
    address: prepared.address,
    store: prepared.store,
    groupbuy: (orderId) => ({ activityId: a._id, groupId: groupId(orderId), role }),
    autoCancelMinutes: settings.orders.autoCancelMinutes,
    pickupCodeDigits: settings.orders.pickupCodeDigits,
    reserve: async (orderId) => {
      await runClaim(ctx, groupBuyReservation(reservation));
      const release = () => runAll(ctx, groupBuyRelease(reservation));
      try {
        return await afterReserve(orderId, pricing.payable, release);
      } catch (error) {
        await release();
        throw error;
      }
    },
  });
  if (!order.groupbuy || order.groupbuy.activityId !== a._id) throw new AppError('INVALID_INPUT', '请求编号已用于另一笔订单');
  return { orderId: order._id, payable: order.pricing.payable, status: order.status, groupId: order.groupbuy.groupId };
}

/**
 * A retried request answers with the order it already made, before any check that its own first
 * success would now fail (the limit it used up, the membership it already holds).
 */
async function replay(ctx: HandlerContext, openid: string, requestId: string): Promise<GroupOrderReply | null> {
  const claims = await ctx.db.collection<OrderRequestDoc>('order_requests').where({ _id: `${openid}:${requestId}` }).limit(1).get();
  const claim = claims.data[0];
  if (!claim) return null;
  const orders = await ctx.db.collection<OrderDoc>('orders').where({ _id: claim.orderId, openid }).limit(1).get();
  const order = orders.data[0];
  // No order yet: the first request is still being placed, and placeOrder says so.
  if (!order) return null;
  if (!order.groupbuy) throw new AppError('INVALID_INPUT', '请求编号已用于另一笔订单');
  return { orderId: order._id, payable: order.pricing.payable, status: order.status, groupId: order.groupbuy.groupId };
}

/** 开团: the leader's order and an `opening` group that starts its clock when the leader pays. */
export const open: Handler<GroupOrderReply> = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(openShape, event);
  const replayed = await replay(ctx, openid, input.requestId);
  if (replayed) return replayed;
  const a = await loadActivity(ctx, input.activityId);
  const settings = await loadSettings(ctx);
  return place(ctx, openid, a, input, 'leader', groupIdFor, async (orderId, amount, release) => {
    const { group } = openGroup(
      {
        groupId: groupIdFor(orderId),
        activityId: a._id,
        skuId: input.skuId,
        size: a.groupSize,
        timeLimitMinutes: a.timeLimitMinutes,
        activityEndsAt: a.endsAt,
        leader: { openid, orderId, quantity: input.quantity, amount },
        // The leader has as long to pay as any order: the group fails when the order would cancel.
        paymentWindowMs: settings.orders.autoCancelMinutes * 60_000,
      },
      ctx.now().getTime(),
    );
    await ctx.db.collection(GROUPBUY_GROUP_COLLECTION).add({ data: groupToDoc(group) });
    // Nobody can join an opening group, so removing it takes nothing from anyone.
    return async () => {
      await ctx.db.collection(GROUPBUY_GROUP_COLLECTION).doc(group.id).remove();
      await release();
    };
  });
};

/** 参团: a member's order; the place is taken only when the payment lands (docs/groupbuy.md). */
export const join: Handler<GroupOrderReply> = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(joinShape, event);
  const replayed = await replay(ctx, openid, input.requestId);
  if (replayed) return replayed;
  const group: Group = await loadGroup(ctx, input.groupId);
  // The cheap refusal on a fresh read; the write below checks again on the version it replaces.
  const refusal = joinRefusal(group, openid, ctx.now().getTime());
  if (refusal) throw refusal;
  const a = await loadActivity(ctx, group.activityId);
  if (activityStatus(a, ctx.now().getTime()) === 'ended') throw groupBuyError('ACTIVITY_ENDED');
  return place(ctx, openid, a, input, 'member', () => group.id, async (orderId, amount) => {
    await applyGroupEvent(ctx, group.id, { type: 'join', openid, orderId, quantity: input.quantity, amount });
    // Once recorded, the group owns the reservation: its order_closed gives it back (release effect), exactly once.
    return async () => {
      const { effects } = await applyGroupEvent(ctx, group.id, { type: 'order_closed', orderId });
      await runEffects(ctx, effects);
    };
  });
};
