/**
 * One user's `user_tags` document, gathered from the database and built with the rules in
 * src/domain/tags. The daily job and the order-event recompute both call computeUserTags, so a
 * user's tags are the same whichever wrote them last.
 */
import type { Fen } from '../../../src/domain/money';
import type { EventType } from '../../../src/domain/tags/events';
import { INTEREST_CONFIG, interestScores, type StyleSignal } from '../../../src/domain/tags/interests';
import { countActivity, countPurchases, LIFECYCLE_THRESHOLDS, lifecycleTags, type LifecycleFacts } from '../../../src/domain/tags/lifecycle';
import { rfmScores } from '../../../src/domain/tags/rfm';
import { buildUserTagsDoc, type UserTagsDoc } from '../../../src/domain/tags/user-tags';
import { windowStart } from '../../../src/domain/tags/window';
import { isTierId } from '../../../src/domain/tiers';
import type { HandlerContext } from '../../_shared/router';

/** Everything that took money, refunded or not; refunds are subtracted below. */
const PAID_STATUSES = ['grouping', 'paid', 'shipped', 'completed', 'refunded'];
const PAGE = 1000;

export interface TagUser {
  _id: string;
  tier?: string;
  city?: string | null;
  nearestStoreId?: string | null;
  tags?: string[];
  marketingOptOut?: boolean;
  status?: string;
}

interface TagOrder {
  _id: string;
  status: string;
  paidAt: Date | null;
  payment?: { amount?: number };
  pricing?: { payable?: number };
  refund?: { status?: string; amount?: number } | null;
  items?: { productId: string }[];
  delivery?: { method?: string; storeId?: string };
}

interface TagEvent {
  type: EventType;
  at: Date;
  payload?: { productId?: string };
}

/** Product style tags and store cities, loaded once per job run rather than once per user. */
export class Lookups {
  private readonly styles = new Map<string, readonly string[]>();
  private readonly cities = new Map<string, string | null>();

  constructor(private readonly ctx: Pick<HandlerContext, 'db' | '_'>) {}

  async styleTags(productIds: Iterable<string>): Promise<Map<string, readonly string[]>> {
    const missing = [...new Set(productIds)].filter((id) => !this.styles.has(id));
    for (let i = 0; i < missing.length; i += 100) {
      const ids = missing.slice(i, i + 100);
      const found = await this.ctx.db.collection<{ _id: string; styleTags?: string[] }>('products').where({ _id: this.ctx._.in(ids) }).field({ styleTags: true }).limit(100).get();
      for (const id of ids) this.styles.set(id, []);
      for (const p of found.data) this.styles.set(p._id, Array.isArray(p.styleTags) ? p.styleTags : []);
    }
    return this.styles;
  }

  async storeCity(storeId: string): Promise<string | null> {
    if (!this.cities.has(storeId)) {
      const found = await this.ctx.db.collection<{ city?: string }>('stores').where({ _id: storeId }).field({ city: true }).limit(1).get();
      this.cities.set(storeId, found.data[0]?.city ?? null);
    }
    return this.cities.get(storeId) ?? null;
  }
}

async function all<T>(query: (offset: number) => Promise<{ data: T[] }>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await query(offset);
    out.push(...data);
    if (data.length < PAGE) return out;
  }
}

/** Paid minus refunded; null when nothing was kept (a fully refunded order is no purchase). */
function keptAmount(o: TagOrder): Fen | null {
  const paid = o.payment?.amount ?? o.pricing?.payable ?? 0;
  const refunded = o.refund?.status === 'refunded' && Number.isSafeInteger(o.refund.amount) ? Math.max(0, o.refund.amount as number) : 0;
  if (o.status === 'refunded' && refunded === 0) return null;
  const kept = paid - Math.min(paid, refunded);
  return kept > 0 ? kept : null;
}

export interface ComputedTags {
  doc: UserTagsDoc;
  facts: LifecycleFacts;
}

export async function computeUserTags(ctx: Pick<HandlerContext, 'db' | '_'>, user: TagUser, now: Date, lookups: Lookups): Promise<ComputedTags> {
  const { db, _ } = ctx;
  const openid = user._id;
  const nowMs = now.getTime();
  const eventsFrom = windowStart(now, Math.max(LIFECYCLE_THRESHOLDS.activityWindowDays, INTEREST_CONFIG.maxAgeDays));
  const ordersFrom = windowStart(now, LIFECYCLE_THRESHOLDS.purchaseWindowDays + LIFECYCLE_THRESHOLDS.repurchaseWithinDays);

  const [events, orders, invites] = await Promise.all([
    all((offset) =>
      db.collection<TagEvent>('events').where({ openid, at: _.gte(eventsFrom) }).field({ type: true, at: true, payload: true }).orderBy('at', 'asc').skip(offset).limit(PAGE).get(),
    ),
    all((offset) =>
      db
        .collection<TagOrder>('orders')
        .where({ openid, status: _.in(PAID_STATUSES), paidAt: _.gte(ordersFrom) })
        .field({ status: true, paidAt: true, payment: true, pricing: true, refund: true, items: true, delivery: true })
        .orderBy('paidAt', 'asc')
        .skip(offset)
        .limit(PAGE)
        .get(),
    ),
    db.collection('referrals').where({ referrer: openid, status: 'qualified' }).count(),
  ]);

  const kept = orders.flatMap((o) => {
    const amount = keptAmount(o);
    return amount === null || !o.paidAt ? [] : [{ order: o, paidAt: new Date(o.paidAt).getTime(), amount }];
  });
  const activity = countActivity(
    events.map((e) => ({ type: e.type, at: new Date(e.at).getTime() })),
    nowMs,
  );
  const purchases = countPurchases(
    kept.map((k) => k.paidAt),
    nowMs,
  );
  const facts: LifecycleFacts = { ...activity, ...purchases, successfulInvites: invites.total };

  const viewed = events.filter((e) => e.type === 'product_view' && typeof e.payload?.productId === 'string');
  const styles = await lookups.styleTags([...viewed.map((e) => e.payload!.productId!), ...kept.flatMap((k) => (k.order.items ?? []).map((i) => i.productId))]);
  const signals: StyleSignal[] = [
    ...viewed.map((e) => ({ kind: 'view' as const, styleTags: styles.get(e.payload!.productId!) ?? [], at: new Date(e.at).getTime() })),
    // A product bought counts once per order, whatever the quantity or how many sizes.
    ...kept.flatMap((k) => [...new Set((k.order.items ?? []).map((i) => i.productId))].map((id) => ({ kind: 'purchase' as const, styleTags: styles.get(id) ?? [], at: k.paidAt }))),
  ];

  // The store the user chose (nearest when they shared a location), else where they last picked up.
  const lastPickup = [...kept].reverse().find((k) => k.order.delivery?.method === 'pickup' && k.order.delivery.storeId)?.order.delivery?.storeId ?? null;
  const storeId = user.nearestStoreId ?? lastPickup;
  const city = user.city ?? (storeId ? await lookups.storeCity(storeId) : null);

  const doc = buildUserTagsDoc(
    {
      openid,
      lifecycleTags: lifecycleTags(facts),
      manualTags: Array.isArray(user.tags) ? user.tags.filter((t) => typeof t === 'string') : [],
      interests: interestScores(signals, nowMs),
      tier: user.tier && isTierId(user.tier) ? user.tier : 'normal',
      city,
      storeId,
      rfm: rfmScores(
        kept.map((k) => ({ paidAt: k.paidAt, amount: k.amount })),
        nowMs,
      ),
      marketingOptOut: user.marketingOptOut === true,
    },
    nowMs,
  );
  return { doc, facts };
}

export async function writeUserTags(ctx: Pick<HandlerContext, 'db'>, doc: UserTagsDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await ctx.db.collection('user_tags').doc(_id).set({ data: rest });
}

export async function loadTagUser(ctx: Pick<HandlerContext, 'db'>, openid: string): Promise<TagUser | null> {
  const found = await ctx.db.collection<TagUser>('users').where({ _id: openid }).limit(1).get();
  return found.data[0] ?? null;
}

/** Recompute and store one user now (a key event, a manager's change); false when there is no such user. */
export async function recomputeUser(ctx: Pick<HandlerContext, 'db' | '_' | 'now'>, openid: string): Promise<UserTagsDoc | null> {
  const user = await loadTagUser(ctx, openid);
  if (!user) return null;
  const { doc } = await computeUserTags(ctx, user, ctx.now(), new Lookups(ctx));
  await writeUserTags(ctx, doc);
  return doc;
}
