import { buyingOpensAt, formatOpensAt, tiersBuyingEarly } from './priority-window';

// 2026-12-01 20:00 in Shanghai.
const sale = { startsAt: Date.UTC(2026, 11, 1, 12, 0) };
const H = 3_600_000;

describe('member priority window', () => {
  it('opens buying priorityHours early for gold and diamond only', () => {
    expect(buyingOpensAt(sale, 'normal')).toBe(sale.startsAt);
    expect(buyingOpensAt(sale, 'silver')).toBe(sale.startsAt);
    expect(buyingOpensAt(sale, 'gold')).toBe(sale.startsAt - 2 * H);
    expect(buyingOpensAt(sale, 'diamond')).toBe(sale.startsAt - 4 * H);
  });

  it('names the tiers already buying', () => {
    expect(tiersBuyingEarly(sale, sale.startsAt - 5 * H)).toEqual([]);
    expect(tiersBuyingEarly(sale, sale.startsAt - 3 * H).map((t) => t.name)).toEqual(['黑钻']);
    expect(tiersBuyingEarly(sale, sale.startsAt - 1).map((t) => t.name)).toEqual(['金卡', '黑钻']);
    expect(tiersBuyingEarly(sale, sale.startsAt)).toEqual([]);
  });

  it('writes the opening time in Shanghai, with the date when it is not today', () => {
    expect(formatOpensAt(sale.startsAt, sale.startsAt - 3 * H)).toBe('20:00');
    expect(formatOpensAt(sale.startsAt, sale.startsAt - 24 * H)).toBe('12月1日 20:00');
  });
});
