/**
 * The campaign sender, run by the `sender` timer every minute. Everything it knows is in the
 * database, so a run that is killed half-way is picked up by the next one:
 *
 * 1. Due `scheduled` campaigns become `sending` (phase `materialise`).
 * 2. materialise: the audience is paged by openid into campaign_sends (`<campaignId>:<openid>`,
 *    pending); the campaign keeps the last openid written as its cursor.
 * 3. send: batches of pending sends are claimed with a lease (pending -> sending, conditional),
 *    then per user: reachability at send time, the day's push record claimed (its id is unique per
 *    user and Shanghai day, so two campaigns cannot both take the day), one credit spent with a
 *    conditional update, the send marked `calling`, subscribeMessage.send, and the outcome written.
 *
 * Resuming a send whose lease ran out: if it reached `calling`, WeChat may have delivered it, so
 * it is never called again (recorded as failed, `interrupted`); if this campaign already holds the
 * user's push record, the credit was (or was about to be) spent and is not spent twice.
 * Quiet hours: no sending at all; the work simply waits for the first run after 08:00.
 */
import { dayKey } from '../../../../src/domain/business-day';
import { capHistoryStart, type PushRecord as CapRecord } from '../../../../src/domain/push/frequency-caps';
import { isQuietTime, nextAllowedSendTime } from '../../../../src/domain/push/quiet-hours';
import { reachability, type UnreachableReason } from '../../../../src/domain/push/reachability';
import { classifySendResult } from '../../../../src/domain/push/send-result';
import { audienceQuery } from '../../../../src/domain/tags/audience';
import { isDuplicateKeyError, type Query } from '../../../_shared/db-types';
import type { Handler, HandlerContext } from '../../../_shared/router';
import type { CampaignRecord, PushRecord, SendRecord } from '../campaign';
import { loadPushSettings, type PushSettings } from '../settings';
import { buildReport } from './report';

export const LEASE_MS = 2 * 60_000;
/** A run stops starting batches after this, well inside the cloud's 60 s function limit. */
const RUN_BUDGET_MS = 40_000;
const PAGE = 1000;
/** Batches are the send rate, but never more users than one round of queries handles well. */
const MAX_BATCH = 500;

interface Run {
  ctx: HandlerContext;
  settings: PushSettings;
  deadline: number;
  batches: number;
  /** Campaigns whose expired leases this run has already taken over (dead runs are found once a run). */
  swept: Set<string>;
}

const token = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * `$in` over a list of ids, bounded by its first and last id. A batch's ids are neighbours in id
 * order (sends are claimed in that order), so the range is tight and a database without an index
 * on the field (the local emulator tests every document) rejects most documents cheaply.
 */
function among(ids: readonly string[]): { $gte: string; $lte: string; $in: string[] } {
  const sorted = [...ids].sort();
  return { $gte: sorted[0], $lte: sorted[sorted.length - 1], $in: sorted };
}

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

export const senderTick: Handler = async (_event, ctx) => {
  const now = ctx.now();
  const campaigns = ctx.db.collection<CampaignRecord>('campaigns');
  const due = await campaigns.where({ status: 'scheduled', scheduledAt: ctx._.lte(now) }).limit(20).get();
  for (const c of due.data) {
    await campaigns
      .where({ _id: c._id, status: 'scheduled' })
      .update({ data: { status: 'sending', phase: 'materialise', cursor: '', startedAt: now, updatedAt: now } });
  }
  if (isQuietTime(now)) return { quietHours: true, resumesAt: nextAllowedSendTime(now).toISOString() };
  const run: Run = { ctx, settings: await loadPushSettings(ctx.db), deadline: Date.now() + RUN_BUDGET_MS, batches: 0, swept: new Set<string>() };
  const active = await campaigns.where({ status: 'sending' }).orderBy('startedAt', 'asc').limit(10).get();
  const worked: Record<string, string> = {};
  for (const c of active.data) {
    if (outOfTime(run)) break;
    worked[c._id] = await runCampaign(run, c);
  }
  return { campaigns: worked, batches: run.batches };
};

function outOfTime(run: Run): boolean {
  return Date.now() >= run.deadline || (run.settings.batchesPerTick > 0 && run.batches >= run.settings.batchesPerTick);
}

async function runCampaign(run: Run, campaign: CampaignRecord): Promise<string> {
  let phase = campaign.phase ?? 'materialise';
  if (phase === 'materialise') phase = await materialise(run, campaign);
  if (phase !== 'send') return phase;
  while (!outOfTime(run)) {
    // Stop at 22:00, and when a manager cancelled the campaign while this run was sending it.
    if (isQuietTime(run.ctx.now())) break;
    const still = await run.ctx.db.collection('campaigns').where({ _id: campaign._id, status: 'sending' }).count();
    if (still.total === 0) return 'stopped';
    const state = await sendBatch(run, campaign);
    if (state === 'done') return finish(run.ctx, campaign);
    if (state === 'wait') break;
  }
  return 'send';
}

async function materialise(run: Run, campaign: CampaignRecord): Promise<'materialise' | 'send'> {
  const { ctx } = run;
  let cursor = campaign.cursor ?? '';
  const query = audienceQuery(campaign.audience);
  while (Date.now() < run.deadline) {
    const page = await ctx.db
      .collection('user_tags')
      .where({ $and: [query, { _id: { $gt: cursor } }] })
      .orderBy('_id', 'asc')
      .field({ _id: true })
      .limit(PAGE)
      .get();
    const now = ctx.now();
    const docs: SendRecord[] = page.data.map((u) => ({
      _id: `${campaign._id}:${String(u._id)}`,
      campaignId: campaign._id,
      openid: String(u._id),
      status: 'pending',
      reason: null,
      errcode: null,
      sentAt: null,
      updatedAt: now,
    }));
    if (docs.length > 0) await insertSends(ctx, docs);
    const done = docs.length < PAGE;
    if (docs.length > 0) cursor = docs[docs.length - 1].openid;
    await ctx.db
      .collection('campaigns')
      .where({ _id: campaign._id, status: 'sending' })
      .update({ data: done ? { phase: 'send', cursor, updatedAt: now } : { cursor, updatedAt: now } });
    if (done) return 'send';
  }
  return 'materialise';
}

/** A run that died after inserting a page but before moving the cursor inserts it again: skip those. */
async function insertSends(ctx: HandlerContext, docs: SendRecord[]): Promise<void> {
  try {
    await ctx.db.collection('campaign_sends').add({ data: docs });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    for (const part of chunks(docs, 100)) {
      const existing = await ctx.db.collection('campaign_sends').where({ _id: among(part.map((d) => d._id)) }).field({ _id: true }).limit(100).get();
      const have = new Set(existing.data.map((d) => String(d._id)));
      const missing = part.filter((d) => !have.has(d._id));
      if (missing.length > 0) await ctx.db.collection('campaign_sends').add({ data: missing });
    }
  }
}

/** Claims and sends one batch; 'done' when every send has its outcome. */
async function sendBatch(run: Run, campaign: CampaignRecord): Promise<'more' | 'done' | 'wait'> {
  const { ctx } = run;
  const started = Date.now();
  const size = Math.min(run.settings.sendsPerSecond, MAX_BATCH);
  const sends = ctx.db.collection<SendRecord>('campaign_sends');
  const now = ctx.now();
  const lease = token();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  // Sends whose run died first, then fresh ones.
  let taken = 0;
  if (!run.swept.has(campaign._id)) {
    const stale = await sends.where({ campaignId: campaign._id, status: 'sending', leaseUntil: ctx._.lt(now) }).field({ _id: true, leaseToken: true }).limit(size).get();
    for (const s of stale.data) {
      const res = await sends.where({ _id: s._id, status: 'sending', leaseToken: s.leaseToken ?? null }).update({ data: { leaseToken: lease, leaseUntil, updatedAt: now } });
      taken += res.stats.updated;
    }
    // A full page may mean more dead sends: look again next batch.
    if (stale.data.length < size) run.swept.add(campaign._id);
  }
  const room = size - taken;
  if (room > 0) {
    const pending = await sends.where({ campaignId: campaign._id, status: 'pending' }).orderBy('_id', 'asc').field({ _id: true }).limit(room).get();
    if (pending.data.length > 0) {
      await sends
        .where({ campaignId: campaign._id, status: 'pending', _id: among(pending.data.map((s) => s._id)) })
        .update({ data: { status: 'sending', step: 'claimed', leaseToken: lease, leaseUntil, updatedAt: now } });
    }
  }
  const claimed = await sends.where({ campaignId: campaign._id, leaseToken: lease, status: 'sending' }).limit(MAX_BATCH).get();
  if (claimed.data.length === 0) {
    // Nothing to claim: finished, unless another run still holds live leases on some sends.
    const inFlight = await sends.where({ campaignId: campaign._id, status: 'sending' }).count();
    return inFlight.total > 0 ? 'wait' : 'done';
  }
  run.batches += 1;
  const calls = await processBatch(ctx, campaign, claimed.data, lease);
  // The throttle paces calls to WeChat (sendsPerSecond), not the bookkeeping for unreachable users.
  const wait = (calls * 1000) / run.settings.sendsPerSecond - (Date.now() - started);
  if (wait > 0) await sleep(wait);
  return 'more';
}

type Plan =
  | { kind: 'unreachable'; send: SendRecord; reason: UnreachableReason }
  | { kind: 'call'; send: SendRecord; pushId: string }
  | { kind: 'interrupted'; send: SendRecord; pushId: string | null }
  | { kind: 'already_sent'; send: SendRecord; sentAt: Date }
  | { kind: 'release'; send: SendRecord };

/** Returns how many sends went to WeChat. */
async function processBatch(ctx: HandlerContext, campaign: CampaignRecord, batch: SendRecord[], lease: string): Promise<number> {
  const now = ctx.now();
  const templateId = campaign.message.templateId;
  const openids = batch.map((s) => s.openid);
  const [users, credits, pushes] = await Promise.all([
    ctx.db.collection('users').where({ _id: among(openids) }).field({ _id: true, marketingOptOut: true }).limit(MAX_BATCH).get(),
    ctx.db.collection('subscribe_credits').where({ _id: among(openids) }).field({ _id: true, credits: true }).limit(MAX_BATCH).get(),
    allPages(() => ctx.db.collection<PushRecord>('push_records').where({ kind: 'marketing', at: ctx._.gte(capHistoryStart(now.getTime())), openid: among(openids) })),
  ]);
  const optedOut = new Set(users.data.filter((u) => u.marketingOptOut === true).map((u) => String(u._id)));
  const ledger = new Map(credits.data.map((c) => [String(c._id), (c.credits ?? {}) as Record<string, number>]));
  const history = new Map<string, PushRecord[]>();
  for (const p of pushes) history.set(p.openid, [...(history.get(p.openid) ?? []), p]);

  const plans: Plan[] = [];
  const fresh: SendRecord[] = [];
  for (const send of batch) {
    const mine = history.get(send.openid) ?? [];
    const own = mine.find((p) => p.campaignId === campaign._id);
    // The push record is marked sent before the send document, so it is the later truth.
    if (own?.status === 'sent') plans.push({ kind: 'already_sent', send, sentAt: new Date(own.at) });
    else if (send.step === 'calling') plans.push({ kind: 'interrupted', send, pushId: own?._id ?? null });
    // A run died after reserving the day: the credit is taken (or was about to be); do not take another.
    else if (own?.status === 'sending') plans.push({ kind: 'call', send, pushId: own._id });
    else {
      const others: CapRecord[] = mine.filter((p) => p !== own).map((p) => ({ at: new Date(p.at).getTime(), kind: p.kind, status: p.status }));
      const reach = reachability({ marketingOptOut: optedOut.has(send.openid), credits: ledger.get(send.openid) }, now.getTime(), others, templateId);
      if (reach.reachable) fresh.push(send);
      else plans.push(reach.reason === 'quiet_hours' ? { kind: 'release', send } : { kind: 'unreachable', send, reason: reach.reason });
    }
  }
  plans.push(...(await reserveAndSpend(ctx, campaign, fresh, now)));
  const sends = ctx.db.collection('campaign_sends');
  const mineOnly = (ids: string[]) => ({ leaseToken: lease, status: 'sending', _id: among(ids) });
  const byReason = new Map<UnreachableReason, string[]>();
  for (const p of plans) if (p.kind === 'unreachable') byReason.set(p.reason, [...(byReason.get(p.reason) ?? []), p.send._id]);
  const released = plans.filter((p) => p.kind === 'release').map((p) => p.send._id);
  const calls = plans.filter((p): p is Extract<Plan, { kind: 'call' }> => p.kind === 'call');
  const done = { step: null, leaseToken: null, leaseUntil: null, updatedAt: now };
  await Promise.all([
    ...[...byReason].map(([reason, ids]) => sends.where(mineOnly(ids)).update({ data: { ...done, status: 'unreachable', reason } })),
    released.length ? sends.where(mineOnly(released)).update({ data: { ...done, status: 'pending' } }) : null,
    ...plans
      .filter((p): p is Extract<Plan, { kind: 'already_sent' }> => p.kind === 'already_sent')
      .map((p) => sends.where(mineOnly([p.send._id])).update({ data: { ...done, status: 'sent', reason: null, errcode: null, sentAt: p.sentAt } })),
    ...plans
      .filter((p): p is Extract<Plan, { kind: 'interrupted' }> => p.kind === 'interrupted')
      .map((p) => sends.where(mineOnly([p.send._id])).update({ data: { ...done, status: 'failed', reason: 'other', errcode: null, interrupted: true } })),
  ]);
  if (calls.length === 0) return 0;

  // From here a send may reach WeChat: mark it first, so a resumed run never calls twice.
  await sends.where(mineOnly(calls.map((c) => c.send._id))).update({ data: { step: 'calling', updatedAt: now } });
  const results = await Promise.all(
    calls.map(async (c) => {
      try {
        await ctx.cloud.openapi.subscribeMessage.send({
          touser: c.send.openid,
          templateId,
          page: campaign.message.page,
          data: Object.fromEntries(Object.entries(campaign.message.fields).map(([k, value]) => [k, { value }])),
          miniprogramState: 'formal',
        });
        return { c, result: classifySendResult(0) };
      } catch (error) {
        const errCode = (error as { errCode?: number; errcode?: number }).errCode ?? (error as { errcode?: number }).errcode;
        return { c, result: classifySendResult(typeof errCode === 'number' && errCode !== 0 ? errCode : -1) };
      }
    }),
  );
  const sentAt = ctx.now();
  const ok = results.filter((r) => r.result.status === 'sent').map((r) => r.c);
  if (ok.length > 0) {
    await ctx.db.collection('push_records').where({ _id: among(ok.map((c) => c.pushId)) }).update({ data: { status: 'sent' } });
    await sends.where(mineOnly(ok.map((c) => c.send._id))).update({ data: { ...done, updatedAt: sentAt, status: 'sent', reason: null, errcode: null, sentAt } });
  }
  await Promise.all(
    results
      .filter((r) => r.result.status === 'failed')
      .map(async ({ c, result }) => {
        if (result.status !== 'failed') return;
        await ctx.db.collection('push_records').where({ _id: c.pushId }).update({ data: { status: 'failed' } });
        // WeChat is the judge of credits: our ledger was too high, so it goes to 0.
        if (result.reason === 'no_credit') {
          await ctx.db.collection('subscribe_credits').where({ _id: c.send.openid }).update({ data: { [`credits.${templateId}`]: 0, updatedAt: sentAt } });
        }
        await sends.where(mineOnly([c.send._id])).update({ data: { ...done, updatedAt: sentAt, status: 'failed', reason: result.reason, errcode: result.errcode } });
      }),
  );
  return calls.length;
}

async function allPages<T>(query: () => Query<T>): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await query().skip(skip).limit(PAGE).get();
    out.push(...page.data);
    if (page.data.length < PAGE) return out;
  }
}

/**
 * For the users reachable now: reserve each one's day (one insert for the batch; per user only when
 * some day is taken), then take one credit from each with one conditional update that stamps the
 * documents it changed, and read the stamp back to learn whose credit was really there.
 */
async function reserveAndSpend(ctx: HandlerContext, campaign: CampaignRecord, fresh: SendRecord[], now: Date): Promise<Plan[]> {
  if (fresh.length === 0) return [];
  const templateId = campaign.message.templateId;
  const day = dayKey(now);
  const record = (openid: string): PushRecord => ({ _id: `mkt:${openid}:${day}`, openid, kind: 'marketing', status: 'sending', templateId, campaignId: campaign._id, at: now });
  const reserved = new Map<string, string>();
  try {
    await ctx.db.collection('push_records').add({ data: fresh.map((s) => record(s.openid)) });
    for (const s of fresh) reserved.set(s.openid, record(s.openid)._id);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await Promise.all(
      fresh.map(async (s) => {
        const id = await claimDay(ctx, record(s.openid));
        if (id) reserved.set(s.openid, id);
      }),
    );
  }
  const plans: Plan[] = fresh.filter((s) => !reserved.has(s.openid)).map((send) => ({ kind: 'unreachable', send, reason: 'daily_cap' }));
  const holders = [...reserved.keys()];
  if (holders.length === 0) return plans;
  const stamp = token();
  const credits = ctx.db.collection('subscribe_credits');
  await credits.where({ _id: among(holders), [`credits.${templateId}`]: ctx._.gt(0) }).update({ data: { [`credits.${templateId}`]: ctx._.inc(-1), spentBy: stamp, updatedAt: now } });
  const spent = await credits.where({ spentBy: stamp, _id: among(holders) }).field({ _id: true }).limit(MAX_BATCH).get();
  const paid = new Set(spent.data.map((c) => String(c._id)));
  const unpaid = holders.filter((o) => !paid.has(o));
  if (unpaid.length > 0) {
    // Someone else spent the last credit first: give the day back.
    await ctx.db.collection('push_records').where({ campaignId: campaign._id, status: 'sending', _id: among(unpaid.map((o) => reserved.get(o) as string)) }).remove();
  }
  for (const send of fresh) {
    const pushId = reserved.get(send.openid);
    if (!pushId) continue;
    plans.push(paid.has(send.openid) ? { kind: 'call', send, pushId } : { kind: 'unreachable', send, reason: 'no_credit' });
  }
  return plans;
}

/**
 * The user's marketing push of this Shanghai day, as a document whose id is the user and the day:
 * only one campaign can create it. A failed push frees the day (it does not count), so it can be
 * taken over; anything else means the day is used.
 */
async function claimDay(ctx: HandlerContext, record: PushRecord): Promise<string | null> {
  try {
    await ctx.db.collection('push_records').add({ data: record });
    return record._id;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const { _id: id, ...rest } = record;
  const retaken = await ctx.db.collection('push_records').where({ _id: id, status: 'failed' }).update({ data: rest });
  if (retaken.stats.updated === 1) return id;
  const held = await ctx.db.collection<PushRecord>('push_records').where({ _id: id }).limit(1).get();
  return held.data[0]?.campaignId === record.campaignId ? id : null;
}

async function finish(ctx: HandlerContext, campaign: CampaignRecord): Promise<string> {
  const now = ctx.now();
  const report = await buildReport(ctx, campaign);
  await ctx.db
    .collection('campaigns')
    .where({ _id: campaign._id, status: 'sending' })
    .update({ data: { status: 'sent', phase: 'done', finishedAt: now, report, reportedAt: now, updatedAt: now } });
  return 'sent';
}
