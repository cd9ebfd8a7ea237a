import { dayKey } from '../../../../src/domain/business-day';
import { tierOnDailyReevaluation, tierWindow } from '../../../../src/domain/membership/tier-evaluation';
import { isDuplicateKeyError } from '../../../_shared/db-types';
import type { Handler } from '../../../_shared/router';
import { PAID_STATUSES, ordersInWindow, tierOf, type MemberDoc } from '../member';
import { applyTierDecision } from '../tier';

/**
 * Daily (03:00 Shanghai): every member with a paid order in the window or a tier above 普通 is
 * re-evaluated over the window ending today — down where orders aged out or refunds came in, up
 * where a completion hook was missed. Run state is `job_runs/tier-daily:<day>`; running again the
 * same day re-checks (harmless: only differences are written and announced).
 */
export const tierDaily: Handler = async (_event, ctx) => {
  const now = ctx.now();
  const day = dayKey(now);
  const runId = `tier-daily:${day}`;
  try {
    await ctx.db.collection('job_runs').add({ data: { _id: runId, job: 'tier-daily', day, status: 'running', startedAt: now, finishedAt: null, summary: {} } });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await ctx.db.collection('job_runs').doc(runId).update({ data: { status: 'running', startedAt: now } });
  }

  const w = tierWindow(now);
  const buyers = await ctx.db
    .collection('orders')
    .aggregate()
    .match({ status: ctx._.in(PAID_STATUSES), paidAt: ctx._.gte(w.from).and(ctx._.lt(w.until)) })
    .group({ _id: '$openid' })
    .limit(100_000)
    .end();
  const openids = new Set(buyers.list.map((b) => String(b._id)));
  for (let offset = 0; ; offset += 1000) {
    const page = await ctx.db.collection<MemberDoc>('users').where({ tier: ctx._.neq('normal') }).field({ _id: true }).skip(offset).limit(1000).get();
    page.data.forEach((u) => openids.add(u._id));
    if (page.data.length < 1000) break;
  }

  const summary = { evaluated: 0, upgraded: 0, downgraded: 0, failed: 0 };
  for (const openid of openids) {
    try {
      const found = await ctx.db.collection<MemberDoc>('users').where({ _id: openid }).limit(1).get();
      const user = found.data[0];
      if (!user) continue;
      const decision = tierOnDailyReevaluation(tierOf(user), await ordersInWindow(ctx, openid, now), now);
      summary.evaluated += 1;
      if (await applyTierDecision(ctx, openid, decision, now)) summary[decision.change === 'upgrade' ? 'upgraded' : 'downgraded'] += 1;
    } catch (error) {
      summary.failed += 1;
      console.error('[membership] tier re-evaluation failed', openid, error);
    }
  }
  await ctx.db.collection('job_runs').doc(runId).update({ data: { status: summary.failed ? 'failed' : 'done', finishedAt: ctx.now(), summary } });
  return { day, ...summary };
};
