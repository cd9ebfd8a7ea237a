/**
 * The campaign report: outcomes from campaign_sends, landing visits (campaign_visit events naming
 * the campaign), and the recipients' paid orders around the sends, credited by last touch
 * (src/domain/push/attribution.ts) against their other campaigns' deliveries too.
 */
import { ATTRIBUTION_WINDOW_MS, type DeliveredSend, type PaidOrder } from '../../../../src/domain/push/attribution';
import { campaignReport, type CampaignReport, type CampaignVisit, type SendOutcome } from '../../../../src/domain/push/campaign-report';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { requireRole } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import type { Doc, Query } from '../../../_shared/db-types';
import { campaignView, type CampaignRecord, type SendRecord } from '../campaign';

const PAGE = 1000;
const IN_CHUNK = 500;

async function all<T>(query: () => Query<T>): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await query().skip(skip).limit(PAGE).get();
    out.push(...page.data);
    if (page.data.length < PAGE) return out;
  }
}

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
/** `$in` bounded by the list's first and last id, so most documents are rejected by a cheap range test. */
const among = (sorted: string[]) => ({ $gte: sorted[0], $lte: sorted[sorted.length - 1], $in: sorted });
const ms = (d: unknown) => new Date(d as string).getTime();

export async function buildReport(ctx: HandlerContext, campaign: CampaignRecord): Promise<CampaignReport> {
  const _ = ctx._;
  const sends = await all(() =>
    ctx.db
      .collection<SendRecord>('campaign_sends')
      .where({ campaignId: campaign._id })
      .orderBy('_id', 'asc')
      .field({ openid: true, status: true, reason: true, sentAt: true }),
  );
  const outcomes: SendOutcome[] = sends.map((s) => {
    if (s.status === 'sent') return { openid: s.openid, status: 'sent', sentAt: ms(s.sentAt) };
    if (s.status === 'unreachable') return { openid: s.openid, status: 'unreachable', reason: s.reason as Extract<SendOutcome, { status: 'unreachable' }>['reason'] };
    if (s.status === 'failed') return { openid: s.openid, status: 'failed', reason: s.reason as Extract<SendOutcome, { status: 'failed' }>['reason'] };
    return { openid: s.openid, status: 'pending' };
  });
  const delivered = outcomes.filter((o): o is Extract<SendOutcome, { status: 'sent' }> => o.status === 'sent');
  if (delivered.length === 0) return campaignReport({ campaignId: campaign._id, outcomes, visits: [], orders: [], otherSends: [] });
  const first = Math.min(...delivered.map((d) => d.sentAt));
  const last = Math.max(...delivered.map((d) => d.sentAt));
  const from = new Date(first);
  const to = new Date(last + ATTRIBUTION_WINDOW_MS);
  const visits: CampaignVisit[] = (
    await all(() =>
      ctx.db
        .collection('events')
        .where({ type: 'campaign_visit', 'payload.campaignId': campaign._id, at: _.gte(from).and(_.lt(to)) })
        .orderBy('_id', 'asc')
        .field({ openid: true, at: true }),
    )
  ).map((e: Doc) => ({ openid: String(e.openid), campaignId: campaign._id, at: ms(e.at) }));
  const orders: PaidOrder[] = [];
  const otherSends: DeliveredSend[] = [];
  for (const part of chunks(delivered.map((d) => d.openid).sort(), IN_CHUNK)) {
    const [paid, others] = await Promise.all([
      all(() =>
        ctx.db
          .collection('orders')
          .where({ paidAt: _.gte(from).and(_.lt(to)), status: _.nin(['cancelled', 'refunded']), openid: among(part) })
          .orderBy('_id', 'asc')
          .field({ openid: true, paidAt: true, pricing: true }),
      ),
      all(() =>
        ctx.db
          .collection('campaign_sends')
          .where({ campaignId: _.neq(campaign._id), status: 'sent', sentAt: _.gte(new Date(first - ATTRIBUTION_WINDOW_MS)).and(_.lt(to)), openid: among(part) })
          .orderBy('_id', 'asc')
          .field({ openid: true, campaignId: true, sentAt: true }),
      ),
    ]);
    for (const o of paid) {
      const pricing = (o.pricing ?? {}) as { payable?: number };
      orders.push({ orderId: String(o._id), openid: String(o.openid), paidAt: ms(o.paidAt), amount: pricing.payable ?? 0 });
    }
    for (const s of others) otherSends.push({ campaignId: String(s.campaignId), openid: String(s.openid), sentAt: ms(s.sentAt) });
  }
  return campaignReport({ campaignId: campaign._id, outcomes, visits, orders, otherSends });
}

export const report: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const campaignId = parse(v.string({ label: '活动', min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ }), event.campaignId);
  const found = await ctx.db.collection<CampaignRecord>('campaigns').where({ _id: campaignId }).limit(1).get();
  const campaign = found.data[0];
  if (!campaign) throw new AppError('NOT_FOUND', '活动不存在');
  const now = ctx.now();
  const result = await buildReport(ctx, campaign);
  if (campaign.status !== 'draft' && campaign.status !== 'scheduled') {
    await ctx.db.collection('campaigns').where({ _id: campaign._id }).update({ data: { report: result, reportedAt: now } });
  }
  return { campaign: campaignView({ ...campaign, report: result, reportedAt: now }), report: result };
};
