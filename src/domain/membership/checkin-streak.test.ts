import fc from 'fast-check';
import { addDays, startOfDay } from '../business-day';
import { AppError } from '../reply';
import { daysInMonth } from './calendar';
import {
  DEFAULT_CHECKIN_CONFIG,
  checkIn,
  checkinConfigProblems,
  checkinStatus,
  cycleDayOf,
  monthCalendar,
  nextBonus,
  pointsForStreakDay,
  type CheckinConfig,
  type CheckinState,
} from './checkin-streak';

/** An instant at the given Shanghai day and hour. */
const at = (day: string, hour = 12) => new Date(startOfDay(day).getTime() + hour * 3_600_000);

describe('checking in', () => {
  it('starts a streak at 1 for a first check-in', () => {
    expect(checkIn({ lastDay: null, streak: 0 }, at('2026-11-22'))).toMatchObject({ day: '2026-11-22', streak: 1, points: 5 });
  });

  it('continues the streak the next day', () => {
    expect(checkIn({ lastDay: '2026-11-21', streak: 1 }, at('2026-11-22')).streak).toBe(2);
  });

  it('resets to 1 after a missed day', () => {
    expect(checkIn({ lastDay: '2026-11-20', streak: 6 }, at('2026-11-22')).streak).toBe(1);
  });

  it('refuses a second check-in the same Shanghai day', () => {
    let error: unknown;
    try {
      checkIn({ lastDay: '2026-11-22', streak: 3 }, at('2026-11-22', 23));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'ALREADY_CHECKED_IN', message: '今天已经签到过了' });
  });

  it('refuses a check-in dated before the last one (a clock gone backwards)', () => {
    expect(() => checkIn({ lastDay: '2026-11-23', streak: 1 }, at('2026-11-22'))).toThrow(expect.objectContaining({ code: 'ALREADY_CHECKED_IN' }));
  });

  it('changes day at Shanghai midnight, across the year end', () => {
    const first = checkIn({ lastDay: null, streak: 0 }, new Date('2026-12-31T15:59:00Z'));
    expect(first.day).toBe('2026-12-31');
    const second = checkIn({ lastDay: first.day, streak: first.streak }, new Date('2026-12-31T16:01:00Z'));
    expect(second).toMatchObject({ day: '2027-01-01', streak: 2 });
    // UTC noon on 12-31 is 20:00 the same day in Shanghai: still already checked in.
    expect(() => checkIn({ lastDay: '2026-12-31', streak: 1 }, new Date('2026-12-31T12:00:00Z'))).toThrow(AppError);
  });

  it('counts 29 February as a day that can be missed', () => {
    expect(checkIn({ lastDay: '2028-02-28', streak: 2 }, at('2028-02-29')).streak).toBe(3);
    expect(checkIn({ lastDay: '2028-02-28', streak: 2 }, at('2028-03-01')).streak).toBe(1);
    expect(checkIn({ lastDay: '2027-02-28', streak: 2 }, at('2027-03-01')).streak).toBe(3);
  });

  it('crosses a month end', () => {
    expect(checkIn({ lastDay: '2026-11-30', streak: 4 }, at('2026-12-01')).streak).toBe(5);
  });
});

describe('streak points with the default configuration (5 a day, day 3 +5, day 7 +20, weekly cycle)', () => {
  it('pays the bonuses on days 3 and 7', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((d) => pointsForStreakDay(d))).toEqual([5, 5, 10, 5, 5, 5, 25]);
  });

  it('cycles every 7 days past day 7', () => {
    expect([8, 9, 10, 14, 17, 21].map((d) => pointsForStreakDay(d))).toEqual([5, 5, 10, 25, 10, 25]);
    expect([7, 8, 15].map((d) => cycleDayOf(d))).toEqual([7, 1, 1]);
  });

  it('tells how far the next bonus is', () => {
    expect(nextBonus(0)).toEqual({ inDays: 3, streak: 3, points: 5 });
    expect(nextBonus(3)).toEqual({ inDays: 4, streak: 7, points: 20 });
    expect(nextBonus(7)).toEqual({ inDays: 3, streak: 10, points: 5 });
    const day6 = checkIn({ lastDay: '2026-11-21', streak: 5 }, at('2026-11-22'));
    expect(day6).toMatchObject({ streak: 6, cycleDay: 6, basePoints: 5, bonusPoints: 0, points: 5, nextBonus: { inDays: 1, points: 20 } });
  });

  it('pays each bonus once per streak when there is no cycle', () => {
    const once: CheckinConfig = { ...DEFAULT_CHECKIN_CONFIG, cycleDays: null };
    expect([3, 7, 10, 14].map((d) => pointsForStreakDay(d, once))).toEqual([10, 25, 5, 5]);
    expect(nextBonus(7, once)).toBeNull();
    expect(checkIn({ lastDay: '2026-11-21', streak: 9 }, at('2026-11-22'), once)).toMatchObject({ streak: 10, cycleDay: 10, points: 5 });
  });

  it('gives base plus the bonus of the cycle day, for any streak and configuration', () => {
    const config = fc
      .record({
        basePoints: fc.nat(20),
        cycleDays: fc.option(fc.integer({ min: 1, max: 14 }), { nil: null }),
        days: fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { maxLength: 4 }),
        points: fc.integer({ min: 1, max: 50 }),
      })
      .map(({ basePoints, cycleDays, days, points }) => ({
        basePoints,
        cycleDays,
        bonuses: days.filter((d) => cycleDays === null || d <= cycleDays).map((day) => ({ day, points: points + day })),
      }));
    fc.assert(
      fc.property(config, fc.integer({ min: 1, max: 400 }), (c, streak) => {
        const position = c.cycleDays === null ? streak : ((streak - 1) % c.cycleDays) + 1;
        const bonus = c.bonuses.find((b) => b.day === position)?.points ?? 0;
        expect(pointsForStreakDay(streak, c)).toBe(c.basePoints + bonus);
      }),
    );
  });
});

describe('check-in configuration', () => {
  it('accepts the default', () => {
    expect(checkinConfigProblems(DEFAULT_CHECKIN_CONFIG)).toEqual([]);
  });

  it('names each problem in Chinese', () => {
    const bad: CheckinConfig = { basePoints: -1, cycleDays: 7, bonuses: [{ day: 8, points: 5 }, { day: 3, points: 0 }, { day: 3, points: 2 }] };
    expect(checkinConfigProblems(bad)).toEqual([
      '每日基础积分应为不小于0的整数',
      '第1项奖励的连续天数不能超过周期7天',
      '第2项奖励积分应为正整数',
      '第3项奖励的连续天数与前面重复',
    ]);
    expect(() => checkIn({ lastDay: null, streak: 0 }, at('2026-11-22'), bad)).toThrow(RangeError);
  });
});

describe('checkinStatus', () => {
  const state: CheckinState = { lastDay: '2026-11-21', streak: 2 };

  it('keeps a streak alive until a day is missed', () => {
    expect(checkinStatus(state, at('2026-11-22'))).toEqual({ today: '2026-11-22', checkedInToday: false, streak: 2, nextPoints: 10 });
    expect(checkinStatus(state, at('2026-11-21'))).toEqual({ today: '2026-11-21', checkedInToday: true, streak: 2, nextPoints: 10 });
    expect(checkinStatus(state, at('2026-11-23'))).toEqual({ today: '2026-11-23', checkedInToday: false, streak: 0, nextPoints: 5 });
    expect(checkinStatus({ lastDay: null, streak: 0 }, at('2026-11-23')).streak).toBe(0);
  });

  it('agrees with what checkIn then gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 5 }), fc.integer({ min: 1, max: 30 }), (gap, streak) => {
        const last = '2026-11-20';
        const now = at(addDays(last, gap));
        const status = checkinStatus({ lastDay: last, streak }, now);
        if (status.checkedInToday) {
          expect(() => checkIn({ lastDay: last, streak }, now)).toThrow(AppError);
        } else {
          const result = checkIn({ lastDay: last, streak }, now);
          expect(result.points).toBe(status.nextPoints);
          expect(result.streak).toBe(status.streak + 1);
        }
      }),
    );
  });
});

describe('month calendar', () => {
  const cells = (weeks: ReturnType<typeof monthCalendar>) => weeks.map((w) => w.map((d) => (d.inMonth ? d.date : 0)));

  it('lays out a month Monday first, padded with neighbouring days', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const weeks = monthCalendar(2026, 12, [], '2026-12-15');
    expect(cells(weeks)).toEqual([
      [0, 1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12, 13],
      [14, 15, 16, 17, 18, 19, 20],
      [21, 22, 23, 24, 25, 26, 27],
      [28, 29, 30, 31, 0, 0, 0],
    ]);
    expect(weeks[0][0]).toMatchObject({ day: '2026-11-30', date: 30, inMonth: false });
    expect(weeks[4][6]).toMatchObject({ day: '2027-01-03', date: 3, inMonth: false });
  });

  it('takes six rows for November 2026 and four for February 2027', () => {
    expect(monthCalendar(2026, 11, [], '2026-11-22')).toHaveLength(6);
    expect(cells(monthCalendar(2027, 2, [], '2027-02-01'))).toEqual([
      [1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14],
      [15, 16, 17, 18, 19, 20, 21],
      [22, 23, 24, 25, 26, 27, 28],
    ]);
  });

  it('has 29 February in a leap year', () => {
    const weeks = monthCalendar(2028, 2, ['2028-02-29'], '2028-03-01');
    expect(cells(weeks)[4]).toEqual([28, 29, 0, 0, 0, 0, 0]);
    expect(weeks[4][1]).toMatchObject({ day: '2028-02-29', checked: true, isFuture: false, isToday: false });
    expect(weeks[4][2]).toMatchObject({ day: '2028-03-01', isToday: true, inMonth: false });
  });

  it('marks checked days, today and the future', () => {
    const weeks = monthCalendar(2026, 11, ['2026-11-20', '2026-11-21', '2026-10-31'], '2026-11-22');
    const byDay = new Map(weeks.flat().map((d) => [d.day, d]));
    expect(byDay.get('2026-11-20')).toMatchObject({ checked: true, isToday: false, isFuture: false });
    expect(byDay.get('2026-11-22')).toMatchObject({ checked: false, isToday: true, isFuture: false });
    expect(byDay.get('2026-11-23')).toMatchObject({ checked: false, isToday: false, isFuture: true });
    expect(byDay.get('2026-10-31')).toMatchObject({ checked: true, inMonth: false });
    expect(weeks.flat().filter((d) => d.isToday)).toHaveLength(1);
  });

  it('always gives full Monday-to-Sunday weeks holding every day of the month once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const weeks = monthCalendar(year, month, [], '2026-11-22');
        expect(weeks.length).toBeGreaterThanOrEqual(4);
        expect(weeks.length).toBeLessThanOrEqual(6);
        const flat = weeks.flat();
        weeks.forEach((w) => expect(w).toHaveLength(7));
        // Consecutive days, starting on a Monday: the first cell is 1-6 days before the 1st, or the 1st itself.
        flat.slice(1).forEach((d, i) => expect(d.day).toBe(addDays(flat[i].day, 1)));
        expect(new Date(`${flat[0].day}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(flat.filter((d) => d.inMonth).map((d) => d.date)).toEqual(Array.from({ length: daysInMonth(year, month) }, (_, i) => i + 1));
        expect(weeks[0].some((d) => d.inMonth)).toBe(true);
        expect(weeks[weeks.length - 1].some((d) => d.inMonth)).toBe(true);
      }),
    );
  });
});
