/**
 * Carrying out what a group owes (docs/groupbuy.md "Effects"). A transition hands back the
 * effects it made due and the minute sweep re-derives the rest with `pendingEffects`, so each
 * runner here must be safe to run again:
 * - at least once (refund, fulfil, close_order): do it, then report it; a repeat changes nothing
 *   (WeChat Pay refuses a second refund under the same out_refund_no; the order moves only from
 *   the status it is expected in);
 * - at most once (release, notify): report `effect_done` FIRST and act only if that write was the
 *   one that settled it, so stock is never given back twice.
 */
import type { GroupEffect } from '../../../../src/domain/groupbuy/group-state';
import { groupBuyRelease } from '../../../../src/domain/groupbuy/reservation';
import { cloudPay, envIdOf, nonce, paySucceeded } from '../../../orders/src/lib/cloud-pay';
import { cancelUnpaid, changeWithEvent } from '../../../orders/src/lib/lifecycle';
import { loadSettings } from '../../../orders/src/lib/settings';
import type { OrderDoc } from '../../../orders/src/order-doc';
import { runAll } from './conditional';
import { applyGroupEvent, type Ctx } from './group-store';
import { sendGroupNotice } from './notice';

/**
 * out_refund_no of a group refund: WeChat Pay allows 64 characters and no ':', and one order
 * belongs to one group and is refunded in full at most once, so the order id is key enough.
 */
export const groupRefundNo = (orderId: string): string => `gbr_${orderId}`;
export const isGroupRefundNo = (outRefundNo: string): boolean => outRefundNo.startsWith('gbr_');

const REFUND_REASON_TEXT: Record<string, string> = {
  group_failed: '拼团未成功，自动退款',
  overflow: '团已满员，自动退款',
  late_payment: '订单关闭后到账，自动退款',
};

async function findOrder(ctx: Ctx, orderId: string): Promise<OrderDoc | null> {
  const { data } = await ctx.db.collection<OrderDoc>('orders').where({ _id: orderId }).limit(1).get();
  return data[0] ?? null;
}

async function refund(ctx: Ctx, e: Extract<GroupEffect, { type: 'refund' }>): Promise<void> {
  const outRefundNo = groupRefundNo(e.orderId);
  const order = await findOrder(ctx, e.orderId);
  const now = ctx.now();
  if (order) {
    // Recorded before asking WeChat Pay, so the refund notification always finds what it completes.
    await ctx.db
      .collection('orders')
      .where({ _id: e.orderId, refund: null })
      .update({
        data: {
          refund: ctx._.set({
            id: outRefundNo,
            status: 'approved',
            reason: e.reason,
            photos: [],
            amount: e.amount,
            outRefundNo,
            requestedAt: now,
            decidedAt: now,
            decidedBy: 'system',
            rejectReason: null,
            refundedAt: null,
          }),
          updatedAt: now,
          statusHistory: ctx._.push({ status: 'refund_approved', at: now, by: 'system', note: REFUND_REASON_TEXT[e.reason] ?? '自动退款' }),
        },
      });
  }
  const settings = await loadSettings(ctx);
  const res = await cloudPay(ctx).refund({
    functionName: 'payment',
    envId: envIdOf(ctx),
    subMchId: settings.subMchId,
    nonceStr: nonce(),
    outTradeNo: order?.payment.outTradeNo ?? e.orderId,
    outRefundNo,
    totalFee: e.amount,
    refundFee: e.amount,
  });
  // Not confirmed until the refund notification: the sweep asks again under the same out_refund_no.
  if (!paySucceeded(res)) console.error('[weave] group refund failed', e.key, res.returnMsg, res.errCodeDes);
}

async function moveToFulfilment(ctx: Ctx, e: Extract<GroupEffect, { type: 'fulfil' }>): Promise<void> {
  await changeWithEvent(ctx, {
    orderId: e.orderId,
    from: ['grouping'],
    to: 'paid',
    set: () => ({}),
    history: { status: 'paid', by: 'system', note: '拼团成功' },
    event: 'paid',
  });
}

async function closeOrder(ctx: Ctx, e: Extract<GroupEffect, { type: 'close_order' }>): Promise<void> {
  const order = await findOrder(ctx, e.orderId);
  if (order && order.status === 'pending_payment') await cancelUnpaid(ctx, order, 'system', '拼团已结束，订单已关闭');
  await applyGroupEvent(ctx, e.groupId, { type: 'effect_done', key: e.key });
}

async function release(ctx: Ctx, e: Extract<GroupEffect, { type: 'release' }>): Promise<void> {
  const settled = await applyGroupEvent(ctx, e.groupId, { type: 'effect_done', key: e.key });
  if (!settled.changed) return; // already given back (or never owed): giving back again would oversell
  // Members may pick their own size; the reservation was made on the order's SKU.
  const order = await findOrder(ctx, e.orderId);
  const skuId = order?.items[0]?.skuId ?? e.skuId;
  await runAll(ctx, groupBuyRelease({ activityId: e.activityId, skuId, openid: e.openid, quantity: e.quantity, perUserLimit: 0 }));
}

type OneByOne = Exclude<GroupEffect, { type: 'fulfil' | 'notify' }>;

/** Effects done one at a time; fulfilments and notices go together (runEffects). */
async function runOne(ctx: Ctx, e: OneByOne): Promise<void> {
  switch (e.type) {
    case 'refund':
      return refund(ctx, e);
    case 'close_order':
      return closeOrder(ctx, e);
    case 'release':
      return release(ctx, e);
  }
}

/** Reports keys done in one write; answers the keys this write settled (not settled before it). */
async function settleAll(ctx: Ctx, groupId: string, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const { before, group } = await applyGroupEvent(ctx, groupId, { type: 'effects_done', keys });
  return keys.filter((key) => group.done.includes(key) && !before.done.includes(key));
}

/** A few at a time: each paid event calls every subscriber function, and a notice calls WeChat; instances are few. */
const PARALLEL = 3;

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<boolean>): Promise<boolean[]> {
  const results: boolean[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) results.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(run))));
  return results;
}

/**
 * Runs what a transition made due. A failure is logged and left owed: the group keeps it in
 * pendingEffects (`outstanding > 0`) and the minute sweep tries again.
 *
 * A group that fills owes N fulfilments and N notices at once. Moving the orders and sending the
 * notices are independent of each other, so they run side by side; what they report to the one
 * group document goes in one write per kind (N writes would only race each other for its
 * version), which keeps the payment notification that fills a group short.
 */
export async function runEffects(ctx: Ctx, effects: readonly GroupEffect[]): Promise<number> {
  let failed = 0;
  const byGroup = new Map<string, GroupEffect[]>();
  for (const e of effects) byGroup.set(e.groupId, [...(byGroup.get(e.groupId) ?? []), e]);
  for (const [groupId, owed] of byGroup) {
    const fulfils = owed.filter((e): e is Extract<GroupEffect, { type: 'fulfil' }> => e.type === 'fulfil');
    const notices = owed.filter((e): e is Extract<GroupEffect, { type: 'notify' }> => e.type === 'notify');
    const moved = await inBatches(fulfils, (e) =>
      moveToFulfilment(ctx, e).then(
        () => true,
        (error) => {
          console.error('[weave] group fulfilment left for the sweep', e.key, error);
          return false;
        },
      ),
    );
    failed += moved.filter((ok) => !ok).length;
    try {
      await settleAll(ctx, groupId, fulfils.filter((_, i) => moved[i]).map((e) => e.key));
    } catch (error) {
      failed += 1;
      console.error('[weave] group fulfilments left for the sweep', groupId, error);
    }
    for (const e of owed) {
      if (e.type === 'fulfil' || e.type === 'notify') continue;
      try {
        await runOne(ctx, e);
      } catch (error) {
        failed += 1;
        console.error('[weave] group effect left for the sweep', e.key, error);
      }
    }
    // Last, so a notice never announces a refund not yet asked for. At most once: settled first,
    // and only what this write settled is sent.
    try {
      const mine = new Set(await settleAll(ctx, groupId, notices.map((e) => e.key)));
      await inBatches(notices.filter((e) => mine.has(e.key)), (e) => sendGroupNotice(ctx, e));
    } catch (error) {
      failed += 1;
      console.error('[weave] group notices left for the sweep', groupId, error);
    }
  }
  return failed;
}
