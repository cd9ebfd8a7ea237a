import type { DayKey } from '../business-day';

/**
 * Plain calendar facts on day keys ('YYYY-MM-DD') for the membership rules: leap years, month
 * lengths, weekdays, "the same date a year earlier". No time zone is involved here — turning an
 * instant into a Shanghai day is business-day.ts's job (dayKey); these work on the day it gave.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Gregorian: every 4th year, except centuries, except every 4th century (2000 yes, 2100 no). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1-12, got ${month}`);
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1];
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function toDayKey(year: number, month: number, day: number): DayKey {
  if (!isValidDate(year, month, day)) throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits a day key, refusing anything that is not a real date (2027-02-29 included). */
export function splitDayKey(key: DayKey): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!date || !isValidDate(date.year, date.month, date.day)) throw new RangeError(`not a day key: ${key}`);
  return date;
}

/** 1 = Monday ... 7 = Sunday, the way Chinese calendars number the week (周一 first). */
export function isoWeekday(key: DayKey): number {
  const { year, month, day } = splitDayKey(key);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

/**
 * The same month and day `years` years away; 02-29 lands on 02-28 in a year without one
 * (the last day of the same month, rather than spilling into March).
 */
export function addYears(key: DayKey, years: number): DayKey {
  const { year, month, day } = splitDayKey(key);
  const target = year + years;
  return toDayKey(target, month, Math.min(day, daysInMonth(target, month)));
}
