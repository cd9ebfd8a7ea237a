/**
 * The SKU picker's rules, apart from its looks: which combinations can be chosen, what the
 * selection costs and how many may be bought. Types come from the catalog service.
 */
import type { SkuCell, SkuMatrix } from '@/services/catalog';

export interface SkuSelection {
  colorKey: string | null;
  size: string | null;
}

export type SizeState = 'available' | 'sold_out' | 'unavailable';

export function cellAt(matrix: SkuMatrix, colorKey: string | null, size: string | null): SkuCell | null {
  const ci = matrix.colors.findIndex((c) => c.key === colorKey);
  const si = matrix.sizes.findIndex((s) => s.size === size);
  return ci < 0 || si < 0 ? null : (matrix.cells[ci]?.[si] ?? null);
}

export function sizeState(matrix: SkuMatrix, colorKey: string | null, size: string): SizeState {
  if (colorKey === null) return matrix.sizes.find((s) => s.size === size)?.soldOut ? 'sold_out' : 'available';
  const cell = cellAt(matrix, colorKey, size);
  if (!cell) return 'unavailable';
  return cell.soldOut ? 'sold_out' : 'available';
}

/** Start on the first colour that has stock; the size is the shopper's own choice. */
export function initialSelection(matrix: SkuMatrix): SkuSelection {
  const color = matrix.colors.find((c) => !c.soldOut) ?? matrix.colors[0];
  // One-size goods (均码) have nothing to choose: select it when it can be bought.
  const only = matrix.sizes.length === 1 ? matrix.sizes[0].size : null;
  const size = color && only && sizeState(matrix, color.key, only) === 'available' ? only : null;
  return { colorKey: color?.key ?? null, size };
}

/** Changing colour keeps the size when that combination can still be bought, else clears it. */
export function selectColor(matrix: SkuMatrix, current: SkuSelection, colorKey: string): SkuSelection {
  const keep = current.size !== null && sizeState(matrix, colorKey, current.size) === 'available';
  return { colorKey, size: keep ? current.size : null };
}

export function maxQuantity(cell: SkuCell | null, perUserLimit?: number): number {
  if (!cell || cell.stock <= 0) return 0;
  return perUserLimit ? Math.min(cell.stock, perUserLimit) : cell.stock;
}

/** `promoStock`: a sale's own stock (flash sale), which is what this price can still buy, not the SKU's. */
export function stockText(cell: SkuCell | null, lowStockThreshold: number, promoStock?: number): string {
  if (!cell) return '请选择尺码';
  if (promoStock !== undefined) return promoStock <= lowStockThreshold ? `活动仅剩 ${promoStock} 件` : `活动库存 ${promoStock} 件`;
  if (cell.soldOut) return '已售罄';
  return cell.stock <= lowStockThreshold ? `仅剩 ${cell.stock} 件` : `库存 ${cell.stock} 件`;
}
