/**
 * 限时秒杀 (cloud function `flashsale`, docs/api.md "flashsale"). Money is integer fen; instants
 * are epoch ms from the server's clock. `buy` creates an order of type 'flash', paid through
 * `orders.pay` like any other.
 */
import type { Fen } from '@/domain/money';
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';
import type { PurchaseInput, PurchaseReply } from './groupbuy';

export type SaleStatus = 'upcoming' | 'active' | 'ended';

export interface FlashItem {
  saleItemId: string;
  productId: string;
  skuId: string;
  title: string;
  image: string;
  specText: string;
  salePrice: Fen;
  listPrice: Fen;
  stockLeft: number;
  sold: number;
  perUserLimit: number;
}

export interface FlashSale {
  saleId: string;
  title: string;
  startAt: number;
  endAt: number;
  status: SaleStatus;
  /** when gold and above may start buying (会员优先购), or null when no tier buys early */
  priorityStartAt: number | null;
  /** when this viewer may buy (their tier's priority opening, else startAt); sent by the backend as an extra */
  opensAt?: number;
  items: FlashItem[];
}

export interface FlashViewer {
  canBuyNow: boolean;
  /** why not, in words, when canBuyNow is false */
  reason: string | null;
  /** units already bought, by saleItemId */
  bought: Record<string, number>;
}

export interface ProductFlash {
  sale: FlashSale | null;
  viewer: FlashViewer;
  now?: number;
}

const call = <T>(data: Record<string, unknown>): Promise<Reply<T>> => callFunction<T>('flashsale', data);

export const flashsaleService = {
  list: () => call<{ sales: FlashSale[]; now?: number }>({ action: 'list' }),
  forProduct: (productId: string) => call<ProductFlash>({ action: 'forProduct', productId }),
  buy: (saleItemId: string, input: Omit<PurchaseInput, 'skuId'> & { skuId?: string }) => call<PurchaseReply>({ action: 'buy', saleItemId, ...input }),
};

/** 已抢N%: sold out of everything this sale put up for these items, whole percent, 100 only when none is left. */
export function soldPercent(items: Pick<FlashItem, 'sold' | 'stockLeft'>[]): number {
  const sold = items.reduce((n, i) => n + i.sold, 0);
  const total = sold + items.reduce((n, i) => n + i.stockLeft, 0);
  if (total === 0) return 0;
  const left = total - sold;
  if (left === 0) return 100;
  return Math.min(99, Math.floor((sold / total) * 100));
}
