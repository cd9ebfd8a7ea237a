import { dayKey } from '../../../../src/domain/business-day';
import { isDuplicateKeyError } from '../../../_shared/db-types';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { computeUserTags, Lookups, writeUserTags, type TagUser } from '../compute';

const JOB = 'tags-daily';

interface JobSettings {
  /** Users per page; progress is saved after each page. */
  pageSize: number;
  /** Work time per invocation; the rest of the day's run is left for the next timer tick. */
  budgetMs: number;
}

const DEFAULTS: JobSettings = { pageSize: 50, budgetMs: 40_000 };
// Longer than one invocation can run: a run whose lease lapsed has stopped and may be resumed.
const LEASE_MARGIN_MS = 20_000;
// Users of a page computed side by side: each is a few independent reads and one write.
const PARALLEL_USERS = 8;

interface RunDoc {
  _id: string;
  status: 'running' | 'done' | 'failed';
  cursor: string | null;
  summary: { users: number; failed: number; pages: number };
}

async function jobSettings(ctx: HandlerContext): Promise<JobSettings> {
  const found = await ctx.db.collection<Record<string, unknown>>('settings').where({ _id: 'tags' }).limit(1).get();
  const doc = found.data[0] ?? {};
  const int = (value: unknown, min: number, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value >= min ? value : fallback);
  return { pageSize: Math.min(100, int(doc.jobPageSize, 1, DEFAULTS.pageSize)), budgetMs: int(doc.jobBudgetMs, 0, DEFAULTS.budgetMs) };
}

/**
 * The daily tag job: every user's `user_tags` recomputed once per Shanghai day. The run document
 * `job_runs/tags-daily:<day>` is inserted first, so the day's first invocation owns the run and a
 * finished run makes every later one that day a no-op. Users are taken in `_id` order, a page at a
 * time, with the cursor saved after each page: when an invocation runs out of time (or crashes),
 * the next timer tick resumes after the last saved user instead of starting over.
 */
export const tagsDaily: Handler = async (_event, ctx) => {
  const started = Date.now();
  const now = ctx.now();
  const day = dayKey(now);
  const runId = `${JOB}:${day}`;
  const settings = await jobSettings(ctx);
  const lease = () => new Date(ctx.now().getTime() + settings.budgetMs + LEASE_MARGIN_MS);
  const runs = ctx.db.collection<RunDoc>('job_runs');
  try {
    await runs.add({
      data: { _id: runId, job: JOB, day, status: 'running', startedAt: now, finishedAt: null, cursor: null, leaseUntil: lease(), summary: { users: 0, failed: 0, pages: 0 } },
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // Resume only an unfinished run nobody holds: its lease lapsed, so its invocation has stopped.
    const taken = await runs.where({ _id: runId, status: 'running', leaseUntil: ctx._.lt(now) }).update({ data: { leaseUntil: lease() } });
    if (taken.stats.updated !== 1) return { day, skipped: true };
  }
  const run = (await runs.where({ _id: runId }).limit(1).get()).data[0];
  let cursor = run.cursor;
  const summary = { ...run.summary };
  const lookups = new Lookups(ctx);

  for (;;) {
    const page = await ctx.db
      .collection<TagUser>('users')
      .where(cursor === null ? {} : { _id: ctx._.gt(cursor) })
      .field({ tier: true, city: true, nearestStoreId: true, tags: true, marketingOptOut: true, status: true })
      .orderBy('_id', 'asc')
      .limit(settings.pageSize)
      .get();
    const active = page.data.filter((u) => u.status !== 'deleted');
    for (let i = 0; i < active.length; i += PARALLEL_USERS) {
      await Promise.all(
        active.slice(i, i + PARALLEL_USERS).map(async (user) => {
          try {
            const { doc } = await computeUserTags(ctx, user, now, lookups);
            await writeUserTags(ctx, doc);
            summary.users += 1;
          } catch (error) {
            summary.failed += 1;
            console.error('[tags] recompute failed', user._id, error);
          }
        }),
      );
    }
    summary.pages += 1;
    if (page.data.length > 0) cursor = page.data[page.data.length - 1]._id;
    const finished = page.data.length < settings.pageSize;
    await runs.doc(runId).update({
      data: finished ? { cursor, summary, status: 'done', finishedAt: ctx.now() } : { cursor, summary, leaseUntil: lease() },
    });
    if (finished) return { day, done: true, ...summary };
    if (Date.now() - started >= settings.budgetMs) {
      // Let the next tick take over at once rather than wait for this lease to lapse.
      await runs.doc(runId).update({ data: { leaseUntil: new Date(0) } });
      return { day, done: false, cursor, ...summary };
    }
  }
};
