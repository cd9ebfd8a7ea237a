/**
 * Business days are calendar days in Asia/Shanghai; stored times are UTC instants.
 * The zone's rules come from the runtime's time-zone database (Intl), not from a hand-written
 * offset, so the code stays right if the brand ever opens in another zone.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

/** 'YYYY-MM-DD' */
export type DayKey = string;

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(instant: Date | number): ZonedParts {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

export function dayKey(instant: Date | number): DayKey {
  const { year, month, day } = zonedParts(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseDayKey(key: DayKey): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`not a day key: ${key}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Calendar arithmetic on day keys (no time zone involved: a day is a day). */
export function addDays(key: DayKey, days: number): DayKey {
  const { year, month, day } = parseDayKey(key);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function daysBetween(from: DayKey, to: DayKey): number {
  const a = parseDayKey(from);
  const b = parseDayKey(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** The UTC instant at which a business day starts (00:00 in Shanghai). */
export function startOfDay(key: DayKey): Date {
  const { year, month, day } = parseDayKey(key);
  // Guess midnight as if UTC, then correct by the zone's offset at that moment (twice, for offset changes).
  let guess = Date.UTC(year, month - 1, day);
  for (let i = 0; i < 2; i += 1) {
    const p = zonedParts(guess);
    const shownAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess -= shownAsUtc - Date.UTC(year, month - 1, day);
  }
  return new Date(guess);
}

/** Hour of the day (0-23) in the business zone, e.g. for quiet hours. */
export function businessHour(instant: Date | number): number {
  return zonedParts(instant).hour;
}
