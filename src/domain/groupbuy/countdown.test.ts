import fc from 'fast-check';
import { countdown, countdownText, nextTickMs, remainingMs } from './countdown';

const now = Date.UTC(2026, 10, 22, 12, 0, 0);
const H = 3_600_000;

describe('countdown', () => {
  it('reads hours, minutes and seconds left', () => {
    expect(countdownText(now + 2 * H + 15 * 60_000 + 9_000, now)).toBe('还剩 02:15:09');
    expect(countdownText(now + 59_000, new Date(now))).toBe('还剩 00:00:59');
  });

  it('says 已结束 at the deadline and after it, and never goes negative', () => {
    expect(countdownText(now, now)).toBe('已结束');
    expect(countdownText(now - 5_000, now)).toBe('已结束');
    expect(remainingMs(now - 5_000, now)).toBe(0);
    expect(countdown(now - 1, now).ended).toBe(true);
  });

  it('rounds a part second up, so 00:00:00 is never shown while time is left', () => {
    expect(countdownText(now + 1, now)).toBe('还剩 00:00:01');
    expect(countdownText(now + 1_400, now)).toBe('还剩 00:00:02');
    expect(countdown(now + 1, now).ended).toBe(false);
  });

  it('adds days past 24 hours instead of a 3-digit hour', () => {
    expect(countdownText(now + 3 * 24 * H + 2 * H + 5_000, now)).toBe('还剩 3天 02:00:05');
    expect(countdownText(now + 24 * H, now)).toBe('还剩 1天 00:00:00');
  });

  it('takes another prefix and ended text for flash sales', () => {
    expect(countdownText(now + 90_000, now, { prefix: '距开始' })).toBe('距开始 00:01:30');
    expect(countdownText(now, now, { endedText: '已开抢' })).toBe('已开抢');
  });

  it('tells the page when the text next changes', () => {
    expect(nextTickMs(now + 1_500, now)).toBe(500);
    expect(nextTickMs(now + 2_000, now)).toBe(1_000);
    expect(nextTickMs(now, now)).toBeNull();
  });

  it('changes text exactly at the next tick and not before, for any remaining time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * 24 * H }), (left) => {
        const deadline = now + left;
        const tick = nextTickMs(deadline, now)!;
        expect(tick).toBeGreaterThan(0);
        expect(tick).toBeLessThanOrEqual(1_000);
        expect(countdownText(deadline, now + tick - 1)).toBe(countdownText(deadline, now));
        expect(countdownText(deadline, now + tick)).not.toBe(countdownText(deadline, now));
      }),
    );
  });

  it('puts the parts back together to the whole seconds left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 24 * H }), (left) => {
        const c = countdown(now + left, now);
        expect(c.hours).toBeLessThan(24);
        expect(c.minutes).toBeLessThan(60);
        expect(c.seconds).toBeLessThan(60);
        const seconds = ((c.days * 24 + c.hours) * 60 + c.minutes) * 60 + c.seconds;
        expect(seconds * 1000).toBeGreaterThanOrEqual(left);
        expect(seconds * 1000 - left).toBeLessThan(1000);
      }),
    );
  });
});
