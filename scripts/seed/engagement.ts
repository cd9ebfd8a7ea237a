/**
 * What the growth side reads: behaviour events, the tags the nightly job computes from them (with
 * the very rules in src/domain/tags), subscribe-message credits, push records and campaigns with
 * their per-user outcomes and report (src/domain/push).
 */
import { consumeCredit, creditsFor, type CreditLedger } from '../../src/domain/push/credits';
import { attributeOrders, type PaidOrder as AttributedOrder } from '../../src/domain/push/attribution';
import { campaignReport, type SendOutcome } from '../../src/domain/push/campaign-report';
import { nextAllowedSendTime } from '../../src/domain/push/quiet-hours';
import { reachability } from '../../src/domain/push/reachability';
import { describeAudience, matchesAudience, parseAudienceRule } from '../../src/domain/tags/audience';
import { interestScores, type StyleSignal } from '../../src/domain/tags/interests';
import { countActivity, countPurchases, lifecycleTags } from '../../src/domain/tags/lifecycle';
import { rfmScores } from '../../src/domain/tags/rfm';
import { buildUserTagsDoc } from '../../src/domain/tags/user-tags';
import type { Catalog } from './catalog';
import { DAY, MINUTE, type SeedClock } from './clock';
import type { People } from './customers';
import { isPaidOrder } from './order-book';
import { CROWD } from './people-data';
import { createRng, seedOf } from './random';
import { SETTINGS, type SubscribeTemplateKey } from './settings';
import type {
  AudienceRule,
  AuditLogDoc,
  CampaignDoc,
  CampaignSendDoc,
  EventDoc,
  JobRunDoc,
  PushRecordDoc,
  SubscribeCreditDoc,
  UserTagsDoc,
} from './types';

export interface Engagement {
  events: EventDoc[];
  user_tags: UserTagsDoc[];
  subscribe_credits: SubscribeCreditDoc[];
  push_records: PushRecordDoc[];
  campaigns: CampaignDoc[];
  campaign_sends: CampaignSendDoc[];
  job_runs: JobRunDoc[];
  audit: AuditLogDoc[];
}

/** Mini-program routes (src/app.config.ts) the seeded events name. */
export const ROUTES = {
  home: 'pages/home/index',
  category: 'pages/category/index',
  cart: 'pages/cart/index',
  me: 'pages/me/index',
  product: 'packages/product/index/index',
  member: 'packages/member/index/index',
  store: 'packages/store/index/index',
  groupbuy: 'packages/groupbuy/index/index',
} as const;

const BROWSE_VOLUME: Record<string, [number, number]> = { regular: [15, 40], occasional: [4, 14], fresh: [6, 20], lapsed: [0, 0] };

export function buildEngagement(clock: SeedClock, catalog: Catalog, people: People): Engagement {
  const now = clock.now.getTime();
  const monthAgo = now - 30 * DAY;
  const products = new Map(catalog.products.map((p) => [p._id, p]));
  const launched = catalog.products.filter((p) => p.launchAt.getTime() <= now);
  const events: EventDoc[] = [];
  const counters = new Map<string, number>();
  const event = (openid: string, type: EventDoc['type'], at: Date, payload: EventDoc['payload'] = {}) => {
    if (at.getTime() > now) return;
    const n = (counters.get(openid) ?? 0) + 1;
    counters.set(openid, n);
    events.push({
      _id: `${openid}:e${String(n).padStart(4, '0')}`,
      openid,
      type,
      at,
      payload,
      // Clients send events in batches; the server stamps when a batch arrives.
      receivedAt: new Date(Math.min(now, at.getTime() + 20_000)),
    });
  };

  const kindOf = new Map<string, string>(CROWD.map((c) => [c.openid, c.kind]));
  kindOf.set('o_demo_lin', 'regular');
  kindOf.set('o_demo_zhao', 'regular');
  kindOf.set('o_demo_wang', 'lapsed');

  for (const u of people.users) {
    const r = createRng(seedOf(`${u.openid}:events`));
    // What this person bought says what they will browse.
    const bought = new Set(people.orders.filter((o) => o.openid === u.openid && isPaidOrder(o)).flatMap((o) => o.items.map((i) => i.productId)));
    const likedTags = new Set([...bought].flatMap((id) => products.get(id)?.styleTags ?? []));
    const liked = launched.filter((p) => p.styleTags.some((t) => likedTags.has(t)));
    for (const o of people.orders.filter((x) => x.openid === u.openid && x.createdAt.getTime() >= monthAgo)) {
      for (const i of o.items) {
        event(u.openid, 'product_view', new Date(o.createdAt.getTime() - r.int(20, 120) * MINUTE), { productId: i.productId });
        event(u.openid, 'add_to_cart', new Date(o.createdAt.getTime() - r.int(3, 15) * MINUTE), { productId: i.productId, skuId: i.skuId, quantity: i.quantity });
      }
      // `order` and `pay` are written by the server (orders function, payment callback), never by clients.
      event(u.openid, 'order', o.createdAt, { orderId: o._id });
      if (o.paidAt) event(u.openid, 'pay', o.paidAt, { orderId: o._id, amount: o.pricing.payable });
    }
    const [lo, hi] = BROWSE_VOLUME[kindOf.get(u.openid) ?? 'occasional'];
    const visits = u.openid === 'o_demo_lin' ? 32 : u.openid === 'o_demo_zhao' ? 26 : r.int(lo, hi);
    const since = Math.max(monthAgo, u.createdAt.getTime());
    for (let v = 0; v < visits; v += 1) {
      const at = new Date(since + r.next() * (now - since - 3_600_000));
      event(u.openid, 'page_view', at, { path: r.chance(0.8) ? ROUTES.home : ROUTES.category });
      const p = liked.length && r.chance(0.7) ? r.pick(liked) : r.pick(launched);
      event(u.openid, 'product_view', new Date(at.getTime() + r.int(10, 90) * 1000), { productId: p._id });
      if (r.chance(0.12)) {
        const sku = catalog.skus.find((k) => k.productId === p._id && k.stock > 0);
        if (sku) event(u.openid, 'add_to_cart', new Date(at.getTime() + r.int(2, 5) * MINUTE), { productId: p._id, skuId: sku._id, quantity: 1 });
      }
      if (r.chance(u.openid === 'o_demo_zhao' ? 0.4 : u.openid === 'o_demo_lin' ? 0.15 : 0.04)) {
        event(u.openid, 'share', new Date(at.getTime() + r.int(1, 4) * MINUTE), { path: ROUTES.product, channel: r.chance(0.6) ? 'chat' : 'timeline', productId: p._id });
      }
    }
  }
  for (const c of people.checkins) if (c.createdAt.getTime() >= monthAgo) event(c.openid, 'checkin', c.createdAt);

  // ── Tags: what the nightly job computed at 03:20 today (or yesterday, before 03:20) ─────────
  const tagsAt = clock.dayAt(0, 3, 20).getTime() <= now ? clock.dayAt(0, 3, 20) : clock.dayAt(-1, 3, 20);
  const tagTime = tagsAt.getTime();
  const invites = new Map<string, number>();
  for (const r of people.referrals) if (r.status === 'qualified') invites.set(r.referrer, (invites.get(r.referrer) ?? 0) + 1);
  const user_tags: UserTagsDoc[] = people.users.map((u) => {
    const mine = events.filter((e) => e.openid === u.openid && e.at.getTime() <= tagTime).map((e) => ({ ...e, ms: e.at.getTime() }));
    const paid = people.orders.filter((o) => o.openid === u.openid && isPaidOrder(o) && (o.paidAt as Date).getTime() <= tagTime);
    const activity = countActivity(mine.map((e) => ({ type: e.type, at: e.ms })), tagTime);
    const purchases = countPurchases(paid.map((o) => (o.paidAt as Date).getTime()), tagTime);
    const signals: StyleSignal[] = [
      ...mine.filter((e) => e.type === 'product_view').map((e) => ({ kind: 'view' as const, styleTags: products.get(String(e.payload.productId))?.styleTags ?? [], at: e.ms })),
      ...paid.flatMap((o) => [...new Set(o.items.map((i) => i.productId))].map((id) => ({ kind: 'purchase' as const, styleTags: products.get(id)?.styleTags ?? [], at: (o.paidAt as Date).getTime() }))),
    ];
    return buildUserTagsDoc(
      {
        openid: u.openid,
        lifecycleTags: lifecycleTags({ ...activity, ...purchases, successfulInvites: invites.get(u.openid) ?? 0 }),
        manualTags: u.tags,
        interests: interestScores(signals, tagTime),
        tier: u.tier,
        city: u.city,
        storeId: u.nearestStoreId,
        rfm: rfmScores(paid.map((o) => ({ paidAt: (o.paidAt as Date).getTime(), amount: o.pricing.payable })), tagTime),
        marketingOptOut: u.marketingOptOut,
      },
      tagTime,
    );
  });
  const tagsOf = new Map(user_tags.map((t) => [t.openid, t]));

  // ── Subscribe credits, and the campaign sent last week ────────────────────────────────────
  const templates = SETTINGS.subscribeTemplates;
  const marketingId = templates.marketing.id;
  const ledgers = new Map<string, CreditLedger>();
  for (const u of people.users) {
    const r = createRng(seedOf(`${u.openid}:credits`));
    const ledger: Record<string, number> = {};
    const give = (key: SubscribeTemplateKey, n: number) => {
      if (n > 0) ledger[templates[key].id] = n;
    };
    give('marketing', u.openid === 'o_demo_lin' ? 3 : u.openid === 'o_demo_wang' ? 0 : r.int(0, 2));
    give('order_status', u.openid === 'o_demo_lin' ? 3 : r.int(0, 2));
    if (u.openid === 'o_demo_lin') {
      give('restock', 1);
      give('group_result', 1);
      give('coupon_expiry', 1);
    }
    if (u.openid === 'o_demo_zhao') {
      give('group_result', 1);
      give('tier_change', 1);
    }
    ledgers.set(u.openid, ledger);
  }

  const campaigns: CampaignDoc[] = [];
  const sends: CampaignSendDoc[] = [];
  const push_records: PushRecordDoc[] = [];
  const summerAudience = parseAudienceRule({ and: [{ or: [{ interest: '环保面料' }, { interest: '休闲' }, { interest: '极简' }] }, { not: { segment: '流失客户' } }] });
  const startedAt = nextAllowedSendTime(clock.dayAt(-6, 10, 0));
  const r = createRng(seedOf('campaign:summer'));
  const outcomes: SendOutcome[] = [];
  const visits: { openid: string; campaignId: string; at: number }[] = [];
  let sendIndex = 0;
  for (const u of people.users) {
    const tags = tagsOf.get(u.openid);
    if (!tags || !matchesAudience(summerAudience, tags)) continue;
    // One batch a second, as the throttle plans them.
    const at = new Date(startedAt.getTime() + Math.floor(sendIndex++ / SETTINGS.push.sendsPerSecond) * 1000);
    const history = push_records.filter((p) => p.openid === u.openid).map((p) => ({ at: p.at.getTime(), kind: p.kind, status: p.status }));
    const reach = reachability({ marketingOptOut: u.marketingOptOut, credits: ledgers.get(u.openid) }, at.getTime(), history, marketingId);
    const id = `cmp-summer:${u.openid}`;
    if (!reach.reachable) {
      sends.push({ _id: id, campaignId: 'cmp-summer', openid: u.openid, status: 'unreachable', reason: reach.reason, errcode: null, sentAt: null, updatedAt: at });
      outcomes.push({ openid: u.openid, status: 'unreachable', reason: reach.reason });
      continue;
    }
    const spent = consumeCredit(ledgers.get(u.openid), marketingId);
    if (spent.ok) ledgers.set(u.openid, spent.ledger);
    if (u.openid !== 'o_demo_lin' && r.chance(0.1)) {
      // Our ledger said yes, WeChat said no send was left: recorded as failed, the ledger cleared.
      ledgers.set(u.openid, { ...ledgers.get(u.openid), [marketingId]: 0 });
      sends.push({ _id: id, campaignId: 'cmp-summer', openid: u.openid, status: 'failed', reason: 'no_credit', errcode: 43101, sentAt: null, updatedAt: at });
      outcomes.push({ openid: u.openid, status: 'failed', reason: 'no_credit' });
      push_records.push({ _id: `push:${id}`, openid: u.openid, kind: 'marketing', status: 'failed', templateId: marketingId, campaignId: 'cmp-summer', at });
      continue;
    }
    sends.push({ _id: id, campaignId: 'cmp-summer', openid: u.openid, status: 'sent', reason: null, errcode: null, sentAt: at, updatedAt: at });
    outcomes.push({ openid: u.openid, status: 'sent', sentAt: at.getTime() });
    push_records.push({ _id: `push:${id}`, openid: u.openid, kind: 'marketing', status: 'sent', templateId: marketingId, campaignId: 'cmp-summer', at });
    if (u.openid === 'o_demo_lin' || r.chance(0.45)) {
      const visitAt = new Date(at.getTime() + r.int(5, 36 * 60) * MINUTE);
      event(u.openid, 'campaign_visit', visitAt, { campaignId: 'cmp-summer', path: ROUTES.product });
      visits.push({ openid: u.openid, campaignId: 'cmp-summer', at: visitAt.getTime() });
    }
  }
  // Last-touch attribution of the recipients' paid orders (push/attribution.ts).
  const recipients = new Set(sends.map((s) => s.openid));
  const paidByRecipients: AttributedOrder[] = people.orders
    .filter((o) => recipients.has(o.openid) && isPaidOrder(o))
    .map((o) => ({ orderId: o._id, openid: o.openid, paidAt: (o.paidAt as Date).getTime(), amount: o.pricing.payable }));
  const delivered = sends.filter((s) => s.sentAt).map((s) => ({ campaignId: s.campaignId, openid: s.openid, sentAt: (s.sentAt as Date).getTime() }));
  const credited = attributeOrders(paidByRecipients, delivered);
  for (const o of people.orders) {
    const campaignId = credited.get(o._id);
    if (campaignId) o.attribution = { campaignId, referralCode: o.attribution?.referralCode ?? null };
  }
  const finishedAt = new Date(startedAt.getTime() + Math.ceil(sendIndex / SETTINGS.push.sendsPerSecond) * 1000);
  const report = campaignReport({ campaignId: 'cmp-summer', outcomes, visits: visits.filter((v) => v.at <= now), orders: paidByRecipients, otherSends: [] });
  const campaign = (c: Omit<CampaignDoc, 'audienceText' | 'audienceSize'>): CampaignDoc => ({
    ...c,
    audienceText: describeAudience(c.audience),
    audienceSize: user_tags.filter((t) => matchesAudience(c.audience, t)).length,
  });
  const message = (fields: Record<string, string>, page: string) => ({ templateKey: 'marketing', templateId: marketingId, fields, page });
  campaigns.push(
    campaign({
      _id: 'cmp-summer',
      name: '夏季冰感穿搭上新',
      status: 'sent',
      audience: summerAudience,
      message: message({ thing1: '夏季冰感穿搭合集上新', thing2: '合集专享满299减40，限时3天', time3: '即日起' }, `${ROUTES.product}?collection=col-summer-cool&campaignId=cmp-summer`),
      scheduledAt: clock.dayAt(-6, 10, 0),
      startedAt,
      finishedAt,
      report,
      reportedAt: clock.now,
      createdBy: 'o_manager_chen',
      createdAt: clock.dayAt(-7, 16, 30),
      updatedAt: finishedAt,
    }),
    campaign({
      _id: 'cmp-winback',
      name: '老朋友回归礼',
      status: 'scheduled',
      audience: parseAudienceRule({ and: [{ or: [{ segment: '重点挽留' }, { segment: '流失客户' }, { segment: '一般客户' }] }, { not: { tag: 'KOC' } }] }),
      message: message({ thing1: '好久不见，送你一张回归券', thing2: '满299减30，7天内有效', time3: '明日10:00起' }, `${ROUTES.home}?campaignId=cmp-winback`),
      scheduledAt: nextAllowedSendTime(clock.dayAt(1, 10, 0)),
      startedAt: null,
      finishedAt: null,
      report: null,
      reportedAt: null,
      createdBy: 'o_manager_chen',
      createdAt: clock.hoursAgo(26),
      updatedAt: clock.hoursAgo(26),
    }),
    campaign({
      _id: 'cmp-cashmere',
      name: '羊绒新品 金卡优先购提醒',
      status: 'draft',
      audience: parseAudienceRule({ and: [{ tierAtLeast: 'gold' }, { not: { tag: '不打扰' } }] }),
      message: message({ thing1: '山羊绒打底衫 金卡优先购', thing2: '比正式开售提前2小时', time3: '' }, `${ROUTES.product}?id=p037&campaignId=cmp-cashmere`),
      scheduledAt: null,
      startedAt: null,
      finishedAt: null,
      report: null,
      reportedAt: null,
      createdBy: 'o_manager_zhou',
      createdAt: clock.hoursAgo(2),
      updatedAt: clock.hoursAgo(2),
    }),
  );

  const subscribe_credits: SubscribeCreditDoc[] = people.users
    .map((u) => {
      const ledger = ledgers.get(u.openid) ?? {};
      const credits = Object.fromEntries(Object.entries(ledger).filter(([id]) => creditsFor(ledger, id) > 0));
      return { _id: u.openid, openid: u.openid, credits, updatedAt: clock.daysAgo(createRng(seedOf(`${u.openid}:subscribe`)).int(1, 20)) };
    })
    .filter((d) => Object.keys(d.credits).length > 0 || sends.some((s) => s.openid === d.openid));

  const job_runs: JobRunDoc[] = ['tier-daily', 'birthday-daily', 'tags-daily', 'coupon-expiry-daily'].map((job, i) => ({
    _id: `${job}:${clock.day(-1)}`,
    job,
    day: clock.day(-1),
    status: 'done' as const,
    startedAt: clock.dayAt(-1, 3, i * 10),
    finishedAt: clock.dayAt(-1, 3, i * 10 + 2),
    summary: (job === 'tags-daily' ? { users: user_tags.length } : { processed: 0 }) as Record<string, number>,
  }));

  const audit: AuditLogDoc[] = [
    { _id: 'al-m001', actor: 'o_manager_chen', role: 'manager', action: 'campaign.send', target: { collection: 'campaigns', id: 'cmp-summer' }, detail: { targeted: sends.length }, at: startedAt },
    { _id: 'al-m002', actor: 'o_manager_chen', role: 'manager', action: 'campaign.schedule', target: { collection: 'campaigns', id: 'cmp-winback' }, detail: {}, at: clock.hoursAgo(26) },
    { _id: 'al-m003', actor: 'o_manager_zhou', role: 'manager', action: 'user.tags.set', target: { collection: 'users', id: 'o_demo_zhao' }, detail: { tags: ['穿搭博主', '品牌大使'] }, at: clock.daysAgo(12) },
  ];

  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a._id.localeCompare(b._id));
  return { events, user_tags, subscribe_credits, push_records, campaigns, campaign_sends: sends, job_runs, audit };
}

export type { AudienceRule };
