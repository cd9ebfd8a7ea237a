import fc from 'fast-check';
import { addDays, businessHour, dayKey, daysBetween, startOfDay } from './business-day';

describe('business days in Asia/Shanghai', () => {
  it('puts 16:00 UTC on the next Shanghai day', () => {
    expect(dayKey(new Date('2026-11-21T15:59:59.999Z'))).toBe('2026-11-21');
    expect(dayKey(new Date('2026-11-21T16:00:00.000Z'))).toBe('2026-11-22');
  });

  it('crosses month and year ends', () => {
    expect(dayKey(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
  });

  it('starts a day at Shanghai midnight', () => {
    expect(startOfDay('2026-11-22').toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });

  it('reads the local hour for quiet hours', () => {
    expect(businessHour(new Date('2026-11-21T14:00:00Z'))).toBe(22);
    expect(businessHour(new Date('2026-11-21T23:59:00Z'))).toBe(7);
  });

  it('agrees with itself for any instant: the day of startOfDay(k) is k, and the instant lies in its day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const key = dayKey(ms);
        const start = startOfDay(key).getTime();
        expect(dayKey(start)).toBe(key);
        expect(start).toBeLessThanOrEqual(ms);
        expect(startOfDay(addDays(key, 1)).getTime()).toBeGreaterThan(ms);
      }),
    );
  });
});
