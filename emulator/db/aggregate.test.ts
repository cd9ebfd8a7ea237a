/** Aggregation pipelines through the real SDK. */
import { startSdkHarness, type SdkHarness } from './sdk-harness';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({ collections: { orders: [], users: [] } });
});
afterAll(() => h.close());
beforeEach(() => {
  h.db.reset();
  h.db.insert('users', [
    { _id: 'u1', name: 'Li', tier: 'gold' },
    { _id: 'u2', name: 'Wang', tier: 'normal' },
  ]);
  h.db.insert('orders', [
    { _id: 'o1', userId: 'u1', total: 1000, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 2 }], paidAt: new Date('2024-05-01T02:00:00Z') },
    { _id: 'o2', userId: 'u1', total: 3000, items: [{ sku: 'a', qty: 3 }], paidAt: new Date('2024-05-02T02:00:00Z') },
    { _id: 'o3', userId: 'u2', total: 500, items: [], paidAt: null },
  ]);
});

test('match, group with sum/avg/max/push, sort, project', async () => {
  const $ = h.sdb.command.aggregate;
  const _ = h.sdb.command;
  const { list } = await h.sdb
    .collection('orders')
    .aggregate()
    .match({ total: _.gte(500) })
    .group({ _id: '$userId', spent: $.sum('$total'), average: $.avg('$total'), biggest: $.max('$total'), orders: $.push('$_id'), count: $.sum(1) })
    .sort({ spent: -1 })
    .project({ _id: 0, userId: '$_id', spent: 1, average: 1, biggest: 1, orders: 1, count: 1 })
    .limit(10)
    .end();
  expect(list).toEqual([
    { userId: 'u1', spent: 4000, average: 2000, biggest: 3000, orders: ['o1', 'o2'], count: 2 },
    { userId: 'u2', spent: 500, average: 500, biggest: 500, orders: ['o3'], count: 1 },
  ]);
});

test('lookup joins another collection, unwind flattens arrays, skip and limit page', async () => {
  const { list } = await h.sdb
    .collection('orders')
    .aggregate()
    .lookup({ from: 'users', localField: 'userId', foreignField: '_id', as: 'user' })
    .unwind('$items')
    .sort({ _id: 1, 'items.sku': 1 })
    .skip(1)
    .limit(2)
    .project({ _id: 1, sku: '$items.sku', qty: '$items.qty', tier: { $arrayElemAt: ['$user.tier', 0] } })
    .end();
  expect(list).toEqual([
    { _id: 'o1', sku: 'b', qty: 2, tier: 'gold' },
    { _id: 'o2', sku: 'a', qty: 3, tier: 'gold' },
  ]);
});

test('count and addFields; Dates stay Dates', async () => {
  const _ = h.sdb.command;
  const counted = await h.sdb.collection('orders').aggregate().match({ paidAt: _.neq(null) }).count('paid').end();
  expect(counted.list).toEqual([{ paid: 2 }]);
  const { list } = await h.sdb.collection('orders').aggregate().match({ _id: 'o1' }).addFields({ doubled: { $multiply: ['$total', 2] } }).limit(1).end();
  expect(list[0]).toMatchObject({ doubled: 2000 });
  expect(list[0].paidAt).toBeInstanceOf(Date);
});

test('without a limit stage the cloud returns at most 20 records', async () => {
  h.db.insert('orders', Array.from({ length: 30 }, (_, i) => ({ userId: 'bulk', total: i })));
  const _ = h.sdb.command;
  const unlimited = await h.sdb.collection('orders').aggregate().match({ userId: 'bulk' }).end();
  expect(unlimited.list).toHaveLength(20);
  const limited = await h.sdb.collection('orders').aggregate().match({ userId: 'bulk', total: _.gte(0) }).limit(100).end();
  expect(limited.list).toHaveLength(30);
});
