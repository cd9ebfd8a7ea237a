/**
 * Countdowns for group deadlines and flash-sale windows: '还剩 02:15:09', '已结束'.
 *
 * Whole seconds are rounded UP: with 400 ms left the page still reads 00:00:01, so '00:00:00'
 * never shows while the server would still accept a payment, and the switch to '已结束' happens
 * exactly at the deadline. Display only — the server decides with its own clock.
 */
export interface Countdown {
  /** Milliseconds left, never negative. */
  readonly remainingMs: number;
  readonly ended: boolean;
  readonly days: number;
  /** 0-23 when days > 0, otherwise the whole hours left. */
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function ms(instant: Date | number): number {
  return typeof instant === 'number' ? instant : instant.getTime();
}

export function remainingMs(deadline: Date | number, now: Date | number): number {
  return Math.max(0, ms(deadline) - ms(now));
}

export function countdown(deadline: Date | number, now: Date | number): Countdown {
  const left = remainingMs(deadline, now);
  const totalSeconds = Math.ceil(left / SECOND);
  const days = Math.floor(totalSeconds / (DAY / SECOND));
  const hours = Math.floor((totalSeconds % (DAY / SECOND)) / (HOUR / SECOND));
  const minutes = Math.floor((totalSeconds % (HOUR / SECOND)) / (MINUTE / SECOND));
  const seconds = totalSeconds % (MINUTE / SECOND);
  return { remainingMs: left, ended: left === 0, days, hours, minutes, seconds };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * '还剩 02:15:09'; past a day '还剩 3天 02:15:09' (a 72:00:00 clock reads like a typo);
 * '已结束' once the deadline is reached. `prefix` lets a flash sale say '距开始'.
 */
export function countdownText(deadline: Date | number, now: Date | number, options: { prefix?: string; endedText?: string } = {}): string {
  const { prefix = '还剩', endedText = '已结束' } = options;
  const c = countdown(deadline, now);
  if (c.ended) return endedText;
  const clock = `${two(c.hours)}:${two(c.minutes)}:${two(c.seconds)}`;
  return `${prefix} ${c.days > 0 ? `${c.days}天 ` : ''}${clock}`;
}

/**
 * Milliseconds until the text next changes, so a page can set one timeout per change instead of
 * polling every 100 ms; null once ended (nothing will change again).
 */
export function nextTickMs(deadline: Date | number, now: Date | number): number | null {
  const left = remainingMs(deadline, now);
  if (left === 0) return null;
  return left % SECOND === 0 ? SECOND : left % SECOND;
}
