/**
 * Quiet hours: no marketing push from 22:00 to 08:00 Shanghai time. A send scheduled or reached
 * inside them waits until 08:00 — the same morning, or the next one when it is 22:00 or later.
 */
import { addDays, businessHour, dayKey, startOfDay, type DayKey } from '../business-day';

export interface QuietHours {
  /** First quiet hour (inclusive), 0..23 Shanghai time. */
  readonly startHour: number;
  /** First hour allowed again (inclusive), 0..23. */
  readonly endHour: number;
}

export const QUIET_HOURS: QuietHours = Object.freeze({ startHour: 22, endHour: 8 });

const HOUR_MS = 3_600_000;

export function isQuietTime(instant: Date | number, quiet: QuietHours = QUIET_HOURS): boolean {
  const hour = businessHour(instant);
  return quiet.startHour > quiet.endHour
    ? hour >= quiet.startHour || hour < quiet.endHour // spans midnight, like 22..8
    : hour >= quiet.startHour && hour < quiet.endHour;
}

/**
 * The instant a Shanghai day reaches `hour`: counted from the zone's own midnight, then checked
 * against the zone, so it stays right for a zone with daylight saving too.
 */
function atBusinessHour(day: DayKey, hour: number): Date {
  const guess = startOfDay(day).getTime() + hour * HOUR_MS;
  return new Date(guess - (businessHour(guess) - hour) * HOUR_MS);
}

/** `now` itself when sending is allowed, else the end of the current quiet period. */
export function nextAllowedSendTime(now: Date | number, quiet: QuietHours = QUIET_HOURS): Date {
  const instant = new Date(now);
  if (!isQuietTime(instant, quiet)) return instant;
  const today = dayKey(instant);
  const endsTomorrow = quiet.startHour > quiet.endHour && businessHour(instant) >= quiet.startHour;
  return atBusinessHour(endsTomorrow ? addDays(today, 1) : today, quiet.endHour);
}
