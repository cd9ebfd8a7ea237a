/**
 * A group that runs out of time half full, through the local CloudBase with a manual clock: every
 * paid member is refunded exactly once and every unpaid order closed, stock and quota come back —
 * however often the timer fires and however often WeChat Pay repeats the refund notification.
 */
import { adminCall } from '../../emulator/testing';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import type { Reply } from './fixtures/commerce';
import { GROUP_RESULT_TEMPLATE, activity, groupbuyClient, groupbuySeed } from './fixtures/groupbuy';

jest.setTimeout(180_000);

const MINUTE = 60_000;
let cloud: LocalCloud;
let gb: ReturnType<typeof groupbuyClient>;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: async () => groupbuySeed(['o_lin', 'o_zhao', 'o_wang', 'o_chen'], [activity('gb-four', { groupSize: 4 })]) });
  gb = groupbuyClient(cloud);
}, 60_000);

afterAll(() => cloud.close());

it('an expired half-full group refunds each paid member once, closes unpaid orders and gives everything back', async () => {
  const stockBefore = gb.stock('gb-four');
  const opened = await gb.open('o_lin', 'gb-four', { quantity: 2 });
  const { groupId } = opened.data;
  await gb.pay('o_lin', opened.data.orderId);
  await cloud.emulator.advanceClock(40 * MINUTE);

  const zhao = await gb.join('o_zhao', groupId);
  await gb.pay('o_zhao', zhao.data.orderId);
  const wang = await gb.join('o_wang', groupId); // never pays
  expect(gb.group(groupId)).toMatchObject({ status: 'forming', paidCount: 2 });
  expect(gb.stock('gb-four')).toEqual({ ...stockBefore, stock: stockBefore.stock - 4, held: 4 });

  // Both paid members allow two group-result messages: a notice sent twice would reach the outbox twice.
  for (const openid of ['o_lin', 'o_zhao', 'o_lin', 'o_zhao']) await adminCall(cloud.emulator, 'POST', '/subscribe/accept', { openid, templateIds: [GROUP_RESULT_TEMPLATE] });

  // The 60-minute limit passes; the minute timer fails the group. It fires again, and once more by hand.
  await cloud.emulator.advanceClock(21 * MINUTE);
  await gb.sweep();
  await gb.sweep();
  await gb.settle();

  const group = gb.group(groupId);
  expect(group).toMatchObject({ status: 'failed', failReason: 'expired', paidCount: 0, outstanding: 0 });
  expect(gb.order(opened.data.orderId)).toMatchObject({ status: 'refunded', refund: { status: 'refunded', outRefundNo: `gbr_${opened.data.orderId}` } });
  expect(gb.order(zhao.data.orderId)).toMatchObject({ status: 'refunded' });
  expect(gb.order(wang.data.orderId)).toMatchObject({ status: 'cancelled', refund: null });

  const refundsOf = async (orderId: string) => (await gb.payments()).refunds.filter((r) => r.outTradeNo === orderId);
  expect(await refundsOf(opened.data.orderId)).toEqual([expect.objectContaining({ refundFee: gb.order(opened.data.orderId).pricing.payable })]);
  expect(await refundsOf(zhao.data.orderId)).toHaveLength(1);
  expect(await refundsOf(wang.data.orderId)).toEqual([]);

  // WeChat Pay repeats both refund notifications, several times at once; the timer fires again.
  const notes = [...(await refundsOf(opened.data.orderId)), ...(await refundsOf(zhao.data.orderId))].map((r) => r.notification.event);
  const replays = await Promise.all([...notes, ...notes, ...notes].map((event) => cloud.emulator.runtime.invoke('payment', event, { source: 'wx_paycallback' })));
  for (const r of replays) expect(r).toMatchObject({ ok: true, result: { errcode: 0 } });
  await gb.sweep();
  await gb.settle();

  expect(await refundsOf(opened.data.orderId)).toHaveLength(1);
  expect(await refundsOf(zhao.data.orderId)).toHaveLength(1);
  for (const id of [opened.data.orderId, zhao.data.orderId]) {
    expect(gb.db().find('orders', { _id: id })[0]).toMatchObject({ status: 'refunded' });
    expect((gb.db().find('orders', { _id: id })[0] as { statusHistory: { status: string }[] }).statusHistory.filter((h) => h.status === 'refunded')).toHaveLength(1);
  }
  expect(gb.group(groupId)).toMatchObject({ outstanding: 0 });
  expect(gb.group(groupId).members.map((m) => m.state)).toEqual(['refunded', 'refunded', 'cancelled']);

  // Each paid member is told once; the member who never paid is not told.
  const notices = (await adminCall(cloud.emulator, 'GET', '/outbox')).body.messages.filter((m: { templateId: string }) => m.templateId === GROUP_RESULT_TEMPLATE);
  expect(notices.map((m: { touser: string }) => m.touser).sort()).toEqual(['o_lin', 'o_zhao']);
  expect(notices[0]).toMatchObject({ data: { phrase2: { value: '拼团失败' } } });

  // Everything reserved is back, once.
  expect(gb.stock('gb-four')).toEqual(stockBefore);
  for (const openid of ['o_lin', 'o_zhao', 'o_wang']) expect(gb.quota('gb-four', openid)).toBe(0);

  // The page tells a refunded member what happened; the unpaid order can no longer be paid.
  const view = await gb.view(groupId, 'o_zhao');
  expect(view.data).toMatchObject({ status: 'failed', failReason: 'expired', members: [], viewer: { role: 'none', refusal: { code: 'GROUP_EXPIRED' } } });
  expect(view.data.viewer.notice).toMatch(/拼团未成功/);
  expect(await cloud.call<Reply>('orders', { action: 'pay', orderId: wang.data.orderId }, 'o_wang')).toMatchObject({ ok: false, code: 'ORDER_CLOSED' });
  const timer = (await adminCall(cloud.emulator, 'GET', '/timers')).body.timers.find((t: { function: string }) => t.function === 'groupbuy');
  expect(timer).toMatchObject({ trigger: 'sweep', config: '0 */1 * * * * *' });
});
