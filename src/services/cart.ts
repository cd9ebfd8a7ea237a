/** The server-side cart (cloud function `cart`). Every change replies with the whole cart. */
import type { Fen } from '@/domain/money';
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';

export interface CartLine {
  skuId: string;
  productId: string;
  title: string;
  /** cloud file id */
  image: string;
  specText: string;
  unitPrice: Fen;
  listPrice: Fen;
  quantity: number;
  stock: number;
  selected: boolean;
  /** false when the SKU is off the shelf or sold out: shown greyed, never checked out */
  available: boolean;
}

export interface CartData {
  items: CartLine[];
  count: number;
}

/** The most of one SKU a cart line may hold, whatever the stock. */
export const MAX_PER_LINE = 99;

export const cartService = {
  list: (): Promise<Reply<CartData>> => callFunction<CartData>('cart', { action: 'list' }),
  add: (skuId: string, quantity: number): Promise<Reply<CartData>> => callFunction<CartData>('cart', { action: 'add', skuId, quantity }),
  update: (skuId: string, change: { quantity?: number; selected?: boolean }): Promise<Reply<CartData>> =>
    callFunction<CartData>('cart', { action: 'update', skuId, ...change }),
  remove: (skuIds: string[]): Promise<Reply<CartData>> => callFunction<CartData>('cart', { action: 'remove', skuIds }),
  count: (): Promise<Reply<{ count: number }>> => callFunction<{ count: number }>('cart', { action: 'count' }),
};
