/**
 * Runs the flash-sale claim the domain writes down (src/domain/flash-sale/claim.ts) against the
 * database: each step is one conditional update on one document, so the database, not an earlier
 * read, decides who gets the last unit. Used by `flashsale.buy` and, to give a claim back, by the
 * orders function when an unpaid flash order is cancelled.
 */
import { flashClaimPlan, flashRelease, type FlashClaimInput } from '../../../../src/domain/flash-sale/claim';
import { applyConditionalUpdate, toWxData, toWxWhere, undoIncrements, type ClaimPlan, type ConditionalUpdate, type DbCommandLike, type Refusal } from '../../../../src/domain/groupbuy/conditional-update';
import { AppError } from '../../../../src/domain/reply';
import { isDuplicateKeyError, type Command, type Database } from '../../../_shared/db-types';

type Db = { db: Database; _: Command };

const command = (_: Command) => _ as unknown as DbCommandLike;

/**
 * One conditional update; true when it applied. A document that may not exist yet (`missingAs`,
 * the buyer's counter) is first created already updated, when the update holds for the missing
 * document: its unique `_id` lets only one creator win, so a first purchase costs one write. When
 * the document exists (the add fails as a duplicate) the conditional update decides as usual.
 */
export async function applyUpdate({ db, _ }: Db, update: ConditionalUpdate): Promise<boolean> {
  if (update.missingAs) {
    const fresh = applyConditionalUpdate(undefined, update);
    if (fresh.matched && fresh.doc) {
      try {
        await db.collection(update.collection).add({ data: fresh.doc });
        return true;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }
  const res = await db
    .collection(update.collection)
    .where(toWxWhere(update, command(_)))
    .update({ data: toWxData(update, command(_)) });
  return res.stats.updated === 1;
}

/** Runs the steps in order; when one does not match, gives back the ones before it and refuses. */
export async function runClaim(ctx: Db, plan: ClaimPlan): Promise<{ ok: true } | { ok: false; refusal: Refusal }> {
  for (let i = 0; i < plan.steps.length; i += 1) {
    if (!(await applyUpdate(ctx, plan.steps[i].update))) {
      for (let j = i - 1; j >= 0; j -= 1) await applyUpdate(ctx, undoIncrements(plan.steps[j].update));
      return { ok: false, refusal: plan.steps[i].refusal };
    }
  }
  return { ok: true };
}

/** Takes `quantity` from the item's stock and adds it to the buyer's counter, or throws the refusal. */
export async function claimFlash(ctx: Db, input: FlashClaimInput): Promise<void> {
  const result = await runClaim(ctx, flashClaimPlan(input));
  if (!result.ok) throw new AppError(result.refusal.code, result.refusal.message);
}

/**
 * Gives a claim back. Unconditional: call it only from the one caller that won the order's own
 * conditional change (or from the undo of a purchase that never became an order).
 */
export async function releaseFlash(ctx: Db, input: Pick<FlashClaimInput, 'saleItemId' | 'openid' | 'quantity'>): Promise<void> {
  // The limit only shapes the claim's condition; a release is plain increments.
  await Promise.all(flashRelease({ ...input, perUserLimit: input.quantity }).map((u) => applyUpdate(ctx, u)));
}
