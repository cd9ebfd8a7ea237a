import fc from 'fast-check';
import { RFM_CONFIG, RFM_SEGMENTS, rfmScores, rfmSegment, type RfmScore } from './rfm';

const sh = (day: string, time = '12:00') => Date.parse(`${day}T${time}:00+08:00`);
const now = sh('2026-06-30', '09:00');
const order = (day: string, amount = 10_000, time = '12:00') => ({ paidAt: sh(day, time), amount });

describe('RFM scores', () => {
  it('gives no scores to someone who never paid', () => {
    expect(rfmScores([], now)).toBeNull();
  });

  it('scores recency by Shanghai days since the last paid order, at the cut points 30/60/120/240', () => {
    const r = (day: string) => rfmScores([order(day)], now)?.r;
    expect(r('2026-06-30')).toBe(5); // 0 days
    expect(r('2026-05-31')).toBe(5); // 30 days
    expect(r('2026-05-30')).toBe(4); // 31 days
    expect(r('2026-05-01')).toBe(4); // 60 days
    expect(r('2026-04-30')).toBe(3); // 61
    expect(r('2026-03-02')).toBe(3); // 120
    expect(r('2026-03-01')).toBe(2); // 121
    expect(r('2025-11-02')).toBe(2); // 240
    expect(r('2025-11-01')).toBe(1); // 241
    expect(r('2023-01-01')).toBe(1);
  });

  it('counts days in Shanghai: 23:59 yesterday is 1 day ago even at 00:01 today', () => {
    const s = rfmScores([order('2026-05-30', 10_000, '23:59')], sh('2026-06-30', '00:01'));
    expect(s?.daysSinceLastOrder).toBe(31);
    expect(s?.r).toBe(4);
  });

  it('scores frequency by paid orders in the last 365 days: 1→1, 2→2, 3-4→3, 5-7→4, 8+→5', () => {
    const f = (n: number) => rfmScores(Array.from({ length: n }, () => order('2026-06-01')), now)?.f;
    expect([1, 2, 3, 4, 5, 7, 8, 20].map(f)).toEqual([1, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('scores monetary by spend in fen in the window at ¥500 / ¥1,500 / ¥4,000 / ¥10,000', () => {
    const m = (fen: number) => rfmScores([order('2026-06-01', fen)], now)?.m;
    expect([49_999, 50_000, 149_999, 150_000, 399_999, 400_000, 999_999, 1_000_000].map(m)).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
  });

  it('leaves orders older than 365 days out of F and M but lets them set recency', () => {
    const s = rfmScores([order('2025-06-30', 2_000_000), order('2025-07-01', 30_000)], now);
    expect(s).toMatchObject({ orders: 1, spend: 30_000, f: 1, m: 1, daysSinceLastOrder: 364, r: 1 });
    const old = rfmScores([order('2024-01-01', 2_000_000)], now);
    expect(old).toMatchObject({ orders: 0, spend: 0, f: 1, m: 1, r: 1 });
  });

  it('ignores an order dated after now (a clock error), so it cannot make recency negative', () => {
    expect(rfmScores([order('2026-07-02')], now)).toBeNull();
  });

  it('keeps the configured cut points ascending so scores rise with value', () => {
    for (const cuts of [RFM_CONFIG.recencyDays, RFM_CONFIG.frequencyOrders, RFM_CONFIG.monetaryFen]) {
      for (let i = 1; i < cuts.length; i++) expect(cuts[i]).toBeGreaterThan(cuts[i - 1]);
    }
  });

  it('never scores a customer lower for a more recent order, more orders or more spend', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ daysBack: fc.nat(800), amount: fc.nat(500_000) }), { minLength: 1, maxLength: 12 }),
        fc.nat(800),
        fc.nat(500_000),
        (history, extraBack, extraAmount) => {
          const orders = history.map((o) => ({ paidAt: now - o.daysBack * 86_400_000, amount: o.amount }));
          const before = rfmScores(orders, now)!;
          const after = rfmScores([...orders, { paidAt: now - extraBack * 86_400_000, amount: extraAmount }], now)!;
          expect(after.r).toBeGreaterThanOrEqual(before.r);
          expect(after.f).toBeGreaterThanOrEqual(before.f);
          expect(after.m).toBeGreaterThanOrEqual(before.m);
        },
      ),
    );
  });
});

describe('RFM segments', () => {
  const seg = (r: RfmScore, f: RfmScore, m: RfmScore) => rfmSegment({ r, f, m });

  it('names the classic cases', () => {
    expect(seg(5, 5, 5)).toBe('高价值客户');
    expect(seg(3, 3, 3)).toBe('高价值客户');
    expect(seg(5, 1, 1)).toBe('重点发展'); // a recent first-time buyer
    expect(seg(4, 5, 2)).toBe('重点发展');
    expect(seg(2, 5, 5)).toBe('重点挽留'); // was a big customer, 4-8 months quiet
    expect(seg(1, 1, 4)).toBe('重点挽留');
    expect(seg(1, 2, 2)).toBe('流失客户');
    expect(seg(2, 2, 2)).toBe('一般客户');
  });

  it('puts every one of the 125 score combinations in one of the named segments', () => {
    const seen = new Set<string>();
    const scores: RfmScore[] = [1, 2, 3, 4, 5];
    for (const r of scores) for (const f of scores) for (const m of scores) seen.add(seg(r, f, m));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('never calls a recent customer lost, nor a long-gone one high value', () => {
    const score = fc.constantFrom<RfmScore>(1, 2, 3, 4, 5);
    fc.assert(
      fc.property(score, score, score, (r, f, m) => {
        const s = seg(r, f, m);
        if (r >= 3) expect(['高价值客户', '重点发展']).toContain(s);
        else expect(['重点挽留', '一般客户', '流失客户']).toContain(s);
      }),
    );
  });
});
