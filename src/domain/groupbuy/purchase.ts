import { activityStatus, findSku, type GroupBuyActivity } from './activity';
import type { Refusal } from './conditional-update';
import { GROUPBUY_ERRORS } from './errors';

/**
 * May this person buy `quantity` of `skuId` in this activity now (to open or join a group)?
 * null when yes. Reads a snapshot (stock, what the person holds) so the page can grey out the
 * button with the right words; the server still runs the atomic `groupBuyReservation`, which is
 * what actually decides when two people want the last unit.
 */
export function groupBuyRefusal(input: {
  activity: GroupBuyActivity;
  skuId: string;
  quantity: number;
  /** Units this person already holds in the activity (their quota document's `held`). */
  userHeld: number;
  /** The SKU's stock document's `stock`. */
  stockLeft: number;
  now: number;
}): Refusal | null {
  const { activity, skuId, quantity, userHeld, stockLeft, now } = input;
  if (!Number.isSafeInteger(quantity) || quantity < 1) return { code: 'INVALID_INPUT', message: '购买数量应为正整数' };
  const status = activityStatus(activity, now);
  if (status === 'upcoming') return { code: 'ACTIVITY_NOT_STARTED', message: GROUPBUY_ERRORS.ACTIVITY_NOT_STARTED };
  if (status === 'ended') return { code: 'ACTIVITY_ENDED', message: GROUPBUY_ERRORS.ACTIVITY_ENDED };
  if (!findSku(activity, skuId)) return { code: 'NOT_FOUND', message: '该商品不在拼团活动中' };
  if (userHeld + quantity > activity.perUserLimit) {
    const left = Math.max(0, activity.perUserLimit - userHeld);
    return {
      code: 'OVER_LIMIT',
      message: left === 0 ? `每人限购${activity.perUserLimit}件，你已达到上限` : `每人限购${activity.perUserLimit}件，你还可以买${left}件`,
    };
  }
  if (stockLeft <= 0) return { code: 'OUT_OF_STOCK', message: '已抢光' };
  if (stockLeft < quantity) return { code: 'OUT_OF_STOCK', message: `库存仅剩${stockLeft}件` };
  return null;
}
