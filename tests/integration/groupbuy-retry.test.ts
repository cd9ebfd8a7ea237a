/**
 * A payment notification that cannot get its write into a busy group: after losing every
 * compare-and-set race it answers WeChat Pay with failure, and WeChat Pay's retry seats the payer.
 * The rival writers are played at the local CloudBase's database endpoint: each write to the group
 * meets a version someone else has just moved on.
 */
import { adminCall } from '../../emulator/testing';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { activity, groupbuyClient, groupbuySeed } from './fixtures/groupbuy';

jest.setTimeout(120_000);

let cloud: LocalCloud;
let gb: ReturnType<typeof groupbuyClient>;
let rivalsWrite = false;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: async () => groupbuySeed(['o_lin', 'o_zhao'], [activity('gb-tee')]) });
  gb = groupbuyClient(cloud);
  const db = cloud.emulator.db;
  const handle = db.handle.bind(db);
  db.handle = (body: Record<string, unknown>) => {
    if (rivalsWrite && body.action === 'database.modifyDocument' && body.collectionName === 'groupbuy_groups') {
      for (const g of db.find('groupbuy_groups', {}) as { _id: string; version: number }[]) db.update('groupbuy_groups', { _id: g._id }, { $set: { version: g.version + 1 } });
    }
    return handle(body);
  };
}, 60_000);

afterAll(() => cloud.close());

it('answers WeChat Pay with failure when the group stays too busy, and the retried notification takes the place', async () => {
  const opened = await gb.open('o_lin', 'gb-tee');
  await gb.pay('o_lin', opened.data.orderId);
  const joined = await gb.join('o_zhao', opened.data.groupId);

  rivalsWrite = true;
  const { pay } = await gb.pay('o_zhao', joined.data.orderId);
  rivalsWrite = false;
  const notificationOf = async () =>
    (await adminCall(cloud.emulator, 'GET', '/payments')).body.orders.find((o: { outTradeNo: string }) => o.outTradeNo === pay.data.outTradeNo).notification;
  expect(await notificationOf()).toMatchObject({ attempts: 1, acknowledged: false, lastReply: { errcode: -1 } });
  // The money is in: the order waits for its group, which has not seated it yet.
  expect(gb.order(joined.data.orderId).status).toBe('grouping');
  expect(gb.group(opened.data.groupId)).toMatchObject({ paidCount: 1 });

  await cloud.emulator.advanceClock(15_000);
  expect(await notificationOf()).toMatchObject({ attempts: 2, acknowledged: true, lastReply: { errcode: 0 } });
  expect(gb.group(opened.data.groupId)).toMatchObject({ paidCount: 2 });
  expect((await gb.view(opened.data.groupId, 'o_zhao')).data.viewer).toMatchObject({ role: 'member', orderId: joined.data.orderId });
});
