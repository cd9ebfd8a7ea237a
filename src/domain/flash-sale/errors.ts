/**
 * Flash-sale refusal codes and their default messages. Codes are API contract (add, never
 * rename); `canBuy` usually gives a more precise message (how many are left, when you may buy).
 */
export const FLASH_SALE_ERRORS = {
  SALE_NOT_STARTED: '秒杀尚未开始',
  /** Someone else's priority window is open but not yours yet. */
  PRIORITY_ONLY: '会员优先购中',
  SALE_ENDED: '秒杀已结束',
  SOLD_OUT: '已抢光',
  /** Some left, fewer than asked for. */
  OUT_OF_STOCK: '库存不足',
  OVER_LIMIT: '超出每人限购数量',
} as const;

export type FlashSaleErrorCode = keyof typeof FLASH_SALE_ERRORS;
