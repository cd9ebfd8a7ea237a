/**
 * The cart as the cart tab shows it. The server owns the cart; every change replies with the whole
 * cart, which replaces ours, so the page never shows a quantity the server refused.
 */
import { create } from 'zustand';
import { addFen, mulFen, type Fen } from '@/domain/money';
import { cartService, type CartData, type CartLine } from '@/services/cart';
import type { Reply } from '@/domain/reply';

export type CartStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CartState {
  status: CartStatus;
  items: CartLine[];
  count: number;
  error: string | null;
  /** skuIds with a change in flight, to disable their controls */
  busy: string[];
  load(): Promise<void>;
  setQuantity(skuId: string, quantity: number): Promise<Reply<CartData>>;
  toggle(skuId: string): Promise<Reply<CartData>>;
  toggleAll(selected: boolean): Promise<Reply<CartData> | null>;
  remove(skuIds: string[]): Promise<Reply<CartData>>;
  add(skuId: string, quantity: number): Promise<Reply<CartData>>;
}

/** Lines that can be checked out now: selected and available. */
export function checkoutLines(items: CartLine[]): CartLine[] {
  return items.filter((i) => i.selected && i.available);
}

export function selectedTotal(items: CartLine[]): Fen {
  return addFen(0, ...checkoutLines(items).map((i) => mulFen(i.unitPrice, i.quantity)));
}

export const useCart = create<CartState>((set, get) => {
  const apply = async (skuIds: string[], run: () => Promise<Reply<CartData>>) => {
    set({ busy: [...get().busy, ...skuIds] });
    const reply = await run();
    const busy = get().busy.filter((id) => !skuIds.includes(id));
    if (reply.ok) set({ items: reply.data.items, count: reply.data.count, busy, status: 'ready', error: null });
    else set({ busy });
    return reply;
  };
  return {
    status: 'idle',
    items: [],
    count: 0,
    error: null,
    busy: [],
    async load() {
      if (get().status !== 'ready') set({ status: 'loading', error: null });
      const reply = await cartService.list();
      if (reply.ok) set({ status: 'ready', items: reply.data.items, count: reply.data.count, error: null });
      else set({ status: 'error', error: reply.message });
    },
    setQuantity: (skuId, quantity) => apply([skuId], () => cartService.update(skuId, { quantity })),
    toggle(skuId) {
      const line = get().items.find((i) => i.skuId === skuId);
      return apply([skuId], () => cartService.update(skuId, { selected: !line?.selected }));
    },
    async toggleAll(selected) {
      const targets = get().items.filter((i) => i.available && i.selected !== selected);
      if (targets.length === 0) return null;
      // One update per line; the last reply carries the whole cart.
      let last: Reply<CartData> | null = null;
      for (const t of targets) {
        last = await apply([t.skuId], () => cartService.update(t.skuId, { selected }));
        if (!last.ok) break;
      }
      return last;
    },
    remove: (skuIds) => apply(skuIds, () => cartService.remove(skuIds)),
    add: (skuId, quantity) => apply([skuId], () => cartService.add(skuId, quantity)),
  };
});
