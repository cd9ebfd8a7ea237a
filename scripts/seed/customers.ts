import { groupToDoc, openGroup, pendingEffects, transition, type Group, type GroupEvent } from '../../src/domain/groupbuy/group-state';
import type { Birthday } from '../../src/domain/membership/birthday';
import { checkIn, type CheckinState } from '../../src/domain/membership/checkin-streak';
import { qualifyingTier, sumWindow } from '../../src/domain/membership/tier-evaluation';
import type { TierId } from '../../src/domain/tiers';
import type { Catalog } from './catalog';
import { HOUR, MINUTE, type SeedClock } from './clock';
import { fileId } from './file-ids';
import { isPaidOrder, OrderBook, writeLedger } from './order-book';
import { CROWD, type CrowdProfile } from './people-data';
import type { Promotions } from './promotions';
import { createRng, seedOf, type Rng } from './random';
import { SETTINGS } from './settings';
import { STAFF } from './stores';
import type {
  AddressDoc,
  AddressSnapshot,
  AuditLogDoc,
  CartDoc,
  CheckinDoc,
  GroupbuyGroupDoc,
  OrderDoc,
  PointsLedgerDoc,
  ReferralCodeDoc,
  ReferralDoc,
  RestockAlertDoc,
  StoreDoc,
  UserCouponDoc,
  UserDoc,
} from './types';

export function avatarFile(openid: string): string {
  return fileId(`avatars/${openid}.png`);
}

/** The 12-month totals and tier of a person's orders, by the membership rules. */
export function tierOf(orders: readonly OrderDoc[], now: Date): { spend12m: number; orders12m: number; tier: TierId } {
  const paid = orders.filter((o) => o.paidAt !== null).map((o) => ({ paidAt: o.paidAt as Date, amount: o.pricing.payable, refunded: o.status === 'refunded' }));
  const totals = sumWindow(paid, now);
  return { ...totals, tier: qualifyingTier(totals) };
}

export interface People {
  users: UserDoc[];
  orders: OrderDoc[];
  user_coupons: UserCouponDoc[];
  points_ledger: PointsLedgerDoc[];
  checkins: CheckinDoc[];
  addresses: AddressDoc[];
  carts: CartDoc[];
  groups: GroupbuyGroupDoc[];
  referral_codes: ReferralCodeDoc[];
  referrals: ReferralDoc[];
  restock_alerts: RestockAlertDoc[];
  audit: AuditLogDoc[];
}

interface Person {
  openid: string;
  nickName: string;
  gender: UserDoc['gender'];
  city: string;
  storeId: string;
  birthday: Birthday | null;
  createdAt: Date;
  lastLoginAt: Date;
  optOut: boolean;
  tags: string[];
  address: AddressSnapshot;
}

const STREETS: Record<string, { province: string; city: string; spots: [string, string][] }> = {
  上海: { province: '上海市', city: '上海市', spots: [['静安区', '愚园路'], ['徐汇区', '武康路'], ['长宁区', '安化路'], ['浦东新区', '东方路'], ['黄浦区', '复兴中路']] },
  杭州: { province: '浙江省', city: '杭州市', spots: [['西湖区', '文三路'], ['上城区', '庆春路'], ['余杭区', '文一西路'], ['拱墅区', '莫干山路']] },
  北京: { province: '北京市', city: '北京市', spots: [['朝阳区', '工体北路'], ['东城区', '东四北大街'], ['海淀区', '中关村大街'], ['西城区', '新街口外大街']] },
};

function addressFor(rng: Rng, name: string, city: string): AddressSnapshot {
  const c = STREETS[city];
  const [district, street] = rng.pick(c.spots);
  return {
    name,
    phone: `1${rng.pick(['38', '39', '58', '86', '77'])}${rng.digits(8)}`,
    province: c.province,
    city: c.city,
    district,
    detail: `${street}${rng.int(10, 999)}号${rng.int(1, 30)}栋${rng.int(101, 2806)}室`,
  };
}

/** Replays a group's events through the group-buy state machine and settles what it owes, as the server would have. */
function playGroup(open: Parameters<typeof openGroup>[0], openedAt: Date, events: [GroupEvent, Date][], now: Date): Group {
  let g = openGroup(open, openedAt.getTime()).group;
  for (const [event, at] of events) g = transition(g, event, at.getTime()).group;
  // The sweeper runs every minute: a deadline that has passed was acted on a minute after it.
  g = transition(g, { type: 'deadline' }, Math.min(now.getTime(), g.deadline + 60_000)).group;
  // Every effect done: refunds confirmed, orders fulfilled, stock released, people told.
  for (let owed = pendingEffects(g); owed.length; owed = pendingEffects(g)) {
    for (const e of owed) g = transition(g, e.type === 'refund' ? { type: 'refund_confirmed', orderId: e.orderId } : { type: 'effect_done', key: e.key }, g.closedAt ?? openedAt.getTime()).group;
  }
  return g;
}

export function buildPeople(clock: SeedClock, catalog: Catalog, promotions: Promotions, stores: StoreDoc[]): People {
  const rng = createRng(seedOf('people'));
  const book = new OrderBook(clock, rng, catalog, promotions.templates, stores);
  const skuIds = new Set(catalog.skus.map((s) => s._id));
  const productLaunch = new Map(catalog.products.map((p) => [p._id, p.launchAt.getTime()]));
  const people: Person[] = [];
  const checkins: CheckinDoc[] = [];

  const checkinRun = (openid: string, offsets: number[]): CheckinState => {
    let state: CheckinState = { lastDay: null, streak: 0 };
    for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
      const at = clock.dayAt(offset, 8 + (Math.abs(offset) % 12), (Math.abs(offset) * 7) % 60);
      const r = checkIn(state, at);
      state = { lastDay: r.day, streak: r.streak };
      checkins.push({ _id: `${openid}:${r.day}`, openid, day: r.day, streak: r.streak, points: r.points, bonusPoints: r.bonusPoints, createdAt: at });
      book.addLedger(openid, 'checkin', [openid, r.day], r.points, r.bonusPoints ? `连续签到${r.streak}天` : '', at);
    }
    return state;
  };
  const streaks = new Map<string, CheckinState>();

  // ── 林小姐: 金卡, Shanghai, the main demo consumer ─────────────────────────────────────────
  const monthDay = (offset: number): string => {
    const md = clock.day(offset).slice(5);
    return md === '02-29' ? '02-28' : md;
  };
  const linBirthday: Birthday = { monthDay: monthDay(5), year: 1994 };
  const linHome: AddressSnapshot = { name: '林小姐', phone: '13816881234', province: '上海市', city: '上海市', district: '静安区', detail: '愚园路168号环球世界大厦A座1206室' };
  const linOffice: AddressSnapshot = { name: '林小姐', phone: '13816881234', province: '上海市', city: '上海市', district: '黄浦区', detail: '淮海中路300号香港新世界大厦28楼' };
  people.push({ openid: 'o_demo_lin', nickName: '林小姐', gender: 'female', city: '上海', storeId: 's-sh-jingan', birthday: linBirthday, createdAt: clock.daysAgo(420), lastLoginAt: clock.hoursAgo(1), optOut: false, tags: ['面料控', '门店常客'], address: linHome });
  const lin = (id: string, tierId: TierId = 'gold') => ({ id, openid: 'o_demo_lin', tierId, address: linHome });

  book.issueCoupon('uc-lin-newcomer', 'o_demo_lin', 'tpl-newcomer', 'newcomer', clock.daysAgo(419));
  book.issueCoupon(`birthday_gift:o_demo_lin:${Number(clock.day(-360).slice(0, 4))}`, 'o_demo_lin', 'tpl-birthday-gold', 'birthday', clock.dayAt(-360, 0, 5));
  book.order({ ...lin('WS00000101', 'silver'), at: clock.dayAt(-330, 20, 12), items: [['p027-khaki-m', 1]], end: 'completed' });
  book.order({ ...lin('WS00000102', 'silver'), at: clock.dayAt(-262, 21, 5), items: [['p033-oat-m', 1], ['p023-black-m', 1]], end: 'completed', completedAfterDays: 3 });
  book.order({ ...lin('WS00000103'), at: clock.dayAt(-171, 13, 40), items: [['p030-oat-m', 1]], end: 'completed', pickupStoreId: 's-sh-jingan', address: undefined });
  book.order({ ...lin('WS00000104'), at: clock.dayAt(-96, 19, 22), items: [['p010-champagne-s', 1], ['p018-black-m', 1]], end: 'completed', address: linOffice });
  const linOnline1 = book.issueCoupon('uc-lin-online-1', 'o_demo_lin', 'tpl-online-299-30', 'claim', clock.dayAt(-45, 12, 30));
  book.order({ ...lin('WS00000105'), at: clock.dayAt(-41, 12, 3), items: [['p017-denim-27', 1], ['p002-white-m', 2]], end: 'completed', coupon: linOnline1, points: 1000 });
  book.order({ ...lin('WS00000106'), at: clock.dayAt(-19, 20, 30), items: [['p039-oat-m', 1]], end: 'completed', completedAfterDays: 4 });
  const linDenim = book.issueCoupon('uc-lin-denim', 'o_demo_lin', 'tpl-denim-30', 'claim', clock.dayAt(-27, 9, 15));
  book.order({ ...lin('WS00000111'), at: clock.dayAt(-25, 10, 15), items: [['p024-denim-m', 1], ['p028-denim-m', 1]], end: 'refunded', coupon: linDenim, refundReason: '尺码不合适' });
  book.order({ ...lin('WS00000110'), at: clock.dayAt(-10, 21, 0), items: [['p027-black-m', 1]], end: 'cancelled', points: 2000 });
  const linJingan1 = book.issueCoupon('uc-lin-jingan-1', 'o_demo_lin', 'tpl-store-jingan', 'claim', clock.dayAt(-9, 11, 0));
  book.redeemInStore(linJingan1, 'o_staff_jingan_1', clock.dayAt(-3, 15, 26));
  book.issueCoupon('uc-lin-points-10b', 'o_demo_lin', 'tpl-points-10', 'exchange', clock.dayAt(-12, 22, 40));
  const linPoints = book.issueCoupon('uc-lin-points-10', 'o_demo_lin', 'tpl-points-10', 'exchange', clock.dayAt(-8, 9, 5));
  book.order({ ...lin('WS00000112'), at: clock.dayAt(-6, 14, 0), items: [['p014-khaki-m', 1]], end: 'refund_requested', shippedAfterHours: 20, refundReason: '颜色与图片有差异', address: linOffice });
  book.issueCoupon('uc-lin-knit', 'o_demo_lin', 'tpl-knit-90', 'claim', clock.dayAt(-5, 20, 0));
  book.order({ ...lin('WS00000107'), at: clock.hoursAgo(40), items: [['p001-white-m', 1], ['p019-black-m', 1]], end: 'shipped', shippedAfterHours: 16 });
  book.issueCoupon('uc-lin-jingan-2', 'o_demo_lin', 'tpl-store-jingan', 'claim', clock.hoursAgo(20));
  book.issueCoupon('uc-lin-njxl', 'o_demo_lin', 'tpl-store-njxl', 'claim', clock.hoursAgo(19));
  book.order({ ...lin('WS00000113'), at: clock.hoursAgo(3.2), items: [['p001-haze-s', 1]], end: 'grouping', type: 'groupbuy', unitPrice: 5900, groupbuy: { activityId: 'gb-icesilk-tee', groupId: 'g-lin-tee', role: 'leader' } });
  book.order({ ...lin('WS00000108'), at: clock.hoursAgo(3), items: [['p013-black-s', 1], ['p035-white-m', 1]], end: 'paid', pickupStoreId: 's-sh-jingan', address: undefined, remark: '下班后18:30来取' });
  book.order({ ...lin('WS00000109'), at: clock.minutesAgo(4), items: [['p029-mint-m', 1], ['p038-black-m', 1]], end: 'pending_payment', coupon: linPoints });
  streaks.set('o_demo_lin', checkinRun('o_demo_lin', [-20, -19, -16, -13, -12, -6, -5, -4, -3, -2, -1]));

  // ── 赵小雨: 黑钻, Hangzhou, birthday today, the referral KOC ─────────────────────────────
  const zhaoHome = { name: '赵小雨', phone: '13957101234', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路259号昌地火炬大厦1号楼1502室' };
  const today = clock.today;
  people.push({ openid: 'o_demo_zhao', nickName: '赵小雨', gender: 'female', city: '杭州', storeId: 's-hz-hubin', birthday: { monthDay: today.slice(5) }, createdAt: clock.daysAgo(610), lastLoginAt: clock.hoursAgo(5), optOut: false, tags: ['穿搭博主', '品牌大使'], address: zhaoHome });
  const zhaoBaskets: [string, number][][] = [
    [['p030-caramel-m', 1]],
    [['p027-black-m', 1], ['p008-white-m', 1]],
    [['p032-black-m', 1], ['p018-black-m', 1]],
    [['p010-black-s', 1], ['p025-champagne-s', 1]],
    [['p031-black-m', 1], ['p030-black-s', 1]],
    [['p033-navy-m', 1], ['p034-wine-m', 1]],
    [['p014-navy-m', 1]],
    [['p007-white-m', 1], ['p022-khaki-m', 1]],
    [['p017-black-27', 1], ['p003-cream-m', 1], ['p027-oat-m', 1]],
    [['p009-caramel-m', 1], ['p020-olive-m', 1]],
    [['p013-champagne-s', 1]],
    [['p042-orange-m', 1]],
    [['p026-black-m', 1], ['p004-white-s', 1]],
  ];
  const zhaoDays = [-352, -318, -290, -251, -212, -180, -149, -118, -90, -61, -3, -4, -33];
  zhaoBaskets.forEach((items, i) => {
    const offset = zhaoDays[i];
    const at = offset >= -4 ? clock.hoursAgo(-offset * 24 - 5) : clock.dayAt(offset, 10 + (i % 11), (i * 13) % 60);
    const end = offset >= -4 ? 'shipped' : 'completed';
    book.order({ id: `WS000002${String(i + 1).padStart(2, '0')}`, openid: 'o_demo_zhao', tierId: i < 4 ? 'gold' : 'diamond', at, items, end, address: zhaoHome, pickupStoreId: i % 4 === 1 ? 's-hz-hubin' : undefined });
  });
  book.order({ id: 'WS00000214', openid: 'o_demo_zhao', tierId: 'diamond', at: clock.hoursAgo(18), items: [['p017-ltdenim-26', 1]], end: 'grouping', type: 'groupbuy', unitPrice: 16900, address: zhaoHome, groupbuy: { activityId: 'gb-denim', groupId: 'g-zhao-denim', role: 'leader' } });
  book.issueCoupon('uc-zhao-hubin', 'o_demo_zhao', 'tpl-store-hubin', 'claim', clock.daysAgo(2));
  book.issueCoupon('uc-zhao-hz-both', 'o_demo_zhao', 'tpl-hz-both', 'claim', clock.daysAgo(6));
  streaks.set('o_demo_zhao', checkinRun('o_demo_zhao', [-9, -8, -2, -1]));

  // ── 王先生: 银卡 from orders long ago, gone quiet: the win-back segment ────────────────────
  const wangHome = { name: '王先生', phone: '13901101234', province: '北京市', city: '北京市', district: '朝阳区', detail: '工体北路8号院三里屯SOHO 5号楼1203' };
  people.push({ openid: 'o_demo_wang', nickName: '王先生', gender: 'male', city: '北京', storeId: 's-bj-sanlitun', birthday: { monthDay: monthDay(-120), year: 1987 }, createdAt: clock.daysAgo(700), lastLoginAt: clock.daysAgo(150), optOut: false, tags: [], address: wangHome });
  book.order({ id: 'WS00000301', openid: 'o_demo_wang', tierId: 'normal', at: clock.dayAt(-335, 19, 48), items: [['p030-black-m', 1]], end: 'completed', address: wangHome });
  book.order({ id: 'WS00000302', openid: 'o_demo_wang', tierId: 'silver', at: clock.dayAt(-201, 12, 10), items: [['p002-black-l', 1], ['p018-grey-l', 1]], end: 'completed', pickupStoreId: 's-bj-sanlitun' });
  book.issueCoupon(`birthday_gift:o_demo_wang:${Number(clock.day(-120).slice(0, 4))}`, 'o_demo_wang', 'tpl-birthday-silver', 'birthday', clock.dayAt(-120, 0, 5));
  streaks.set('o_demo_wang', { streak: 0, lastDay: null });

  // ── The crowd ─────────────────────────────────────────────────────────────────────────────
  const recentCatalog = catalog.skus.filter((s) => s.stock > 0);
  let seq = 10001;
  const nextId = () => `WS000${seq++}`;
  const pickBasket = (r: Rng, at: Date): [string, number][] => {
    const n = r.chance(0.35) ? 2 : 1;
    const basket: [string, number][] = [];
    while (basket.length < n) {
      const sku = r.pick(recentCatalog);
      if ((productLaunch.get(sku.productId) ?? Infinity) > at.getTime() || basket.some(([id]) => id === sku._id)) continue;
      basket.push([sku._id, r.chance(0.1) ? 2 : 1]);
    }
    return basket;
  };
  const crowdOrders = new Map<string, OrderDoc[]>();
  for (const p of CROWD) {
    const r = createRng(seedOf(p.openid));
    const address = addressFor(r, p.nickName, p.city);
    const offsets: number[] =
      p.kind === 'regular'
        ? Array.from({ length: r.int(5, 9) }, () => -r.int(2, 360))
        : p.kind === 'occasional'
          ? Array.from({ length: r.int(1, 3) }, () => -r.int(2, 200))
          : p.kind === 'lapsed'
            ? Array.from({ length: r.int(1, 3) }, () => -r.int(150, 360))
            : p.openid === 'o_u15' || p.openid === 'o_u19'
              ? [-r.int(9, 14)]
              : [];
    if (p.kind === 'regular') offsets.push(-r.int(1, 25));
    offsets.sort((a, b) => a - b);
    const first = offsets.length ? offsets[0] : -r.int(3, 20);
    const createdAt = clock.dayAt(first - r.int(2, 25), r.int(9, 22), r.int(0, 59));
    people.push({ openid: p.openid, nickName: p.nickName, gender: p.gender, city: p.city, storeId: p.storeId, birthday: r.chance(0.7) ? { monthDay: `${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` } : null, createdAt, lastLoginAt: p.kind === 'lapsed' ? clock.daysAgo(r.int(120, 200)) : clock.hoursAgo(r.int(1, 72)), optOut: !!p.optOut, tags: p.openid === 'o_u11' ? ['不打扰'] : [], address });
    const tierGuess: TierId = p.kind === 'regular' ? 'silver' : 'normal';
    const list: OrderDoc[] = [];
    for (const offset of offsets) {
      const at = clock.dayAt(offset, r.int(9, 23), r.int(0, 59));
      // Whole days ago, not hours: the story of an order must not depend on the hour of `now`.
      const days = -offset;
      const pickup = r.chance(0.25);
      let end: OrderDoc['status'] = 'completed';
      if (p.openid === 'o_u15') end = 'refunded';
      else if (days > 12) end = r.chance(0.06) ? 'refunded' : r.chance(0.05) ? 'cancelled' : 'completed';
      else if (days >= 4) end = pickup ? 'completed' : 'shipped';
      else if (days >= 2) end = pickup ? 'paid' : 'shipped';
      else end = 'paid';
      list.push(book.order({ id: nextId(), openid: p.openid, tierId: tierGuess, at, items: pickBasket(r, at), end, address, pickupStoreId: pickup ? p.storeId : undefined, shippedAfterHours: r.int(10, 20), refundReason: '尺码偏大' }));
    }
    crowdOrders.set(p.openid, list);
    const checkinDays = p.kind === 'lapsed' ? [] : Array.from(new Set(Array.from({ length: r.int(0, 6) }, () => -r.int(1, 14))));
    streaks.set(p.openid, checkinRun(p.openid, checkinDays));
  }
  const crowd = new Map<string, CrowdProfile>(CROWD.map((c) => [c.openid, c]));
  const person = new Map(people.map((p) => [p.openid, p]));

  // ── Group buys: each group replayed through the group-buy state machine ─────────────────
  const groups: GroupbuyGroupDoc[] = [];
  const activity = new Map(promotions.groupbuys.map((g) => [g._id, g]));
  const order = (id: string) => book.orders.find((o) => o._id === id) as OrderDoc;
  const groupOf = (groupId: string, activityId: string, leader: OrderDoc, members: OrderDoc[]): Group => {
    const a = activity.get(activityId);
    if (!a) throw new Error(`seed: unknown group-buy activity ${activityId}`);
    const events: [GroupEvent, Date][] = [[{ type: 'payment', orderId: leader._id, openid: leader.openid, amount: leader.pricing.payable }, leader.paidAt as Date]];
    for (const m of members) {
      events.push([{ type: 'join', openid: m.openid, orderId: m._id, quantity: m.itemCount, amount: m.pricing.payable }, m.createdAt]);
      if (m.paidAt) events.push([{ type: 'payment', orderId: m._id, openid: m.openid, amount: m.pricing.payable }, m.paidAt]);
    }
    const g = playGroup(
      { groupId, activityId, skuId: leader.items[0].skuId, size: a.groupSize, timeLimitMinutes: a.timeLimitMinutes, activityEndsAt: a.endsAt, leader: { openid: leader.openid, orderId: leader._id, quantity: leader.itemCount, amount: leader.pricing.payable } },
      leader.createdAt,
      events,
      clock.now,
    );
    groups.push(groupToDoc(g));
    return g;
  };
  groupOf('g-lin-tee', 'gb-icesilk-tee', order('WS00000113'), []);
  const u04Order = book.order({ id: nextId(), openid: 'o_u04', tierId: 'normal', at: clock.hoursAgo(5), items: [['p017-ltdenim-26', 1]], end: 'grouping', type: 'groupbuy', unitPrice: 16900, address: person.get('o_u04')?.address, groupbuy: { activityId: 'gb-denim', groupId: 'g-zhao-denim', role: 'member' } });
  groupOf('g-zhao-denim', 'gb-denim', order('WS00000214'), [u04Order]);
  const toteOrders = ['o_u06', 'o_u08', 'o_u10', 'o_u11', 'o_u13'].map((openid, i) =>
    book.order({ id: nextId(), openid, tierId: 'normal', at: clock.hoursAgo(40 - i * 3), items: [['p044-ivory-m', 1]], end: i < 2 ? 'shipped' : 'paid', shippedAfterHours: 14, type: 'groupbuy', unitPrice: 4900, address: person.get(openid)?.address, groupbuy: { activityId: 'gb-tote', groupId: 'g-tote-ok', role: i === 0 ? 'leader' : 'member' } }),
  );
  groupOf('g-tote-ok', 'gb-tote', toteOrders[0], toteOrders.slice(1));
  // Opened 100 hours ago with 48 hours to fill, one friend joined, nobody else: failed and refunded.
  const failStart = clock.hoursAgo(100);
  const failedAt = new Date(failStart.getTime() + 48 * HOUR + 10 * MINUTE);
  const failOrders = ['o_u14', 'o_u16'].map((openid, i) =>
    book.order({ id: nextId(), openid, tierId: 'normal', at: new Date(failStart.getTime() + i * 7 * HOUR), items: [['p017-denim-29', 1]], end: 'refunded', refundedAt: new Date(failedAt.getTime() + (i + 1) * MINUTE), type: 'groupbuy', unitPrice: 16900, address: person.get(openid)?.address, groupbuy: { activityId: 'gb-denim', groupId: 'g-denim-failed', role: i === 0 ? 'leader' : 'member' } }),
  );
  groupOf('g-denim-failed', 'gb-denim', failOrders[0], failOrders.slice(1));

  // ── Flash sale buyers in the sale running now ─────────────────────────────────────────────
  for (const [openid, skuId, minutes] of [['o_u01', 'p039-black-m', 50], ['o_u22', 'p018-oat-m', 35], ['o_demo_zhao', 'p033-oat-m', 20]] as const) {
    const sale = promotions.flashSales.find((f) => f._id === 'fs-now');
    const item = sale?.items.find((i) => i.skuId === skuId);
    if (!sale || !item) throw new Error(`seed: ${skuId} is not in fs-now`);
    book.order({ id: nextId(), openid, tierId: 'normal', at: clock.minutesAgo(minutes), items: [[skuId, 1]], end: 'paid', type: 'flash', unitPrice: item.salePrice, flashSale: { saleId: sale._id, saleItemId: item.id }, address: person.get(openid)?.address });
  }

  // ── Crowd coupons: claimed, some used in store, the odd one expired ───────────────────────
  let ucSeq = 1;
  for (const p of CROWD) {
    const r = createRng(seedOf(`${p.openid}:coupons`));
    const storeTpl = promotions.templates.find((t) => t.kind === 'store' && t.channel === 'store' && t.storeIds?.includes(p.storeId));
    if (storeTpl && r.chance(0.6)) {
      const c = book.issueCoupon(`uc-${String(ucSeq++).padStart(4, '0')}`, p.openid, storeTpl._id, 'claim', clock.hoursAgo(r.int(30, 400)));
      const staff = STAFF.filter((s) => storeTpl.storeIds?.includes(s.storeId)).map((s) => s.openid);
      if (r.chance(0.5) && staff.length) book.redeemInStore(c, r.pick(staff), new Date(c.claimedAt.getTime() + r.int(2, 26) * HOUR));
    }
    if (r.chance(0.4)) book.issueCoupon(`uc-${String(ucSeq++).padStart(4, '0')}`, p.openid, 'tpl-online-299-30', 'claim', clock.hoursAgo(r.int(10, 900)));
  }

  // ── Referrals: the invitee's user doc was created by the poster scan ─────────────────────
  const referralCodes: ReferralCodeDoc[] = [
    { _id: 'LINQ8K2P', openid: 'o_demo_lin', target: { type: 'product', id: 'p001' }, scene: 'r=LINQ8K2P', scans: 17, createdAt: clock.daysAgo(60) },
    { _id: 'LINC0L5S', openid: 'o_demo_lin', target: { type: 'collection', id: 'col-summer-cool' }, scene: 'r=LINC0L5S', scans: 6, createdAt: clock.daysAgo(1) },
    { _id: 'ZHX7M3PA', openid: 'o_demo_zhao', target: { type: 'home', id: null }, scene: 'r=ZHX7M3PA', scans: 58, createdAt: clock.daysAgo(200) },
    { _id: 'ZHG4T9DN', openid: 'o_demo_zhao', target: { type: 'groupbuy', id: 'g-zhao-denim' }, scene: 'r=ZHG4T9DN', scans: 3, createdAt: clock.hoursAgo(17) },
  ];
  const codeOf: Record<string, string> = { o_demo_lin: 'LINQ8K2P', o_demo_zhao: 'ZHX7M3PA' };
  const referrals: ReferralDoc[] = [];
  const referrerOf = new Map<string, UserDoc['referrer']>();
  const milestoneCounts = new Map<string, number>();
  const invitees = CROWD.filter((c) => c.referrer)
    .map((c) => ({ c, first: (crowdOrders.get(c.openid) ?? []).filter((o) => o.paidAt)[0] ?? null }))
    .sort((a, b) => (a.first?.paidAt?.getTime() ?? Infinity) - (b.first?.paidAt?.getTime() ?? Infinity));
  for (const { c, first } of invitees) {
    const referrer = c.referrer as string;
    const invitee = person.get(c.openid) as Person;
    const boundAt = new Date(invitee.createdAt.getTime() + MINUTE);
    // As the referral function decides: the first paid order qualifies the invitee; a refund of it
    // (inside the after-sales window, as every seeded refund is) voids them.
    const qualified = first && first.status !== 'refunded' ? first : null;
    const doc: ReferralDoc = {
      _id: c.openid,
      invitee: c.openid,
      referrer,
      code: codeOf[referrer],
      status: qualified ? 'qualified' : first?.status === 'refunded' ? 'void' : 'bound',
      boundAt,
      firstOrderId: first?._id ?? null,
      qualifiedAt: qualified?.paidAt ?? null,
      rewardPoints: qualified ? SETTINGS.referral.inviteeOrderPoints : 0,
    };
    referrals.push(doc);
    referrerOf.set(c.openid, { openid: referrer, code: codeOf[referrer], boundAt });
    if (qualified && doc.qualifiedAt) {
      book.addLedger(referrer, 'referral', c.openid, SETTINGS.referral.inviteeOrderPoints, invitee.nickName, doc.qualifiedAt);
      const n = (milestoneCounts.get(referrer) ?? 0) + 1;
      milestoneCounts.set(referrer, n);
      if (n % SETTINGS.referral.milestoneInvites === 0) {
        book.issueCoupon(`uc-referral-${referrer}-${n / SETTINGS.referral.milestoneInvites}`, referrer, SETTINGS.referral.milestoneTemplateId, 'referral', doc.qualifiedAt);
      }
    }
  }

  // ── Points: the drafts written as the ledger would have (running balances, unique refs) ────
  const { entries: ledger, balances } = writeLedger(book.ledger);

  // ── Users, with every cached field computed from the documents above ──────────────────────
  const users: UserDoc[] = people.map((p) => {
    const orders = book.orders.filter((o) => o.openid === p.openid);
    const paid = orders.filter(isPaidOrder).sort((a, b) => (a.paidAt as Date).getTime() - (b.paidAt as Date).getTime());
    // As the nightly tier job left it yesterday: the orders paid since count from the next run.
    const { spend12m, orders12m, tier } = tierOf(orders, clock.now);
    const consented = p.createdAt;
    return {
      _id: p.openid,
      openid: p.openid,
      nickName: p.nickName,
      avatarUrl: avatarFile(p.openid),
      gender: p.gender,
      birthday: p.birthday,
      birthdayChangedAt: null,
      city: p.city,
      tier,
      tierChangedAt: paid.length ? (paid[Math.min(paid.length - 1, 1)].paidAt as Date) : p.createdAt,
      spend12m,
      orders12m,
      // The nightly tier job last ran yesterday at 03:00 (job_runs); today's run is left for the demo.
      tierEvaluatedAt: clock.dayAt(-1, 3, 0),
      points: balances.get(p.openid) ?? 0,
      checkin: streaks.get(p.openid) ?? { lastDay: null, streak: 0 },
      referrer: referrerOf.get(p.openid) ?? null,
      paidOrderCount: paid.length,
      firstPaidAt: paid[0]?.paidAt ?? null,
      lastPaidAt: paid[paid.length - 1]?.paidAt ?? null,
      tags: p.tags,
      consent: { privacyVersion: SETTINGS.brand.privacyVersion, acceptedAt: consented, location: crowd.get(p.openid)?.kind === 'lapsed' ? 'denied' : 'granted' },
      marketingOptOut: p.optOut,
      marketingOptOutAt: p.optOut ? clock.daysAgo(40) : null,
      nearestStoreId: p.storeId,
      status: 'active',
      createdAt: p.createdAt,
      lastLoginAt: p.lastLoginAt,
    };
  });

  const addresses: AddressDoc[] = people.map((p, i) => ({
    _id: `addr-${String(i + 1).padStart(3, '0')}`,
    openid: p.openid,
    ...p.address,
    label: '家',
    isDefault: true,
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
  }));
  addresses.push({ _id: 'addr-lin-office', openid: 'o_demo_lin', ...linOffice, label: '公司', isDefault: false, createdAt: clock.daysAgo(120), updatedAt: clock.daysAgo(120) });

  const cartItem = (skuId: string, quantity: number, hoursAgo: number, selected = true) => {
    if (!skuIds.has(skuId)) throw new Error(`seed: cart names unknown sku ${skuId}`);
    return { skuId, productId: skuId.split('-')[0], quantity, selected, addedAt: clock.hoursAgo(hoursAgo) };
  };
  const carts: CartDoc[] = [
    { _id: 'o_demo_lin', openid: 'o_demo_lin', items: [cartItem('p001-haze-m', 2, 26), cartItem('p044-ivory-m', 1, 50, false), cartItem('p025-champagne-s', 1, 6)], version: 7, updatedAt: clock.hoursAgo(6) },
    { _id: 'o_demo_zhao', openid: 'o_demo_zhao', items: [cartItem('p041-black-s', 1, 30)], version: 2, updatedAt: clock.hoursAgo(30) },
    { _id: 'o_u12', openid: 'o_u12', items: [cartItem('p012-haze-s', 1, 20), cartItem('p046-white-m', 1, 20)], version: 2, updatedAt: clock.hoursAgo(20) },
  ];

  const restock_alerts: RestockAlertDoc[] = [
    { _id: 'o_demo_lin:p011-mint-m', openid: 'o_demo_lin', productId: 'p011', skuId: 'p011-mint-m', status: 'waiting', createdAt: clock.daysAgo(4), notifiedAt: null },
    { _id: 'o_u07:p011-mint-s', openid: 'o_u07', productId: 'p011', skuId: 'p011-mint-s', status: 'waiting', createdAt: clock.daysAgo(2), notifiedAt: null },
    { _id: 'o_u22:p001-haze-l', openid: 'o_u22', productId: 'p001', skuId: 'p001-haze-l', status: 'waiting', createdAt: clock.hoursAgo(30), notifiedAt: null },
    { _id: 'o_u04:p027-khaki-m', openid: 'o_u04', productId: 'p027', skuId: 'p027-khaki-m', status: 'notified', createdAt: clock.daysAgo(15), notifiedAt: clock.daysAgo(9) },
  ];

  return {
    users,
    orders: book.orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    user_coupons: book.coupons,
    points_ledger: ledger,
    checkins,
    addresses,
    carts,
    groups,
    referral_codes: referralCodes,
    referrals,
    restock_alerts,
    audit: book.audit,
  };
}

