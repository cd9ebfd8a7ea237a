import { addDays, dayKey } from '../../src/domain/business-day';
import { groupFromDoc } from '../../src/domain/groupbuy/group-state';
import { reconcileLedger, type LedgerEntry } from '../../src/domain/membership/points-ledger';
import { isFen } from '../../src/domain/money';
import { TIERS } from '../../src/domain/tiers';
import { tierOf } from './customers';
import { buildSeed, COLLECTION_NAMES, DEMO_IDENTITIES, DEMO_IDS, SEED_INDEXES } from './index';
import type {
  BannerDoc,
  CampaignSendDoc,
  CartDoc,
  CategoryDoc,
  CheckinDoc,
  CouponClaimDoc,
  CouponTemplateDoc,
  EventDoc,
  FlashBoughtDoc,
  FlashSaleDoc,
  FlashStockDoc,
  GroupbuyActivityDoc,
  GroupbuyGroupDoc,
  GroupbuyQuotaDoc,
  GroupbuyStockDoc,
  ManagerDoc,
  OrderDoc,
  OutfitCollectionDoc,
  PointsLedgerDoc,
  ProductDoc,
  ReferralDoc,
  SettingsDoc,
  SkuDoc,
  StaffDoc,
  StoreDoc,
  UserCouponDoc,
  UserDoc,
  UserTagsDoc,
} from './index';

const NOW = new Date('2026-11-22T02:30:00Z'); // 10:30 in Shanghai
const seed = buildSeed({ now: NOW });
const c = seed.collections;
const col = <T>(name: string): T[] => c[name] as T[];

const categories = col<CategoryDoc>('categories');
const products = col<ProductDoc>('products');
const skus = col<SkuDoc>('skus');
const stores = col<StoreDoc>('stores');
const users = col<UserDoc>('users');
const orders = col<OrderDoc>('orders');
const templates = col<CouponTemplateDoc>('coupon_templates');
const userCoupons = col<UserCouponDoc>('user_coupons');
const ledger = col<PointsLedgerDoc>('points_ledger');
const activities = col<GroupbuyActivityDoc>('groupbuy_activities');
const groups = col<GroupbuyGroupDoc>('groupbuy_groups');
const flashSales = col<FlashSaleDoc>('flash_sales');

const ids = (name: string) => new Set((c[name] as { _id: string }[]).map((d) => d._id));

/** Every value reachable in a document, with its path, for the generic checks. */
function* walk(value: unknown, path: string): Generator<[string, unknown]> {
  yield [path, value];
  if (value instanceof Date || value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) yield* walk(v, path ? `${path}.${k}` : k);
}

describe('buildSeed: shape and size', () => {
  it('has every collection of the data model, each with string _ids that are unique', () => {
    expect(Object.keys(c).sort()).toEqual([...COLLECTION_NAMES].sort());
    for (const name of COLLECTION_NAMES) {
      const docs = c[name] as { _id: unknown }[];
      for (const d of docs) expect(typeof d._id).toBe('string');
      expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length);
    }
  });

  it('is a real range: 8+ categories, 40+ products of 2-4 colours x 3-5 sizes, outfits and banners', () => {
    expect(categories.length).toBeGreaterThanOrEqual(8);
    expect(products.length).toBeGreaterThanOrEqual(40);
    for (const p of products) {
      expect(p.colors.length).toBeGreaterThanOrEqual(2);
      expect(p.colors.length).toBeLessThanOrEqual(4);
      expect(p.sizes.length).toBeGreaterThanOrEqual(3);
      expect(p.sizes.length).toBeLessThanOrEqual(5);
      expect(skus.filter((s) => s.productId === p._id)).toHaveLength(p.colors.length * p.sizes.length);
      expect(p.styleTags.length).toBeGreaterThan(0);
      expect(p.images.every((i) => i.startsWith(`cloud://weave-local.local/products/${p._id}/`))).toBe(true);
    }
    expect(col<OutfitCollectionDoc>('collections').length).toBeGreaterThanOrEqual(4);
    expect(col<BannerDoc>('banners')).toHaveLength(3);
    for (const cat of categories) expect(cat.sizeGuide.rows.every((r) => r.length === cat.sizeGuide.columns.length)).toBe(true);
  });

  it('has sold-out and low-stock SKUs, new arrivals and a gold+ priority launch still to come', () => {
    expect(skus.some((s) => s.stock === 0)).toBe(true);
    expect(skus.some((s) => s.stock > 0 && s.stock <= 5)).toBe(true);
    const week = NOW.getTime() - 7 * 86_400_000;
    expect(products.filter((p) => p.launchAt.getTime() > week && p.launchAt <= NOW).length).toBeGreaterThanOrEqual(3);
    const upcoming = products.find((p) => p._id === DEMO_IDS.priorityUpcomingProduct) as ProductDoc;
    expect(upcoming.priorityPurchase).toBe(true);
    const goldOpens = upcoming.launchAt.getTime() - (TIERS.find((t) => t.id === 'gold')?.priorityHours ?? 0) * 3_600_000;
    expect(goldOpens).toBeGreaterThan(NOW.getTime());
    const open = products.find((p) => p._id === DEMO_IDS.priorityOpenProduct) as ProductDoc;
    expect(open.launchAt.getTime()).toBeGreaterThan(NOW.getTime());
    expect(open.launchAt.getTime() - 2 * 3_600_000).toBeLessThanOrEqual(NOW.getTime());
  });

  it('has 6+ stores in 2+ cities with GeoJSON points inside China', () => {
    expect(stores.length).toBeGreaterThanOrEqual(6);
    expect(new Set(stores.map((s) => s.city)).size).toBeGreaterThanOrEqual(2);
    for (const s of stores) {
      expect(s.location.type).toBe('Point');
      const [lng, lat] = s.location.coordinates;
      expect(lng).toBeGreaterThan(73);
      expect(lng).toBeLessThan(135);
      expect(lat).toBeGreaterThan(18);
      expect(lat).toBeLessThan(54);
    }
    expect(SEED_INDEXES.stores.some((i) => i.keys.location === '2dsphere')).toBe(true);
  });

  it('has store coupons for every store, online, points-mall, birthday and referral coupons', () => {
    for (const s of stores) expect(templates.some((t) => t.kind === 'store' && t.channel === 'store' && t.storeIds?.includes(s._id) && t.cashbackPoints > 0)).toBe(true);
    expect(templates.some((t) => t.channel === 'online')).toBe(true);
    expect(templates.some((t) => (t.pointsCost ?? 0) > 0)).toBe(true);
    for (const tier of TIERS) expect(templates.find((t) => t._id === tier.birthdayCouponTemplateId)?.kind).toBe('birthday');
    expect(templates.some((t) => t.kind === 'referral')).toBe(true);
  });

  it('has group buys of 2-5 people and a flash sale running now with per-SKU stock', () => {
    for (const a of activities) {
      expect(a.groupSize).toBeGreaterThanOrEqual(2);
      expect(a.groupSize).toBeLessThanOrEqual(5);
      expect(a.startsAt).toBeLessThanOrEqual(NOW.getTime());
      expect(a.endsAt).toBeGreaterThan(NOW.getTime());
      for (const k of a.skus) expect(k.groupPrice).toBeLessThan(k.normalPrice);
    }
    const now = flashSales.find((f) => f._id === DEMO_IDS.flashSaleNow) as FlashSaleDoc;
    expect(now.startsAt).toBeLessThanOrEqual(NOW.getTime());
    expect(now.endsAt).toBeGreaterThan(NOW.getTime());
    expect(col<FlashStockDoc>('flash_stock').filter((s) => s._id.startsWith(`${now._id}:`))).toHaveLength(now.items.length);
  });

  it('has the settings the rules need', () => {
    const settings = new Map(col<SettingsDoc>('settings').map((s) => [s._id, s as Record<string, unknown>]));
    expect(settings.get('orders')).toMatchObject({ autoCancelMinutes: 30, autoCompleteDays: 7 });
    expect(settings.get('pricing')).toMatchObject({ expressFee: 1000, pointsMaxSharePercent: 50 });
    expect(settings.get('referral')).toMatchObject({ milestoneInvites: 3 });
    expect(settings.get('checkin')).toMatchObject({ basePoints: 5, cycleDays: 7 });
    expect(settings.get('push')).toMatchObject({ caps: { perDay: 1, perWeek: 3 } });
  });
});

describe('buildSeed: money', () => {
  it('keeps every price, amount and fee as integer fen', () => {
    const moneyKey = /(price|Price|amount|Amount|Fee|fee|Off|threshold|payable|subtotal|Total|total|paid|Paid|gmv|spend12m|Discount|discount|Max|maxOff|off)$/;
    for (const name of ['products', 'skus', 'orders', 'coupon_templates', 'user_coupons', 'groupbuy_activities', 'flash_sales', 'users', 'campaigns']) {
      for (const doc of c[name]) {
        for (const [path, value] of walk(doc, '')) {
          if (typeof value === 'number' && moneyKey.test(path.split('.').pop() ?? '')) {
            if (!isFen(value)) throw new Error(`${name} ${path} = ${value}`);
          }
        }
      }
    }
  });

  it('never lists a price above its list price; a product shows its cheapest SKU', () => {
    for (const s of skus) expect(s.listPrice).toBeGreaterThanOrEqual(s.price);
    for (const p of products) {
      const mine = skus.filter((s) => s.productId === p._id);
      expect(p.listPrice).toBeGreaterThanOrEqual(p.price);
      expect(p.price).toBe(Math.min(...mine.map((s) => s.price)));
      expect(p.maxPrice).toBe(Math.max(...mine.map((s) => s.price)));
    }
  });

  it('prices every order so that its lines, items and payment agree', () => {
    for (const o of orders) {
      const { pricing } = o;
      expect(pricing.lines.filter((l) => l.key !== 'payable').reduce((s, l) => s + l.amount, 0)).toBe(pricing.payable);
      expect(o.items.reduce((s, i) => s + i.paid, 0)).toBe(pricing.merchandisePaid);
      expect(o.items.reduce((s, i) => s + i.lineTotal, 0)).toBe(pricing.itemsTotal);
      expect(o.payment.amount).toBe(pricing.payable);
      expect(pricing.tier.id).toBe(o.tierId);
    }
  });
});

describe('buildSeed: references', () => {
  const refs: [string, (doc: never) => (string | null | undefined)[], string][] = [
    ['products', (p: ProductDoc) => [p.categoryId], 'categories'],
    ['skus', (s: SkuDoc) => [s.productId], 'products'],
    ['collections', (o: OutfitCollectionDoc) => [...o.productIds], 'products'],
    ['collections', (o: OutfitCollectionDoc) => [o.offer?.templateId], 'coupon_templates'],
    ['staff', (s: StaffDoc) => [s.storeId], 'stores'],
    ['users', (u: UserDoc) => [u.nearestStoreId], 'stores'],
    ['users', (u: UserDoc) => [u.referrer?.openid], 'users'],
    ['addresses', (a: { openid: string }) => [a.openid], 'users'],
    ['carts', (x: CartDoc) => [x.openid], 'users'],
    ['carts', (x: CartDoc) => x.items.map((i) => i.skuId), 'skus'],
    ['carts', (x: CartDoc) => x.items.map((i) => i.productId), 'products'],
    ['points_ledger', (e: PointsLedgerDoc) => [e.openid], 'users'],
    ['checkins', (x: CheckinDoc) => [x.openid], 'users'],
    ['restock_alerts', (r: { skuId: string; productId: string }) => [r.skuId], 'skus'],
    ['restock_alerts', (r: { productId: string }) => [r.productId], 'products'],
    ['coupon_templates', (t: CouponTemplateDoc) => [...(t.storeIds ?? [])], 'stores'],
    ['coupon_templates', (t: CouponTemplateDoc) => (t.scope.type === 'category' ? t.scope.ids : []), 'categories'],
    ['coupon_templates', (t: CouponTemplateDoc) => (t.scope.type === 'product' ? t.scope.ids : []), 'products'],
    ['user_coupons', (u: UserCouponDoc) => [u.templateId], 'coupon_templates'],
    ['user_coupons', (u: UserCouponDoc) => [u.openid], 'users'],
    ['user_coupons', (u: UserCouponDoc) => [u.use?.type === 'store' ? u.use.storeId : null], 'stores'],
    ['user_coupons', (u: UserCouponDoc) => [u.use?.type === 'store' ? u.use.staffOpenid : null], 'staff'],
    ['user_coupons', (u: UserCouponDoc) => [u.use?.type === 'order' ? u.use.orderId : null, u.lock?.orderId], 'orders'],
    ['coupon_claims', (x: CouponClaimDoc) => [x.templateId], 'coupon_templates'],
    ['orders', (o: OrderDoc) => [o.openid], 'users'],
    ['orders', (o: OrderDoc) => o.items.map((i) => i.skuId), 'skus'],
    ['orders', (o: OrderDoc) => o.items.map((i) => i.productId), 'products'],
    ['orders', (o: OrderDoc) => o.items.map((i) => i.categoryId), 'categories'],
    ['orders', (o: OrderDoc) => [o.couponId], 'user_coupons'],
    ['orders', (o: OrderDoc) => [o.delivery.method === 'pickup' ? o.delivery.storeId : null], 'stores'],
    ['orders', (o: OrderDoc) => [o.groupbuy?.activityId], 'groupbuy_activities'],
    ['orders', (o: OrderDoc) => [o.groupbuy?.groupId], 'groupbuy_groups'],
    ['orders', (o: OrderDoc) => [o.flashSale?.saleId], 'flash_sales'],
    ['orders', (o: OrderDoc) => [o.attribution?.campaignId], 'campaigns'],
    ['groupbuy_activities', (a: GroupbuyActivityDoc) => [a.productId], 'products'],
    ['groupbuy_activities', (a: GroupbuyActivityDoc) => a.skus.map((k) => k.skuId), 'skus'],
    ['groupbuy_groups', (g: GroupbuyGroupDoc) => [g.activityId], 'groupbuy_activities'],
    ['groupbuy_groups', (g: GroupbuyGroupDoc) => [g.skuId], 'skus'],
    ['groupbuy_groups', (g: GroupbuyGroupDoc) => g.members.map((m) => m.orderId), 'orders'],
    ['groupbuy_groups', (g: GroupbuyGroupDoc) => g.members.map((m) => m.openid), 'users'],
    ['groupbuy_quota', (q: GroupbuyQuotaDoc) => [q.activityId], 'groupbuy_activities'],
    ['flash_sales', (f: FlashSaleDoc) => f.items.map((i) => i.skuId), 'skus'],
    ['flash_sales', (f: FlashSaleDoc) => f.items.map((i) => i.productId), 'products'],
    ['flash_bought', (b: FlashBoughtDoc) => [b.saleItemId], 'flash_stock'],
    ['referral_codes', (r: { openid: string }) => [r.openid], 'users'],
    ['referrals', (r: ReferralDoc) => [r.invitee, r.referrer], 'users'],
    ['referrals', (r: ReferralDoc) => [r.code], 'referral_codes'],
    ['referrals', (r: ReferralDoc) => [r.firstOrderId], 'orders'],
    ['events', (e: EventDoc) => [e.openid], 'users'],
    ['events', (e: EventDoc) => [typeof e.payload.productId === 'string' ? e.payload.productId : null], 'products'],
    ['events', (e: EventDoc) => [typeof e.payload.orderId === 'string' ? e.payload.orderId : null], 'orders'],
    ['events', (e: EventDoc) => [typeof e.payload.campaignId === 'string' ? e.payload.campaignId : null], 'campaigns'],
    ['user_tags', (t: UserTagsDoc) => [t.openid], 'users'],
    ['user_tags', (t: UserTagsDoc) => [t.storeId], 'stores'],
    ['subscribe_credits', (s: { openid: string }) => [s.openid], 'users'],
    ['push_records', (p: { openid: string; campaignId: string | null }) => [p.openid], 'users'],
    ['campaign_sends', (s: CampaignSendDoc) => [s.campaignId], 'campaigns'],
    ['campaign_sends', (s: CampaignSendDoc) => [s.openid], 'users'],
  ];

  it.each(refs.map(([from, pick, to], i) => [`${from} -> ${to} #${i}`, from, pick, to] as const))('%s', (_, from, pick, to) => {
    const known = ids(to);
    for (const doc of c[from]) {
      for (const ref of (pick as (d: unknown) => (string | null | undefined)[])(doc)) {
        if (ref === null || ref === undefined) continue;
        if (!known.has(ref)) throw new Error(`${from} ${(doc as { _id: string })._id} names ${ref}, missing from ${to}`);
      }
    }
  });

  it('points every demo identity and demo id at something that exists', () => {
    const userIds = ids('users');
    for (const d of DEMO_IDENTITIES) {
      if (d.role === 'staff') expect(col<StaffDoc>('staff').some((s) => s.openid === d.openid)).toBe(true);
      else if (d.role === 'manager') expect(col<ManagerDoc>('managers').some((m) => m.openid === d.openid)).toBe(true);
      // The brand-new shopper has no user document on purpose: their first login creates it.
      else expect(userIds.has(d.openid)).toBe(d.openid !== 'o_demo_new');
    }
    const everything = new Set(COLLECTION_NAMES.flatMap((n) => [...ids(n)]));
    for (const id of Object.values(DEMO_IDS)) expect(everything.has(id)).toBe(true);
    expect(new Set(DEMO_IDENTITIES.map((d) => d.openid)).size).toBe(DEMO_IDENTITIES.length);
  });

  it('never sells a product before it launched', () => {
    const launch = new Map(products.map((p) => [p._id, p.launchAt.getTime()]));
    for (const o of orders) for (const i of o.items) expect(launch.get(i.productId)).toBeLessThanOrEqual(o.createdAt.getTime());
  });
});

describe('buildSeed: membership', () => {
  it('keeps the cached points balance equal to the ledger, which never goes below zero', () => {
    for (const u of users) {
      const mine = ledger.filter((e) => e.openid === u._id).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      expect(mine.reduce((s, e) => s + e.delta, 0)).toBe(u.points);
      const { balance, problems } = reconcileLedger(mine as LedgerEntry[]);
      expect(problems).toEqual([]);
      expect(balance).toBe(u.points);
      for (const e of mine) expect(e.balanceAfter).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(ledger.map((e) => e.ref)).size).toBe(ledger.length);
  });

  it('credits each completed order its points once, and records them on the order', () => {
    for (const o of orders) {
      const earn = ledger.find((e) => e.ref === `order_earn:${o._id}`);
      expect(earn?.delta ?? 0).toBe(o.pointsEarned);
      if (o.status === 'completed') expect(o.pointsEarned).toBeGreaterThanOrEqual(0);
      else expect(o.pointsEarned).toBe(0);
    }
  });

  it('gives every user the tier their last 12 months qualify for; the demo shoppers are 金卡, 黑钻, 银卡', () => {
    for (const u of users) {
      const t = tierOf(
        orders.filter((o) => o.openid === u._id),
        NOW,
      );
      expect([u.tier, u.spend12m, u.orders12m]).toEqual([t.tier, t.spend12m, t.orders12m]);
    }
    const tier = (id: string) => users.find((u) => u._id === id)?.tier;
    expect([tier('o_demo_lin'), tier('o_demo_zhao'), tier('o_demo_wang')]).toEqual(['gold', 'diamond', 'silver']);
  });

  it("stores check-in streaks that match the calendar: 林小姐 is on day 6, checked in yesterday", () => {
    const lin = users.find((u) => u._id === 'o_demo_lin') as UserDoc;
    expect(lin.checkin).toEqual({ lastDay: addDays(dayKey(NOW), -1), streak: 6 });
    for (const u of users) {
      const days = col<CheckinDoc>('checkins').filter((x) => x.openid === u._id);
      if (!days.length) continue;
      const last = days.reduce((a, b) => (a.day > b.day ? a : b));
      expect(u.checkin).toEqual({ lastDay: last.day, streak: last.streak });
    }
  });

  it("has 赵小雨's birthday today and no gift issued yet, for the birthday job to do", () => {
    const zhao = users.find((u) => u._id === 'o_demo_zhao') as UserDoc;
    expect(zhao.birthday?.monthDay).toBe(dayKey(NOW).slice(5));
    expect(userCoupons.some((x) => x.openid === 'o_demo_zhao' && x.source === 'birthday')).toBe(false);
  });
});

describe('buildSeed: promotions agree with their counters', () => {
  it('keeps coupon counters within totals and per-user limits', () => {
    for (const t of templates) {
      const mine = userCoupons.filter((x) => x.templateId === t._id);
      if (t.total !== null) expect(t.claimed).toBeLessThanOrEqual(t.total);
      expect(t.claimed).toBeGreaterThanOrEqual(mine.length);
      const perUser = new Map<string, number>();
      for (const x of mine) perUser.set(x.openid, (perUser.get(x.openid) ?? 0) + 1);
      for (const n of perUser.values()) expect(n).toBeLessThanOrEqual(t.perUserLimit);
    }
    for (const claim of col<CouponClaimDoc>('coupon_claims')) {
      expect(userCoupons.filter((x) => x.templateId === claim.templateId && x.openid === claim.openid)).toHaveLength(claim.claimed);
    }
    const codes = userCoupons.map((x) => x.shortCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[1-9]\d{7}$/);
  });

  it('keeps coupon states consistent with the orders and stores that used them', () => {
    for (const x of userCoupons) {
      if (x.status === 'used') expect(x.use).not.toBeNull();
      if (x.status === 'locked') expect(orders.find((o) => o._id === x.lock?.orderId)?.status).toBe('pending_payment');
      if (x.status === 'unused') expect(x.validTo.getTime()).toBeGreaterThan(NOW.getTime());
      if (x.use?.type === 'store') expect(x.storeIds?.includes(x.use.storeId) ?? true).toBe(true);
    }
  });

  it('replays valid group-buy groups whose orders match their members', () => {
    for (const doc of groups) {
      const g = groupFromDoc(doc);
      expect(g.paidCount).toBe(g.members.filter((m) => m.state === 'paid').length);
      expect(g.paidCount).toBeLessThanOrEqual(g.size);
      expect(g.outstanding).toBe(0);
      for (const m of g.members) {
        const o = orders.find((x) => x._id === m.orderId) as OrderDoc;
        expect(o.groupbuy?.groupId).toBe(g.id);
        expect(o.items[0].skuId).toBe(g.skuId);
        const expected = g.status === 'forming' ? 'grouping' : g.status === 'failed' ? 'refunded' : ['paid', 'shipped', 'completed'];
        expect(([] as string[]).concat(expected)).toContain(o.status);
      }
    }
    expect(groups.find((g) => g._id === DEMO_IDS.zhaoFormingGroup)).toMatchObject({ status: 'forming', paidCount: 2, size: 3 });
    expect(groups.find((g) => g._id === DEMO_IDS.linFormingGroup)).toMatchObject({ status: 'forming', paidCount: 1, size: 2 });
  });

  it('keeps group-buy and flash-sale stock documents whole', () => {
    for (const a of activities) {
      for (const k of a.skus) {
        const s = col<GroupbuyStockDoc>('groupbuy_stock').find((x) => x._id === `${a._id}:${k.skuId}`) as GroupbuyStockDoc;
        expect(s.stock + s.held).toBe(k.stock);
        expect(s.stock).toBeGreaterThanOrEqual(0);
      }
    }
    for (const q of col<GroupbuyQuotaDoc>('groupbuy_quota')) {
      expect(q.held).toBeLessThanOrEqual((activities.find((a) => a._id === q.activityId) as GroupbuyActivityDoc).perUserLimit);
    }
    for (const f of flashSales) {
      for (const item of f.items) {
        const s = col<FlashStockDoc>('flash_stock').find((x) => x._id === item.id) as FlashStockDoc;
        expect(s.stock + s.sold).toBe(item.stock);
        expect(s.stock).toBeGreaterThanOrEqual(0);
      }
    }
    for (const b of col<FlashBoughtDoc>('flash_bought')) expect(b.bought).toBeLessThanOrEqual(1);
    expect(col<FlashStockDoc>('flash_stock').some((s) => s.stock === 0)).toBe(true);
  });

  it('respects the unique indexes it declares', () => {
    for (const [name, specs] of Object.entries(SEED_INDEXES)) {
      for (const spec of specs.filter((s) => s.unique)) {
        const keys = (c[name] as Record<string, unknown>[]).map((d) => JSON.stringify(Object.keys(spec.keys).map((k) => k.split('.').reduce<unknown>((v, p) => (v as Record<string, unknown>)?.[p], d))));
        expect(new Set(keys).size).toBe(keys.length);
      }
    }
  });
});

describe('buildSeed: time', () => {
  it('is deterministic for a given now, and only the dates move with it', () => {
    expect(JSON.stringify(buildSeed({ now: NOW }))).toBe(JSON.stringify(seed));
    const later = buildSeed({ now: new Date(NOW.getTime() + 37 * 86_400_000 + 5 * 3_600_000) }).collections;
    // Day-keyed documents move with the calendar; birthday gifts are keyed by the year they were given.
    const sameIds = (list: string[]) => list.map((id) => id.replace(/^(birthday_gift:[^:]+):\d{4}$/, '$1')).sort();
    for (const name of COLLECTION_NAMES) {
      if (['events', 'checkins', 'points_ledger', 'user_tags', 'job_runs'].includes(name)) continue;
      expect(sameIds((later[name] as { _id: string }[]).map((d) => d._id))).toEqual(sameIds([...ids(name)]));
    }
  });

  // Every hour of a day, month and year ends, a leap day, a summer day: nothing may happen after `now`.
  const nows = [
    ...Array.from({ length: 24 }, (_, h) => new Date(Date.UTC(2026, 10, 21, h, 17))),
    new Date('2026-12-31T16:05:00Z'),
    new Date('2027-01-01T15:59:00Z'),
    new Date('2028-02-29T04:00:00Z'),
    new Date('2027-03-01T00:30:00Z'),
    new Date('2027-07-15T12:00:00Z'),
  ];
  it.each(nows.map((n) => [n.toISOString(), n]))('builds a consistent past at %s', (_, now) => {
    const s = buildSeed({ now: now as Date }).collections;
    const t = (now as Date).getTime();
    const past = (d: Date | null | undefined, what: string) => {
      if (d && d.getTime() > t) throw new Error(`${what} at ${d.toISOString()} is after now`);
    };
    for (const o of s.orders as OrderDoc[]) {
      for (const h of o.statusHistory) past(h.at, `${o._id} ${h.status}`);
      past(o.paidAt, `${o._id} paid`);
      past(o.completedAt, `${o._id} completed`);
    }
    for (const e of s.points_ledger as PointsLedgerDoc[]) past(e.createdAt, e.ref);
    for (const e of s.events as EventDoc[]) past(e.at, e._id);
    for (const x of s.checkins as CheckinDoc[]) past(x.createdAt, x._id);
    for (const x of s.user_coupons as UserCouponDoc[]) past(x.claimedAt, x._id);
    const lin = (s.users as UserDoc[]).find((u) => u._id === 'o_demo_lin') as UserDoc;
    expect(lin.tier).toBe('gold');
  });
});
