import { mulFen, type Fen } from '../money';
import type { TierId } from '../tiers';
import type { FlashSaleErrorCode } from './errors';
import { formatOpensAt, tiersBuyingEarly } from './priority-window';
import type { FlashSale, FlashSaleItem } from './sale';
import { saleStatus } from './sale-status';

export type CanBuy =
  | { readonly ok: true; readonly unitPrice: Fen; readonly total: Fen; /** Buying inside a priority window. */ readonly early: boolean }
  | { readonly ok: false; readonly code: FlashSaleErrorCode | 'INVALID_INPUT' | 'NOT_FOUND'; readonly reason: string };

/**
 * May this person buy `quantity` of `item` now, and at what price? The reason is Chinese, for
 * the page. It reads snapshots (`item.stock` = the stock document's current `stock`, `userBought`
 * = their counter's `bought`), so it is advice for the page and a cheap early "no" for the
 * server; the atomic `flashClaimPlan` is what settles who gets the last unit.
 * The server passes ITS tier for the buyer and ITS clock, never the client's.
 */
export function canBuy(input: {
  sale: FlashSale;
  item: FlashSaleItem;
  userBought: number;
  quantity: number;
  userTier: TierId;
  now: number;
}): CanBuy {
  const { sale, item, userBought, quantity, userTier, now } = input;
  const refuse = (code: Exclude<CanBuy, { ok: true }>['code'], reason: string): CanBuy => ({ ok: false, code, reason });

  if (!Number.isSafeInteger(quantity) || quantity < 1) return refuse('INVALID_INPUT', '购买数量应为正整数');
  if (!sale.items.some((i) => i.id === item.id)) return refuse('NOT_FOUND', '该商品不在本场秒杀中');

  const status = saleStatus(sale, now, userTier);
  if (status.status === 'ended') return refuse('SALE_ENDED', '秒杀已结束');
  if (status.status === 'upcoming') {
    const when = formatOpensAt(status.opensAt, now);
    const early = tiersBuyingEarly(sale, now);
    if (early.length > 0) return refuse('PRIORITY_ONLY', `${early.map((t) => t.name).join('、')}会员优先购中，你可在${when}开抢`);
    return refuse('SALE_NOT_STARTED', `秒杀尚未开始，你可在${when}开抢`);
  }

  if (item.stock <= 0) return refuse('SOLD_OUT', '已抢光');
  if (userBought + quantity > item.perUserLimit) {
    const left = item.perUserLimit - userBought;
    return refuse('OVER_LIMIT', left <= 0 ? `每人限购${item.perUserLimit}件，你已买过${userBought}件` : `每人限购${item.perUserLimit}件，你还可以买${left}件`);
  }
  if (item.stock < quantity) return refuse('OUT_OF_STOCK', `仅剩${item.stock}件`);
  return { ok: true, unitPrice: item.salePrice, total: mulFen(item.salePrice, quantity), early: status.early };
}
