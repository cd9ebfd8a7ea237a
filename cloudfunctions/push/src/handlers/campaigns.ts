/** The manager's campaign actions: compose, check, list, send now, schedule, cancel. */
import { nextAllowedSendTime, isQuietTime } from '../../../../src/domain/push/quiet-hours';
import { describeAudience } from '../../../../src/domain/tags/audience';
import { AppError } from '../../../../src/domain/reply';
import { parse, v, ValidationError } from '../../../../src/domain/validate';
import { audit } from '../../../_shared/audit';
import { requireRole } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { campaignView, type CampaignRecord } from '../campaign';
import { assertClean, checkFields, contentTexts, landingPage, sensitiveWordsIn } from '../content';
import { templateByKey } from '../settings';
import { countAudience, parseAudience } from './audience';

const ID = { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ };
const EDITABLE: CampaignRecord['status'][] = ['draft', 'scheduled'];

function instant(label: string) {
  return (value: unknown): Date => {
    const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new ValidationError(label, '应为有效的日期时间');
    return date;
  };
}

async function loadCampaign(ctx: HandlerContext, id: unknown): Promise<CampaignRecord> {
  const campaignId = parse(v.string({ label: '活动', ...ID }), id);
  const found = await ctx.db.collection<CampaignRecord>('campaigns').where({ _id: campaignId }).limit(1).get();
  if (!found.data[0]) throw new AppError('NOT_FOUND', '活动不存在');
  return found.data[0];
}

/** Everything create and update accept, checked and rebuilt; the words check refuses banned content. */
async function composed(ctx: HandlerContext, event: Record<string, unknown>, campaignId: string) {
  const { name } = parse(v.object({ name: v.string({ min: 2, max: 30, label: '活动名称' }) }), event);
  const message = parse(v.object({ templateKey: v.string({ min: 1, max: 32, label: '消息模板' }) }), event.message ?? {});
  const template = await templateByKey(ctx.db, message.templateKey);
  const raw = event.message as Record<string, unknown>;
  const fields = checkFields(template, raw.fields);
  const page = landingPage(raw.page, campaignId);
  assertClean(contentTexts(name, template, fields));
  const audience = await parseAudience(ctx, event.audience);
  const counts = await countAudience(ctx, audience, template.id);
  return {
    name,
    audience,
    audienceText: describeAudience(audience),
    audienceSize: counts.size,
    message: { templateKey: template.key, templateId: template.id, fields, page },
  };
}

export const create: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const now = ctx.now();
  const id = `cmp-${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const campaign: CampaignRecord = {
    _id: id,
    ...(await composed(ctx, event, id)),
    status: 'draft',
    scheduledAt: null,
    startedAt: null,
    finishedAt: null,
    report: null,
    reportedAt: null,
    phase: null,
    cursor: null,
    createdBy: ctx.openid,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.collection('campaigns').add({ data: campaign });
  await audit(ctx, { role: 'manager', action: 'campaign.create', target: { collection: 'campaigns', id }, detail: { name: campaign.name } });
  return { campaign: campaignView(campaign) };
};

export const update: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const current = await loadCampaign(ctx, event.campaignId);
  if (!EDITABLE.includes(current.status)) throw new AppError('CAMPAIGN_LOCKED', '活动已开始发送或已取消，不能修改');
  const next = await composed(ctx, event, current._id);
  const now = ctx.now();
  const res = await ctx.db.collection('campaigns').where({ _id: current._id, status: ctx._.in(EDITABLE) }).update({ data: { ...next, updatedAt: now } });
  if (res.stats.updated !== 1) throw new AppError('CAMPAIGN_LOCKED', '活动已开始发送或已取消，不能修改');
  await audit(ctx, { role: 'manager', action: 'campaign.update', target: { collection: 'campaigns', id: current._id }, detail: { name: next.name } });
  return { campaign: campaignView({ ...current, ...next, updatedAt: now }) };
};

/** The composer's live warning: which banned words the text has, without saving anything. */
export const checkContent: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const input = parse(v.object({ name: v.optional(v.string({ max: 30, label: '活动名称' })), templateKey: v.optional(v.string({ max: 32, label: '消息模板' })) }), event);
  const fields = typeof event.fields === 'object' && event.fields !== null ? Object.values(event.fields as Record<string, unknown>).filter((x): x is string => typeof x === 'string') : [];
  const title = input.templateKey ? (await templateByKey(ctx.db, input.templateKey)).title : '';
  const words = sensitiveWordsIn([input.name ?? '', title, ...fields]);
  return { clean: words.length === 0, words, message: words.length ? `内容含有违规词：${words.join('、')}，请修改后再发送` : '' };
};

export const list: Handler = async (_event, ctx) => {
  await requireRole(ctx, 'manager');
  const found = await ctx.db.collection<CampaignRecord>('campaigns').orderBy('createdAt', 'desc').limit(100).get();
  return { items: found.data.map(campaignView) };
};

export const detail: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const campaign = await loadCampaign(ctx, event.campaignId);
  const progress = await ctx.db
    .collection('campaign_sends')
    .aggregate()
    .match({ campaignId: campaign._id })
    .group({ _id: '$status', count: ctx._.aggregate.sum(1) })
    .end();
  return { campaign: campaignView(campaign), progress: Object.fromEntries(progress.list.map((r) => [String(r._id), Number(r.count)])) };
};

/** Re-checks content against today's word list before anything leaves. */
async function readyToSend(ctx: HandlerContext, campaign: CampaignRecord): Promise<void> {
  if (!EDITABLE.includes(campaign.status)) throw new AppError('CAMPAIGN_LOCKED', '活动已开始发送或已取消');
  const template = await templateByKey(ctx.db, campaign.message.templateKey);
  assertClean(contentTexts(campaign.name, template, campaign.message.fields));
}

async function startAt(ctx: HandlerContext, campaign: CampaignRecord, at: Date, action: string) {
  const now = ctx.now();
  const due = nextAllowedSendTime(at.getTime() < now.getTime() ? now : at);
  const res = await ctx.db
    .collection('campaigns')
    .where({ _id: campaign._id, status: ctx._.in(EDITABLE) })
    .update({ data: { status: 'scheduled', scheduledAt: due, phase: null, cursor: null, updatedAt: now } });
  if (res.stats.updated !== 1) throw new AppError('CAMPAIGN_LOCKED', '活动已开始发送或已取消');
  await audit(ctx, { role: 'manager', action, target: { collection: 'campaigns', id: campaign._id }, detail: { scheduledAt: due.toISOString() } });
  return { campaign: campaignView({ ...campaign, status: 'scheduled', scheduledAt: due, updatedAt: now }), deferred: due.getTime() > Math.max(now.getTime(), at.getTime()) };
}

/** Due at once; the sender timer picks it up on its next run (or at 08:00 when it is quiet time). */
export const sendNow: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const campaign = await loadCampaign(ctx, event.campaignId);
  await readyToSend(ctx, campaign);
  const now = ctx.now();
  const result = await startAt(ctx, campaign, now, 'campaign.send');
  return { ...result, quietHours: isQuietTime(now) };
};

export const schedule: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const campaign = await loadCampaign(ctx, event.campaignId);
  const at = instant('发送时间')(event.at);
  if (at.getTime() < ctx.now().getTime() - 60_000) throw new ValidationError('发送时间', '不能早于现在');
  await readyToSend(ctx, campaign);
  return startAt(ctx, campaign, at, 'campaign.schedule');
};

/** Stops a campaign; sends already made stay made, the rest stay pending and are reported as such. */
export const cancel: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const campaign = await loadCampaign(ctx, event.campaignId);
  const now = ctx.now();
  const res = await ctx.db
    .collection('campaigns')
    .where({ _id: campaign._id, status: ctx._.in(['draft', 'scheduled', 'sending']) })
    .update({ data: { status: 'cancelled', updatedAt: now } });
  if (res.stats.updated !== 1) throw new AppError('CAMPAIGN_LOCKED', '活动已发送完成或已取消');
  await audit(ctx, { role: 'manager', action: 'campaign.cancel', target: { collection: 'campaigns', id: campaign._id } });
  return { campaign: campaignView({ ...campaign, status: 'cancelled', updatedAt: now }) };
};
