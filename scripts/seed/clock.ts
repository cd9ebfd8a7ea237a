import { addDays, dayKey, startOfDay, type DayKey } from '../../src/domain/business-day';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every seeded time is relative to `now`, so the demo always looks like it happened recently. */
export interface SeedClock {
  now: Date;
  today: DayKey;
  minutesAgo(m: number): Date;
  hoursAgo(h: number): Date;
  daysAgo(d: number): Date;
  /** A wall-clock time in Shanghai on the business day `dayOffset` days from today. */
  dayAt(dayOffset: number, hour: number, minute?: number): Date;
  day(dayOffset: number): DayKey;
  /** The business day of an instant (memoised: Intl formatting dominated the seed's run time). */
  dayKeyOf(instant: Date): DayKey;
}


export function createClock(now: Date): SeedClock {
  const t = now.getTime();
  const today = dayKey(now);
  const dayStarts = new Map<DayKey, number>();
  const startOf = (key: DayKey): number => {
    let start = dayStarts.get(key);
    if (start === undefined) {
      start = startOfDay(key).getTime();
      dayStarts.set(key, start);
    }
    return start;
  };
  return {
    now: new Date(t),
    today,
    minutesAgo: (m) => new Date(t - m * MINUTE),
    hoursAgo: (h) => new Date(t - h * HOUR),
    daysAgo: (d) => new Date(t - d * DAY),
    dayAt: (dayOffset, hour, minute = 0) => new Date(startOf(addDays(today, dayOffset)) + hour * HOUR + minute * MINUTE),
    day: (dayOffset) => addDays(today, dayOffset),
    dayKeyOf: (instant) => {
      // Guess from today's start, then step until the instant lies inside the day: only day
      // starts (memoised, two per day) ever touch Intl.
      const t = instant.getTime();
      let key = addDays(today, Math.floor((t - startOf(today)) / DAY));
      while (t < startOf(key)) key = addDays(key, -1);
      while (t >= startOf(addDays(key, 1))) key = addDays(key, 1);
      return key;
    },
  };
}

export { MINUTE, HOUR, DAY };
