/** Many callers at once: each single-document read-modify-write is atomic, as on the cloud. */
import { startSdkHarness, type SdkHarness } from './sdk-harness';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({ collections: { skus: [], users: [] } });
});
afterAll(() => h.close());
beforeEach(() => h.db.reset());

test('200 simultaneous conditional decrements on stock 50: exactly 50 succeed and stock ends at 0', async () => {
  h.db.insert('skus', [{ _id: 'sku-1', stock: 50 }]);
  const _ = h.sdb.command;
  const results = await Promise.all(
    Array.from({ length: 200 }, () =>
      h.sdb
        .collection('skus')
        .where({ _id: 'sku-1', stock: _.gte(1) })
        .update({ data: { stock: _.inc(-1) } }),
    ),
  );
  const updated = results.map((result) => result.stats.updated);
  expect(updated.filter((n) => n === 1)).toHaveLength(50);
  expect(updated.filter((n) => n === 0)).toHaveLength(150);
  expect(h.db.find('skus')[0].stock).toBe(0);
}, 30_000);

test('simultaneous first inserts under one _id: one wins, the rest get the duplicate-key error', async () => {
  const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => h.sdb.collection('users').add({ data: { _id: 'openid-1', attempt: i } })));
  const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
  const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(19);
  for (const { reason } of lost) expect(reason).toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('E11000 duplicate key error') });
  expect(h.db.find('users')).toHaveLength(1);
});
