import fc from 'fast-check';
import { addDays, dayKey, daysBetween } from '../business-day';
import { PUSH_CAPS, capHistoryStart, capReached, type PushRecord } from './frequency-caps';

const sh = (day: string, time = '12:00') => Date.parse(`${day}T${time}:00+08:00`);
const sent = (at: number, over: Partial<PushRecord> = {}): PushRecord => ({ at, kind: 'marketing', status: 'sent', ...over });

describe('marketing frequency caps', () => {
  it('allows a first push', () => {
    expect(capReached([], sh('2026-06-10'))).toBeNull();
  });

  it('allows one marketing push per Shanghai day', () => {
    const history = [sent(sh('2026-06-10', '09:00'))];
    expect(capReached(history, sh('2026-06-10', '21:00'))).toBe('daily_cap');
    // 23:59 and 00:01 are different Shanghai days.
    expect(capReached([sent(sh('2026-06-10', '23:59'))], sh('2026-06-11', '00:01'))).toBeNull();
  });

  it('allows 3 in any 7 consecutive Shanghai days, rolling across the calendar week', () => {
    // Fri 2026-06-12, Sat 13, Sun 14: the 3 of this week.
    const history = ['2026-06-12', '2026-06-13', '2026-06-14'].map((d) => sent(sh(d)));
    expect(capReached(history, sh('2026-06-15'))).toBe('weekly_cap'); // Monday: a calendar week would allow it
    expect(capReached(history, sh('2026-06-18'))).toBe('weekly_cap'); // 06-12 is 6 days before: still inside
    expect(capReached(history, sh('2026-06-19', '00:00'))).toBeNull(); // 06-12 is 7 days before: out
  });

  it('counts reservations being sent, not failed sends nor service messages', () => {
    const now = sh('2026-06-10', '15:00');
    expect(capReached([sent(sh('2026-06-10', '10:00'), { status: 'sending' })], now)).toBe('daily_cap');
    expect(capReached([sent(sh('2026-06-10', '10:00'), { status: 'failed' })], now)).toBeNull();
    expect(capReached([sent(sh('2026-06-10', '10:00'), { kind: 'service' })], now)).toBeNull();
  });

  it('tells the server how far back to load history', () => {
    expect(capHistoryStart(sh('2026-06-10', '15:00')).getTime()).toBe(sh('2026-06-04', '00:00'));
  });

  it('never lets more than 1 a day or 3 in any 7 days through, whatever the attempts', () => {
    const base = sh('2026-01-01', '00:00');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 * 24 * 60 }), { maxLength: 80 }), (minutes) => {
        const history: PushRecord[] = [];
        for (const m of [...minutes].sort((a, b) => a - b)) {
          const now = base + m * 60_000;
          if (capReached(history, now) === null) history.push(sent(now));
        }
        const days = history.map((r) => dayKey(r.at));
        for (const d of days) {
          expect(days.filter((x) => x === d).length).toBeLessThanOrEqual(PUSH_CAPS.perDay);
          const week = days.filter((x) => daysBetween(x, d) >= 0 && daysBetween(x, d) < 7);
          expect(week.length).toBeLessThanOrEqual(PUSH_CAPS.perWeek);
        }
      }),
    );
  });

  it('always allows a push once the last 7 days are clear', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 10 }), (daysBack) => {
        const today = '2026-06-20';
        const history = daysBack.map((n) => sent(sh(addDays(today, -7 - n))));
        expect(capReached(history, sh(today))).toBeNull();
      }),
    );
  });
});
