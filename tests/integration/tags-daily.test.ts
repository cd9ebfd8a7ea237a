/**
 * The tag engine through the local CloudBase: the daily job computes lifecycle tags at each
 * threshold's boundary (just below / at / above), RFM segments, interests, KOC from qualified
 * invites, city and nearest store; a second run the same day does nothing; a run cut short resumes
 * where it stopped; a paid or refunded order recomputes the buyer; manual tags need a manager.
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

type Reply<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string; message: string };
interface TagsDoc {
  openid: string;
  tags: string[];
  lifecycleTags: string[];
  manualTags: string[];
  interests: string[];
  tier: string;
  city: string | null;
  storeId: string | null;
  segment: string | null;
  rfm: { r: number; f: number; m: number } | null;
  marketingOptOut: boolean;
  computedAt: number;
}

jest.setTimeout(120_000);

let cloud: LocalCloud;
const DAY = 86_400_000;
const MINUTE = 60_000;
const START = Date.now();
const ago = (days: number, minutes = 0) => new Date(START - days * DAY - minutes * MINUTE);

const user = (id: string, extra: Record<string, unknown> = {}) => ({
  _id: id,
  openid: id,
  nickName: `用户${id}`,
  tier: 'normal',
  points: 0,
  city: null,
  nearestStoreId: null,
  tags: [],
  marketingOptOut: false,
  status: 'active',
  ...extra,
});

let eventNo = 0;
function events(openid: string, type: string, count: number, payload: Record<string, unknown> = {}, daysAgo = 0) {
  return Array.from({ length: count }, (_, i) => ({ _id: `${openid}:seed-${(eventNo += 1)}`, openid, type, at: ago(daysAgo, i + 1), payload, receivedAt: ago(daysAgo) }));
}

let orderNo = 0;
function order(openid: string, paidAt: Date, amount: number, extra: Record<string, unknown> = {}) {
  orderNo += 1;
  return {
    _id: `T${orderNo}`,
    openid,
    status: 'completed',
    paidAt,
    payment: { outTradeNo: `OT${orderNo}`, amount, paidAt },
    pricing: { payable: amount },
    refund: null,
    items: [{ productId: 'p_plain', skuId: 'sku', quantity: 1 }],
    delivery: { method: 'express' },
    ...extra,
  };
}

const referral = (invitee: string, referrer: string, status: string) => ({ _id: invitee, invitee, referrer, code: 'C', status, boundAt: ago(20) });

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () => ({
      managers: [{ _id: 'o_manager', openid: 'o_manager', active: true }],
      stores: [
        { _id: 's_hz', name: '杭州湖滨店', city: '杭州' },
        { _id: 's_sh', name: '上海静安店', city: '上海' },
      ],
      products: [
        { _id: 'p_commute', styleTags: ['通勤', '极简'] },
        { _id: 'p_retro', styleTags: ['复古'] },
        { _id: 'p_sport', styleTags: ['运动'] },
        { _id: 'p_plain', styleTags: [] },
      ],
      users: [
        user('o_v10'),
        user('o_v11', { city: '北京', tags: ['穿搭博主'], tier: 'gold' }),
        user('o_p20'),
        user('o_p19'),
        user('o_old_views'),
        user('o_h13'),
        user('o_h14'),
        user('o_h13_refunded'),
        user('o_lost'),
        user('o_koc2'),
        user('o_koc3'),
        user('o_style'),
        user('o_store', { nearestStoreId: 's_hz' }),
        user('o_pickup'),
        user('o_quit', { marketingOptOut: true }),
        user('o_gone', { status: 'deleted' }),
      ],
      events: [
        ...events('o_v10', 'page_view', 10, { path: 'pages/home/index' }),
        ...events('o_v11', 'page_view', 6, { path: 'pages/home/index' }),
        ...events('o_v11', 'product_view', 5, { productId: 'p_plain' }),
        ...events('o_p20', 'page_view', 20, { path: 'pages/home/index' }),
        ...events('o_p20', 'share', 1, { path: 'pages/home/index', channel: 'chat' }),
        ...events('o_p19', 'page_view', 19, { path: 'pages/home/index' }),
        ...events('o_p19', 'add_to_cart', 1, { productId: 'p_plain', skuId: 'sku', quantity: 1 }),
        // Views from before the 30-day window do not count.
        ...events('o_old_views', 'page_view', 15, { path: 'pages/home/index' }, 31),
        ...events('o_style', 'product_view', 2, { productId: 'p_commute' }, 1),
        ...events('o_style', 'product_view', 3, { productId: 'p_sport' }, 200),
      ],
      orders: [
        // 3 purchase days (two orders on one of them), one 70 days after the previous: 1 of 3 = 33% > 30%.
        order('o_h13', ago(200), 60000),
        order('o_h13', ago(100), 60000),
        order('o_h13', ago(30), 60000),
        order('o_h13', ago(30, 5), 60000),
        // 4 purchase days, one repurchase: 25%, not above 30%.
        order('o_h14', ago(330), 10000),
        order('o_h14', ago(230), 10000),
        order('o_h14', ago(130), 10000),
        order('o_h14', ago(60), 10000),
        // As o_h13, but the last day's only order was refunded in full: 0 of 2.
        order('o_h13_refunded', ago(200), 60000),
        order('o_h13_refunded', ago(100), 60000),
        order('o_h13_refunded', ago(30), 60000, { status: 'refunded', refund: { status: 'refunded', amount: 60000 } }),
        order('o_lost', ago(300), 10000),
        order('o_style', ago(2), 20000, { items: [{ productId: 'p_retro', skuId: 'a', quantity: 1 }, { productId: 'p_retro', skuId: 'b', quantity: 3 }] }),
        order('o_pickup', ago(3), 20000, { delivery: { method: 'pickup', storeId: 's_sh' } }),
        // Never paid: no purchase.
        { ...order('o_lost', ago(1), 99999, { status: 'cancelled' }), paidAt: null },
      ],
      referrals: [
        referral('i1', 'o_koc2', 'qualified'),
        referral('i2', 'o_koc2', 'qualified'),
        referral('i3', 'o_koc2', 'bound'),
        referral('i4', 'o_koc3', 'qualified'),
        referral('i5', 'o_koc3', 'qualified'),
        referral('i6', 'o_koc3', 'qualified'),
      ],
    }),
  });
});
afterAll(() => cloud.close());

async function fireDaily() {
  const res = await cloud.post('/api/_emulator/timers/tags?trigger=tagsDaily', {});
  expect(res.status).toBe(200);
  return (res.body as { result: Reply<{ day: string; done?: boolean; skipped?: boolean; users?: number }> }).result;
}
const tagsOf = (openid: string) => cloud.emulator.db.find('user_tags', { _id: openid })[0] as unknown as TagsDoc | undefined;
const manager = <T>(data: Record<string, unknown>, openid = 'o_manager') => cloud.call<Reply<T>>('tags', data, openid);

describe('the daily job', () => {
  let first: Awaited<ReturnType<typeof fireDaily>>;
  beforeAll(async () => {
    first = await fireDaily();
  });

  it('recomputes every active user once and records the run for the Shanghai day', () => {
    expect(first).toMatchObject({ ok: true, data: { done: true, users: 15 } });
    expect(tagsOf('o_gone')).toBeUndefined();
    const day = first.ok ? first.data.day : '';
    expect(cloud.emulator.db.find('job_runs', { _id: `tags-daily:${day}` })[0]).toMatchObject({ job: 'tags-daily', day, status: 'done' });
  });

  it('基础用户 needs more than 10 views in the last 30 days', () => {
    expect(tagsOf('o_v10')!.lifecycleTags).toEqual([]);
    expect(tagsOf('o_v11')!.lifecycleTags).toEqual(['基础用户']);
    expect(tagsOf('o_old_views')!.lifecycleTags).toEqual([]);
  });

  it('潜力用户 needs an interaction rate above 5%', () => {
    expect(tagsOf('o_p20')!.lifecycleTags).toEqual(['基础用户']);
    expect(tagsOf('o_p19')!.lifecycleTags).toEqual(['基础用户', '潜力用户']);
  });

  it('高价值用户 needs a repurchase rate above 30%, counting days not orders and leaving out refunded orders', () => {
    expect(tagsOf('o_h13')!.lifecycleTags).toEqual(['高价值用户']);
    expect(tagsOf('o_h14')!.lifecycleTags).toEqual([]);
    expect(tagsOf('o_h13_refunded')!.lifecycleTags).toEqual([]);
  });

  it('KOC needs at least 3 qualified invites', () => {
    expect(tagsOf('o_koc2')!.lifecycleTags).toEqual([]);
    expect(tagsOf('o_koc3')!.lifecycleTags).toEqual(['KOC']);
  });

  it('RFM scores and segments from paid orders; no orders, no segment', () => {
    expect(tagsOf('o_h13')).toMatchObject({ rfm: { r: 5, f: 3, m: 3 }, segment: '高价值客户' });
    expect(tagsOf('o_h14')).toMatchObject({ rfm: { r: 4, f: 3, m: 1 }, segment: '重点发展' });
    expect(tagsOf('o_lost')).toMatchObject({ rfm: { r: 1, f: 1, m: 1 }, segment: '流失客户' });
    expect(tagsOf('o_v10')).toMatchObject({ rfm: null, segment: null });
  });

  it('interests come from the style tags of products viewed and bought; signals 180 days old are ignored', () => {
    expect(tagsOf('o_style')!.interests).toEqual(['复古', '极简', '通勤']);
  });

  it('carries tier, city, nearest store, manual tags and the opt-out', () => {
    expect(tagsOf('o_v11')).toMatchObject({ tier: 'gold', city: '北京', manualTags: ['穿搭博主'], tags: ['基础用户', '穿搭博主'] });
    expect(tagsOf('o_store')).toMatchObject({ storeId: 's_hz', city: '杭州' });
    expect(tagsOf('o_pickup')).toMatchObject({ storeId: 's_sh', city: '上海' });
    expect(tagsOf('o_v10')).toMatchObject({ storeId: null, city: null, tier: 'normal', marketingOptOut: false });
    expect(tagsOf('o_quit')).toMatchObject({ marketingOptOut: true });
  });

  it('does nothing when run again the same day', async () => {
    const before = tagsOf('o_v10')!.computedAt;
    cloud.emulator.db.insert('events', events('o_v10', 'page_view', 5, { path: 'pages/home/index' }));
    expect(await fireDaily()).toMatchObject({ ok: true, data: { skipped: true } });
    expect(tagsOf('o_v10')).toMatchObject({ computedAt: before, lifecycleTags: [] });
  });
});

describe('order events', () => {
  it('a paid order recomputes the buyer at once, and a repeated delivery changes nothing', async () => {
    cloud.emulator.db.insert('orders', [order('o_v10', ago(0, 1), 30000)]);
    const at = new Date(cloud.emulator.clock.now());
    const outboxEvent = (type: string) => ({ _id: `TX:${type}`, type, orderId: 'TX', openid: 'o_v10', at, payload: {}, pending: ['tags'], delivered: [], done: false, attempts: 0, createdAt: at });
    cloud.emulator.db.insert('order_events', [outboxEvent('paid')]);
    const dispatch = await cloud.post('/api/_emulator/timers/orders?trigger=dispatchEvents', {});
    expect(dispatch.status).toBe(200);
    expect(cloud.emulator.db.find('order_events', { _id: 'TX:paid' })[0]).toMatchObject({ done: true, delivered: ['tags'] });
    // 15 views now, and a first purchase.
    expect(tagsOf('o_v10')).toMatchObject({ lifecycleTags: ['基础用户'], segment: '重点发展', rfm: { r: 5, f: 1, m: 1 } });
    const once = tagsOf('o_v10');

    cloud.emulator.db.update('order_events', { _id: 'TX:paid' }, { $set: { pending: ['tags'], done: false } });
    await cloud.post('/api/_emulator/timers/orders?trigger=dispatchEvents', {});
    expect({ ...tagsOf('o_v10'), computedAt: 0 }).toEqual({ ...once, computedAt: 0 });
  });

  it("a paid first order that qualifies an invite recomputes the referrer's KOC tag too", async () => {
    expect(tagsOf('o_koc2')!.lifecycleTags).toEqual([]);
    // What the referral subscriber (called before tags) did with the invitee's first paid order.
    cloud.emulator.db.update('referrals', { _id: 'i3' }, { $set: { status: 'qualified' } });
    cloud.emulator.db.insert('users', [user('i3', { referrer: { openid: 'o_koc2', code: 'C', boundAt: ago(20) } })]);
    cloud.emulator.db.insert('orders', [order('i3', ago(0, 2), 9900)]);
    const at = new Date(cloud.emulator.clock.now());
    cloud.emulator.db.insert('order_events', [{ _id: 'TI3:paid', type: 'paid', orderId: 'TI3', openid: 'i3', at, payload: {}, pending: ['tags'], delivered: [], done: false, attempts: 0, createdAt: at }]);
    await cloud.post('/api/_emulator/timers/orders?trigger=dispatchEvents', {});
    expect(tagsOf('o_koc2')!.lifecycleTags).toEqual(['KOC']);
  });

  it('is refused when a client calls it directly', async () => {
    const event = { type: 'paid', orderId: 'TX', openid: 'o_v10' };
    expect(await cloud.call('tags', { action: 'onOrderEvent', event }, 'o_v10')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('manual tags', () => {
  it('a manager adds and removes tags; user_tags follows at once, and it is audited', async () => {
    const reply = await manager<{ manualTags: string[]; tags: TagsDoc }>({ action: 'setManual', openid: 'o_koc3', add: ['品牌大使', '门店常客'] });
    expect(reply).toMatchObject({ ok: true, data: { manualTags: ['品牌大使', '门店常客'] } });
    expect(tagsOf('o_koc3')).toMatchObject({ manualTags: ['品牌大使', '门店常客'], tags: ['KOC', '品牌大使', '门店常客'], lifecycleTags: ['KOC'] });
    await manager({ action: 'setManual', openid: 'o_koc3', remove: ['门店常客'] });
    expect(tagsOf('o_koc3')).toMatchObject({ manualTags: ['品牌大使'], tags: ['KOC', '品牌大使'] });
    expect(cloud.emulator.db.find('users', { _id: 'o_koc3' })[0]).toMatchObject({ tags: ['品牌大使'] });
    const audits = cloud.emulator.db.find('audit_logs', { action: 'user.tags.set' });
    expect(audits).toEqual([
      expect.objectContaining({ actor: 'o_manager', role: 'manager', target: { collection: 'users', id: 'o_koc3' } }),
      expect.objectContaining({ actor: 'o_manager', detail: { add: [], remove: ['门店常客'], tags: ['品牌大使'] } }),
    ]);
  });

  it('refuses a lifecycle tag name and anyone but a manager', async () => {
    expect(await manager({ action: 'setManual', openid: 'o_koc3', add: ['KOC'] })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '标签“KOC”由系统计算，不能手动设置' });
    expect(await manager({ action: 'setManual', openid: 'o_koc3', add: ['x'] }, 'o_koc3')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await manager({ action: 'user', openid: 'o_koc3' }, 'o_koc3')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await manager({ action: 'search', q: 'o_' }, 'o_koc3')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await manager({ action: 'setManual', openid: 'o_nobody', add: ['x'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a manager finds a user by openid or nickname and sees their tags', async () => {
    const byId = await manager<{ users: { openid: string }[] }>({ action: 'search', q: 'o_h13' });
    expect(byId.ok && byId.data.users[0].openid).toBe('o_h13');
    const byName = await manager<{ users: { openid: string }[] }>({ action: 'search', q: '用户o_koc' });
    expect(byName.ok && byName.data.users.map((u) => u.openid)).toEqual(['o_koc2', 'o_koc3']);
    const seen = await manager<{ user: { nickName: string }; tags: TagsDoc }>({ action: 'user', openid: 'o_h13' });
    expect(seen).toMatchObject({ ok: true, data: { user: { nickName: '用户o_h13' }, tags: { segment: '高价值客户', lifecycleTags: ['高价值用户'] } } });
    expect(await manager({ action: 'user', openid: 'o_store' })).toMatchObject({ ok: true, data: { tags: { storeId: 's_hz' }, storeName: '杭州湖滨店' } });
  });
});
