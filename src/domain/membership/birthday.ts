import { addDays, dayKey, daysBetween, type DayKey } from '../business-day';
import { AppError } from '../reply';
import { ValidationError } from '../validate';
import { isLeapYear, isValidDate, splitDayKey, toDayKey } from './calendar';
import { MEMBERSHIP_ERRORS } from './errors';

/**
 * The member's birthday, for the birthday gift coupon (issued once a year by a daily job).
 *
 * - Stored as 'MM-DD'; the year is optional, for privacy — nothing here needs it.
 * - Setting it the first time is free, and so is ONE correction afterwards (typos happen the day
 *   it is set). After a correction the month and day can change again only 365 days later, so the
 *   birthday cannot be moved around to chase the gift. Adding, changing or removing the year is
 *   always free: it does not move the gift.
 * - 02-29 is celebrated on 02-28 in a year without one: it keeps the gift inside the birthday
 *   month, and it comes before the day rather than after it.
 * - Whatever the changes, the gift is keyed by the member and the calendar year
 *   (birthdayGiftKey), so at most one is issued per year.
 */

export interface Birthday {
  /** 'MM-DD' */
  readonly monthDay: string;
  readonly year?: number;
}

/** Days that must pass after a correction before the month and day may change again. */
export const BIRTHDAY_CHANGE_INTERVAL_DAYS = 365;

const FIELD = '生日';

function monthDayOf(b: Birthday): { month: number; day: number } {
  const m = /^(\d{2})-(\d{2})$/.exec(b.monthDay);
  // A leap year accepts every month-day that can ever exist, 02-29 included.
  if (!m || !isValidDate(2000, Number(m[1]), Number(m[2]))) throw new RangeError(`not a birthday: ${b.monthDay}`);
  return { month: Number(m[1]), day: Number(m[2]) };
}

/**
 * Reads what the member entered: 'MM-DD' or 'YYYY-MM-DD'. Refuses dates that do not exist
 * (02-30, 2027-02-29), years before 1900, and birthdays after today.
 */
export function parseBirthday(text: unknown, now: Date): Birthday {
  if (typeof text !== 'string') throw new ValidationError(FIELD, '应为文本');
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) throw new ValidationError(FIELD, '格式不正确');
  const month = Number(m[2]);
  const day = Number(m[3]);
  const monthDay = `${m[2]}-${m[3]}`;
  if (!m[1]) {
    if (!isValidDate(2000, month, day)) throw new ValidationError(FIELD, '日期不存在');
    return { monthDay };
  }
  const year = Number(m[1]);
  if (!isValidDate(year, month, day)) throw new ValidationError(FIELD, '日期不存在');
  if (year < 1900) throw new ValidationError(FIELD, '年份不正确');
  if (daysBetween(dayKey(now), toDayKey(year, month, day)) > 0) throw new ValidationError(FIELD, '不能晚于今天');
  return { monthDay, year };
}

/** '3月8日', or '1990年3月8日' with a year. */
export function birthdayLabel(b: Birthday): string {
  const { month, day } = monthDayOf(b);
  return `${b.year ? `${b.year}年` : ''}${month}月${day}日`;
}

/** The day the birthday is celebrated in `year`: its own date, 02-29 -> 02-28 outside leap years. */
export function birthdayInYear(b: Birthday, year: number): DayKey {
  const { month, day } = monthDayOf(b);
  if (month === 2 && day === 29 && !isLeapYear(year)) return toDayKey(year, 2, 28);
  return toDayKey(year, month, day);
}

/** Today in Asia/Shanghai is the birthday's celebration day. */
export function isBirthdayToday(b: Birthday, now: Date): boolean {
  const today = dayKey(now);
  return birthdayInYear(b, splitDayKey(today).year) === today;
}

/**
 * The 'MM-DD' values celebrated on the Shanghai day of `now`, for the daily job's query
 * (`birthday.monthDay in [...]`): ['02-28', '02-29'] on 28 February of a non-leap year.
 */
export function birthdaysCelebratedOn(now: Date): string[] {
  const { year, month, day } = splitDayKey(dayKey(now));
  const own = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return month === 2 && day === 28 && !isLeapYear(year) ? [own, '02-29'] : [own];
}

/**
 * The once-a-year key of the birthday gift: the server gives the issued coupon a unique index on
 * it, so a re-run job (or a birthday moved within the year) never issues a second gift.
 * `year` is the Shanghai calendar year of the celebration day.
 */
export function birthdayGiftKey(openid: string, year: number): string {
  if (!/^[^:\s]{1,128}$/.test(openid)) throw new RangeError(`bad openid ${JSON.stringify(openid)}`);
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`bad year ${year}`);
  return `birthday_gift:${openid}:${year}`;
}

/** The gift to issue today, or null when today is not the member's birthday. */
export function birthdayGiftDue(openid: string, b: Birthday | null, now: Date): { key: string; year: number } | null {
  if (!b || !isBirthdayToday(b, now)) return null;
  const year = splitDayKey(dayKey(now)).year;
  return { key: birthdayGiftKey(openid, year), year };
}

/** What the server stores with the member. */
export interface BirthdayRecord {
  readonly birthday: Birthday | null;
  /** When the month-day was last CHANGED after being set (the correction); null if never. */
  readonly changedAt: Date | null;
}

/** First Shanghai day the month-day may change again; null when it may change now or any time. */
export function birthdayChangeOpensOn(record: BirthdayRecord, now: Date): DayKey | null {
  if (!record.birthday || !record.changedAt) return null;
  const opens = addDays(dayKey(record.changedAt), BIRTHDAY_CHANGE_INTERVAL_DAYS);
  return daysBetween(dayKey(now), opens) > 0 ? opens : null;
}

/**
 * The record after the member sets `next`. Throws BIRTHDAY_CHANGE_TOO_SOON, naming the day it
 * opens again, when the month-day changes too soon after the last correction.
 */
export function setBirthday(record: BirthdayRecord, next: Birthday, now: Date): BirthdayRecord {
  monthDayOf(next);
  const current = record.birthday;
  if (!current || current.monthDay === next.monthDay) return { birthday: next, changedAt: record.changedAt };
  const opens = birthdayChangeOpensOn(record, now);
  if (opens) {
    const { year, month, day } = splitDayKey(opens);
    throw new AppError('BIRTHDAY_CHANGE_TOO_SOON', `${MEMBERSHIP_ERRORS.BIRTHDAY_CHANGE_TOO_SOON}，${year}年${month}月${day}日起可再次修改`);
  }
  return { birthday: next, changedAt: now };
}
