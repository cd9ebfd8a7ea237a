/**
 * 拼团活动 from the manager workspace, through the local CloudBase: a manager creates an activity,
 * a shopper finds it (activities, forProduct), opens a group and two friends join and pay, so the
 * group succeeds; only managers may use the admin actions; bad input is refused with a code and
 * writes nothing; endActivity stops new groups and joins while a group already forming keeps its
 * own deadline (a member who had joined may still complete it, otherwise it fails and refunds).
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { MANAGER, NOW, STORE, address, baseSeed, product, sku, user, type Reply } from './fixtures/commerce';
import { groupbuyClient } from './fixtures/groupbuy';

jest.setTimeout(180_000);

const HOUR = 3_600_000;
const MINUTE = 60_000;
const t = NOW.getTime();
const STAFF = 'o_staff';
const SHOPPERS = ['o_amy', 'o_ben', 'o_cat', 'o_dan', 'o_eve'];
// Another activity already holds the coat from tomorrow.
const booked = {
  _id: 'gb-booked',
  title: '羊毛大衣 2人团',
  productId: 'p-coat',
  skus: [{ skuId: 'coat-m', normalPrice: 50000, groupPrice: 39900, stock: 5 }],
  groupSize: 2,
  timeLimitMinutes: 60,
  perUserLimit: 1,
  startsAt: t + 24 * HOUR,
  endsAt: t + 72 * HOUR,
  status: 'active',
  createdAt: new Date(t - HOUR),
};

let cloud: LocalCloud;
let gb: ReturnType<typeof groupbuyClient>;

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () =>
      baseSeed({
        products: [product('p-coat', '羊毛大衣', 'outer')],
        skus: [sku('tee-m', 'p-tee', 10000, 30), sku('tee-l', 'p-tee', 10000, 4, '白色 / L'), sku('coat-m', 'p-coat', 50000, 10, '驼色 / M'), sku('jeans-m', 'p-jeans', 30000, 20, '深蓝 / M')],
        users: [...SHOPPERS.map((o) => user(o)), user(STAFF)],
        addresses: SHOPPERS.map((o) => address(`addr-${o}`, o)),
        staff: [{ _id: 'st-1', openid: STAFF, storeId: STORE._id, name: '店员小王', active: true }],
        groupbuy_activities: [booked],
        groupbuy_stock: [{ _id: 'gb-booked:coat-m', stock: 5, held: 0 }],
      }),
  });
  gb = groupbuyClient(cloud);
}, 60_000);

afterAll(() => cloud.close());

const db = () => cloud.emulator.db;
const now = () => cloud.emulator.clock.now();
const count = (collection: string) => db().find(collection, {}).length;
const skuStock = (id: string) => (db().find('skus', { _id: id })[0] as { stock: number }).stock;

interface AdminSku { skuId: string; title: string; specText: string; groupPrice: number; listPrice: number; stock: number; stockLeft: number; sold: number }
interface AdminActivity {
  activityId: string;
  productId: string;
  title: string;
  size: number;
  timeLimitMinutes: number;
  perUserLimit: number;
  startAt: number;
  endAt: number;
  status: string;
  endedAt: number | null;
  groups: { forming: number; succeeded: number; failed: number };
  skus: AdminSku[];
}

const admin = <T = { activity: AdminActivity }>(action: string, body: Record<string, unknown> = {}, openid = MANAGER) => cloud.call<Reply<T>>('groupbuy', { action, ...body }, openid);
const activityBody = (over: Record<string, unknown> = {}) => ({
  title: '基础T恤 3人团',
  startsAt: now() - MINUTE,
  endsAt: now() + 48 * HOUR,
  groupSize: 3,
  timeLimitMinutes: 60,
  perUserLimit: 2,
  skus: [
    { skuId: 'tee-m', groupPrice: 5900, stock: 10 },
    { skuId: 'tee-l', groupPrice: 6900, stock: 4 },
  ],
  ...over,
});

let activityId = '';

describe('a manager creates an activity that shoppers use like a seeded one', () => {
  it('saves the activity and its stock as the seed does, and lists it newest first with its figures', async () => {
    const reply = await admin('saveActivity', activityBody());
    expect(reply).toMatchObject({ ok: true, data: { activity: { title: '基础T恤 3人团', productId: 'p-tee', status: 'active', size: 3, timeLimitMinutes: 60, perUserLimit: 2, endedAt: null, groups: { forming: 0, succeeded: 0, failed: 0 } } } });
    activityId = reply.data.activity.activityId;
    expect(reply.data.activity.skus).toEqual([
      expect.objectContaining({ skuId: 'tee-m', title: '基础T恤', specText: '白色 / M', groupPrice: 5900, listPrice: 10000, stock: 10, stockLeft: 10, sold: 0 }),
      expect.objectContaining({ skuId: 'tee-l', specText: '白色 / L', groupPrice: 6900, listPrice: 10000, stock: 4, stockLeft: 4, sold: 0 }),
    ]);
    expect(gb.stock(activityId, 'tee-m')).toEqual({ _id: `${activityId}:tee-m`, stock: 10, held: 0 });
    expect(gb.stock(activityId, 'tee-l')).toEqual({ _id: `${activityId}:tee-l`, stock: 4, held: 0 });
    // The activity's stock is its own allocation, as in the seed: the SKU keeps its units.
    expect([skuStock('tee-m'), skuStock('tee-l')]).toEqual([30, 4]);
    expect(db().find('groupbuy_activities', { _id: activityId })[0]).toMatchObject({
      productId: 'p-tee',
      status: 'active',
      skus: [
        { skuId: 'tee-m', normalPrice: 10000, groupPrice: 5900, stock: 10 },
        { skuId: 'tee-l', normalPrice: 10000, groupPrice: 6900, stock: 4 },
      ],
    });
    expect(db().find('audit_logs', { action: 'groupbuy.saveActivity' })).toEqual([expect.objectContaining({ actor: MANAGER, role: 'manager', target: { collection: 'groupbuy_activities', id: activityId } })]);

    const list = await admin<{ activities: AdminActivity[] }>('adminActivities');
    expect(list.data.activities.map((a) => [a.activityId, a.status])).toEqual([
      [activityId, 'active'],
      ['gb-booked', 'upcoming'],
    ]);
  });

  it('shows the activity to shoppers, who open a group that two friends fill', async () => {
    const cards = await cloud.call<Reply<{ items: { activityId: string; status: string; size: number; groupPrice: number }[] }>>('groupbuy', { action: 'activities' }, 'o_amy');
    expect(cards.data.items).toContainEqual(expect.objectContaining({ activityId, status: 'active', size: 3, groupPrice: 5900 }));
    const page = await cloud.call<Reply<{ activity: { activityId: string; skus: { skuId: string; groupPrice: number; stockLeft: number }[] } }>>('groupbuy', { action: 'forProduct', productId: 'p-tee' }, 'o_amy');
    expect(page.data.activity).toMatchObject({ activityId, skus: [{ skuId: 'tee-m', groupPrice: 5900, stockLeft: 10 }, { skuId: 'tee-l', groupPrice: 6900, stockLeft: 4 }] });

    const opened = await gb.open('o_amy', activityId);
    expect(opened).toMatchObject({ ok: true, data: { payable: expect.any(Number) } });
    expect(gb.order(opened.data.orderId).items[0]).toMatchObject({ unitPrice: 5900, promo: 'group' });
    await gb.pay('o_amy', opened.data.orderId);
    const { groupId } = opened.data;
    expect(gb.group(groupId)).toMatchObject({ status: 'forming', paidCount: 1 });
    expect((await admin<{ activities: AdminActivity[] }>('adminActivities')).data.activities[0].groups).toEqual({ forming: 1, succeeded: 0, failed: 0 });

    for (const friend of ['o_ben', 'o_cat']) {
      const joined = await gb.join(friend, groupId);
      expect(joined).toMatchObject({ ok: true });
      await gb.pay(friend, joined.data.orderId);
    }
    await gb.settle();
    expect(gb.group(groupId)).toMatchObject({ status: 'succeeded', paidCount: 3 });
    expect(gb.order(opened.data.orderId).status).toBe('paid');

    const mine = (await admin<{ activities: AdminActivity[] }>('adminActivities')).data.activities.find((a) => a.activityId === activityId)!;
    expect(mine.groups).toEqual({ forming: 0, succeeded: 1, failed: 0 });
    expect(mine.skus[0]).toMatchObject({ stock: 10, stockLeft: 7, sold: 3 });
  });
});

describe('only managers', () => {
  it('refuses a shopper, a clerk and an anonymous caller, writing nothing', async () => {
    const before = [count('groupbuy_activities'), count('groupbuy_stock'), count('audit_logs')];
    for (const openid of ['o_amy', STAFF]) {
      expect(await admin('adminActivities', {}, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await admin('saveActivity', activityBody({ skus: [{ skuId: 'jeans-m', groupPrice: 100, stock: 1 }] }), openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await admin('endActivity', { activityId: 'gb-booked' }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    for (const action of ['adminActivities', 'saveActivity', 'endActivity']) {
      expect(await cloud.call<Reply>('groupbuy', { action, ...activityBody({ skus: [{ skuId: 'jeans-m', groupPrice: 100, stock: 1 }] }), activityId: 'gb-booked' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
    expect([count('groupbuy_activities'), count('groupbuy_stock'), count('audit_logs')]).toEqual(before);
    expect((db().find('groupbuy_activities', { _id: 'gb-booked' })[0] as { endsAt: number }).endsAt).toBe(t + 72 * HOUR);
  });
});

describe('bad input', () => {
  it('is refused with a code and a Chinese message, and writes nothing', async () => {
    const jeans = { skuId: 'jeans-m', groupPrice: 19900, stock: 5 };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ skus: [{ ...jeans, groupPrice: 30000 }] }, 'INVALID_INPUT', /^第1个商品规格的拼团价应低于原价¥300\.00$/],
      [{ skus: [{ ...jeans, groupPrice: 0 }] }, 'INVALID_INPUT', /拼团价.*不能小于1/],
      [{ skus: [jeans], groupSize: 1 }, 'INVALID_INPUT', /^成团人数不能小于2$/],
      [{ skus: [jeans], groupSize: 11 }, 'INVALID_INPUT', /^成团人数不能大于10$/],
      [{ skus: [jeans], timeLimitMinutes: 5 }, 'INVALID_INPUT', /^成团时限（分钟）不能小于10$/],
      [{ skus: [jeans], perUserLimit: 0 }, 'INVALID_INPUT', /每人限购不能小于1/],
      [{ skus: [jeans], endsAt: now() - 2 * HOUR, startsAt: now() - HOUR }, 'INVALID_INPUT', /^结束时间应晚于开始时间$/],
      [{ skus: [jeans], startsAt: now() - 3 * HOUR, endsAt: now() - HOUR }, 'INVALID_INPUT', /^结束时间应晚于现在$/],
      [{ skus: [jeans], startsAt: now() - 3 * HOUR }, 'INVALID_INPUT', /^开始时间不能早于现在$/],
      [{ skus: [{ ...jeans, stock: 21 }] }, 'INVALID_INPUT', /^第1个商品规格的拼团库存不能超过现有库存20件$/],
      [{ skus: [{ ...jeans, stock: 1.5 }] }, 'INVALID_INPUT', /拼团库存应为整数/],
      [{ skus: [] }, 'INVALID_INPUT', /活动商品不能为空/],
      [{ skus: [{ ...jeans, skuId: 'ghost' }] }, 'INVALID_INPUT', /^第1个商品规格不存在或已下架$/],
      [{ skus: [jeans, jeans] }, 'INVALID_INPUT', /^第2个商品规格重复了$/],
      [{ skus: [jeans, { skuId: 'coat-m', groupPrice: 30000, stock: 1 }] }, 'INVALID_INPUT', /^一个拼团活动只能包含同一商品的规格$/],
      [{ skus: [jeans], title: '' }, 'INVALID_INPUT', /活动名称不能为空/],
      [{ skus: [jeans], startsAt: 'soon' }, 'INVALID_INPUT', /开始时间应为整数/],
      // The tee is already in the activity created above, whose window this one meets.
      [{ startsAt: now() + 47 * HOUR, endsAt: now() + 50 * HOUR }, 'ACTIVITY_OVERLAP', /^「基础T恤 白色 \/ M」已在拼团「基础T恤 3人团」中.*同一规格的拼团时间不能重叠$/],
      [{ skus: [{ skuId: 'coat-m', groupPrice: 30000, stock: 1 }], startsAt: t + 70 * HOUR, endsAt: t + 80 * HOUR }, 'ACTIVITY_OVERLAP', /^「羊毛大衣 驼色 \/ M」已在拼团「羊毛大衣 2人团」中/],
    ];
    const before = [count('groupbuy_activities'), count('groupbuy_stock'), count('audit_logs')];
    for (const [over, code, message] of cases) {
      const reply = await admin('saveActivity', activityBody(over));
      expect({ over, ok: reply.ok, code: reply.code }).toEqual({ over, ok: false, code });
      expect(reply.message).toMatch(message);
    }
    expect([count('groupbuy_activities'), count('groupbuy_stock'), count('audit_logs')]).toEqual(before);
    expect(await admin('endActivity', { activityId: 'gb-nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '拼团活动不存在' });
    expect(await admin('endActivity', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('allows the coat in an activity that ends as the other one starts', async () => {
    const reply = await admin('saveActivity', activityBody({ title: '大衣早鸟团', groupSize: 2, startsAt: now(), endsAt: t + 24 * HOUR, skus: [{ skuId: 'coat-m', groupPrice: 42900, stock: 2 }] }));
    expect(reply).toMatchObject({ ok: true, data: { activity: { status: 'active', size: 2 } } });
  });
});

describe('endActivity', () => {
  it('stops new groups and joins now; a forming group keeps its deadline, fills or fails and refunds; idempotent', async () => {
    const created = await admin('saveActivity', activityBody({ title: '牛仔裤 2人团', groupSize: 2, timeLimitMinutes: 30, perUserLimit: 1, skus: [{ skuId: 'jeans-m', groupPrice: 19900, stock: 5 }] }));
    expect(created.ok).toBe(true);
    const id = created.data.activity.activityId;
    const jeans = { skuId: 'jeans-m' };

    // Amy's group has Ben paying; Cat's group has nobody yet.
    const amy = await gb.open('o_amy', id, jeans);
    await gb.pay('o_amy', amy.data.orderId);
    const ben = await gb.join('o_ben', amy.data.groupId, jeans);
    expect(ben).toMatchObject({ ok: true });
    const cat = await gb.open('o_cat', id, jeans);
    await gb.pay('o_cat', cat.data.orderId);
    // Eve opens a group but has not paid when the activity ends.
    const eve = await gb.open('o_eve', id, jeans);
    expect(eve).toMatchObject({ ok: true });

    const ended = await admin('endActivity', { activityId: id });
    expect(ended).toMatchObject({ ok: true, data: { activity: { activityId: id, status: 'ended', groups: { forming: 2 } } } });
    expect(ended.data.activity.endAt).toBeLessThanOrEqual(now());
    expect(ended.data.activity.endedAt).toBe(ended.data.activity.endAt);
    await cloud.emulator.advanceClock(5_000);

    // Nobody opens a group or joins one any more; the product page no longer offers it.
    expect(await gb.open('o_dan', id, jeans)).toMatchObject({ ok: false, code: 'ACTIVITY_ENDED', message: '拼团活动已结束' });
    expect(await gb.join('o_dan', cat.data.groupId, jeans)).toMatchObject({ ok: false, code: 'ACTIVITY_ENDED' });
    const page = await cloud.call<Reply<{ activity: { activityId: string } | null }>>('groupbuy', { action: 'forProduct', productId: 'p-jeans' }, 'o_dan');
    expect(page.data.activity).toBeNull();

    // Eve may still pay for the group she opened: it runs, but nobody can join it.
    await gb.pay('o_eve', eve.data.orderId);
    expect(gb.group(eve.data.groupId)).toMatchObject({ status: 'forming', paidCount: 1 });
    expect(await gb.join('o_dan', eve.data.groupId, jeans)).toMatchObject({ ok: false, code: 'ACTIVITY_ENDED' });

    // Ben had joined before the end: his payment still completes Amy's group.
    await gb.pay('o_ben', ben.data.orderId);
    await gb.settle();
    expect(gb.group(amy.data.groupId)).toMatchObject({ status: 'succeeded', paidCount: 2 });

    // Cat's and Eve's groups run out their own 30 minutes and fail; both are refunded and the units come back.
    expect(gb.group(cat.data.groupId)).toMatchObject({ status: 'forming' });
    await cloud.emulator.advanceClock(31 * MINUTE);
    await gb.sweep();
    await gb.settle();
    for (const opened of [cat, eve]) {
      expect(gb.group(opened.data.groupId)).toMatchObject({ status: 'failed', failReason: 'expired' });
      expect(gb.order(opened.data.orderId)).toMatchObject({ status: 'refunded' });
    }
    expect(gb.stock(id, 'jeans-m')).toMatchObject({ stock: 3, held: 2 });

    const again = await admin('endActivity', { activityId: id });
    expect(again).toMatchObject({ ok: true, data: { activity: { status: 'ended', endAt: ended.data.activity.endAt, groups: { forming: 0, succeeded: 1, failed: 2 } } } });
    expect(again.data.activity.skus[0]).toMatchObject({ stock: 5, stockLeft: 3, sold: 2 });
    expect(db().find('audit_logs', { action: 'groupbuy.endActivity' })).toHaveLength(1);
  });

  it('ends an upcoming activity before it opens', async () => {
    const reply = await admin('endActivity', { activityId: 'gb-booked' });
    expect(reply).toMatchObject({ ok: true, data: { activity: { status: 'ended' } } });
    expect(reply.data.activity.startAt).toBe(reply.data.activity.endAt);
    const list = (await admin<{ activities: AdminActivity[] }>('adminActivities')).data.activities;
    expect(list.at(-1)).toMatchObject({ activityId: 'gb-booked', status: 'ended' });
  });
});
