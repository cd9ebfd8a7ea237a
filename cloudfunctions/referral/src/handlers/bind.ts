import { BINDING_ERRORS, decideBinding, walkChain, type BindingRefusal } from '../../../../src/domain/referral/binding';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { isDuplicateKeyError } from '../../../_shared/db-types';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { findReferral, type CodeDoc, type ReferralRow } from '../model';

const bindInput = v.object({
  code: v.string({ min: 8, max: 8, pattern: /^[A-Z0-9]{8}$/, label: '邀请码' }),
  source: v.optional(v.oneOf(['poster', 'share', 'link'] as const, { label: '来源' })),
});

export interface BindReply {
  referrer: string;
  code: string;
  boundAt: Date;
  /** True when this invitee was already bound to the same referrer: nothing new was written. */
  repeated: boolean;
}

const refuse = (reason: BindingRefusal) => new AppError(reason, BINDING_ERRORS[reason]);

async function paidOrders(ctx: HandlerContext, openid: string): Promise<number> {
  const { total } = await ctx.db.collection('orders').where({ openid, paidAt: ctx._.neq(null) }).count();
  return total;
}

const chainOf = (ctx: HandlerContext, referrer: string) => walkChain(referrer, async (openid) => (await findReferral(ctx.db, openid))?.referrer ?? null);

async function unbind(ctx: HandlerContext, invitee: string, referrer: string): Promise<void> {
  await ctx.db.collection('referrals').where({ _id: invitee, referrer, status: 'bound' }).remove();
  await ctx.db.collection('users').where({ _id: invitee, 'referrer.openid': referrer }).update({ data: { referrer: null } });
}

/**
 * Binds the caller (the invitee) to the code's owner. The insert of `referrals/<invitee>` is the
 * binding, so of two simultaneous binds of one invitee exactly one lands; the loser is answered
 * as the rules would answer it afterwards.
 */
export const bind: Handler<BindReply> = async (event, ctx) => {
  const invitee = requireUser(ctx);
  const input = parse(bindInput, event);
  const found = await ctx.db.collection<CodeDoc>('referral_codes').where({ _id: input.code }).limit(1).get();
  const code = found.data[0];
  if (!code) throw new AppError('NOT_FOUND', '邀请码无效');
  // Every arrival with the code counts as a scan, bound or not (the poster's reach).
  await ctx.db.collection('referral_codes').doc(code._id).update({ data: { scans: ctx._.inc(1) } });

  const referrer = code.openid;
  const existing = await findReferral(ctx.db, invitee);
  const decision = decideBinding({
    invitee,
    referrer,
    existingReferrer: existing?.referrer ?? null,
    inviteePaidOrders: existing || invitee === referrer ? 0 : await paidOrders(ctx, invitee),
    referrerChain: existing || invitee === referrer ? [] : await chainOf(ctx, referrer),
  });
  if (!decision.bind) {
    if (decision.repeat && existing) return { referrer, code: existing.code, boundAt: existing.boundAt, repeated: true };
    if (!decision.repeat) throw refuse(decision.reason);
  }

  const now = ctx.now();
  const doc: ReferralRow = {
    _id: invitee,
    invitee,
    referrer,
    code: code._id,
    status: 'bound',
    boundAt: now,
    firstOrderId: null,
    qualifiedAt: null,
    rewardPoints: 0,
    source: input.source ?? 'poster',
    voidedAt: null,
  };
  try {
    await ctx.db.collection('referrals').add({ data: doc });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await findReferral(ctx.db, invitee);
    if (winner?.referrer === referrer) return { referrer, code: winner.code, boundAt: winner.boundAt, repeated: true };
    throw refuse('REFERRAL_ALREADY_BOUND');
  }
  // A and B binding each other at the same moment both passed the cycle check; whoever now sees
  // the loop steps back, so no loop survives (at worst neither binding does).
  if ((await chainOf(ctx, referrer)).includes(invitee)) {
    await unbind(ctx, invitee, referrer);
    throw refuse('REFERRAL_CYCLE');
  }
  await ctx.db.collection('users').where({ _id: invitee }).update({ data: { referrer: { openid: referrer, code: code._id, boundAt: now } } });
  return { referrer, code: code._id, boundAt: now, repeated: false };
};
