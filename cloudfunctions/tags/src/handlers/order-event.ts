import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import type { Handler } from '../../../_shared/router';
import { recomputeUser } from '../compute';

const eventInput = v.object({
  type: v.oneOf(['paid', 'completed', 'refunded'] as const, { label: '事件类型' }),
  orderId: v.string({ min: 1, max: 64, label: '订单号' }),
  openid: v.string({ min: 1, max: 128, label: '用户' }),
});

/**
 * Subscriber of the order outbox (cloudfunctions/_shared/order-events.ts): a payment or a refund
 * changes purchase days, RFM and interests, so that buyer's tags are recomputed from the records.
 * Recomputing is a rewrite from the database, so a repeated delivery changes nothing.
 */
export const onOrderEvent: Handler = async (event, ctx) => {
  // Only another function (the outbox dispatcher) may report order events.
  const source = String(ctx.cloud.getWXContext().SOURCE ?? '');
  if (!source.split(',').includes('scf')) throw new AppError('FORBIDDEN');
  const input = parse(eventInput, event.event);
  if (input.type === 'completed') return { handled: 'ignored' };
  const doc = await recomputeUser(ctx, input.openid);
  // A first paid order may have made the buyer a qualified invitee (the referral subscriber runs
  // first), and a refund may have voided that: the referrer's KOC count moves with it.
  const referrer = (await ctx.db.collection<{ referrer?: { openid?: string } | null }>('users').where({ _id: input.openid }).field({ referrer: true }).limit(1).get()).data[0]?.referrer?.openid;
  const referrerDoc = typeof referrer === 'string' && referrer !== input.openid ? await recomputeUser(ctx, referrer) : null;
  return { handled: input.type, recomputed: doc !== null, referrerRecomputed: referrerDoc !== null };
};
