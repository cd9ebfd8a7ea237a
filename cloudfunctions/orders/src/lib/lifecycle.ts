/**
 * How an order changes state, shared by the orders function (user, manager, timers) and the
 * payment callback. Two kinds of change:
 * - changes that others react to (paid, completed, refunded) run in a transaction that also writes
 *   the order event (_shared/order-events.ts), conditional on the status they leave;
 * - the rest (cancel, ship, refund request and review) are one conditional update on that status.
 * Either way only the caller that actually moved the order does the follow-up work (give back
 * stock, coupon and points; spend the coupon), so a timer and a user racing each other, or a
 * payment notification delivered ten times, act once.
 */
import { ledgerRef } from '../../../../src/domain/membership/points-ledger';
import { AppError } from '../../../../src/domain/reply';
import type { Database } from '../../../_shared/db-types';
import { dispatchOrderEvent, orderEventId, stageOrderEvent, subscribersFor, type OrderEventType } from '../../../_shared/order-events';
import { movePoints } from '../../../_shared/points';
import type { HandlerContext } from '../../../_shared/router';
import { releaseStock } from '../../../_shared/stock';
import { returnCoupon } from '../../../_shared/user-coupons';
import { releaseFlash } from '../../../flashsale/src/lib/claim';
import { onGroupOrderClosed } from '../../../groupbuy/src/lib/order-hooks';
import type { OrderDoc, OrderStatus, StatusChange } from '../order-doc';
import { cloudPay, nonce } from './cloud-pay';
import { loadSettings } from './settings';

type Ctx = Pick<HandlerContext, 'db' | '_' | 'cloud' | 'now'>;

const TRANSACTION_CONFLICT_ERRCODE = -501001;
const MAX_ATTEMPTS = 6;

function isConflict(error: unknown): boolean {
  const e = error as { errCode?: number; code?: string; message?: string; errMsg?: string };
  return e?.errCode === TRANSACTION_CONFLICT_ERRCODE || /TransactionConflict|conflict/i.test(`${e?.code ?? ''} ${e?.message ?? ''} ${e?.errMsg ?? ''}`);
}

export interface EventfulChange {
  orderId: string;
  from: readonly OrderStatus[];
  to: OrderStatus;
  /** A further condition on the order as read inside the transaction. */
  guard?: (order: OrderDoc) => boolean;
  /** Fields to write besides status, statusHistory and updatedAt. */
  set: (order: OrderDoc) => Record<string, unknown>;
  history: Omit<StatusChange, 'at'>;
  event: OrderEventType;
  refund?: { id: string; amount: number };
}

export interface ChangeResult {
  /** The order as read before the change (null when it does not exist). */
  order: OrderDoc | null;
  changed: boolean;
}

/**
 * Moves the order and records its event atomically; then delivers the event. Returns changed:
 * false (nothing written) when the order is not in a `from` status or the guard says no.
 */
export async function changeWithEvent(ctx: Ctx, change: EventfulChange): Promise<ChangeResult> {
  const pending = await subscribersFor(ctx.db);
  const now = ctx.now();
  let result: ChangeResult | undefined;
  for (let i = 1; result === undefined; i += 1) {
    try {
      result = await ctx.db.runTransaction(async (t) => {
        const found = await t.collection<OrderDoc>('orders').where({ _id: change.orderId }).limit(1).get();
        const order = found.data[0] ?? null;
        if (!order || !change.from.includes(order.status) || (change.guard && !change.guard(order))) return { order, changed: false };
        await t.collection('orders').doc(change.orderId).update({
          data: { ...change.set(order), status: change.to, statusHistory: ctx._.push({ ...change.history, at: now }), updatedAt: now },
        });
        const earned = change.event === 'refunded' ? await earnedPoints(ctx.db, order._id) : 0;
        await stageOrderEvent(
          t,
          {
            type: change.event,
            orderId: order._id,
            openid: order.openid,
            at: now,
            payload: {
              orderType: order.type,
              tierId: order.tierId,
              payable: order.pricing.payable,
              merchandisePaid: order.pricing.merchandisePaid,
              pointsEarnable: order.pricing.pointsEarnable,
              pointsEarned: earned,
              itemCount: order.itemCount,
              items: order.items.map((it) => ({ productId: it.productId, skuId: it.skuId, categoryId: it.categoryId, quantity: it.quantity, paid: it.paid })),
              ...(change.refund ? { refundId: change.refund.id, refundAmount: change.refund.amount } : {}),
            },
          },
          pending,
        );
        return { order, changed: true };
      });
    } catch (error) {
      if (!isConflict(error) || i >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * i)));
    }
  }
  if (result.changed && pending.length > 0) await dispatchOrderEvent(ctx.db, ctx.cloud, orderEventId(change.orderId, change.event));
  return result;
}

/** Points credited for this order on completion (the membership subscriber's order_earn entry), if any. */
export async function earnedPoints(db: Database, orderId: string): Promise<number> {
  const { data } = await db.collection<{ delta: number }>('points_ledger').where({ ref: ledgerRef('order_earn', orderId) }).limit(1).get();
  return data[0]?.delta ?? 0;
}

// A group order holds the activity's own stock (groupbuy_stock), which its group gives back; never the SKU's.
const stockLines = (order: OrderDoc) => (order.type === 'groupbuy' ? [] : order.items.map((it) => ({ skuId: it.skuId, quantity: it.quantity })));

/**
 * A flash order's units came out of the sale's own stock (flash_stock), not the SKU's: they go back
 * there and off the buyer's per-user count. Only the winner of the cancel reaches this, so once.
 */
const releaseFlashOrder = (ctx: Ctx, order: OrderDoc) =>
  Promise.all(order.items.map((it) => releaseFlash(ctx, { saleItemId: order.flashSale!.saleItemId, openid: order.openid, quantity: it.quantity })));

/**
 * Cancels an unpaid order, once: whoever wins the conditional update gives back stock, the
 * coupon and the points spent. False when it was no longer unpaid (paid, or already cancelled).
 */
export async function cancelUnpaid(ctx: Ctx, order: OrderDoc, by: StatusChange['by'], reason: string): Promise<boolean> {
  const now = ctx.now();
  const res = await ctx.db
    .collection('orders')
    .where({ _id: order._id, status: 'pending_payment' })
    .update({
      data: { status: 'cancelled', cancelledAt: now, cancelReason: reason, updatedAt: now, statusHistory: ctx._.push({ status: 'cancelled', at: now, by, note: reason }) },
    });
  if (res.stats.updated !== 1) return false;
  await Promise.all([
    order.flashSale ? releaseFlashOrder(ctx, order) : releaseStock(ctx.db, ctx._, stockLines(order)),
    order.couponId ? returnCoupon(ctx.db, ctx._, { couponId: order.couponId, orderId: order._id }, now) : Promise.resolve(false),
    order.pricing.pointsUsed > 0 ? movePoints(ctx.db, { openid: order.openid, reason: 'order_cancel', id: order._id, delta: order.pricing.pointsUsed }, now) : Promise.resolve(null),
    order.delivery.method === 'pickup' ? ctx.db.collection('pickup_codes').doc(`${order.delivery.storeId}:${order.delivery.pickupCode}`).remove() : Promise.resolve(null),
  ]);
  // The group hears it too: the member leaves (leader unpaid fails the group) and the reservation goes back.
  if (order.groupbuy) await onGroupOrderClosed(ctx, order).catch((error) => console.error('[weave] group left for its deadline', order._id, error));
  // A payment that was started may still arrive; closing it makes WeChat Pay refuse it.
  if (order.payRequestedAt) {
    try {
      await cloudPay(ctx).closeOrder({ outTradeNo: order.payment.outTradeNo, subMchId: (await loadSettings(ctx)).subMchId, nonceStr: nonce() });
    } catch (error) {
      console.error('[weave] closeOrder failed (a late payment will be refunded)', error);
    }
  }
  return true;
}


/**
 * What a completed refund gives back: stock (only if nothing was shipped), the coupon, the points
 * spent on the order (order_refund) and the points it earned (order_clawback, as far as the
 * balance allows: the ledger never goes negative). Each part is keyed by the refund, so a retried
 * notification that reaches here again changes nothing twice — stock excepted, which only the
 * winner of the status change reaches.
 */
export async function giveBackRefund(ctx: Ctx, order: OrderDoc, refundId: string): Promise<void> {
  const now = ctx.now();
  const shipped = order.shippedAt !== null && order.shippedAt !== undefined;
  await Promise.all([
    // A refunded flash order never took SKU stock (its units were the sale's): nothing to put back there.
    shipped || order.flashSale ? Promise.resolve() : releaseStock(ctx.db, ctx._, stockLines(order)),
    order.couponId ? returnCoupon(ctx.db, ctx._, { couponId: order.couponId, orderId: order._id }, now) : Promise.resolve(false),
  ]);
  if (order.pricing.pointsUsed > 0) {
    await movePoints(ctx.db, { openid: order.openid, reason: 'order_refund', id: refundId, delta: order.pricing.pointsUsed }, now);
  }
  const earned = await earnedPoints(ctx.db, order._id);
  if (earned > 0) {
    try {
      await movePoints(ctx.db, { openid: order.openid, reason: 'order_clawback', id: refundId, delta: -earned }, now);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INSUFFICIENT_POINTS') throw error;
      const users = await ctx.db.collection<{ points: number }>('users').where({ _id: order.openid }).limit(1).get();
      const left = users.data[0]?.points ?? 0;
      if (left > 0) await movePoints(ctx.db, { openid: order.openid, reason: 'order_clawback', id: refundId, delta: -Math.min(left, earned), note: `应扣${earned}` }, now);
    }
  }
}
