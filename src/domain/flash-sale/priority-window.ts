import { zonedParts } from '../business-day';
import { TIERS, tierById, type Tier, type TierId } from '../tiers';
import type { FlashSale } from './sale';

/**
 * 会员优先购: a tier with priorityHours > 0 (gold, diamond) may buy that many hours before a flash
 * sale's public start; everyone else waits for the start. The hours live in tiers.ts, never here.
 */
const HOUR_MS = 3_600_000;

/** When a member of `tierId` may start buying. */
export function buyingOpensAt(sale: Pick<FlashSale, 'startsAt'>, tierId: TierId): number {
  return sale.startsAt - tierById(tierId).priorityHours * HOUR_MS;
}

/** The tiers already allowed to buy at `now` ahead of the public start (empty outside the window). */
export function tiersBuyingEarly(sale: Pick<FlashSale, 'startsAt'>, now: number): Tier[] {
  if (now >= sale.startsAt) return [];
  return TIERS.filter((t) => t.priorityHours > 0 && now >= buyingOpensAt(sale, t.id));
}

/** '20:00' on the same business day as `now`, otherwise '12月1日 20:00' (Asia/Shanghai). */
export function formatOpensAt(instant: number, now: number): string {
  const at = zonedParts(instant);
  const today = zonedParts(now);
  const clock = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
  const sameDay = at.year === today.year && at.month === today.month && at.day === today.day;
  return sameDay ? clock : `${at.month}月${at.day}日 ${clock}`;
}
