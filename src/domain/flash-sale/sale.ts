import { formatFen, type Fen } from '../money';
import { parse, v, ValidationError } from '../validate';

/**
 * A flash sale (限时秒杀): for a fixed window, some SKUs at a sale price, each with its own stock
 * and per-person limit. Times are UTC epoch milliseconds; prices are fen.
 */
export interface FlashSaleItem {
  /** flashSaleItemId(saleId, skuId): the key of the item's stock document and of buyers' counters. */
  readonly id: string;
  readonly skuId: string;
  /** The catalogue price when the sale was saved. */
  readonly normalPrice: Fen;
  readonly salePrice: Fen;
  /**
   * Units on offer. In a saved config, the total; when a page or `canBuy` reads it back, the
   * stock document's current `stock` (what is left).
   */
  readonly stock: number;
  readonly perUserLimit: number;
}

export interface FlashSale {
  readonly id: string;
  readonly title: string;
  /** Public start; tiers with priorityHours may buy that many hours earlier. */
  readonly startsAt: number;
  readonly endsAt: number;
  readonly items: readonly FlashSaleItem[];
}

/** A flash sale is short by nature; a week-long "flash" price is a normal promotion in disguise. */
export const FLASH_SALE_MAX_MS = 7 * 24 * 3_600_000;

/** Deterministic, so a retried save writes the same documents and a counter key never changes. */
export function flashSaleItemId(saleId: string, skuId: string): string {
  return `${saleId}:${skuId}`;
}

const schema = v.object({
  id: v.string({ min: 1, max: 64, label: '秒杀编号' }),
  title: v.string({ min: 1, max: 30, label: '秒杀名称' }),
  startsAt: v.int({ min: 0, label: '开始时间' }),
  endsAt: v.int({ min: 0, label: '结束时间' }),
  items: v.array(
    v.object({
      skuId: v.string({ min: 1, max: 64, label: '商品规格' }),
      salePrice: v.int({ min: 1, label: '秒杀价（分）' }),
      stock: v.int({ min: 1, max: 1_000_000, label: '秒杀库存' }),
      perUserLimit: v.int({ min: 1, max: 99, label: '每人限购' }),
    }),
    { min: 1, max: 50, label: '秒杀商品' },
  ),
});

/**
 * Validates what the admin page sends; `catalogPrice` is the server's own lookup of the normal
 * price (never taken from the request). Throws ValidationError (INVALID_INPUT) in Chinese.
 */
export function parseFlashSale(input: unknown, catalogPrice: (skuId: string) => Fen | undefined): FlashSale {
  const raw = parse(schema, input);
  if (raw.endsAt <= raw.startsAt) throw new ValidationError('结束时间', '应晚于开始时间');
  if (raw.endsAt - raw.startsAt > FLASH_SALE_MAX_MS) throw new ValidationError('秒杀时长', '不能超过7天');
  const seen = new Set<string>();
  const items = raw.items.map((item, i) => {
    const which = `第${i + 1}个秒杀商品`;
    if (seen.has(item.skuId)) throw new ValidationError(which, '重复了');
    seen.add(item.skuId);
    const normalPrice = catalogPrice(item.skuId);
    if (normalPrice === undefined) throw new ValidationError(which, '不存在或已下架');
    if (item.salePrice >= normalPrice) throw new ValidationError(`${which}的秒杀价`, `应低于原价${formatFen(normalPrice)}`);
    return { id: flashSaleItemId(raw.id, item.skuId), skuId: item.skuId, normalPrice, salePrice: item.salePrice, stock: item.stock, perUserLimit: item.perUserLimit };
  });
  return { id: raw.id, title: raw.title, startsAt: raw.startsAt, endsAt: raw.endsAt, items };
}
