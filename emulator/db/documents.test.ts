/** Document reads and writes through the real wx-server-sdk, as cloud function code does them. */
import { startSdkHarness, sdkError, type SdkHarness } from './sdk-harness';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({ collections: { orders: [], places: [{ name: 'geo', keys: { at: '2dsphere' } }] } });
});
afterAll(() => h.close());
beforeEach(() => h.db.reset());

describe('add', () => {
  test('one document gets a cloud-shaped _id stamped with the emulator clock', async () => {
    h.clock.advance(10 * 24 * 3600 * 1000);
    const { _id } = await h.sdb.collection('orders').add({ data: { total: 1200 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    const stampedSeconds = parseInt(String(_id).slice(8, 16), 16);
    expect(Math.abs(stampedSeconds - Math.floor(h.clock.now() / 1000))).toBeLessThanOrEqual(1);
    expect(h.db.find('orders')).toEqual([{ _id, total: 1200 }]);
  });

  test('many documents at once return their _ids in order, a given _id is kept', async () => {
    const result = await h.sdb.collection('orders').add({ data: [{ _id: 'first', n: 1 }, { n: 2 }] });
    expect(result._ids[0]).toBe('first');
    expect(result._ids[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(h.db.find('orders').map((doc) => doc.n)).toEqual([1, 2]);
  });

  test('creates a collection that does not exist yet', async () => {
    await h.sdb.collection('brandNew').add({ data: { a: 1 } });
    expect(h.db.collections()).toContain('brandNew');
  });

  test('Dates and Geo points come back as Date and db.Geo.Point', async () => {
    const placedAt = new Date('2024-05-01T08:00:00.000Z');
    const { _id } = await h.sdb.collection('places').add({ data: { placedAt, at: h.sdb.Geo.Point(121.47, 31.23), tags: ['a'] } });
    const { data } = await h.sdb.collection('places').doc(String(_id)).get();
    expect(data.placedAt).toBeInstanceOf(Date);
    expect(data.placedAt.getTime()).toBe(placedAt.getTime());
    expect(data.at.constructor.name).toBe('Point');
    expect(data.at).toMatchObject({ longitude: 121.47, latitude: 31.23 });
    expect(data.at.toJSON()).toEqual(h.sdb.Geo.Point(121.47, 31.23).toJSON());
    expect(h.db.find('places')[0].at).toEqual({ type: 'Point', coordinates: [121.47, 31.23] });
  });
});

describe('doc()', () => {
  beforeEach(() => h.db.insert('orders', [{ _id: 'o1', status: 'new', total: 100, buyer: { city: 'Shanghai', name: 'Li' } }]));

  test('get returns the document; a missing one rejects as in the cloud', async () => {
    expect((await h.sdb.collection('orders').doc('o1').get()).data).toMatchObject({ _id: 'o1', total: 100 });
    const error = await sdkError(h.sdb.collection('orders').doc('nope').get());
    expect(error.errMsg).toBe('document.get:fail document with _id nope does not exist');
  });

  test('field() projects', async () => {
    const { data } = await h.sdb.collection('orders').doc('o1').field({ total: true }).get();
    expect(data).toEqual({ _id: 'o1', total: 100 });
  });

  test('update merges nested objects field by field', async () => {
    const result = await h.sdb.collection('orders').doc('o1').update({ data: { status: 'paid', buyer: { city: 'Beijing' } } });
    expect(result.stats.updated).toBe(1);
    expect(h.db.find('orders')[0]).toEqual({ _id: 'o1', status: 'paid', total: 100, buyer: { city: 'Beijing', name: 'Li' } });
  });

  test('update reports 0 when nothing changed or the document is missing', async () => {
    expect((await h.sdb.collection('orders').doc('o1').update({ data: { status: 'new' } })).stats.updated).toBe(0);
    expect((await h.sdb.collection('orders').doc('nope').update({ data: { status: 'x' } })).stats.updated).toBe(0);
  });

  test('set replaces a document, or creates it under that _id', async () => {
    const replaced = await h.sdb.collection('orders').doc('o1').set({ data: { status: 'void' } });
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    const created = await h.sdb.collection('orders').doc('o2').set({ data: { status: 'new' } });
    expect(created).toMatchObject({ _id: 'o2', stats: { updated: 0, created: 1 } });
    expect(h.db.find('orders')).toEqual([
      { _id: 'o1', status: 'void' },
      { _id: 'o2', status: 'new' },
    ]);
  });

  test('remove deletes it', async () => {
    expect((await h.sdb.collection('orders').doc('o1').remove({})).stats.removed).toBe(1);
    expect((await h.sdb.collection('orders').doc('o1').remove({})).stats.removed).toBe(0);
    expect(h.db.find('orders')).toEqual([]);
  });
});

describe('where()', () => {
  beforeEach(() =>
    h.db.insert(
      'orders',
      [5, 3, 9, 1, 7].map((n) => ({ _id: `o${n}`, n, group: n % 2 === 0 ? 'even' : 'odd', shop: n > 4 ? 'b' : 'a' })),
    ),
  );

  test('orderBy on several fields, skip and limit page through results', async () => {
    const page = await h.sdb.collection('orders').where({ group: 'odd' }).orderBy('shop', 'desc').orderBy('n', 'asc').skip(1).limit(3).get();
    expect(page.data.map((doc) => doc._id)).toEqual(['o7', 'o9', 'o1']);
  });

  test('field() keeps _id unless excluded', async () => {
    const { data } = await h.sdb.collection('orders').where({ n: 5 }).field({ n: true }).get();
    expect(data).toEqual([{ _id: 'o5', n: 5 }]);
    const { data: without } = await h.sdb.collection('orders').where({ n: 5 }).field({ _id: false, group: false, shop: false }).get();
    expect(without).toEqual([{ n: 5 }]);
  });

  test('count, update and remove act on every match', async () => {
    const _ = h.sdb.command;
    expect((await h.sdb.collection('orders').where({ shop: 'b' }).count()).total).toBe(3);
    expect((await h.sdb.collection('orders').where({ shop: 'b' }).update({ data: { flagged: true } })).stats.updated).toBe(3);
    expect((await h.sdb.collection('orders').where({ n: _.lt(4) }).remove()).stats.removed).toBe(2);
    expect(h.db.find('orders', { flagged: true }).map((doc) => doc._id)).toEqual(['o5', 'o9', 'o7']);
    expect(h.db.find('orders').length).toBe(3);
  });
});

describe('a collection that does not exist', () => {
  test('fails reads, counts, updates, removes and aggregates with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const missing = h.sdb.collection('ghosts');
    const failures = await Promise.all([
      sdkError(missing.get()),
      sdkError(missing.where({ a: 1 }).count()),
      sdkError(missing.doc('x').get()),
      sdkError(missing.where({ a: 1 }).update({ data: { a: 2 } })),
      sdkError(missing.where({ a: 1 }).remove()),
    ]);
    for (const failure of failures) {
      expect(failure.errCode).toBe(-502005);
      expect(failure.errMsg).toContain('database collection not exists. [ResourceNotFound] Db or Table not exist.');
    }
    // wx-server-sdk's aggregate().end() skips the errCode mapping the other calls do
    const aggregate = await sdkError(missing.aggregate().match({}).end());
    expect(aggregate).toEqual({ errCode: -1, errMsg: expect.stringContaining('collection.aggregate:fail [ResourceNotFound] Db or Table not exist.') });
  });

  test('createCollection makes it; creating it twice fails', async () => {
    await h.sdb.createCollection('ghosts');
    expect((await h.sdb.collection('ghosts').get()).data).toEqual([]);
    const error = await sdkError(h.sdb.createCollection('ghosts'));
    expect(error.errMsg).toContain('Table exist');
  });

  test('collections declared in the index file exist from the start and after reset', async () => {
    expect(h.db.collections().sort()).toEqual(['orders', 'places']);
    await h.sdb.collection('scratch').add({ data: {} });
    h.db.reset();
    expect(h.db.collections().sort()).toEqual(['orders', 'places']);
    expect((await h.sdb.collection('orders').get()).data).toEqual([]);
  });
});

describe('limit', () => {
  beforeEach(() => h.db.insert('orders', Array.from({ length: 1100 }, (_, i) => ({ i }))));

  test('defaults to 100 and is capped at 1000', async () => {
    expect((await h.sdb.collection('orders').get()).data).toHaveLength(100);
    expect((await h.sdb.collection('orders').limit(1000).get()).data).toHaveLength(1000);
    expect((await h.sdb.collection('orders').limit(5000).get()).data).toHaveLength(1000);
  });

  test('the server applies the same default and cap whatever a client sends', () => {
    const page = (limit?: number) => h.db.handleSync({ action: 'database.getDocument', collectionName: 'orders', limit }) as unknown as { data: { list: string[]; limit: number } };
    expect(page().data.list).toHaveLength(100);
    expect(page(5000).data).toMatchObject({ limit: 1000 });
    expect(page(5000).data.list).toHaveLength(1000);
  });
});

describe('db.serverDate()', () => {
  test('is the emulator clock, with its offset, in add, update and queries', async () => {
    const threeDays = 3 * 24 * 3600 * 1000;
    h.clock.advance(threeDays);
    const before = h.clock.now();
    const { _id } = await h.sdb.collection('orders').add({ data: { createdAt: h.sdb.serverDate(), expiresAt: h.sdb.serverDate({ offset: 60_000 }) } });
    const after = h.clock.now();
    const [stored] = h.db.find('orders');
    const createdAt = (stored.createdAt as Date).getTime();
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(createdAt).toBeLessThanOrEqual(after);
    expect(createdAt - Date.now()).toBeGreaterThan(threeDays - 60_000);
    expect((stored.expiresAt as Date).getTime() - createdAt).toBe(60_000);

    h.clock.advance(2 * 60_000);
    await h.sdb.collection('orders').doc(String(_id)).update({ data: { seenAt: h.sdb.serverDate() } });
    expect((h.db.find('orders')[0].seenAt as Date).getTime()).toBeGreaterThanOrEqual(h.clock.now() - 1000);

    const _ = h.sdb.command;
    const expired = await h.sdb.collection('orders').where({ expiresAt: _.lt(h.sdb.serverDate()) }).count();
    expect(expired.total).toBe(1);
  });
});
