import { AppError } from '../reply';

/**
 * The group-buy error codes a cloud function may reply with, and what a person reads.
 * Codes are API contract (add, never rename); the page decides what to offer next from the code
 * (GROUP_FULL -> "open your own group"), so two refusals that call for different offers get two codes.
 */
export const GROUPBUY_ERRORS = {
  ALREADY_JOINED: '你已在这个团里了',
  OWN_GROUP: '不能参加自己开的团',
  GROUP_FULL: '这个团已满员，可以自己开一个团',
  GROUP_EXPIRED: '这个团已过期',
  GROUP_CLOSED: '这个团已关闭',
  /** The leader has created the group but not paid yet: nobody may join a group that may never open. */
  GROUP_NOT_READY: '团长还未完成支付，请稍后再来',
  /** Too many people are paying at once for the places left; see MAX_PAYING_PER_PLACE. */
  GROUP_BUSY: '参团的人太多了，请稍后再试',
  ACTIVITY_NOT_STARTED: '拼团活动尚未开始',
  ACTIVITY_ENDED: '拼团活动已结束',
  OUT_OF_STOCK: '库存不足',
  OVER_LIMIT: '超出每人限购数量',
} as const;

export type GroupBuyErrorCode = keyof typeof GROUPBUY_ERRORS;

/** An AppError with the standard message, or a more precise one ("每人限购2件，你已买2件"). */
export function groupBuyError(code: GroupBuyErrorCode, message: string = GROUPBUY_ERRORS[code]): AppError {
  return new AppError(code, message);
}
