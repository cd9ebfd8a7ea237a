import { dayKey, addDays } from '../../../../src/domain/business-day';
import { checkIn, checkinStatus, monthCalendar, pointsForStreakDay, type CheckinResult } from '../../../../src/domain/membership/checkin-streak';
import { MEMBERSHIP_ERRORS } from '../../../../src/domain/membership/errors';
import { daysInMonth, toDayKey } from '../../../../src/domain/membership/calendar';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { movePoints } from '../../../_shared/points';
import { requireUser } from '../../../_shared/roles';
import type { Handler } from '../../../_shared/router';
import { checkinConfig, checkinStateOf, loadMember, subscribeTemplate } from '../member';

/**
 * Once per Shanghai day. The points, the calendar day (`checkins/<openid>:<day>`) and the user's
 * streak are one transaction with the ledger entry `checkin:<openid>:<day>`: a double tap or a
 * second phone either finds today's entry or loses the write race and, retried, reads today as
 * already checked in — one credit either way.
 */
export const checkin: Handler = async (_event, ctx) => {
  const openid = requireUser(ctx);
  const now = ctx.now();
  const day = dayKey(now);
  const config = await checkinConfig(ctx.db);
  let result: CheckinResult | null = null;
  const moved = await movePoints(
    ctx.db,
    {
      openid,
      reason: 'checkin',
      id: [openid, day],
      delta: (user) => {
        result = checkIn(checkinStateOf(user), now, config);
        return result.points;
      },
      alongside: async (t) => {
        const r = result as CheckinResult;
        await t.collection('checkins').add({
          data: { _id: `${openid}:${day}`, openid, day, streak: r.streak, points: r.points, bonusPoints: r.bonusPoints, createdAt: now },
        });
        return { checkin: { lastDay: day, streak: r.streak } };
      },
    },
    now,
  );
  if (!moved.applied || !result) throw new AppError('ALREADY_CHECKED_IN', MEMBERSHIP_ERRORS.ALREADY_CHECKED_IN);
  const r = result as CheckinResult;
  // After checking in the page offers a subscription; the template is configured per mini program.
  const reminder = (await subscribeTemplate(ctx.db, 'checkin_reminder')) ?? (await subscribeTemplate(ctx.db, 'tier_change'));
  return {
    day: r.day,
    points: r.points,
    basePoints: r.basePoints,
    bonusPoints: r.bonusPoints,
    streak: r.streak,
    nextBonus: r.nextBonus,
    balance: moved.balance,
    subscribeTemplateIds: reminder ? [reminder.id] : [],
  };
};

const calendarInput = v.object({ year: v.optional(v.int({ min: 2000, max: 2100, label: '年份' })), month: v.optional(v.int({ min: 1, max: 12, label: '月份' })) });

/** The month grid (Monday first) with the days checked in, plus today's status for the button. */
export const calendar: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const now = ctx.now();
  const today = dayKey(now);
  const input = parse(calendarInput, { year: event.year, month: event.month });
  const year = input.year ?? Number(today.slice(0, 4));
  const month = input.month ?? Number(today.slice(5, 7));
  const first = toDayKey(year, month, 1);
  const last = toDayKey(year, month, daysInMonth(year, month));
  const [user, config, found] = await Promise.all([
    loadMember(ctx.db, openid),
    checkinConfig(ctx.db),
    ctx.db
      .collection<{ day: string }>('checkins')
      .where({ openid, day: ctx._.gte(first).and(ctx._.lte(last)) })
      .field({ day: true })
      .limit(31)
      .get(),
  ]);
  const days = found.data.map((d) => d.day);
  const status = checkinStatus(checkinStateOf(user), now, config);
  // The week strip under the button: what each of the next 7 check-ins would earn.
  const upcoming = Array.from({ length: 7 }, (_, i) => {
    const streak = status.streak + i + 1;
    return { day: addDays(today, status.checkedInToday ? i + 1 : i), streak, points: pointsForStreakDay(streak, config) };
  });
  return {
    year,
    month,
    today,
    weeks: monthCalendar(year, month, days, today),
    checkedDays: days.sort(),
    status,
    upcoming,
    points: user.points ?? 0,
  };
};
