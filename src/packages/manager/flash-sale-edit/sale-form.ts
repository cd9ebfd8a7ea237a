/**
 * The 新建秒杀 form's own logic: what a manager types (yuan, counts, Shanghai date and time) turned
 * into what `flashsale.saveSale` takes (fen, integers, epoch ms), and the hints shown beside each
 * field before sending. The server checks everything again; these hints only save a round trip.
 */
import { formatFen, parseYuan, type Fen } from '@/domain/money';
import { MAX_PER_USER_LIMIT } from '@/domain/flash-sale/sale-config';
import type { SaleInput } from '@/services/flashsale';

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

const wholeNumber = (text: string): number | null => (/^\s*\d{1,7}\s*$/.test(text) ? Number(text) : null);

/** The sale price in fen, or null when what was typed is not a price. */
export function salePriceFen(item: Pick<ItemDraft, 'salePriceYuan'>): Fen | null {
  const fen = parseYuan(item.salePriceYuan);
  return fen === null || fen < 0 ? null : fen;
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
  const fen = salePriceFen(item);
  if (item.salePriceYuan.trim() === '') hints.salePrice = '请填写秒杀价';
  else if (fen === null) hints.salePrice = '价格格式不正确，最多两位小数';
  else if (fen <= 0) hints.salePrice = '秒杀价应大于0';
  else if (fen >= item.price) hints.salePrice = `应低于原价${formatFen(item.price)}`;
  const stock = wholeNumber(item.stock);
  if (stock === null || stock < 1) hints.stock = '秒杀库存应为正整数';
  else if (stock > item.skuStock) hints.stock = `不能超过现有库存${item.skuStock}件`;
  const limit = wholeNumber(item.perUserLimit);
  if (limit === null || limit < 1 || limit > MAX_PER_USER_LIMIT) hints.perUserLimit = `每人限购应为1-${MAX_PER_USER_LIMIT}件`;
  return hints;
}

export const hasHints = (hints: ItemHints): boolean => Object.keys(hints).length > 0;

/** A Shanghai date ('2026-12-06') and time ('20:00') as epoch ms. */
export function shanghaiInstant(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

export interface SaleForm {
  title: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  items: ItemDraft[];
}

/** The request for saveSale, or the first problem to show above the button. */
export function toSaleInput(form: SaleForm): { ok: true; input: SaleInput } | { ok: false; error: string } {
  if (form.title.trim() === '') return { ok: false, error: '请填写秒杀名称' };
  const startsAt = shanghaiInstant(form.startDate, form.startTime);
  const endsAt = shanghaiInstant(form.endDate, form.endTime);
  if (Number.isNaN(startsAt) || Number.isNaN(endsAt)) return { ok: false, error: '请选择开始和结束时间' };
  if (endsAt <= startsAt) return { ok: false, error: '结束时间应晚于开始时间' };
  if (form.items.length === 0) return { ok: false, error: '请至少添加一个商品规格' };
  const bad = form.items.findIndex((i) => hasHints(itemHints(i)));
  if (bad >= 0) return { ok: false, error: `「${form.items[bad].label}」${Object.values(itemHints(form.items[bad]))[0]}` };
  return {
    ok: true,
    input: {
      title: form.title.trim(),
      startsAt,
      endsAt,
      items: form.items.map((i) => ({ skuId: i.skuId, salePrice: salePriceFen(i)!, stock: Number(i.stock), perUserLimit: Number(i.perUserLimit) })),
    },
  };
}
