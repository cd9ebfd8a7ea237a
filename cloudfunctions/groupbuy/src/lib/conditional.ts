/**
 * Runs the group-buy rules' conditional updates (src/domain/groupbuy/conditional-update.ts) with
 * wx-server-sdk: each is ONE `where(...).update(...)` whose `stats.updated` says whether it held,
 * so no read-then-write can oversell stock or a person's limit.
 */
import { toWxData, toWxWhere, undoIncrements, type ClaimPlan, type ConditionalUpdate, type DbCommandLike } from '../../../../src/domain/groupbuy/conditional-update';
import { AppError } from '../../../../src/domain/reply';
import { isDuplicateKeyError } from '../../../_shared/db-types';
import type { HandlerContext } from '../../../_shared/router';

type Ctx = Pick<HandlerContext, 'db' | '_'>;

const command = (ctx: Ctx) => ctx._ as unknown as DbCommandLike;

async function updateOnce(ctx: Ctx, u: ConditionalUpdate): Promise<boolean> {
  const { stats } = await ctx.db
    .collection(u.collection)
    .where(toWxWhere(u, command(ctx)))
    .update({ data: toWxData(u, command(ctx)) });
  return stats.updated === 1;
}

/**
 * true when the update applied. With `missingAs`, a 0 on a document that does not exist yet
 * creates it and tries again; a duplicate key means another request created it first, which is
 * just as good.
 */
export async function runUpdate(ctx: Ctx, u: ConditionalUpdate): Promise<boolean> {
  if (await updateOnce(ctx, u)) return true;
  if (!u.missingAs) return false;
  const found = await ctx.db.collection(u.collection).where({ _id: u.id }).limit(1).get();
  if (found.data.length > 0) return false;
  try {
    await ctx.db.collection(u.collection).add({ data: { _id: u.id, ...u.missingAs } });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  return updateOnce(ctx, u);
}

/** Unconditional give-backs (`undoIncrements`, `groupBuyRelease`): each is one atomic `_.inc`. */
export async function runAll(ctx: Ctx, updates: readonly ConditionalUpdate[]): Promise<void> {
  for (const u of updates) await updateOnce(ctx, u);
}

/**
 * A claim over several documents: steps in order; the first that does not hold gives back the
 * ones before it and refuses with its own code and message.
 */
export async function runClaim(ctx: Ctx, plan: ClaimPlan): Promise<void> {
  for (let i = 0; i < plan.steps.length; i += 1) {
    const step = plan.steps[i];
    if (!(await runUpdate(ctx, step.update))) {
      await runAll(
        ctx,
        plan.steps
          .slice(0, i)
          .reverse()
          .map((s) => undoIncrements(s.update)),
      );
      throw new AppError(step.refusal.code, step.refusal.message);
    }
  }
}
