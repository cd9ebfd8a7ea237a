import fc from 'fast-check';
import { daysAgo, windowStart, withinLastDays } from './window';

const at = (iso: string) => new Date(iso).getTime();

describe('rolling windows in Shanghai days', () => {
  // 2026-03-31 10:00 in Shanghai.
  const now = at('2026-03-31T02:00:00Z');

  it('counts Shanghai days, so 23:59 the day before is 1 day ago even if only minutes earlier', () => {
    expect(daysAgo(at('2026-03-30T15:59:00Z'), at('2026-03-30T16:01:00Z'))).toBe(1);
    expect(daysAgo(at('2026-03-30T16:00:00Z'), at('2026-03-31T15:59:59Z'))).toBe(0);
  });

  it('takes today and the 29 days before it as the last 30 days', () => {
    // 2026-03-02 00:00 Shanghai is the first instant inside; 2026-03-01 23:59:59.999 is outside.
    expect(withinLastDays(at('2026-03-01T16:00:00Z'), now, 30)).toBe(true);
    expect(withinLastDays(at('2026-03-01T15:59:59.999Z'), now, 30)).toBe(false);
    expect(windowStart(now, 30).toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('leaves out instants on a later day than now', () => {
    expect(withinLastDays(at('2026-03-31T16:00:00Z'), now, 30)).toBe(false);
  });

  it('refuses an empty window', () => {
    expect(() => windowStart(now, 0)).toThrow(RangeError);
  });

  it('agrees with windowStart: inside the window exactly when at or after its start and not on a later day', () => {
    const range = { min: at('2025-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') };
    fc.assert(
      fc.property(fc.integer(range), fc.integer({ min: -3 * 86_400_000, max: 400 * 86_400_000 }), fc.integer({ min: 1, max: 370 }), (n, back, days) => {
        const instant = n - back;
        const inside = instant >= windowStart(n, days).getTime() && daysAgo(instant, n) >= 0;
        expect(withinLastDays(instant, n, days)).toBe(inside);
      }),
    );
  });
});
