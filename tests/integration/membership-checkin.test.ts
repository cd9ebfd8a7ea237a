/**
 * Daily check-in through the local CloudBase: Shanghai days at month and year ends (the clock is
 * moved to just before and after 16:00 UTC), streak bonuses, a missed day, the month calendar, and
 * ten taps fired at once earning once.
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

type Reply<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string; message: string };
interface CheckinData {
  day: string;
  points: number;
  bonusPoints: number;
  streak: number;
  balance: number;
  nextBonus: { inDays: number; points: number } | null;
}
interface CalendarData {
  weeks: { day: string; checked: boolean; inMonth: boolean; isToday: boolean }[][];
  checkedDays: string[];
  status: { checkedInToday: boolean; streak: number; nextPoints: number };
}

// Moving the clock runs every function's due timers (cold instances): more than the 5 s default.
jest.setTimeout(60_000);

let cloud: LocalCloud;
const member = (id: string) => ({ _id: id, openid: id, nickName: id, tier: 'normal', points: 0, checkin: { streak: 0, lastDay: null } });

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: async () => ({ users: [member('o_streak'), member('o_tapper'), member('o_other')] }) });
});
afterAll(() => cloud.close());

async function moveTo(iso: string): Promise<void> {
  const ms = Date.parse(iso) - cloud.emulator.clock.now();
  if (ms < 0) throw new Error(`the clock is already past ${iso}`);
  await cloud.emulator.advanceClock(ms);
}

// The next year end still ahead of the clock: Y is the year whose 29 December 23:59 (Shanghai) is to come.
const Y = ((year) => (Date.now() < Date.parse(`${year}-12-29T15:59:30Z`) ? year : year + 1))(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
const NY = Y + 1;
// The Monday-first calendar grid of January NY opens on the Monday on or before 1 January.
const JAN1_COLUMN = (new Date(Date.UTC(NY, 0, 1)).getUTCDay() + 6) % 7;
const GRID_START = new Date(Date.UTC(NY, 0, 1 - JAN1_COLUMN)).toISOString().slice(0, 10);

const checkin = (openid: string) => cloud.call<Reply<CheckinData>>('membership', { action: 'checkin' }, openid);

describe('membership.checkin', () => {
  it('counts Shanghai days across a month and a year end, with the day-3 bonus and a reset after a missed day', async () => {
    // 29 December 23:59:30 in Shanghai.
    await moveTo(`${Y}-12-29T15:59:30Z`);
    const first = await checkin('o_streak');
    expect(first).toMatchObject({ ok: true, data: { day: `${Y}-12-29`, streak: 1, points: 5, bonusPoints: 0, balance: 5 } });
    expect(first.ok && first.data.nextBonus).toEqual({ inDays: 2, streak: 3, points: 5 });

    // One minute later it is already the 30th in Shanghai (still the 29th in UTC): a new day.
    await moveTo(`${Y}-12-29T16:00:30Z`);
    expect(await checkin('o_streak')).toMatchObject({ ok: true, data: { day: `${Y}-12-30`, streak: 2, points: 5 } });
    const again = await checkin('o_streak');
    expect(again).toEqual({ ok: false, code: 'ALREADY_CHECKED_IN', message: '今天已经签到过了' });

    // 23:59 on New Year's Eve in Shanghai: day 3 of the streak earns the bonus.
    await moveTo(`${Y}-12-31T15:59:00Z`);
    expect(await checkin('o_streak')).toMatchObject({ ok: true, data: { day: `${Y}-12-31`, streak: 3, points: 10, bonusPoints: 5, balance: 20 } });

    // Two minutes later: the new year in Shanghai, the streak carries over the year end.
    await moveTo(`${Y}-12-31T16:01:00Z`);
    expect(await checkin('o_streak')).toMatchObject({ ok: true, data: { day: `${NY}-01-01`, streak: 4, points: 5, balance: 25 } });

    const december = await cloud.call<Reply<CalendarData>>('membership', { action: 'calendar', year: Y, month: 12 }, 'o_streak');
    expect(december.ok && december.data.checkedDays).toEqual([`${Y}-12-29`, `${Y}-12-30`, `${Y}-12-31`]);
    const january = await cloud.call<Reply<CalendarData>>('membership', { action: 'calendar' }, 'o_streak');
    expect(january.ok).toBe(true);
    if (!january.ok) return;
    expect(january.data.checkedDays).toEqual([`${NY}-01-01`]);
    // Monday first: the grid opens on the Monday on or before 1 January.
    expect(january.data.weeks[0][0].day).toBe(GRID_START);
    expect(january.data.weeks[0][JAN1_COLUMN]).toMatchObject({ day: `${NY}-01-01`, checked: true, isToday: true, inMonth: true });
    expect(january.data.status).toMatchObject({ checkedInToday: true, streak: 4 });

    // Skip 2 January entirely: on the 3rd the streak starts again.
    await moveTo(`${NY}-01-03T01:00:00Z`);
    const status = await cloud.call<Reply<CalendarData>>('membership', { action: 'calendar' }, 'o_streak');
    expect(status.ok && status.data.status).toMatchObject({ checkedInToday: false, streak: 0, nextPoints: 5 });
    expect(await checkin('o_streak')).toMatchObject({ ok: true, data: { day: `${NY}-01-03`, streak: 1, points: 5, balance: 30 } });

    const history = await cloud.call<Reply<{ lines: { title: string; amount: string }[]; points: number }>>('membership', { action: 'pointsHistory' }, 'o_streak');
    expect(history.ok && history.data.points).toBe(30);
    expect(history.ok && history.data.lines.map((l) => `${l.title} ${l.amount}`)).toEqual(['每日签到 +5', '每日签到 +5', '每日签到 +10', '每日签到 +5', '每日签到 +5']);
  });

  it('gives one credit when the same person taps ten times at once', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => checkin('o_tapper')));
    const won = replies.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'ALREADY_CHECKED_IN' && r.message === '今天已经签到过了')).toBe(true);
    expect(cloud.emulator.db.find('points_ledger', { openid: 'o_tapper' })).toHaveLength(1);
    expect(cloud.emulator.db.find('checkins', { openid: 'o_tapper' })).toHaveLength(1);
    expect(cloud.emulator.db.find('users', { _id: 'o_tapper' })[0]).toMatchObject({ points: 5, checkin: { streak: 1 } });
  });

  it('refuses bad input and strangers with a clear message, writing nothing', async () => {
    const bad = await cloud.call<Reply>('membership', { action: 'calendar', year: 2026, month: 13 }, 'o_other');
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!bad.ok && bad.message).toContain('月份');
    expect(await cloud.call<Reply>('membership', { action: 'checkin' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await cloud.call<Reply>('membership', { action: 'checkin' }, 'o_nobody')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cloud.emulator.db.find('points_ledger', { openid: 'o_nobody' })).toHaveLength(0);
  });
});
