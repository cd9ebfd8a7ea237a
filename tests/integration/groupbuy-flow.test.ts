/**
 * A group buy through the local CloudBase: opening, joining and paying the way the pages do,
 * WeChat Pay played by the emulator, the group page each person sees, and refusals that leave
 * nothing behind.
 */
import { adminCall } from '../../emulator/testing';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { GROUP_RESULT_TEMPLATE, activity, groupbuyClient, groupbuySeed } from './fixtures/groupbuy';
import type { Reply } from './fixtures/commerce';

jest.setTimeout(120_000);

const SHOPPERS = ['o_lin', 'o_zhao', 'o_wang', 'o_chen', 'o_liu'];
let cloud: LocalCloud;
let gb: ReturnType<typeof groupbuyClient>;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: async () => groupbuySeed(SHOPPERS, [activity('gb-tee'), activity('gb-soon', { startsAt: Date.now() + 86_400_000 })]) });
  gb = groupbuyClient(cloud);
}, 60_000);

afterAll(() => cloud.close());

describe('a three-person group', () => {
  let groupId = '';
  const orders: Record<string, string> = {};

  it('opens with the leader paying: the order waits in 拼团中 and the group forms', async () => {
    const opened = await gb.open('o_lin', 'gb-tee');
    expect(opened).toMatchObject({ ok: true, data: { status: 'pending_payment', payable: expect.any(Number) } });
    groupId = opened.data.groupId;
    orders.o_lin = opened.data.orderId;
    expect(groupId).toContain(opened.data.orderId);
    const order = gb.order(orders.o_lin);
    expect(order).toMatchObject({ type: 'groupbuy', groupbuy: { groupId, role: 'leader' } });
    expect(order.items[0]).toMatchObject({ unitPrice: 5900, promo: 'group' });
    expect(gb.stock('gb-tee')).toEqual(expect.objectContaining({ stock: 99, held: 1 }));
    expect(gb.quota('gb-tee', 'o_lin')).toBe(1);

    // Nobody may join before the leader has paid.
    expect(await gb.join('o_zhao', groupId)).toMatchObject({ ok: false, code: 'GROUP_NOT_READY', message: '团长还未完成支付，请稍后再来' });

    await gb.pay('o_lin', orders.o_lin);
    expect(gb.order(orders.o_lin).status).toBe('grouping');
    const view = await gb.view(groupId, 'o_zhao');
    // The clock starts at the leader's payment; the page gets the server's clock for its countdown.
    expect(view.data.deadline).toBe((gb.group(groupId).members[0].paidAt ?? 0) + 60 * 60_000);
    expect(view.data.now).toBeLessThan(view.data.deadline);
    expect(view.data).toMatchObject({ shareTitle: '还差2人，¥59一起拼「基础T恤 拼团」', status: 'forming', size: 3, placesLeft: 2, members: [{ isLeader: true }], viewer: { role: 'none', canJoin: true, refusal: null } });
    const list = await cloud.call<Reply<{ orders: { id: string; statusText: string }[] }>>('orders', { action: 'list' }, 'o_lin');
    expect(list.data.orders.find((o) => o.id === orders.o_lin)?.statusText).toBe('拼团中');
    // The order page links back to its group.
    const detail = await cloud.call<Reply<{ groupbuy: unknown }>>('orders', { action: 'detail', orderId: orders.o_lin }, 'o_lin');
    expect(detail.data.groupbuy).toEqual({ groupId, role: 'leader' });
  });

  it('turns away the leader joining their own group and a member joining twice, with nothing written', async () => {
    expect(await gb.join('o_lin', groupId)).toMatchObject({ ok: false, code: 'OWN_GROUP', message: '不能参加自己开的团' });
    const joined = await gb.join('o_zhao', groupId);
    expect(joined).toMatchObject({ ok: true, data: { groupId, status: 'pending_payment' } });
    orders.o_zhao = joined.data.orderId;
    const ordersBefore = gb.db().find('orders', {}).length;
    expect(await gb.join('o_zhao', groupId)).toMatchObject({ ok: false, code: 'ALREADY_JOINED', message: '你已在这个团里了' });
    // The same tap retried (same request id) is not a second join: it answers with the first order.
    const first = gb.db().find('order_requests', { orderId: orders.o_zhao })[0] as { _id: string };
    expect(await gb.join('o_zhao', groupId, { requestId: first._id.split(':')[1] })).toEqual({ ok: true, data: joined.data });
    expect(gb.db().find('orders', {}).length).toBe(ordersBefore);
    expect(gb.quota('gb-tee', 'o_zhao')).toBe(1);
    // The joiner sees 待支付; others see them only as someone paying.
    expect((await gb.view(groupId, 'o_zhao')).data.viewer).toMatchObject({ role: 'paying', orderId: orders.o_zhao });
    expect((await gb.view(groupId, 'o_wang')).data).toMatchObject({ payingCount: 1, members: [expect.anything()] });
  });

  it('succeeds at the third payment: every member order moves on to 已支付 with its paid event', async () => {
    // Two of the three agreed to hear how the group ends.
    for (const openid of ['o_lin', 'o_zhao']) await adminCall(cloud.emulator, 'POST', '/subscribe/accept', { openid, templateIds: [GROUP_RESULT_TEMPLATE] });
    await gb.pay('o_zhao', orders.o_zhao);
    expect(gb.order(orders.o_zhao).status).toBe('grouping');
    const third = await gb.join('o_wang', groupId, { skuId: 'tee-l' });
    expect(third.ok).toBe(true);
    orders.o_wang = third.data.orderId;
    await gb.pay('o_wang', orders.o_wang);

    for (const id of Object.values(orders)) {
      expect(gb.order(id).status).toBe('paid');
      expect(gb.db().find('order_events', { orderId: id, type: 'paid' })).toHaveLength(1);
    }
    expect(gb.group(groupId)).toMatchObject({ status: 'succeeded', paidCount: 3, outstanding: 0 });
    const view = await gb.view(groupId, 'o_wang');
    expect(view.data).toMatchObject({ status: 'succeeded', placesLeft: 0, headline: '拼团成功', viewer: { role: 'member' }, shareTitle: '¥59拼「基础T恤 拼团」，一起来开团' });
    expect(view.data.members.map((m: { isLeader: boolean }) => m.isLeader)).toEqual([true, false, false]);
    expect((await gb.view(groupId, 'o_chen')).data.viewer).toMatchObject({ canJoin: false, refusal: { code: 'GROUP_FULL' } });
    expect(gb.stock('gb-tee', 'tee-l')).toEqual(expect.objectContaining({ stock: 99, held: 1 }));
    const outbox = (await adminCall(cloud.emulator, 'GET', '/outbox')).body.messages.filter((m: { templateId: string }) => m.templateId === GROUP_RESULT_TEMPLATE);
    expect(outbox.map((m: { touser: string }) => m.touser).sort()).toEqual(['o_lin', 'o_zhao']);
    expect(outbox[0]).toMatchObject({ page: `packages/groupbuy/group/index?id=${encodeURIComponent(groupId)}`, data: { thing1: { value: '基础T恤' }, phrase2: { value: '拼团成功' }, amount3: { value: expect.stringMatching(/^¥\d+\.\d{2}$/) } } });

    const mine = await cloud.call<Reply<{ groups: { groupId: string; role: string; status: string; orderStatus: string }[] }>>('groupbuy', { action: 'mine' }, 'o_zhao');
    expect(mine.data.groups).toEqual([expect.objectContaining({ groupId, role: 'member', status: 'succeeded', orderStatus: 'paid' })]);
  });
});

describe('browsing', () => {
  it('lists activities, an activity with its SKUs, and the product page block with groups to join', async () => {
    const opened = await gb.open('o_chen', 'gb-tee', { skuId: 'tee-l' });
    await gb.pay('o_chen', opened.data.orderId);

    const list = await cloud.call<Reply<{ items: Record<string, unknown>[] }>>('groupbuy', { action: 'activities' }, 'o_liu');
    expect(list.data.items.map((i) => [i.activityId, i.status])).toEqual([
      ['gb-tee', 'active'],
      ['gb-soon', 'upcoming'],
    ]);
    expect(list.data.items[0]).toMatchObject({ productId: 'p-tee', title: '基础T恤 拼团', size: 3, groupPrice: 5900, listPrice: 10000, openGroups: 1, image: expect.stringContaining('p-tee') });

    const one = await cloud.call<Reply<{ activity: Record<string, unknown>; openGroups: Record<string, unknown>[] }>>('groupbuy', { action: 'activity', activityId: 'gb-tee' }, 'o_liu');
    expect(one.data.activity).toMatchObject({ activityId: 'gb-tee', timeLimitMinutes: 60, perUserLimit: 2, status: 'active' });
    expect(one.data.activity.skus).toEqual([
      { skuId: 'tee-m', specText: '白色 / M', groupPrice: 5900, listPrice: 10000, stockLeft: expect.any(Number) },
      { skuId: 'tee-l', specText: '白色 / L', groupPrice: 5900, listPrice: 10000, stockLeft: expect.any(Number) },
    ]);
    const card = { groupId: opened.data.groupId, leader: { nickname: expect.any(String), avatar: expect.any(String) }, paidCount: 1, size: 3, placesLeft: 2, deadline: expect.any(Number) };
    expect(one.data.openGroups).toEqual([card]);

    const page = await cloud.call<Reply<{ activity: { activityId: string } | null; openGroups: unknown[] }>>('groupbuy', { action: 'forProduct', productId: 'p-tee' }, 'o_liu');
    expect(page.data.activity?.activityId).toBe('gb-tee');
    expect(page.data.openGroups).toEqual([card]);
    expect(await cloud.call('groupbuy', { action: 'forProduct', productId: 'p-jeans' }, 'o_liu')).toEqual({ ok: true, data: { activity: null, openGroups: [], now: expect.any(Number) } });
  });

  it('refunds a payment that lands after the member order was cancelled, and never seats it', async () => {
    const [leaderGroup] = (await cloud.call<Reply<{ openGroups: { groupId: string }[] }>>('groupbuy', { action: 'activity', activityId: 'gb-tee' }, 'o_liu')).data.openGroups;
    const joined = await gb.join('o_liu', leaderGroup.groupId);
    const pay = await cloud.call<Reply<{ outTradeNo: string }>>('orders', { action: 'pay', orderId: joined.data.orderId }, 'o_liu');
    // The order was cancelled while WeChat Pay could not be told, and the group had not heard yet either.
    gb.db().update('orders', { _id: joined.data.orderId }, { $set: { status: 'cancelled' } });
    await adminCall(cloud.emulator, 'POST', `/pay/${pay.data.outTradeNo}/confirm`);
    await gb.settle();

    expect(gb.order(joined.data.orderId)).toMatchObject({ status: 'refunded', refund: { status: 'refunded', outRefundNo: `gbr_${joined.data.orderId}` } });
    const member = gb.group(leaderGroup.groupId).members.find((m) => m.orderId === joined.data.orderId);
    expect(member).toMatchObject({ state: 'refunded', exit: 'late_payment' });
    expect(gb.group(leaderGroup.groupId)).toMatchObject({ status: 'forming', paidCount: 1, outstanding: 0 });
    expect(gb.quota('gb-tee', 'o_liu')).toBe(0);
    const view = await gb.view(leaderGroup.groupId, 'o_liu');
    expect(view.data.viewer).toMatchObject({ role: 'none', canJoin: true });
    expect(view.data.viewer.notice).toMatch(/自己开一个团/);
  });
});

describe('delivery', () => {
  it('a pickup group order carries a pickup code and no shipping; cancelling it frees the code', async () => {
    const opened = await gb.open('o_wang', 'gb-tee', { delivery: 'pickup', storeId: 's-test' });
    expect(opened).toMatchObject({ ok: true, data: { payable: 5900 } });
    const order = gb.db().find('orders', { _id: opened.data.orderId })[0] as { delivery: { method: string; storeId: string; pickupCode: string } };
    expect(order.delivery).toMatchObject({ method: 'pickup', storeId: 's-test', pickupCode: expect.stringMatching(/^\d+$/) });
    expect(gb.db().find('pickup_codes', { orderId: opened.data.orderId })).toHaveLength(1);
    expect(await cloud.call<Reply>('orders', { action: 'cancel', orderId: opened.data.orderId }, 'o_wang')).toMatchObject({ ok: true });
    expect(gb.db().find('pickup_codes', { orderId: opened.data.orderId })).toHaveLength(0);
  });
});

describe('bad input', () => {
  it('answers with a clear code and a Chinese message, and writes nothing', async () => {
    const quota = gb.quota('gb-tee', 'o_chen');
    const before = { orders: gb.db().find('orders', {}).length, requests: gb.db().find('order_requests', {}).length, groups: gb.db().find('groupbuy_groups', {}).length, stock: gb.stock('gb-tee') };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ action: 'open', activityId: 'gb-tee', quantity: 1, requestId: 'req-bad-0001' }, 'INVALID_INPUT', /商品规格/],
      [{ action: 'open', activityId: 'gb-tee', skuId: 'tee-m', quantity: 0, requestId: 'req-bad-0002' }, 'INVALID_INPUT', /购买数量/],
      [{ action: 'open', activityId: 'gb-tee', skuId: 'tee-m', quantity: 1, requestId: 'bad id!' }, 'INVALID_INPUT', /请求编号/],
      [{ action: 'open', activityId: 'gb-nope', skuId: 'tee-m', quantity: 1, requestId: 'req-bad-0003' }, 'NOT_FOUND', /拼团活动/],
      [{ action: 'open', activityId: 'gb-tee', skuId: 'tee-m', quantity: 3, requestId: 'req-bad-0004' }, 'OVER_LIMIT', /每人限购2件/],
      [{ action: 'open', activityId: 'gb-tee', skuId: 'jeans-x', quantity: 1, requestId: 'req-bad-0005' }, 'NOT_FOUND', /不在拼团活动中/],
      [{ action: 'open', activityId: 'gb-soon', skuId: 'tee-m', quantity: 1, requestId: 'req-bad-0006' }, 'ACTIVITY_NOT_STARTED', /尚未开始/],
      [{ action: 'open', activityId: 'gb-tee', skuId: 'tee-m', quantity: 1, requestId: 'req-bad-0007', delivery: 'pickup' }, 'INVALID_INPUT', /自提门店/],
      [{ action: 'join', groupId: 'gb_nope', skuId: 'tee-m', quantity: 1, requestId: 'req-bad-0008' }, 'NOT_FOUND', /团/],
      [{ action: 'group' }, 'INVALID_INPUT', /团编号/],
    ];
    for (const [data, code, message] of cases) {
      const reply = await cloud.call<Reply>('groupbuy', data, 'o_chen');
      expect({ data, ok: reply.ok, code: reply.code }).toEqual({ data, ok: false, code });
      expect(reply.message).toMatch(message);
    }
    expect(await cloud.call<Reply>('groupbuy', { action: 'open', activityId: 'gb-tee', skuId: 'tee-m', quantity: 1, requestId: 'req-bad-0009' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await cloud.call<Reply>('groupbuy', { action: 'mine' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect({ orders: gb.db().find('orders', {}).length, requests: gb.db().find('order_requests', {}).length, groups: gb.db().find('groupbuy_groups', {}).length, stock: gb.stock('gb-tee') }).toEqual(before);
    expect(gb.quota('gb-tee', 'o_chen')).toBe(quota);
  });

  it('replays a retried open with the same request id instead of opening a second group, even at the limit', async () => {
    const first = await gb.open('o_liu', 'gb-tee', { requestId: 'req-retry-0001', quantity: 2 });
    const again = await gb.open('o_liu', 'gb-tee', { requestId: 'req-retry-0001', quantity: 2 });
    expect(again.data).toEqual(first.data);
    expect(gb.quota('gb-tee', 'o_liu')).toBe(2);
    expect(await gb.open('o_liu', 'gb-tee')).toMatchObject({ ok: false, code: 'OVER_LIMIT', message: '每人限购2件，你已达到上限' });
    expect(await cloud.call<Reply>('orders', { action: 'cancel', orderId: first.data.orderId }, 'o_liu')).toMatchObject({ ok: true });
    expect(gb.quota('gb-tee', 'o_liu')).toBe(0);
  });

  it('a leader who never pays: the order closes, the group fails and the reservation goes back', async () => {
    const stock = gb.stock('gb-tee');
    const quota = gb.quota('gb-tee', 'o_chen');
    const opened = await gb.open('o_chen', 'gb-tee');
    expect(await cloud.call<Reply>('orders', { action: 'cancel', orderId: opened.data.orderId }, 'o_chen')).toMatchObject({ ok: true });
    expect(gb.group(opened.data.groupId)).toMatchObject({ status: 'failed', failReason: 'leader_unpaid', outstanding: 0 });
    expect(gb.stock('gb-tee')).toEqual(stock);
    expect(gb.quota('gb-tee', 'o_chen')).toBe(quota);
  });
});
