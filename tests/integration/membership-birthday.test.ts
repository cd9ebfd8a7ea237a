/**
 * Birthdays through the local CloudBase: set on the day itself gives the gift at once, the daily
 * job gives today's birthdays theirs, and firing the job twice (or setting the birthday after it
 * ran) still gives one gift a year. Corrections are limited and audited.
 */
import { dayKey } from '../../src/domain/business-day';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

type Reply<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string; message: string };

jest.setTimeout(60_000);

let cloud: LocalCloud;
const DAY = 86_400_000;
const user = (id: string, birthday: { monthDay: string } | null = null) => ({ _id: id, openid: id, nickName: id, tier: 'silver', points: 0, birthday, birthdayChangedAt: null });

function birthdayTemplate(id: string) {
  const now = Date.now();
  return {
    _id: id,
    title: '银卡生日礼券 满150减20',
    description: '生日当天自动发放',
    kind: 'birthday',
    rule: { kind: 'amount', amountOff: 2000, threshold: 15000 },
    scope: { type: 'all' },
    channel: 'both',
    storeIds: null,
    total: null,
    claimed: 0,
    used: 0,
    perUserLimit: 1,
    tiers: ['silver'],
    claimStartAt: new Date(now - 400 * DAY),
    claimEndAt: new Date(now + 400 * DAY),
    validity: { type: 'relative', days: 30 },
    pointsCost: null,
    cashbackPoints: 0,
    public: false,
    status: 'active',
    createdBy: 'o_manager',
    createdAt: new Date(now - 400 * DAY),
    updatedAt: new Date(now - 400 * DAY),
  };
}

const monthDayOf = (ms: number) => dayKey(ms).slice(5);

beforeAll(async () => {
  const now = Date.now();
  cloud = await startLocalCloud({
    seed: async () => ({
      users: [user('o_today'), user('o_tomorrow', { monthDay: monthDayOf(now + DAY) }), user('o_fickle')],
      coupon_templates: [birthdayTemplate('tpl-birthday-silver')],
    }),
  });
});
afterAll(() => cloud.close());

const gifts = (openid: string) => cloud.emulator.db.find('user_coupons', { openid, source: 'birthday' }) as { _id: string }[];
const fireBirthdayDaily = () => cloud.post('/api/_emulator/timers/membership?trigger=birthdayDaily', {});

describe('birthday gifts', () => {
  it('gives the gift at once to a member who sets today as their birthday, once however often the job runs', async () => {
    const today = dayKey(cloud.emulator.clock.now());
    const set = await cloud.call<Reply<{ giftIssued: boolean; birthday: { label: string } }>>('membership', { action: 'setBirthday', monthDay: today.slice(5) }, 'o_today');
    expect(set).toMatchObject({ ok: true, data: { giftIssued: true } });
    await Promise.all([fireBirthdayDaily(), fireBirthdayDaily()]);
    await fireBirthdayDaily();
    expect(gifts('o_today').map((g) => g._id)).toEqual([`birthday_gift:o_today:${today.slice(0, 4)}`]);
  });

  it('gives tomorrow’s birthday its gift when the job runs tomorrow, and only one even if it fires twice', async () => {
    await fireBirthdayDaily();
    expect(gifts('o_tomorrow')).toHaveLength(0);
    await cloud.emulator.advanceClock(DAY); // the scheduled 00:30 run fires on the way
    await Promise.all([fireBirthdayDaily(), fireBirthdayDaily()]);
    const year = dayKey(cloud.emulator.clock.now()).slice(0, 4);
    expect(gifts('o_tomorrow').map((g) => g._id)).toEqual([`birthday_gift:o_tomorrow:${year}`]);
    expect(cloud.emulator.db.find('coupon_templates', { _id: 'tpl-birthday-silver' })[0]).toMatchObject({ claimed: 2 });
  });

  it('allows one correction, then refuses month-day changes for 365 days, and audits each change', async () => {
    const set = (monthDay: string, year?: number) => cloud.call<Reply>('membership', { action: 'setBirthday', monthDay, year }, 'o_fickle');
    expect(await set('03-08')).toMatchObject({ ok: true });
    expect(await set('03-18', 1994)).toMatchObject({ ok: true });
    const third = await set('04-18');
    expect(third).toMatchObject({ ok: false, code: 'BIRTHDAY_CHANGE_TOO_SOON' });
    expect(!third.ok && third.message).toMatch(/^生日一年内只能修改一次，\d{4}年\d{1,2}月\d{1,2}日起可再次修改$/);
    // The year alone may always change.
    expect(await set('03-18', 1995)).toMatchObject({ ok: true });
    expect(await set('02-30')).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '生日日期不存在' });
    expect(cloud.emulator.db.find('users', { _id: 'o_fickle' })[0]).toMatchObject({ birthday: { monthDay: '03-18', year: 1995 } });
    expect(cloud.emulator.db.find('audit_logs', { action: 'member.birthday', 'target.id': 'o_fickle' })).toHaveLength(3);
  });
});
