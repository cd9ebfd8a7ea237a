import { addDays, dayKey, daysBetween, type DayKey } from '../business-day';
import { AppError } from '../reply';
import { daysInMonth, isoWeekday, toDayKey } from './calendar';
import { MEMBERSHIP_ERRORS } from './errors';

/**
 * Daily check-in (每日签到): once per Asia/Shanghai calendar day. Checking in the day after the
 * last check-in continues the streak; missing a day starts it again at 1.
 *
 * Points = base points + the bonus of the streak day. Bonuses CYCLE every `cycleDays` (7 by
 * default): day 8 counts as day 1 of the next week, day 10 earns the day-3 bonus again, day 14
 * the day-7 bonus. A streak past day 7 keeps a reason to come back every week, and the UI can
 * show a 7-day strip that always matches what is earned. Set cycleDays to null for bonuses that
 * are paid once per streak on their exact day.
 */

export interface StreakBonus {
  /** Streak day (within the cycle when cycling) that earns the bonus, from 1. */
  readonly day: number;
  readonly points: number;
}

export interface CheckinConfig {
  readonly basePoints: number;
  readonly bonuses: readonly StreakBonus[];
  /** Length of the bonus cycle in days, or null for no cycle. */
  readonly cycleDays: number | null;
}

export const DEFAULT_CHECKIN_CONFIG: CheckinConfig = Object.freeze({
  basePoints: 5,
  bonuses: Object.freeze([Object.freeze({ day: 3, points: 5 }), Object.freeze({ day: 7, points: 20 })]),
  cycleDays: 7,
});

/** What is wrong with a configuration, in Chinese, for the people who edit it; empty when fine. */
export function checkinConfigProblems(config: CheckinConfig): string[] {
  const problems: string[] = [];
  const isCount = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;
  if (!isCount(config.basePoints, 0)) problems.push('每日基础积分应为不小于0的整数');
  if (config.cycleDays !== null && !isCount(config.cycleDays, 1)) problems.push('奖励周期天数应为正整数');
  const days = new Set<number>();
  config.bonuses.forEach((b, i) => {
    const n = i + 1;
    if (!isCount(b.day, 1)) problems.push(`第${n}项奖励的连续天数应为正整数`);
    else if (config.cycleDays !== null && b.day > config.cycleDays) problems.push(`第${n}项奖励的连续天数不能超过周期${config.cycleDays}天`);
    if (!isCount(b.points, 1)) problems.push(`第${n}项奖励积分应为正整数`);
    if (days.has(b.day)) problems.push(`第${n}项奖励的连续天数与前面重复`);
    days.add(b.day);
  });
  return problems;
}

function assertConfig(config: CheckinConfig): void {
  const problems = checkinConfigProblems(config);
  if (problems.length > 0) throw new RangeError(`bad check-in config: ${problems.join('; ')}`);
}

/** Position of a streak day in the bonus cycle: 1..cycleDays (or the streak itself without a cycle). */
export function cycleDayOf(streak: number, config: CheckinConfig = DEFAULT_CHECKIN_CONFIG): number {
  if (!Number.isSafeInteger(streak) || streak < 1) throw new RangeError(`a streak day starts at 1, got ${streak}`);
  return config.cycleDays === null ? streak : ((streak - 1) % config.cycleDays) + 1;
}

export function bonusFor(streak: number, config: CheckinConfig = DEFAULT_CHECKIN_CONFIG): number {
  const day = cycleDayOf(streak, config);
  return config.bonuses.find((b) => b.day === day)?.points ?? 0;
}

/** Points for checking in on the `streak`-th day in a row. */
export function pointsForStreakDay(streak: number, config: CheckinConfig = DEFAULT_CHECKIN_CONFIG): number {
  assertConfig(config);
  return config.basePoints + bonusFor(streak, config);
}

/** The next streak day after `streak` that earns a bonus: for '再签2天，额外得20积分'. */
export function nextBonus(streak: number, config: CheckinConfig = DEFAULT_CHECKIN_CONFIG): { inDays: number; streak: number; points: number } | null {
  const horizon = config.cycleDays ?? Math.max(0, ...config.bonuses.map((b) => b.day));
  for (let k = 1; k <= horizon; k += 1) {
    const points = bonusFor(streak + k, config);
    if (points > 0) return { inDays: k, streak: streak + k, points };
  }
  return null;
}

/** What the server stores per member: the last check-in day and the streak it ended. */
export interface CheckinState {
  readonly lastDay: DayKey | null;
  readonly streak: number;
}

export interface CheckinResult {
  /** The Shanghai day checked in: also the id of the ledger ref ('checkin:<openid>:<day>'). */
  readonly day: DayKey;
  readonly streak: number;
  readonly cycleDay: number;
  readonly basePoints: number;
  readonly bonusPoints: number;
  readonly points: number;
  readonly nextBonus: { inDays: number; streak: number; points: number } | null;
}

/**
 * Checks in at `now`. Throws ALREADY_CHECKED_IN when the last check-in is today — or later than
 * today, which only a clock running backwards could cause; either way there is nothing to earn.
 */
export function checkIn(state: CheckinState, now: Date, config: CheckinConfig = DEFAULT_CHECKIN_CONFIG): CheckinResult {
  assertConfig(config);
  const today = dayKey(now);
  let streak = 1;
  if (state.lastDay !== null) {
    const gap = daysBetween(state.lastDay, today);
    if (gap <= 0) throw new AppError('ALREADY_CHECKED_IN', MEMBERSHIP_ERRORS.ALREADY_CHECKED_IN);
    if (gap === 1) {
      if (!Number.isSafeInteger(state.streak) || state.streak < 1) throw new RangeError(`stored streak must be a positive integer, got ${state.streak}`);
      streak = state.streak + 1;
    }
  }
  const bonusPoints = bonusFor(streak, config);
  return {
    day: today,
    streak,
    cycleDay: cycleDayOf(streak, config),
    basePoints: config.basePoints,
    bonusPoints,
    points: config.basePoints + bonusPoints,
    nextBonus: nextBonus(streak, config),
  };
}

export interface CheckinStatus {
  readonly today: DayKey;
  readonly checkedInToday: boolean;
  /** The streak as it stands now: 0 once a day has been missed, even before the next check-in resets it. */
  readonly streak: number;
  /** Points the next check-in will give (today's if not yet checked in, else tomorrow's). */
  readonly nextPoints: number;
}

/** For the check-in page before the button is pressed. */
export function checkinStatus(state: CheckinState, now: Date, config: CheckinConfig = DEFAULT_CHECKIN_CONFIG): CheckinStatus {
  const today = dayKey(now);
  const gap = state.lastDay === null ? null : daysBetween(state.lastDay, today);
  const checkedInToday = gap !== null && gap <= 0;
  const alive = gap !== null && gap <= 1;
  const streak = alive ? state.streak : 0;
  return { today, checkedInToday, streak, nextPoints: pointsForStreakDay(streak + 1, config) };
}

export interface CalendarDay {
  readonly day: DayKey;
  /** Day of the month, for the cell label. */
  readonly date: number;
  /** False for the days of the previous / next month that fill the first and last weeks. */
  readonly inMonth: boolean;
  readonly checked: boolean;
  readonly isToday: boolean;
  readonly isFuture: boolean;
}

/**
 * The month as weeks of 7 days, Monday first like Chinese calendars (一 二 三 四 五 六 日).
 * The first and last weeks are filled with days of the neighbouring months (inMonth false) so
 * every row is complete: 4 to 6 weeks.
 */
export function monthCalendar(year: number, month: number, checkedDays: readonly DayKey[], today: DayKey): CalendarDay[][] {
  const first = toDayKey(year, month, 1);
  const last = toDayKey(year, month, daysInMonth(year, month));
  const start = addDays(first, 1 - isoWeekday(first));
  const end = addDays(last, 7 - isoWeekday(last));
  const checked = new Set(checkedDays);
  const weeks: CalendarDay[][] = [];
  for (let day = start; daysBetween(day, end) >= 0; day = addDays(day, 1)) {
    if (weeks.length === 0 || weeks[weeks.length - 1].length === 7) weeks.push([]);
    weeks[weeks.length - 1].push({
      day,
      date: Number(day.slice(8, 10)),
      inMonth: day.slice(0, 7) === first.slice(0, 7),
      checked: checked.has(day),
      isToday: day === today,
      isFuture: daysBetween(today, day) > 0,
    });
  }
  return weeks;
}
