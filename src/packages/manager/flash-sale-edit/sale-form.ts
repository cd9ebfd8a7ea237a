/**
 * The 新建秒杀 form's own logic: what a manager types (yuan, counts, Shanghai date and time) turned
 * into what `flashsale.saveSale` takes (fen, integers, epoch ms), and the hints shown beside each
 * field before sending. The server checks everything again; these hints only save a round trip.
 */
import type { Fen } from '@/domain/money';
import { MAX_PER_USER_LIMIT } from '@/domain/flash-sale/sale-config';
import type { SaleInput } from '@/services/flashsale';
import { priceHint, rowsProblem, stockHint, wholeNumber, titleAndWindow, yuanToFen, type TimeWindow } from '../parts/form-helpers';

export interface ItemDraft {
  skuId: string;
  /** '冰丝凉感T恤 白色 / M' */
  label: string;
  /** the SKU's price now, fen */
  price: Fen;
  /** the SKU's available units now */
  skuStock: number;
  /** what the manager typed */
  salePriceYuan: string;
  stock: string;
  perUserLimit: string;
}

export interface ItemHints {
  salePrice?: string;
  stock?: string;
  perUserLimit?: string;
}

/** The sale price in fen, or null when what was typed is not a price. */
export function salePriceFen(item: Pick<ItemDraft, 'salePriceYuan'>): Fen | null {
  return yuanToFen(item.salePriceYuan);
}

/** '6.5折' for a sale price against the SKU's price; null when there is nothing sensible to say. */
export function discountText(item: Pick<ItemDraft, 'salePriceYuan' | 'price'>): string | null {
  const fen = salePriceFen(item);
  if (fen === null || fen <= 0 || fen >= item.price) return null;
  const tenths = Math.max(1, Math.floor((fen * 100) / item.price));
  return `${(tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1)}折`;
}

/** Problems with one item as typed; empty when it may be sent. */
export function itemHints(item: ItemDraft): ItemHints {
  const hints: ItemHints = {};
  const price = priceHint(item.salePriceYuan, item.price, '秒杀价');
  if (price) hints.salePrice = price;
  const stock = stockHint(item.stock, item.skuStock, '秒杀库存');
  if (stock) hints.stock = stock;
  const limit = wholeNumber(item.perUserLimit);
  if (limit === null || limit < 1 || limit > MAX_PER_USER_LIMIT) hints.perUserLimit = `每人限购应为1-${MAX_PER_USER_LIMIT}件`;
  return hints;
}

export interface SaleForm extends TimeWindow {
  title: string;
  items: ItemDraft[];
}

/** The request for saveSale, or the first problem to show above the button. */
export function toSaleInput(form: SaleForm): { ok: true; input: SaleInput } | { ok: false; error: string } {
  const head = titleAndWindow(form, '请填写秒杀名称');
  if (!head.ok) return head;
  const problem = rowsProblem(form.items, itemHints);
  if (problem) return { ok: false, error: problem };
  const items = form.items.map((i) => ({ skuId: i.skuId, salePrice: salePriceFen(i)!, stock: Number(i.stock), perUserLimit: Number(i.perUserLimit) }));
  return { ok: true, input: { ...head.fields, items } };
}
