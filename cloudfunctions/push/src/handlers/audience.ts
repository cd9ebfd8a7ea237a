/**
 * Audience size and reach, counted by the database: one count for the size and one aggregate that
 * joins each selected user_tags document with the user's credits and recent pushes and groups the
 * users by the first reason reachability() would give (a few thousand users per aggregate). Nothing
 * per user comes back to the function.
 */
import { PUSH_CAPS, capHistoryStart } from '../../../../src/domain/push/frequency-caps';
import { UNREACHABLE_REASONS, type UnreachableReason } from '../../../../src/domain/push/reachability';
import { LIFECYCLE_TAGS } from '../../../../src/domain/tags/lifecycle';
import { RFM_SEGMENTS } from '../../../../src/domain/tags/rfm';
import { audienceQuery, describeAudience, parseAudienceRule, type AudienceRule } from '../../../../src/domain/tags/audience';
import { windowStart } from '../../../../src/domain/tags/window';
import { TIERS } from '../../../../src/domain/tiers';
import { parse, v } from '../../../../src/domain/validate';
import { requireRole } from '../../../_shared/roles';
import type { Doc } from '../../../_shared/db-types';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { loadTemplates, templateByKey } from '../settings';

const PREVIEW_SLICE = 5000;

export interface AudienceCounts {
  size: number;
  reachable: number;
  unreachable: Record<Exclude<UnreachableReason, 'quiet_hours'>, number>;
}

export async function knownTags(ctx: HandlerContext): Promise<string[]> {
  const used = await ctx.db.collection('user_tags').aggregate().unwind('$tags').group({ _id: '$tags' }).limit(500).end();
  const names = used.list.map((r) => r._id).filter((t): t is string => typeof t === 'string');
  return [...new Set([...LIFECYCLE_TAGS, ...names])];
}

export async function parseAudience(ctx: HandlerContext, raw: unknown): Promise<AudienceRule> {
  return parseAudienceRule(raw, { knownTags: await knownTags(ctx) });
}

/** Quiet hours are left out: they defer a send, they do not make anyone unreachable. */
export async function countAudience(ctx: HandlerContext, rule: AudienceRule, templateId: string): Promise<AudienceCounts> {
  const now = ctx.now();
  const $ = ctx._.aggregate;
  const query = audienceQuery(rule);
  const counting = (since: Date) =>
    $.size(
      $.filter({
        input: '$pushes',
        as: 'p',
        cond: $.and([$.eq(['$$p.kind', 'marketing']), $.in(['$$p.status', ['sent', 'sending']]), $.gte(['$$p.at', since])]),
      }),
    );
  const size = await ctx.db.collection('user_tags').where(query).count();
  // In slices of the audience by _id, so each request stays well inside the SDK's time limit.
  const rows: Doc[] = [];
  for (let skip = 0; skip < size.total; skip += PREVIEW_SLICE) {
    const grouped = await ctx.db
      .collection('user_tags')
      .aggregate()
      .match(query)
      .sort({ _id: 1 })
      .skip(skip)
      .limit(PREVIEW_SLICE)
      .project({ _id: 1, marketingOptOut: 1 })
      .lookup({ from: 'subscribe_credits', localField: '_id', foreignField: '_id', as: 'credit' })
      .lookup({ from: 'push_records', localField: '_id', foreignField: 'openid', as: 'pushes' })
      .project({
        optedOut: $.eq(['$marketingOptOut', true]),
        credit: $.ifNull([$.arrayElemAt([`$credit.credits.${templateId}`, 0]), 0]),
        today: counting(windowStart(now.getTime(), 1)),
        week: counting(capHistoryStart(now.getTime())),
      })
      .group({
        _id: $.switch({
          branches: [
            { case: '$optedOut', then: 'opted_out' },
            { case: $.not([$.gt(['$credit', 0])]), then: 'no_credit' },
            { case: $.gte(['$today', PUSH_CAPS.perDay]), then: 'daily_cap' },
            { case: $.gte(['$week', PUSH_CAPS.perWeek]), then: 'weekly_cap' },
          ],
          default: 'reachable',
        }),
        count: $.sum(1),
      })
      .limit(10)
      .end();
    rows.push(...grouped.list);
  }
  const unreachable = Object.fromEntries(UNREACHABLE_REASONS.filter((r) => r !== 'quiet_hours').map((r) => [r, 0])) as AudienceCounts['unreachable'];
  let reachable = 0;
  for (const row of rows) {
    const count = Number(row.count) || 0;
    if (row._id === 'reachable') reachable += count;
    else if (typeof row._id === 'string' && row._id in unreachable) unreachable[row._id as keyof AudienceCounts['unreachable']] += count;
  }
  return { size: size.total, reachable, unreachable };
}

export const audiencePreview: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const input = parse(v.object({ templateKey: v.optional(v.string({ max: 32, label: '模板' })) }), event);
  const rule = await parseAudience(ctx, event.audience);
  const template = await templateByKey(ctx.db, input.templateKey ?? 'marketing');
  const [counts, sample] = await Promise.all([
    countAudience(ctx, rule, template.id),
    ctx.db.collection('user_tags').where(audienceQuery(rule)).field({ _id: true, tags: true, tier: true, city: true, segment: true }).limit(5).get(),
  ]);
  return { ...counts, description: describeAudience(rule), sample: sample.data };
};

/** What the campaign editor offers: tags, interests, cities, stores, tiers, segments, and the message templates. */
export const vocabulary: Handler = async (_event, ctx) => {
  await requireRole(ctx, 'manager');
  const distinct = async (field: string) => {
    const rows = await ctx.db.collection('user_tags').aggregate().unwind(`$${field}`).group({ _id: `$${field}`, count: ctx._.aggregate.sum(1) }).sort({ count: -1 }).limit(50).end();
    return rows.list.filter((r) => typeof r._id === 'string' && r._id !== '').map((r) => String(r._id));
  };
  const [tags, interests, cities, stores, templates] = await Promise.all([
    distinct('tags'),
    distinct('interests'),
    distinct('city'),
    ctx.db.collection('stores').field({ _id: true, name: true }).limit(200).get(),
    loadTemplates(ctx.db),
  ]);
  return {
    templates: templates.map((t) => ({ key: t.key, title: t.title, fields: t.fields })),
    tags: [...new Set([...LIFECYCLE_TAGS, ...tags])],
    interests,
    cities,
    stores: stores.data.map((s) => ({ id: String(s._id), name: String(s.name) })),
    tiers: TIERS.map((t) => ({ id: t.id, name: t.name })),
    segments: [...RFM_SEGMENTS],
  };
};
