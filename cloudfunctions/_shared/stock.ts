/**
 * SKU stock moves. Stock only ever changes by a conditional `_.inc`, so two buyers can never both
 * take the last piece: the database decides, not a read made earlier. Reservations run one SKU
 * after another in a fixed order (by SKU id), so two orders wanting the same scarce SKUs cannot
 * each grab half and both fail.
 */
import { AppError } from '../../src/domain/reply';
import type { Command, Database } from './db-types';

export interface StockLine {
  skuId: string;
  quantity: number;
  /** For the shopper's message when this line runs out. */
  label?: string;
}

/** Returns the lines in the order reservations take them. */
export function reservationOrder<T extends StockLine>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
}

/**
 * Takes `quantity` of every line (and counts them as sold), all or nothing: when one line cannot
 * be had, what was taken before it is given back and OUT_OF_STOCK names that line.
 */
export async function reserveStock(db: Database, _: Command, lines: readonly StockLine[]): Promise<void> {
  const taken: StockLine[] = [];
  try {
    for (const line of reservationOrder(lines)) {
      const res = await db
        .collection('skus')
        .where({ _id: line.skuId, status: 'on_sale', stock: _.gte(line.quantity) })
        .update({ data: { stock: _.inc(-line.quantity), sales: _.inc(line.quantity) } });
      if (res.stats.updated !== 1) throw new AppError('OUT_OF_STOCK', line.label ? `「${line.label}」库存不足` : undefined);
      taken.push(line);
    }
  } catch (error) {
    await releaseStock(db, _, taken);
    throw error;
  }
}

/** Gives stock back (cancelled, refunded before shipping, or a failed reservation). */
export async function releaseStock(db: Database, _: Command, lines: readonly StockLine[]): Promise<void> {
  await Promise.all(
    lines.map((line) => db.collection('skus').doc(line.skuId).update({ data: { stock: _.inc(line.quantity), sales: _.inc(-line.quantity) } })),
  );
}
