/**
 * Audience size and reach, counted by the database (counts and aggregates that join user_tags with
 * credits and recent pushes, grouped by the first reason reachability() would give). Nothing per user
 * comes back to the function.
 */
import { PUSH_CAPS, capHistoryStart } from '../../../../src/domain/push/frequency-caps';
import type { UnreachableReason } from '../../../../src/domain/push/reachability';
import { LIFECYCLE_TAGS } from '../../../../src/domain/tags/lifecycle';
import { RFM_SEGMENTS } from '../../../../src/domain/tags/rfm';
import { audienceQuery, describeAudience, parseAudienceRule, type AudienceRule } from '../../../../src/domain/tags/audience';
import { windowStart } from '../../../../src/domain/tags/window';
import { TIERS } from '../../../../src/domain/tiers';
import { parse, v } from '../../../../src/domain/validate';
import { requireRole } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { loadTemplates, templateByKey } from '../settings';

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

/** The same filter over a joined document: every field moved under `prefix.` (operators kept). */
export function underField(query: unknown, prefix: string): unknown {
  if (Array.isArray(query)) return query.map((q) => underField(q, prefix));
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(
    Object.entries(query as Record<string, unknown>).map(([key, value]) => (key.startsWith('$') ? [key, underField(value, prefix)] : [`${prefix}.${key}`, value])),
  );
}

/**
 * Quiet hours are left out: they defer a send, they do not make anyone unreachable.
 * Three questions, each asked of the smallest collection that answers it: how many are selected and
 * how many of those opted out (user_tags counts); how many of the rest hold a credit (from the credit
 * holders, joined to their user_tags); how many of those are capped (from this week's marketing
 * pushes, joined to credits and user_tags). The rest have no credit.
 */
export async function countAudience(ctx: HandlerContext, rule: AudienceRule, templateId: string): Promise<AudienceCounts> {
  const now = ctx.now();
  const _ = ctx._;
  const $ = _.aggregate;
  const query = audienceQuery(rule);
  const optedOutQuery = { $and: [query, { marketingOptOut: true }] };
  const audienceOfJoined = { $and: [underField(query, 'u'), { 'u.marketingOptOut': { $ne: true } }] };
  const creditField = `credits.${templateId}`;
  const dayStart = windowStart(now.getTime(), 1);
  const [size, optedOut, withCredit, capped] = await Promise.all([
    ctx.db.collection('user_tags').where(query).count(),
    ctx.db.collection('user_tags').where(optedOutQuery).count(),
    ctx.db
      .collection('subscribe_credits')
      .aggregate()
      .match({ [creditField]: _.gt(0) })
      .project({ _id: 1 })
      .lookup({ from: 'user_tags', localField: '_id', foreignField: '_id', as: 'u' })
      .unwind('$u')
      .match(audienceOfJoined)
      .count('n')
      .end(),
    ctx.db
      .collection('push_records')
      .aggregate()
      .match({ kind: 'marketing', status: _.in(['sent', 'sending']), at: _.gte(capHistoryStart(now.getTime())) })
      .group({ _id: '$openid', week: $.sum(1), today: $.sum($.cond([$.gte(['$at', dayStart]), 1, 0])) })
      .match({ $or: [{ today: { $gte: PUSH_CAPS.perDay } }, { week: { $gte: PUSH_CAPS.perWeek } }] })
      .lookup({ from: 'subscribe_credits', localField: '_id', foreignField: '_id', as: 'c' })
      .match({ [`c.${creditField}`]: { $gt: 0 } })
      .lookup({ from: 'user_tags', localField: '_id', foreignField: '_id', as: 'u' })
      .unwind('$u')
      .match(audienceOfJoined)
      .group({ _id: $.cond([$.gte(['$today', PUSH_CAPS.perDay]), 'daily_cap', 'weekly_cap']), count: $.sum(1) })
      .limit(10)
      .end(),
  ]);
  const holders = Number(withCredit.list[0]?.n ?? 0);
  const cappedBy = (reason: string) => Number(capped.list.find((r) => r._id === reason)?.count ?? 0);
  const unreachable = {
    opted_out: optedOut.total,
    no_credit: size.total - optedOut.total - holders,
    daily_cap: cappedBy('daily_cap'),
    weekly_cap: cappedBy('weekly_cap'),
  };
  return { size: size.total, reachable: holders - unreachable.daily_cap - unreachable.weekly_cap, unreachable };
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
