import { countdown, countdownText, type Countdown } from '../groupbuy/countdown';
import type { TierId } from '../tiers';
import { buyingOpensAt } from './priority-window';
import type { FlashSale } from './sale';

export type SaleStatus = 'upcoming' | 'active' | 'ended';

export interface SaleStatusView {
  readonly status: SaleStatus;
  /** To when buying opens while upcoming, to the end while active; ended once over. */
  readonly countdown: Countdown;
  /** '距开始 02:15:09' / '距结束 00:45:10' / '已结束'. */
  readonly text: string;
  /** When this viewer may buy: the public start, or earlier for a tier with priority hours. */
  readonly opensAt: number;
  /** Active for this viewer only because of their tier's priority window. */
  readonly early: boolean;
}

/**
 * Where the sale stands at `now`. Without a tier this is the public view; with one, a gold or
 * diamond member inside their priority window sees the sale as active (early: true).
 * Active on [opensAt, endsAt): the end instant already belongs to "ended".
 */
export function saleStatus(sale: Pick<FlashSale, 'startsAt' | 'endsAt'>, now: number, tierId: TierId = 'normal'): SaleStatusView {
  const opensAt = buyingOpensAt(sale, tierId);
  if (now >= sale.endsAt) {
    return { status: 'ended', countdown: countdown(sale.endsAt, now), text: '已结束', opensAt, early: false };
  }
  if (now < opensAt) {
    return { status: 'upcoming', countdown: countdown(opensAt, now), text: countdownText(opensAt, now, { prefix: '距开始' }), opensAt, early: false };
  }
  return {
    status: 'active',
    countdown: countdown(sale.endsAt, now),
    text: countdownText(sale.endsAt, now, { prefix: '距结束' }),
    opensAt,
    early: now < sale.startsAt,
  };
}
