import fc from 'fast-check';
import { addDays, startOfDay } from '../business-day';
import { AppError } from '../reply';
import { ValidationError } from '../validate';
import {
  birthdayChangeOpensOn,
  birthdayGiftDue,
  birthdayGiftKey,
  birthdayInYear,
  birthdayLabel,
  birthdaysCelebratedOn,
  isBirthdayToday,
  parseBirthday,
  setBirthday,
  type Birthday,
  type BirthdayRecord,
} from './birthday';

/** Noon of a Shanghai day. */
const at = (day: string) => new Date(startOfDay(day).getTime() + 12 * 3_600_000);
const NOW = at('2026-11-22');

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('parseBirthday', () => {
  it('reads MM-DD and YYYY-MM-DD', () => {
    expect(parseBirthday('03-08', NOW)).toEqual({ monthDay: '03-08' });
    expect(parseBirthday(' 1990-03-08 ', NOW)).toEqual({ monthDay: '03-08', year: 1990 });
    expect(parseBirthday('02-29', NOW)).toEqual({ monthDay: '02-29' });
    expect(parseBirthday('2000-02-29', NOW)).toEqual({ monthDay: '02-29', year: 2000 });
  });

  it('refuses dates that do not exist, odd years and the future, in Chinese', () => {
    const message = (text: unknown) => {
      const e = errorOf(() => parseBirthday(text, NOW));
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).message;
    };
    expect(message('3-8')).toBe('生日格式不正确');
    expect(message('02-30')).toBe('生日日期不存在');
    expect(message('2001-02-29')).toBe('生日日期不存在');
    expect(message('13-01')).toBe('生日日期不存在');
    expect(message('1899-12-31')).toBe('生日年份不正确');
    expect(message('2026-11-23')).toBe('生日不能晚于今天');
    expect(message(19900308)).toBe('生日应为文本');
    expect(parseBirthday('2026-11-22', NOW)).toEqual({ monthDay: '11-22', year: 2026 });
  });

  it('labels a birthday the Chinese way', () => {
    expect(birthdayLabel({ monthDay: '03-08' })).toBe('3月8日');
    expect(birthdayLabel({ monthDay: '12-25', year: 1990 })).toBe('1990年12月25日');
  });
});

describe('the birthday day', () => {
  const leap: Birthday = { monthDay: '02-29' };

  it('is the date itself, in Shanghai time', () => {
    const b: Birthday = { monthDay: '03-08' };
    expect(isBirthdayToday(b, new Date('2027-03-07T15:59:59Z'))).toBe(false); // 03-07 23:59 in Shanghai
    expect(isBirthdayToday(b, new Date('2027-03-07T16:00:00Z'))).toBe(true); // 03-08 00:00 in Shanghai
    expect(isBirthdayToday(b, new Date('2027-03-08T15:59:59Z'))).toBe(true);
    expect(isBirthdayToday(b, new Date('2027-03-08T16:00:00Z'))).toBe(false);
  });

  it('celebrates 29 February on 28 February outside leap years', () => {
    expect(birthdayInYear(leap, 2027)).toBe('2027-02-28');
    expect(birthdayInYear(leap, 2028)).toBe('2028-02-29');
    expect(birthdayInYear(leap, 2100)).toBe('2100-02-28');
    expect(birthdayInYear(leap, 2000)).toBe('2000-02-29');
    expect(isBirthdayToday(leap, at('2027-02-28'))).toBe(true);
    expect(isBirthdayToday(leap, at('2027-03-01'))).toBe(false);
    expect(isBirthdayToday(leap, at('2028-02-28'))).toBe(false);
    expect(isBirthdayToday(leap, at('2028-02-29'))).toBe(true);
  });

  it('tells the daily job which month-days to look up', () => {
    expect(birthdaysCelebratedOn(at('2027-02-28'))).toEqual(['02-28', '02-29']);
    expect(birthdaysCelebratedOn(at('2028-02-28'))).toEqual(['02-28']);
    expect(birthdaysCelebratedOn(at('2028-02-29'))).toEqual(['02-29']);
    expect(birthdaysCelebratedOn(new Date('2026-12-31T16:30:00Z'))).toEqual(['01-01']);
  });

  it('falls on exactly one day a year, the day the job looks it up', () => {
    const monthDay = fc
      .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ month, day }) => day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
      .map(({ month, day }) => `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    fc.assert(
      fc.property(monthDay, fc.integer({ min: 1990, max: 2110 }), fc.integer({ min: 0, max: 365 }), (md, year, offset) => {
        const b: Birthday = { monthDay: md };
        const celebrated = birthdayInYear(b, year);
        expect(celebrated.slice(0, 4)).toBe(String(year));
        expect(isBirthdayToday(b, at(celebrated))).toBe(true);
        expect(birthdaysCelebratedOn(at(celebrated))).toContain(md);
        // Any other day of that year is not the birthday, and the job does not look it up then.
        const other = addDays(`${year}-01-01`, offset);
        if (other.startsWith(String(year)) && other !== celebrated) {
          expect(isBirthdayToday(b, at(other))).toBe(false);
          expect(birthdaysCelebratedOn(at(other))).not.toContain(md);
        }
      }),
    );
  });
});

describe('the birthday gift', () => {
  it('has one key per member and year', () => {
    expect(birthdayGiftKey('oUser1', 2027)).toBe('birthday_gift:oUser1:2027');
    expect(birthdayGiftKey('oUser1', 2027)).not.toBe(birthdayGiftKey('oUser1', 2028));
    expect(birthdayGiftKey('oUser1', 2027)).not.toBe(birthdayGiftKey('oUser2', 2027));
    expect(() => birthdayGiftKey('a:b', 2027)).toThrow(RangeError);
    expect(() => birthdayGiftKey('oUser1', 27.5)).toThrow(RangeError);
  });

  it('is due on the birthday only, keyed by the Shanghai year', () => {
    const b: Birthday = { monthDay: '01-01' };
    // 2026-12-31 16:30 UTC is already 2027-01-01 in Shanghai.
    expect(birthdayGiftDue('oUser1', b, new Date('2026-12-31T16:30:00Z'))).toEqual({ key: 'birthday_gift:oUser1:2027', year: 2027 });
    expect(birthdayGiftDue('oUser1', b, new Date('2026-12-31T15:30:00Z'))).toBeNull();
    expect(birthdayGiftDue('oUser1', null, NOW)).toBeNull();
  });

  it('cannot be had twice in a year by moving the birthday', () => {
    const first = birthdayGiftDue('oUser1', { monthDay: '03-08' }, at('2027-03-08'));
    const moved = birthdayGiftDue('oUser1', { monthDay: '10-01' }, at('2027-10-01'));
    expect(first?.key).toBe(moved?.key);
  });
});

describe('changing the birthday', () => {
  const empty: BirthdayRecord = { birthday: null, changedAt: null };
  const march: Birthday = { monthDay: '03-08' };
  const april: Birthday = { monthDay: '04-08' };
  const may: Birthday = { monthDay: '05-08' };

  it('sets it the first time freely', () => {
    expect(setBirthday(empty, march, NOW)).toEqual({ birthday: march, changedAt: null });
  });

  it('allows one correction, then no other change for 365 days', () => {
    const set = setBirthday(empty, march, NOW);
    const corrected = setBirthday(set, april, NOW);
    expect(corrected).toEqual({ birthday: april, changedAt: NOW });
    const e = errorOf(() => setBirthday(corrected, may, at('2027-11-21')));
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'BIRTHDAY_CHANGE_TOO_SOON', message: '生日一年内只能修改一次，2027年11月22日起可再次修改' });
    expect(birthdayChangeOpensOn(corrected, at('2027-11-21'))).toBe('2027-11-22');
    const later = at('2027-11-22');
    expect(birthdayChangeOpensOn(corrected, later)).toBeNull();
    expect(setBirthday(corrected, may, later)).toEqual({ birthday: may, changedAt: later });
  });

  it('counts the 365 days in Shanghai days', () => {
    // Corrected at 23:30 on 2026-11-22 in Shanghai (15:30 UTC): the day is 11-22, not 11-23.
    const corrected: BirthdayRecord = { birthday: april, changedAt: new Date('2026-11-22T15:30:00Z') };
    expect(birthdayChangeOpensOn(corrected, NOW)).toBe('2027-11-22');
  });

  it('lets the year be added or changed at any time', () => {
    const corrected: BirthdayRecord = { birthday: april, changedAt: NOW };
    const withYear = setBirthday(corrected, { monthDay: '04-08', year: 1995 }, at('2026-12-01'));
    expect(withYear).toEqual({ birthday: { monthDay: '04-08', year: 1995 }, changedAt: NOW });
    expect(setBirthday(withYear, { monthDay: '04-08' }, at('2026-12-02')).birthday).toEqual({ monthDay: '04-08' });
  });

  it('refuses a month-day that does not exist', () => {
    expect(() => setBirthday(empty, { monthDay: '02-30' }, NOW)).toThrow(RangeError);
  });
});
