/** db.command query and update operators through the real SDK. */
import type { Doc } from './ejson';
import { startSdkHarness, type SdkHarness } from './sdk-harness';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({ collections: { products: [] } });
});
afterAll(() => h.close());

const products: Doc[] = [
  { _id: 'p1', name: 'Linen Shirt', price: 19900, tags: ['summer', 'linen'], sizes: [{ size: 'M', stock: 3 }, { size: 'L', stock: 0 }], spec: { color: 'white' } },
  { _id: 'p2', name: 'Denim Jacket', price: 49900, tags: ['denim'], sizes: [{ size: 'M', stock: 0 }], spec: { color: 'blue' }, onSale: true },
  { _id: 'p3', name: 'linen trousers', price: 29900, tags: ['summer', 'linen', 'eco'], sizes: [], spec: { color: 'beige' } },
  { _id: 'p4', name: 'Wool Coat', price: 99900, tags: [], sizes: [{ size: 'S', stock: 1 }], spec: { color: 'white' }, onSale: false },
];

async function ids(where: object): Promise<string[]> {
  const { data } = await h.sdb.collection('products').where(where).orderBy('_id', 'asc').get();
  return data.map((doc) => String(doc._id));
}

describe('query operators', () => {
  beforeAll(() => {
    h.db.reset();
    h.db.insert('products', products);
  });

  test('comparison: eq, neq, gt, gte, lt, lte, in, nin', async () => {
    const _ = h.sdb.command;
    expect(await ids({ price: _.eq(19900) })).toEqual(['p1']);
    expect(await ids({ price: _.neq(19900) })).toEqual(['p2', 'p3', 'p4']);
    expect(await ids({ price: _.gt(29900) })).toEqual(['p2', 'p4']);
    expect(await ids({ price: _.gte(29900) })).toEqual(['p2', 'p3', 'p4']);
    expect(await ids({ price: _.lt(29900) })).toEqual(['p1']);
    expect(await ids({ price: _.lte(29900) })).toEqual(['p1', 'p3']);
    expect(await ids({ _id: _.in(['p2', 'p4', 'nope']) })).toEqual(['p2', 'p4']);
    expect(await ids({ tags: _.nin(['linen', 'denim']) })).toEqual(['p4']);
  });

  test('logic: and, or (field-level and across fields), nor, not', async () => {
    const _ = h.sdb.command;
    expect(await ids({ price: _.gt(19900).and(_.lt(99900)) })).toEqual(['p2', 'p3']);
    expect(await ids({ price: _.lt(20000).or(_.gt(90000)) })).toEqual(['p1', 'p4']);
    expect(await ids(_.or([{ 'spec.color': 'blue' }, { price: _.gt(90000) }]))).toEqual(['p2', 'p4']);
    expect(await ids(_.and([{ tags: 'linen' }, { price: _.gt(20000) }]))).toEqual(['p3']);
    expect(await ids(_.nor([{ tags: 'linen' }, { onSale: true }]))).toEqual(['p4']);
    expect(await ids({ price: _.not(_.gt(29900)) })).toEqual(['p1', 'p3']);
  });

  test('element and array: exists, size, elemMatch, all', async () => {
    const _ = h.sdb.command;
    expect(await ids({ onSale: _.exists(true) })).toEqual(['p2', 'p4']);
    expect(await ids({ onSale: _.exists(false) })).toEqual(['p1', 'p3']);
    expect(await ids({ tags: _.size(0) })).toEqual(['p4']);
    expect(await ids({ sizes: _.elemMatch({ size: 'M', stock: _.gt(0) }) })).toEqual(['p1']);
    expect(await ids({ tags: _.all(['summer', 'linen']) })).toEqual(['p1', 'p3']);
    expect(await ids({ tags: 'eco' })).toEqual(['p3']);
  });

  test('nested fields by object or by dotted path', async () => {
    expect(await ids({ spec: { color: 'white' } })).toEqual(['p1', 'p4']);
    expect(await ids({ 'spec.color': 'beige' })).toEqual(['p3']);
    expect(await ids({ 'sizes.size': 'S' })).toEqual(['p4']);
  });

  test('regular expressions: db.RegExp and a JS RegExp', async () => {
    expect(await ids({ name: h.sdb.RegExp({ regexp: '^linen', options: 'i' }) })).toEqual(['p1', 'p3']);
    expect(await ids({ name: /coat$/i })).toEqual(['p4']);
    expect(await ids({ name: h.sdb.RegExp({ regexp: '^linen' }) })).toEqual(['p3']);
  });

  test('an unknown operator fails like the cloud, as DATABASE_REQUEST_FAILED', async () => {
    const reply = h.db.handleSync({ action: 'database.getDocument', collectionName: 'products', query: '{"price":{"$bogus":1}}' });
    expect(reply).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('$bogus') });
  });
});

describe('update operators', () => {
  beforeEach(() => {
    h.db.reset();
    h.db.insert('products', [{ _id: 'p', stock: 10, price: 100, tags: ['a', 'b', 'a'], list: [1, 2, 3], meta: { views: 1, note: 'x' }, best: 50 }]);
  });

  const update = (data: object) => h.sdb.collection('products').doc('p').update({ data });
  const current = (): Doc => h.db.find('products')[0];

  test('inc, mul, min, max', async () => {
    const _ = h.sdb.command;
    await update({ stock: _.inc(-3), price: _.mul(2), best: _.min(40), 'meta.views': _.max(7) });
    expect(current()).toMatchObject({ stock: 7, price: 200, best: 40, meta: { views: 7, note: 'x' } });
    await update({ best: _.min(90), 'meta.views': _.max(2) });
    expect(current()).toMatchObject({ best: 40, meta: { views: 7 } });
  });

  test('set replaces a whole object where a plain object merges; remove deletes a field', async () => {
    const _ = h.sdb.command;
    await update({ meta: _.set({ views: 0 }) });
    expect(current().meta).toEqual({ views: 0 });
    await update({ meta: { extra: true } });
    expect(current().meta).toEqual({ views: 0, extra: true });
    await update({ best: _.remove() });
    expect(current()).not.toHaveProperty('best');
  });

  test('push (one, many), pop, shift, unshift', async () => {
    const _ = h.sdb.command;
    await update({ list: _.push(4) });
    await update({ list: _.push([5, 6]) });
    expect(current().list).toEqual([1, 2, 3, 4, 5, 6]);
    await update({ list: _.pop() });
    await update({ list: _.shift() });
    expect(current().list).toEqual([2, 3, 4, 5]);
    await update({ list: _.unshift([0, 1]) });
    expect(current().list).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('push with each, position, slice and sort', async () => {
    const _ = h.sdb.command;
    await update({ list: _.push({ each: [9, 0], position: 1, sort: -1, slice: 3 }) });
    expect(current().list).toEqual([9, 3, 2]);
  });

  test('pull (value and condition), pullAll, addToSet', async () => {
    const _ = h.sdb.command;
    await update({ tags: _.pull('a') });
    expect(current().tags).toEqual(['b']);
    await update({ list: _.pull(_.gte(2)) });
    expect(current().list).toEqual([1]);
    await update({ tags: _.addToSet('b') });
    await update({ tags: _.addToSet('c') });
    expect(current().tags).toEqual(['b', 'c']);
    await update({ tags: _.addToSet({ $each: ['c', 'd', 'e'] }) });
    expect(current().tags).toEqual(['b', 'c', 'd', 'e']);
    await update({ tags: _.pullAll(['b', 'e']) });
    expect(current().tags).toEqual(['c', 'd']);
  });

  test('rename', async () => {
    const _ = h.sdb.command;
    await update({ best: _.rename('bestPrice') });
    expect(current()).toMatchObject({ bestPrice: 50 });
    expect(current()).not.toHaveProperty('best');
  });

  test('raw update documents: $currentDate reads the emulator clock, $setOnInsert only applies to an upsert', () => {
    h.clock.advance(24 * 3600 * 1000);
    h.db.update('products', { _id: 'p' }, { $currentDate: { touchedAt: true }, $setOnInsert: { created: true } });
    expect((current().touchedAt as Date).getTime()).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
    expect(current()).not.toHaveProperty('created');
    const upsert = h.db.handleSync({
      action: 'database.modifyDocument',
      collectionName: 'products',
      query: '{"_id":"fresh","kind":"shirt"}',
      data: '{"$setOnInsert":{"created":true},"$inc":{"stock":2}}',
      merge: true,
      upsert: true,
    });
    expect(upsert).toMatchObject({ data: { updated: 0, upsert_id: 'fresh' } });
    expect(h.db.find('products', { _id: 'fresh' })).toEqual([{ _id: 'fresh', kind: 'shirt', created: true, stock: 2 }]);
  });

  test('an update may not change _id', () => {
    const reply = h.db.handleSync({ action: 'database.modifyDocument', collectionName: 'products', query: '{"_id":"p"}', data: '{"$set":{"_id":"q"}}', merge: true });
    expect(reply).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining("immutable field '_id'") });
    expect(current()._id).toBe('p');
  });
});
