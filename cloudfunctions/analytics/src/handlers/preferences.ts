import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { requireUser } from '../../../_shared/roles';
import type { Handler } from '../../../_shared/router';

const input = v.object({ marketingOptOut: v.optional(v.boolean({ label: '营销消息设置' })) });

interface PreferenceFields {
  marketingOptOut?: boolean;
  marketingOptOutAt?: Date | null;
}

/**
 * `preferences {}` reads, `preferences { marketingOptOut }` sets 一键退出营销消息. The flag lives on
 * the user record (what sending checks) and is copied onto user_tags in the same transaction, so
 * reports never disagree with sending.
 */
export const preferences: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const { marketingOptOut } = parse(input, event);
  const users = ctx.db.collection<PreferenceFields & { _id: string }>('users');
  const found = await users.where({ _id: openid }).limit(1).get();
  const user = found.data[0];
  if (!user) throw new AppError('NOT_FOUND', '请先登录');
  const current = { marketingOptOut: user.marketingOptOut === true, marketingOptOutAt: user.marketingOptOutAt ?? null };
  if (marketingOptOut === undefined || marketingOptOut === current.marketingOptOut) return current;

  const next = { marketingOptOut, marketingOptOutAt: marketingOptOut ? ctx.now() : null };
  const hasTags = (await ctx.db.collection('user_tags').where({ _id: openid }).count()).total > 0;
  await ctx.db.runTransaction(async (t) => {
    await t.collection('users').doc(openid).update({ data: next });
    if (hasTags) await t.collection('user_tags').doc(openid).update({ data: { marketingOptOut } });
  });
  return next;
};
