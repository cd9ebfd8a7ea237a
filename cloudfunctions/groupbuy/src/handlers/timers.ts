import { GROUPBUY_GROUP_COLLECTION, groupFromDoc, pendingEffects } from '../../../../src/domain/groupbuy/group-state';
import type { GroupbuyGroupDoc } from '../../../../scripts/seed/types';
import type { Handler } from '../../../_shared/router';
import { runEffects } from '../lib/effects';
import { applyGroupEvent } from '../lib/group-store';

const BATCH = 100;

/**
 * Every minute: groups past their deadline fail (the rules refund, close and release what they
 * must), and groups that still owe work get it re-run. Early, late or repeated runs are harmless:
 * the deadline is idempotent, refunds dedupe on their out_refund_no, releases settle first.
 */
export const sweep: Handler = async (_event, ctx) => {
  const now = ctx.now().getTime();
  const groups = ctx.db.collection<GroupbuyGroupDoc>(GROUPBUY_GROUP_COLLECTION);
  const due = await groups
    .where({ status: ctx._.in(['opening', 'forming']), deadline: ctx._.lte(now) })
    .orderBy('deadline', 'asc')
    .limit(BATCH)
    .get();
  const handled = new Set<string>();
  let expired = 0;
  for (const doc of due.data) {
    try {
      const { effects, changed } = await applyGroupEvent(ctx, doc._id, { type: 'deadline' });
      if (changed) expired += 1;
      await runEffects(ctx, effects);
      handled.add(doc._id);
    } catch (error) {
      console.error('[weave] group deadline left for the next sweep', doc._id, error);
    }
  }
  const owing = await groups.where({ outstanding: ctx._.gt(0) }).limit(BATCH).get();
  let retried = 0;
  for (const doc of owing.data) {
    if (handled.has(doc._id)) continue;
    const effects = pendingEffects(groupFromDoc(doc));
    retried += effects.length;
    await runEffects(ctx, effects);
  }
  return { expired, due: due.data.length, owing: owing.data.length, retried };
};
