import fc from 'fast-check';
import { QUIET_HOURS, isQuietTime, nextAllowedSendTime } from './quiet-hours';

const sh = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);

describe('quiet hours 22:00-08:00 Shanghai', () => {
  it('starts at 22:00 sharp and ends at 08:00 sharp', () => {
    expect(isQuietTime(sh('2026-06-10', '21:59:59.999'))).toBe(false);
    expect(isQuietTime(sh('2026-06-10', '22:00:00'))).toBe(true);
    expect(isQuietTime(sh('2026-06-11', '03:00:00'))).toBe(true);
    expect(isQuietTime(sh('2026-06-11', '07:59:59.999'))).toBe(true);
    expect(isQuietTime(sh('2026-06-11', '08:00:00'))).toBe(false);
  });

  it('reads Shanghai time, not the server clock: 14:00 UTC is 22:00 in Shanghai', () => {
    expect(isQuietTime(Date.parse('2026-06-10T14:00:00Z'))).toBe(true);
    expect(isQuietTime(Date.parse('2026-06-10T13:59:00Z'))).toBe(false);
  });

  it('sends right away outside quiet hours', () => {
    const now = sh('2026-06-10', '15:30:00');
    expect(nextAllowedSendTime(now).getTime()).toBe(now);
  });

  it('defers to 08:00 the next morning from 22:00 onwards', () => {
    expect(nextAllowedSendTime(sh('2026-06-10', '22:00:00')).getTime()).toBe(sh('2026-06-11', '08:00:00'));
    expect(nextAllowedSendTime(sh('2026-06-10', '23:59:59')).getTime()).toBe(sh('2026-06-11', '08:00:00'));
    expect(nextAllowedSendTime(sh('2026-12-31', '22:30:00')).getTime()).toBe(sh('2027-01-01', '08:00:00'));
  });

  it('defers to 08:00 the same morning after midnight', () => {
    expect(nextAllowedSendTime(sh('2026-06-11', '00:00:00')).getTime()).toBe(sh('2026-06-11', '08:00:00'));
    expect(nextAllowedSendTime(sh('2026-06-11', '07:59:59')).getTime()).toBe(sh('2026-06-11', '08:00:00'));
  });

  it('handles a window that does not cross midnight', () => {
    const quiet = { startHour: 12, endHour: 14 };
    expect(isQuietTime(sh('2026-06-11', '12:30:00'), quiet)).toBe(true);
    expect(isQuietTime(sh('2026-06-11', '23:00:00'), quiet)).toBe(false);
    expect(nextAllowedSendTime(sh('2026-06-11', '12:30:00'), quiet).getTime()).toBe(sh('2026-06-11', '14:00:00'));
  });

  it('always gives an allowed time, never earlier than now and at most 10 hours later', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }), (now) => {
        const next = nextAllowedSendTime(now).getTime();
        expect(isQuietTime(next)).toBe(false);
        expect(next).toBeGreaterThanOrEqual(now);
        expect(next - now).toBeLessThanOrEqual((24 - QUIET_HOURS.startHour + QUIET_HOURS.endHour) * 3_600_000);
        // And it is the first such time: one millisecond earlier is still quiet (unless it is now).
        if (next !== now) expect(isQuietTime(next - 1)).toBe(true);
      }),
    );
  });
});
