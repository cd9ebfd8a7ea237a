import { birthdayGiftDue, birthdayLabel, birthdaysCelebratedOn, parseBirthday, setBirthday as nextBirthdayRecord, type Birthday } from '../../../../src/domain/membership/birthday';
import { dayKey } from '../../../../src/domain/business-day';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { tierById } from '../../../../src/domain/tiers';
import { audit } from '../../../_shared/audit';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { issueCoupon } from '../../../_shared/coupon-issue';
import { loadMember, tierOf, type MemberDoc } from '../member';

/**
 * Issues today's birthday coupon to `user` if it is due. The coupon's _id is birthdayGiftKey
 * (`birthday_gift:<openid>:<year>`), so the job running twice, or the member setting the birthday
 * after the job, still gives one gift a year. Returns whether a coupon was issued now.
 */
export async function giveBirthdayGift(ctx: Pick<HandlerContext, 'db'>, user: MemberDoc, now: Date): Promise<boolean> {
  const due = birthdayGiftDue(user._id, user.birthday ?? null, now);
  if (!due) return false;
  const result = await issueCoupon(ctx.db, {
    templateId: tierById(tierOf(user)).birthdayCouponTemplateId,
    openid: user._id,
    ref: due.key,
    source: 'birthday',
    now,
    // One a year is the gift's own rule (its ref), not the template's per-person limit.
    checks: { perUserLimit: false },
  });
  return result.issued;
}

const birthdayInput = v.object({
  monthDay: v.string({ min: 5, max: 5, pattern: /^\d{2}-\d{2}$/, label: '生日' }),
  year: v.optional(v.int({ min: 1900, max: 9999, label: '出生年份' })),
});

/** Sets or corrects the birthday (rules in birthday.ts); every change is audited. */
export const setBirthday: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const now = ctx.now();
  const input = parse(birthdayInput, event);
  const next: Birthday = parseBirthday(input.year ? `${input.year}-${input.monthDay}` : input.monthDay, now);
  const user = await loadMember(ctx.db, openid);
  const before = { birthday: user.birthday ?? null, changedAt: user.birthdayChangedAt ?? null };
  const record = nextBirthdayRecord(before, next, now);
  const stored = { monthDay: next.monthDay, ...(next.year ? { year: next.year } : {}) };
  // Conditional on the birthday read, so two devices correcting at once cannot both use the one free correction.
  const updated = await ctx.db
    .collection('users')
    .where({ _id: openid, birthdayChangedAt: before.changedAt, 'birthday.monthDay': before.birthday ? before.birthday.monthDay : null })
    .update({ data: { birthday: ctx._.set(stored), birthdayChangedAt: record.changedAt } });
  if (updated.stats.updated !== 1) {
    // 0 also means "set to what it already was"; only a different stored value is a lost race.
    const fresh = await loadMember(ctx.db, openid);
    if (JSON.stringify(fresh.birthday ?? null) !== JSON.stringify(stored)) throw new AppError('CONFLICT');
  }
  await audit(ctx, { role: 'system', action: 'member.birthday', target: { collection: 'users', id: openid }, detail: { from: before.birthday, to: stored, day: dayKey(now) } });
  const gift = await giveBirthdayGift(ctx, { ...user, birthday: stored, birthdayChangedAt: record.changedAt }, now);
  return { birthday: { ...stored, label: birthdayLabel(stored) }, changedAt: record.changedAt, giftIssued: gift };
};

/** Daily: today's birthdays (02-29 on 02-28 in other years) get their tier's coupon. */
export const birthdayDaily: Handler = async (_event, ctx) => {
  const now = ctx.now();
  const monthDays = birthdaysCelebratedOn(now);
  let issued = 0;
  let checked = 0;
  for (let offset = 0; ; offset += 1000) {
    const page = await ctx.db
      .collection<MemberDoc>('users')
      .where({ 'birthday.monthDay': ctx._.in(monthDays) })
      .skip(offset)
      .limit(1000)
      .get();
    for (const user of page.data) {
      checked += 1;
      try {
        if (await giveBirthdayGift(ctx, user, now)) issued += 1;
      } catch (error) {
        console.error('[membership] birthday gift failed', user._id, error);
      }
    }
    if (page.data.length < 1000) break;
  }
  return { day: dayKey(now), checked, issued };
};
