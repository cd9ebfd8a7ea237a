import fc from 'fast-check';
import { TIERS, tierById, type TierId } from '../tiers';
import {
  evaluateTier,
  progressFrom,
  qualifyingTier,
  sumWindow,
  tierChangeNotice,
  tierOnDailyReevaluation,
  tierOnOrderCompletion,
  tierWindow,
  type PaidOrder,
} from './tier-evaluation';

const silver = tierById('silver');
const gold = tierById('gold');
const diamond = tierById('diamond');

// 2026-11-22 10:00 in Shanghai.
const NOW = new Date('2026-11-22T02:00:00Z');

/** `count` orders inside the window that add up to `spend` (the first one takes the remainder). */
function ordersWorth(spend: number, count: number, paidAt = new Date('2026-06-01T04:00:00Z')): PaidOrder[] {
  const each = Math.floor(spend / count);
  return Array.from({ length: count }, (_, i) => ({ paidAt, amount: i === 0 ? spend - each * (count - 1) : each }));
}

describe('the rolling 12-month window', () => {
  it('is the 12 months of Shanghai days ending today', () => {
    const w = tierWindow(NOW);
    expect([w.firstDay, w.lastDay]).toEqual(['2025-11-23', '2026-11-22']);
    // Shanghai midnights, expressed in UTC.
    expect(w.from.toISOString()).toBe('2025-11-22T16:00:00.000Z');
    expect(w.until.toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });

  it('leaves out an order paid on the same date one year ago, at any hour, and keeps the next day', () => {
    const one = (iso: string) => sumWindow([{ paidAt: new Date(iso), amount: 5000 }], NOW).orders12m;
    expect(one('2025-11-22T02:00:00Z')).toBe(0); // exactly 12 months before NOW
    expect(one('2025-11-22T15:59:59.999Z')).toBe(0); // 2025-11-22 23:59:59.999 in Shanghai
    expect(one('2025-11-22T16:00:00.000Z')).toBe(1); // 2025-11-23 00:00 in Shanghai
  });

  it('keeps all of today, and nothing dated tomorrow', () => {
    const one = (iso: string) => sumWindow([{ paidAt: new Date(iso), amount: 5000 }], NOW).orders12m;
    expect(one('2026-11-22T15:59:59.999Z')).toBe(1);
    expect(one('2026-11-22T16:00:00.000Z')).toBe(0);
  });

  it('stays the same window all day, whatever hour the job runs', () => {
    const early = tierWindow(new Date('2026-11-21T16:00:00Z'));
    const late = tierWindow(new Date('2026-11-22T15:59:59Z'));
    expect(late).toEqual(early);
  });

  it('spans exactly 12 months around 29 February', () => {
    expect(tierWindow(new Date('2028-02-29T04:00:00Z')).firstDay).toBe('2027-03-01');
    const leapDayOrder = [{ paidAt: new Date('2028-02-29T04:00:00Z'), amount: 100 }];
    expect(sumWindow(leapDayOrder, new Date('2029-02-28T04:00:00Z')).orders12m).toBe(1);
    expect(sumWindow(leapDayOrder, new Date('2029-03-01T04:00:00Z')).orders12m).toBe(0);
  });
});

describe('window totals', () => {
  it('adds paid amounts and counts orders, net of refunds', () => {
    const paidAt = new Date('2026-05-01T04:00:00Z');
    const totals = sumWindow(
      [
        { paidAt, amount: 10_000 },
        { paidAt, amount: 20_000, refunded: true },
        { paidAt, amount: 30_000, refundedAmount: 12_000 },
        { paidAt, amount: 4_000, refundedAmount: 4_000 },
      ],
      NOW,
    );
    // 100 + (300 - 120) yuan; the fully and the down-to-zero refunded orders count for nothing.
    expect(totals).toEqual({ spend12m: 28_000, orders12m: 2 });
  });

  it('refuses amounts that are not fen or refunds larger than the order', () => {
    const paidAt = new Date('2026-05-01T04:00:00Z');
    expect(() => sumWindow([{ paidAt, amount: 12.5 }], NOW)).toThrow(RangeError);
    expect(() => sumWindow([{ paidAt, amount: 100, refundedAmount: 101 }], NOW)).toThrow(RangeError);
    expect(() => evaluateTier('normal', { spend12m: -1, orders12m: 0 }, NOW)).toThrow(RangeError);
  });
});

describe('qualifying tier', () => {
  it('needs both the spend and the order count of a tier', () => {
    expect(qualifyingTier({ spend12m: 0, orders12m: 0 })).toBe('normal');
    expect(qualifyingTier({ spend12m: gold.minSpend12m, orders12m: gold.minOrders12m })).toBe('gold');
    expect(qualifyingTier({ spend12m: gold.minSpend12m - 1, orders12m: gold.minOrders12m })).toBe('silver');
    expect(qualifyingTier({ spend12m: gold.minSpend12m, orders12m: gold.minOrders12m - 1 })).toBe('silver');
    // One huge order buys no tier: the order count holds it back.
    expect(qualifyingTier({ spend12m: diamond.minSpend12m * 10, orders12m: 1 })).toBe('normal');
    expect(qualifyingTier({ spend12m: diamond.minSpend12m, orders12m: diamond.minOrders12m })).toBe('diamond');
  });

  it('never goes down when spend or orders go up', () => {
    fc.assert(
      fc.property(fc.nat(2_000_000), fc.nat(30), fc.nat(500_000), fc.nat(10), (spend, orders, moreSpend, moreOrders) => {
        const rank = (s: number, o: number) => tierById(qualifyingTier({ spend12m: s, orders12m: o })).rank;
        expect(rank(spend + moreSpend, orders + moreOrders)).toBeGreaterThanOrEqual(rank(spend, orders));
      }),
    );
  });

  it('gives the same answer from orders as from their pre-summed totals', () => {
    const order = fc.record({
      paidAt: fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
      amount: fc.integer({ min: 0, max: 200_000 }),
      refunded: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(order, { maxLength: 20 }), (orders) => {
        const inWindow = orders.filter((o) => !o.refunded && o.amount > 0 && o.paidAt >= tierWindow(NOW).from && o.paidAt < tierWindow(NOW).until);
        const presummed = { spend12m: inWindow.reduce((s, o) => s + o.amount, 0), orders12m: inWindow.length };
        expect(evaluateTier('silver', orders, NOW)).toEqual(evaluateTier('silver', presummed, NOW));
      }),
    );
  });
});

describe('progress to the next tier', () => {
  it('counts what is still needed from zero', () => {
    expect(progressFrom('normal', { spend12m: 0, orders12m: 0 })).toEqual({
      next: 'silver',
      spendNeeded: silver.minSpend12m,
      ordersNeeded: silver.minOrders12m,
      percent: 0,
    });
    const halfway = { spend12m: gold.minSpend12m / 2, orders12m: gold.minOrders12m };
    expect(progressFrom('silver', halfway)).toEqual({ next: 'gold', spendNeeded: gold.minSpend12m / 2, ordersNeeded: 0, percent: 50 });
  });

  it('shows the lower of the two percentages, floored', () => {
    // Spend all there, one order short of diamond's count: the order count sets the bar.
    const p = progressFrom('gold', { spend12m: diamond.minSpend12m, orders12m: diamond.minOrders12m - 1 });
    expect(p.percent).toBe(Math.floor(((diamond.minOrders12m - 1) * 100) / diamond.minOrders12m));
    expect(p.spendNeeded).toBe(0);
    expect(p.ordersNeeded).toBe(1);
  });

  it('is full with nothing left at the top tier', () => {
    expect(progressFrom('diamond', { spend12m: 0, orders12m: 0 })).toEqual({ next: null, spendNeeded: 0, ordersNeeded: 0, percent: 100 });
  });

  it('is an integer below 100 whenever there is a tier left to reach', () => {
    fc.assert(
      fc.property(fc.nat(3_000_000), fc.nat(40), fc.constantFrom<TierId>('normal', 'silver', 'gold', 'diamond'), (spend, orders, current) => {
        const e = evaluateTier(current, { spend12m: spend, orders12m: orders }, NOW);
        const p = e.progress;
        expect(Number.isInteger(p.percent)).toBe(true);
        expect(p.percent).toBeGreaterThanOrEqual(0);
        expect(p.percent).toBeLessThanOrEqual(p.next === null ? 100 : 99);
        // The bar points above whatever the member holds or qualifies for.
        const holds = Math.max(tierById(current).rank, tierById(e.qualified).rank);
        expect(p.next === null ? TIERS.length : tierById(p.next).rank).toBe(holds + 1);
      }),
    );
  });
});

describe('changing tier', () => {
  const goldTotals = { spend12m: gold.minSpend12m, orders12m: gold.minOrders12m };
  const silverTotals = { spend12m: silver.minSpend12m, orders12m: silver.minOrders12m };

  it('announces upgrades and downgrades in Chinese', () => {
    expect(tierChangeNotice('silver', 'gold')).toBe('恭喜升级为金卡会员');
    expect(tierChangeNotice('gold', 'silver')).toBe('会员等级调整为银卡会员');
    expect(tierChangeNotice('silver', 'normal')).toBe('会员等级调整为普通会员');
    expect(tierChangeNotice('gold', 'gold')).toBeNull();
  });

  it('upgrades on order completion, skipping tiers when the totals allow', () => {
    const d = tierOnOrderCompletion('normal', ordersWorth(gold.minSpend12m, gold.minOrders12m), NOW);
    expect(d).toMatchObject({ from: 'normal', to: 'gold', change: 'upgrade', notice: '恭喜升级为金卡会员' });
  });

  it('never downgrades on order completion', () => {
    const d = tierOnOrderCompletion('gold', silverTotals, NOW);
    expect(d).toMatchObject({ from: 'gold', to: 'gold', change: 'unchanged', notice: null });
    // The evaluation still tells what the member qualifies for.
    expect(d.evaluation.qualified).toBe('silver');
    expect(d.evaluation.change).toBe('downgrade');
  });

  it('downgrades in the daily re-evaluation once orders age out of the window', () => {
    const orders = ordersWorth(gold.minSpend12m, gold.minOrders12m, new Date('2025-12-01T04:00:00Z'));
    // Paid on 2025-12-01 (Shanghai): still counted through 2026-11-30, gone from 2026-12-01 00:00.
    expect(tierOnDailyReevaluation('gold', orders, new Date('2026-11-30T15:59:59Z')).to).toBe('gold');
    const d = tierOnDailyReevaluation('gold', orders, new Date('2026-11-30T16:00:00Z'));
    expect(d.evaluation.totals).toEqual({ spend12m: 0, orders12m: 0 });
    expect(d).toMatchObject({ to: 'normal', change: 'downgrade', notice: '会员等级调整为普通会员' });
  });

  it('also catches up a missed upgrade in the daily re-evaluation', () => {
    expect(tierOnDailyReevaluation('silver', goldTotals, NOW)).toMatchObject({ to: 'gold', notice: '恭喜升级为金卡会员' });
  });

  it('leaves a member who still qualifies alone', () => {
    expect(tierOnDailyReevaluation('gold', goldTotals, NOW)).toMatchObject({ to: 'gold', change: 'unchanged', notice: null });
  });

  it('only ever raises the tier on completion and always lands on the qualified tier daily', () => {
    fc.assert(
      fc.property(fc.nat(3_000_000), fc.nat(40), fc.constantFrom<TierId>('normal', 'silver', 'gold', 'diamond'), (spend, orders, current) => {
        const totals = { spend12m: spend, orders12m: orders };
        const onCompletion = tierOnOrderCompletion(current, totals, NOW);
        expect(tierById(onCompletion.to).rank).toBe(Math.max(tierById(current).rank, tierById(qualifyingTier(totals)).rank));
        expect(tierOnDailyReevaluation(current, totals, NOW).to).toBe(qualifyingTier(totals));
      }),
    );
  });
});
