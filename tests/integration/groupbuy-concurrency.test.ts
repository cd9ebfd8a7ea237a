/**
 * Many people racing for the last places of one group, through the local CloudBase: joins and
 * payments fired at once. The group must seat exactly the places it had, refund every other payer
 * exactly once, and leave stock and per-person quota adding up.
 */
import { adminCall } from '../../emulator/testing';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import type { Reply } from './fixtures/commerce';
import { activity, groupbuyClient, groupbuySeed } from './fixtures/groupbuy';

jest.setTimeout(300_000);

const RACERS = Array.from({ length: 50 }, (_, i) => `o_racer${String(i).padStart(2, '0')}`);
const LEADER = 'o_leader';
let cloud: LocalCloud;
let gb: ReturnType<typeof groupbuyClient>;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: async () => groupbuySeed([LEADER, ...RACERS], [activity('gb-five', { groupSize: 5, perUserLimit: 1 })]) });
  gb = groupbuyClient(cloud);
}, 60_000);

afterAll(() => cloud.close());

it('50 people join and pay at once for 4 places: exactly 4 seated, every other payer refunded exactly once, stock and quota consistent', async () => {
  const opened = await gb.open(LEADER, 'gb-five');
  await gb.pay(LEADER, opened.data.orderId);
  const { groupId } = opened.data;
  expect(gb.group(groupId)).toMatchObject({ status: 'forming', paidCount: 1 });

  // All 50 tap 参团 at the same moment; then everyone who got an order pays at the same moment.
  const joins = await Promise.all(RACERS.map(async (openid) => ({ openid, reply: await gb.join(openid, groupId) })));
  const prepaid = await Promise.all(
    joins
      .filter((j) => j.reply.ok)
      .map(async ({ openid, reply }) => ({ openid, orderId: reply.data.orderId, pay: await cloud.call<Reply<{ outTradeNo: string }>>('orders', { action: 'pay', orderId: reply.data.orderId }, openid) })),
  );
  const confirms = await Promise.all(prepaid.map(async (p) => ({ ...p, confirmStatus: (await adminCall(cloud.emulator, 'POST', `/pay/${p.pay.data.outTradeNo}/confirm`)).status })));
  const outcomes = [
    ...joins.filter((j) => !j.reply.ok).map((j) => ({ openid: j.openid, refused: j.reply.code as string })),
    ...confirms.map((c) => ({ openid: c.openid, orderId: c.orderId, payCode: c.pay.code, confirmStatus: c.confirmStatus })),
  ];
  await gb.settle();

  const refusedCodes = new Set(outcomes.flatMap((o) => ('refused' in o ? [o.refused] : [])));
  // At most two people paying per place left: the rest are told to try again, before anything is reserved.
  expect([...refusedCodes]).toEqual(['GROUP_BUSY']);
  const withOrders = outcomes.filter((o): o is Extract<typeof o, { orderId: string }> => 'orderId' in o);
  expect(withOrders).toHaveLength(8);

  const group = gb.group(groupId);
  expect(group).toMatchObject({ status: 'succeeded', paidCount: 5, outstanding: 0 });

  const statuses = withOrders.map((o) => ({ ...o, status: gb.order(o.orderId).status }));
  const seated = statuses.filter((o) => o.status === 'paid');
  expect(seated).toHaveLength(4);
  expect(gb.order(opened.data.orderId).status).toBe('paid');

  // Everyone else with an order either paid and got the money back once, or never paid and was closed.
  const payments = await gb.payments();
  for (const o of statuses.filter((s) => s.status !== 'paid')) {
    const refunds = payments.refunds.filter((r) => r.outTradeNo === o.orderId);
    if (o.status === 'refunded') {
      expect(refunds).toEqual([expect.objectContaining({ outRefundNo: `gbr_${o.orderId}`, refundFee: gb.order(o.orderId).pricing.payable })]);
    } else {
      expect(o.status).toBe('cancelled');
      expect(refunds).toEqual([]);
    }
  }
  const refunded = statuses.filter((o) => o.status === 'refunded');
  // Whoever paid after the fourth place went was refunded; whoever had not paid yet was closed.
  expect(refunded.length + statuses.filter((o) => o.status === 'cancelled').length).toBe(4);
  for (const o of statuses.filter((s) => s.status === 'cancelled')) expect(o.confirmStatus).toBe(409);
  // Nobody refunded also holds a place, and every refunded payer is one the group turned away.
  for (const o of refunded) expect(group.members.find((m) => m.orderId === o.orderId)).toMatchObject({ state: 'refunded', exit: 'overflow' });

  // Stock: five units sold, everything else given back; quotas: one for each seated person only.
  expect(gb.stock('gb-five')).toEqual(expect.objectContaining({ stock: 95, held: 5 }));
  for (const o of statuses) expect(gb.quota('gb-five', o.openid)).toBe(o.status === 'paid' ? 1 : 0);
  for (const o of outcomes.filter((x) => 'refused' in x)) expect(gb.quota('gb-five', o.openid)).toBe(0);
  expect(gb.db().find('orders', { type: 'groupbuy' })).toHaveLength(withOrders.length + 1);
});
