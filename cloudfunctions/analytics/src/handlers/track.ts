import { AppError } from '../../../../src/domain/reply';
import { parseClientEventBatch } from '../../../../src/domain/tags/events';
import { allowBatch, type TokenBucketState } from '../../../../src/domain/tags/rate-limit';
import { isDuplicateKeyError } from '../../../_shared/db-types';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';

type BucketDoc = { _id: string } & TokenBucketState;

// Concurrent batches of one user race for the same bucket; each lost race re-reads and tries again.
const MAX_BUCKET_ATTEMPTS = 25;

/**
 * Takes one token from the user's bucket with a compare-and-set: the update only applies when the
 * document still holds what was read, so two instances can never spend the same token.
 */
export async function takeToken(ctx: HandlerContext, key: string, now: number): Promise<void> {
  const buckets = ctx.db.collection<BucketDoc>('rate_limits');
  for (let attempt = 0; attempt < MAX_BUCKET_ATTEMPTS; attempt += 1) {
    const found = await buckets.where({ _id: key }).limit(1).get();
    const current = found.data[0];
    const decision = allowBatch(current ?? null, now);
    const refused = () => new AppError('RATE_LIMITED', `事件上报太频繁，请${Math.ceil(decision.retryAfterMs / 1000)}秒后再试`);
    if (!current) {
      try {
        await buckets.add({ data: { _id: key, ...decision.nextState } });
      } catch (error) {
        if (isDuplicateKeyError(error)) continue;
        throw error;
      }
      if (!decision.allowed) throw refused();
      return;
    }
    const unchanged = decision.nextState.tokens === current.tokens && decision.nextState.refilledAt === current.refilledAt;
    if (!decision.allowed && unchanged) throw refused();
    const res = await buckets.where({ _id: key, tokens: current.tokens, refilledAt: current.refilledAt }).update({ data: { ...decision.nextState } });
    if (res.stats.updated !== 1) continue;
    if (!decision.allowed) throw refused();
    return;
  }
  throw new AppError('RATE_LIMITED', '事件上报太频繁，请稍后再试');
}

/**
 * `track { events }`: one batch from the client's batcher. The whole batch is refused when
 * malformed (a client bug); otherwise one token is taken and each event stored under
 * `<openid>:<event id>`, so a batch re-sent after a lost reply is stored once.
 */
export const track: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const now = ctx.now();
  const batch = parseClientEventBatch(event.events, now.getTime());
  await takeToken(ctx, `${openid}:events`, now.getTime());
  let stored = 0;
  let repeated = 0;
  await Promise.all(
    batch.events.map(async (e) => {
      try {
        await ctx.db.collection('events').add({
          data: { _id: `${openid}:${e.id}`, openid, type: e.type, at: new Date(e.at), payload: e.payload, receivedAt: now },
        });
        stored += 1;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        repeated += 1;
      }
    }),
  );
  return { stored, repeated, dropped: batch.dropped };
};
