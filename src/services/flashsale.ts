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

/** One item of a sale as the manager sees it: `stock` is what the sale put up, `sold` what buyers took. */
export interface AdminSaleItem extends FlashItem {
  stock: number;
}

export interface AdminSale {
  saleId: string;
  title: string;
  startAt: number;
  endAt: number;
  /** by the server clock */
  status: SaleStatus;
  priorityStartAt: number | null;
  createdAt: number;
  /** when a manager ended it early, else null */
  endedAt: number | null;
  items: AdminSaleItem[];
}

/** What the 新建秒杀 form sends: instants in epoch ms, prices in fen. */
export interface SaleInput {
  title: string;
  startsAt: number;
  endsAt: number;
  items: { skuId: string; salePrice: Fen; stock: number; perUserLimit: number }[];
}

const call = <T>(data: Record<string, unknown>): Promise<Reply<T>> => callFunction<T>('flashsale', data);

export const flashsaleService = {
  list: () => call<{ sales: FlashSale[]; now?: number }>({ action: 'list' }),
  forProduct: (productId: string) => call<ProductFlash>({ action: 'forProduct', productId }),
  buy: (saleItemId: string, input: Omit<PurchaseInput, 'skuId'> & { skuId?: string }) => call<PurchaseReply>({ action: 'buy', saleItemId, ...input }),
  /** manager: every sale, newest first */
  adminSales: () => call<{ sales: AdminSale[]; now: number }>({ action: 'adminSales' }),
  /** manager: create a sale */
  saveSale: (input: SaleInput) => call<{ sale: AdminSale }>({ action: 'saveSale', ...input }),
  /** manager: end a running or upcoming sale now */
  endSale: (saleId: string) => call<{ sale: AdminSale; returned: number }>({ action: 'endSale', saleId }),
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
