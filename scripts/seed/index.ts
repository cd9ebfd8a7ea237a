/**
 * The demo brand seed: 织物 Weave's catalogue, stores, people and their history, as plain
 * documents per collection. Pure and deterministic for a given `now` (no I/O, no Math.random,
 * no clock reads), every time relative to `now` so the demo always looks fresh. The local
 * CloudBase loads it on reset; images.ts draws the pictures its file ids point at.
 */
import { buildCatalog } from './catalog';
import { createClock } from './clock';
import { buildPeople } from './customers';
import { buildEngagement } from './engagement';
import { SEED_INDEXES } from './indexes';
import { buildPromotions } from './promotions';
import { buildSettings } from './settings';
import { buildStores } from './stores';
import type { CouponClaimDoc, CouponTemplateDoc, FlashBoughtDoc, FlashStockDoc, GroupbuyQuotaDoc, GroupbuyStockDoc } from './types';

export { DEMO_IDENTITIES, DEMO_IDS, type DemoIdentity } from './people-data';
export { SEED_INDEXES } from './indexes';
export { CLOUD_ENV, FILE_ID_PREFIX, fileIdToPath } from './file-ids';
export type * from './types';

/** Every collection Weave declares (emulator/indexes.json); the seed fills some of them. */
export const COLLECTION_NAMES = Object.keys(SEED_INDEXES);

export interface Seed {
  collections: Record<string, object[]>;
}

export function buildSeed({ now }: { now: Date }): Seed {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('buildSeed needs a valid `now` Date');
  const clock = createClock(now);
  const catalog = buildCatalog(clock);
  const { stores, staff, managers } = buildStores(clock);
  const promotions = buildPromotions(clock, catalog);
  const people = buildPeople(clock, catalog, promotions, stores);
  const engagement = buildEngagement(clock, catalog, people);

  // Counters are what people outside the seed did plus what the seeded people did, so every
  // counter agrees with the documents it counts.
  const coupon_templates: CouponTemplateDoc[] = promotions.templates.map(({ baseClaimed, baseUsed, ...t }) => {
    const mine = people.user_coupons.filter((c) => c.templateId === t._id);
    // 三里屯's coupon is meant to have exactly one left.
    const claimed = t._id === 'tpl-store-sanlitun' && t.total !== null ? t.total - 1 : baseClaimed + mine.length;
    if (t.total !== null && (claimed > t.total || claimed < mine.length)) throw new Error(`seed: ${t._id} claimed ${claimed} of ${t.total}`);
    return { ...t, claimed, used: baseUsed + mine.filter((c) => c.status === 'used').length };
  });
  const claimable = new Set(coupon_templates.filter((t) => t.public).map((t) => t._id));
  const claims = new Map<string, CouponClaimDoc>();
  for (const c of people.user_coupons) {
    if (!claimable.has(c.templateId) || (c.source !== 'claim' && c.source !== 'exchange')) continue;
    const id = `${c.templateId}:${c.openid}`;
    const prev = claims.get(id);
    claims.set(id, { _id: id, templateId: c.templateId, openid: c.openid, claimed: (prev?.claimed ?? 0) + 1, updatedAt: prev && prev.updatedAt > c.claimedAt ? prev.updatedAt : c.claimedAt });
  }

  // Group buys: a live order (not cancelled, not refunded) holds its units and its buyer's quota.
  const live = people.orders.filter((o) => o.status !== 'cancelled' && o.status !== 'refunded');
  const groupbuy_stock: GroupbuyStockDoc[] = promotions.groupbuys.flatMap((a) =>
    a.skus.map((k) => {
      const id = `${a._id}:${k.skuId}`;
      const held = (promotions.groupbuyHeldElsewhere.get(id) ?? 0) + live.filter((o) => o.groupbuy?.activityId === a._id && o.items[0].skuId === k.skuId).reduce((n, o) => n + o.itemCount, 0);
      if (held > k.stock) throw new Error(`seed: ${id} oversold`);
      return { _id: id, stock: k.stock - held, held };
    }),
  );
  const quota = new Map<string, GroupbuyQuotaDoc>();
  for (const o of live) {
    if (!o.groupbuy) continue;
    const id = `${o.groupbuy.activityId}:${o.openid}`;
    quota.set(id, { _id: id, activityId: o.groupbuy.activityId, openid: o.openid, held: (quota.get(id)?.held ?? 0) + o.itemCount });
  }

  // Flash sales: stock carved out of the SKU when the sale was saved; sold = others + seeded buyers.
  const flash_stock: FlashStockDoc[] = promotions.flashSales.flatMap((sale) =>
    sale.items.map((item) => {
      const sold = (promotions.flashSoldElsewhere.get(item.id) ?? 0) + live.filter((o) => o.flashSale?.saleItemId === item.id).reduce((n, o) => n + o.itemCount, 0);
      if (sold > item.stock) throw new Error(`seed: ${item.id} oversold`);
      return { _id: item.id, stock: item.stock - sold, sold };
    }),
  );
  const bought = new Map<string, FlashBoughtDoc>();
  for (const o of live) {
    if (!o.flashSale) continue;
    const id = `${o.flashSale.saleItemId}:${o.openid}`;
    bought.set(id, { _id: id, saleItemId: o.flashSale.saleItemId, openid: o.openid, bought: (bought.get(id)?.bought ?? 0) + o.itemCount });
  }

  const collections: Record<string, object[]> = {
    categories: catalog.categories,
    products: catalog.products,
    skus: catalog.skus,
    collections: catalog.collections,
    banners: catalog.banners,
    stores,
    staff,
    managers,
    users: people.users,
    addresses: people.addresses,
    carts: people.carts,
    points_ledger: people.points_ledger,
    checkins: people.checkins,
    restock_alerts: people.restock_alerts,
    coupon_templates,
    user_coupons: people.user_coupons,
    coupon_claims: [...claims.values()],
    orders: people.orders,
    groupbuy_activities: promotions.groupbuys,
    groupbuy_groups: people.groups,
    groupbuy_stock,
    groupbuy_quota: [...quota.values()],
    flash_sales: promotions.flashSales,
    flash_stock,
    flash_bought: [...bought.values()],
    referral_codes: people.referral_codes,
    referrals: people.referrals,
    events: engagement.events,
    rate_limits: [],
    user_tags: engagement.user_tags,
    subscribe_credits: engagement.subscribe_credits,
    push_records: engagement.push_records,
    campaigns: engagement.campaigns,
    campaign_sends: engagement.campaign_sends,
    audit_logs: [...people.audit, ...engagement.audit].sort((a, b) => a.at.getTime() - b.at.getTime()),
    job_runs: engagement.job_runs,
    settings: buildSettings(clock.daysAgo(30)),
  };
  // Collections the demo leaves empty (written only by the functions) are still listed, empty.
  for (const name of COLLECTION_NAMES) collections[name] ??= [];
  for (const name of Object.keys(collections)) if (!COLLECTION_NAMES.includes(name)) throw new Error(`seed: collection ${name} has no index entry`);
  return { collections };
}
