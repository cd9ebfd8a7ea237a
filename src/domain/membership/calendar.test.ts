import fc from 'fast-check';
import { addDays } from '../business-day';
import { addYears, daysInMonth, isLeapYear, isValidDate, isoWeekday, splitDayKey, toDayKey } from './calendar';

describe('calendar facts', () => {
  it('knows the Gregorian leap years, century rule included', () => {
    expect([2024, 2026, 2027, 2028, 1900, 2000, 2100].map(isLeapYear)).toEqual([true, false, false, true, false, true, false]);
  });

  it('gives February 29 days only in a leap year', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect([1, 4, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 30, 31]);
    expect(() => daysInMonth(2026, 13)).toThrow(RangeError);
  });

  it('refuses day keys that are not real dates', () => {
    expect(splitDayKey('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ['2027-02-29', '2026-04-31', '2026-13-01', '2026-1-05', 'today']) {
      expect(() => splitDayKey(bad)).toThrow(RangeError);
    }
    expect(isValidDate(2026, 0, 1)).toBe(false);
    expect(() => toDayKey(2026, 2, 30)).toThrow(RangeError);
  });

  it('numbers weekdays Monday 1 to Sunday 7', () => {
    // 2026-11-23 is a Monday, 2026-11-22 a Sunday, 2027-01-01 a Friday.
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('2027-01-01')).toBe(5);
  });

  it('moves a date by whole years, 02-29 falling back to 02-28', () => {
    expect(addYears('2026-11-22', -1)).toBe('2025-11-22');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2027-02-28', 1)).toBe('2028-02-28');
  });

  it('steps the weekday by one with each day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (offset) => {
        const key = addDays('2000-01-01', offset);
        expect(isoWeekday(addDays(key, 1))).toBe((isoWeekday(key) % 7) + 1);
        expect(toDayKey(splitDayKey(key).year, splitDayKey(key).month, splitDayKey(key).day)).toBe(key);
      }),
    );
  });
});
