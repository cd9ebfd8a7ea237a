import { addDays, dayKey, daysBetween, startOfDay } from '../business-day';

/**
 * "The last N days" for tags and caps: today in Shanghai and the N-1 Shanghai days before it.
 * Counting whole business days (not N x 24 h) makes a daily job and an on-event recompute agree
 * whatever hour they run at.
 */

/** Whole Shanghai days from `instant` to `now`: 0 = same day, negative = a later day than now. */
export function daysAgo(instant: Date | number, now: Date | number): number {
  return daysBetween(dayKey(instant), dayKey(now));
}

export function withinLastDays(instant: Date | number, now: Date | number, days: number): boolean {
  const ago = daysAgo(instant, now);
  return ago >= 0 && ago < days;
}

/** The first instant of the window, so a server can query `at >= windowStart(now, N)`. */
export function windowStart(now: Date | number, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`a window needs at least one day, got ${days}`);
  return startOfDay(addDays(dayKey(now), -(days - 1)));
}
