/**
 * The protocol contract with wx-server-sdk: which action and which body keys each database call sends,
 * and the reply shapes the SDK accepts. If an SDK upgrade changes any of this, these tests fail first;
 * read the new SDK sources, update emulator/db/protocol.ts, then this table.
 */
import fs from 'fs';
import path from 'path';
import { startSdkHarness, type SdkHarness } from './sdk-harness';

const SDK_ENVELOPE = ['action', 'crossAuthorizationToken', 'envName', 'tcb_sessionToken', 'wxCloudApiToken', 'wxCloudbaseAccesstoken'];

function packageVersion(name: string, from: string): string {
  const file = require.resolve(`${name}/package.json`, { paths: [from] });
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({ collections: { items: [] } });
});
afterAll(() => h.close());
beforeEach(() => {
  h.db.reset();
  h.db.insert('items', [{ _id: 'x', a: 1 }]);
  h.server.requests.length = 0;
});

test('the SDK versions the protocol was read from are the ones installed', () => {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk'));
  const nodeSdkDir = path.dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }));
  expect(packageVersion('wx-server-sdk', process.cwd())).toBe('4.0.2');
  expect(packageVersion('@cloudbase/node-sdk', sdkDir)).toBe('3.17.2');
  expect(packageVersion('@cloudbase/database', nodeSdkDir)).toBe('1.4.3');
});

interface Sent {
  action: string;
  keys: string[];
}

function sent(): Sent[] {
  return h.server.requests.map((request) => ({
    action: String(request.body.action),
    keys: Object.keys(request.body)
      .filter((key) => !SDK_ENVELOPE.includes(key))
      .sort(),
  }));
}

const cases: Array<[string, () => Promise<unknown>, Sent[]]> = [
  ['collection.add (one)', () => h.sdb.collection('items').add({ data: { a: 2 } }), [{ action: 'database.insertDocument', keys: ['collectionName', 'data'] }]],
  [
    'collection.add (many)',
    () => h.sdb.collection('items').add({ data: [{ a: 2 }, { a: 3 }] }),
    [{ action: 'database.insertDocument', keys: ['collectionName', 'data'] }],
  ],
  [
    'where().orderBy().skip().limit().field().get()',
    () => h.sdb.collection('items').where({ a: 1 }).orderBy('a', 'desc').skip(1).limit(5).field({ a: true }).get(),
    [{ action: 'database.getDocument', keys: ['collectionName', 'limit', 'offset', 'order', 'projection', 'query', 'queryType'] }],
  ],
  ['collection.get()', () => h.sdb.collection('items').get(), [{ action: 'database.getDocument', keys: ['collectionName', 'limit', 'queryType'] }]],
  ['where().count()', () => h.sdb.collection('items').where({ a: 1 }).count(), [{ action: 'database.calculateDocument', keys: ['collectionName', 'query', 'queryType'] }]],
  ['doc().get()', () => h.sdb.collection('items').doc('x').get(), [{ action: 'database.getDocument', keys: ['collectionName', 'multi', 'query', 'queryType'] }]],
  [
    'doc().set()',
    () => h.sdb.collection('items').doc('y').set({ data: { a: 5 } }),
    [{ action: 'database.modifyDocument', keys: ['collectionName', 'data', 'merge', 'multi', 'query', 'queryType', 'upsert'] }],
  ],
  [
    'doc().update()',
    () => h.sdb.collection('items').doc('x').update({ data: { a: 2 } }),
    [{ action: 'database.modifyDocument', keys: ['collectionName', 'data', 'merge', 'multi', 'query', 'queryType', 'upsert'] }],
  ],
  ['doc().remove()', () => h.sdb.collection('items').doc('x').remove(), [{ action: 'database.removeDocument', keys: ['collectionName', 'multi', 'query', 'queryType'] }]],
  [
    'where().update()',
    () => h.sdb.collection('items').where({ a: 1 }).update({ data: { b: 1 } }),
    [{ action: 'database.modifyDocument', keys: ['collectionName', 'data', 'merge', 'multi', 'query', 'queryType', 'upsert'] }],
  ],
  ['where().remove()', () => h.sdb.collection('items').where({ a: 1 }).remove(), [{ action: 'database.removeDocument', keys: ['collectionName', 'multi', 'query', 'queryType'] }]],
  [
    'aggregate().match().end()',
    () => h.sdb.collection('items').aggregate().match({ a: 1 }).end(),
    [{ action: 'database.aggregateDocuments', keys: ['collectionName', 'stages'] }],
  ],
  ['createCollection()', () => h.sdb.createCollection('fresh'), [{ action: 'database.addCollection', keys: ['collectionName'] }]],
  [
    'startTransaction + doc get/update/set/remove, add, where().get(), commit',
    async () => {
      const transaction = await h.sdb.startTransaction();
      const items = transaction.collection('items');
      await items.doc('x').get();
      await items.doc('x').update({ data: { a: 9 } });
      await items.doc('z').set({ data: { a: 9 } });
      await items.add({ data: { a: 10 } });
      await items.doc('z').remove();
      await items.where({ a: 10 }).get();
      await transaction.commit();
    },
    [
      { action: 'database.startTransaction', keys: [] },
      { action: 'database.getDocument', keys: ['collectionName', 'multi', 'query', 'queryType', 'transactionId'] },
      { action: 'database.modifyDocument', keys: ['collectionName', 'data', 'merge', 'multi', 'query', 'queryType', 'transactionId', 'upsert'] },
      { action: 'database.modifyDocument', keys: ['collectionName', 'data', 'merge', 'multi', 'query', 'queryType', 'transactionId', 'upsert'] },
      { action: 'database.insertDocument', keys: ['collectionName', 'data', 'transactionId'] },
      { action: 'database.removeDocument', keys: ['collectionName', 'multi', 'query', 'queryType', 'transactionId'] },
      { action: 'database.getDocument', keys: ['collectionName', 'limit', 'query', 'queryType', 'transactionId'] },
      { action: 'database.commitTransaction', keys: ['transactionId'] },
    ],
  ],
  [
    'startTransaction + rollback',
    async () => {
      const transaction = await h.sdb.startTransaction();
      await transaction.rollback();
    },
    [
      { action: 'database.startTransaction', keys: [] },
      { action: 'database.abortTransaction', keys: ['transactionId'] },
    ],
  ],
];

test.each(cases)('%s sends exactly the recorded calls', async (_name, run, expected) => {
  await run();
  expect(sent()).toEqual(expected);
  for (const request of h.server.requests) {
    expect(request.path).toBe('/admin');
    expect(Object.keys(request.query).sort()).toEqual(['env', 'seqId']);
    expect(request.query.env).toBe('test');
    expect(request.body.envName).toBe('test');
  }
});

test('queries, documents, orders and projections travel as canonical EJSON strings', async () => {
  const _ = h.sdb.command;
  await h.sdb.collection('items').add({ data: { n: 1, at: new Date(5) } });
  await h.sdb.collection('items').where({ n: _.gt(0) }).orderBy('n', 'asc').field({ n: true }).get();
  await h.sdb.collection('items').doc('x').update({ data: { n: _.inc(1) } });
  const [insert, get, update] = h.server.requests.map((request) => request.body);
  expect(insert.data).toEqual(['{"n":{"$numberInt":"1"},"at":{"$date":{"$numberLong":"5"}}}']);
  expect(get).toMatchObject({ query: '{"n":{"$gt":{"$numberInt":"0"}}}', order: '{"n":{"$numberInt":"1"}}', projection: '{"n":{"$numberInt":"1"}}', limit: 100, queryType: 'WHERE' });
  expect(update).toMatchObject({ query: '{"_id":"x"}', data: '{"$inc":{"n":{"$numberInt":"1"}}}', queryType: 'DOC', multi: false, merge: true, upsert: false });
});

test('db.serverDate() and aggregate stages have their wire forms', async () => {
  await h.sdb.collection('items').add({ data: { at: h.sdb.serverDate({ offset: 1000 }) } });
  await h.sdb.collection('items').aggregate().group({ _id: '$a', n: h.sdb.command.aggregate.sum(1) }).limit(3).end();
  const [insert, aggregate] = h.server.requests.map((request) => request.body);
  expect(insert.data).toEqual(['{"at":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}}}']);
  expect(aggregate.stages).toEqual([
    { stageKey: '$group', stageValue: '{"_id":"$a","n":{"$sum":{"$numberInt":"1"}}}' },
    { stageKey: '$limit', stageValue: '3' },
  ]);
});

describe('reply shapes', () => {
  const handle = (body: Record<string, unknown>) => h.db.handleSync({ envName: 'test', ...body });

  test('reads, writes and counts answer { requestId, data: {...} }', () => {
    expect(handle({ action: 'database.getDocument', collectionName: 'items', query: '{}', limit: 10 })).toEqual({
      requestId: expect.any(String),
      data: { list: ['{"_id":"x","a":{"$numberInt":"1"}}'], offset: 0, limit: 10 },
    });
    expect(handle({ action: 'database.calculateDocument', collectionName: 'items' })).toEqual({ requestId: expect.any(String), data: { total: 1 } });
    expect(handle({ action: 'database.insertDocument', collectionName: 'items', data: ['{"_id":"n"}'] })).toEqual({
      requestId: expect.any(String),
      data: { insertedIds: ['n'] },
    });
    expect(handle({ action: 'database.modifyDocument', collectionName: 'items', query: '{"_id":"x"}', data: '{"$set":{"a":2}}', merge: true })).toEqual({
      requestId: expect.any(String),
      data: { updated: 1 },
    });
    expect(handle({ action: 'database.modifyDocument', collectionName: 'items', query: '{"_id":"u"}', data: '{"a":1}', merge: false, upsert: true })).toEqual({
      requestId: expect.any(String),
      data: { updated: 0, upsert_id: 'u' },
    });
    expect(handle({ action: 'database.removeDocument', collectionName: 'items', query: '{"_id":"u"}', multi: false })).toEqual({
      requestId: expect.any(String),
      data: { deleted: 1 },
    });
    expect(handle({ action: 'database.aggregateDocuments', collectionName: 'items', stages: [{ stageKey: '$count', stageValue: '"n"' }] })).toEqual({
      requestId: expect.any(String),
      data: { list: ['{"n":{"$numberInt":"2"}}'] },
    });
  });

  test('transaction calls answer at the top level', () => {
    const started = handle({ action: 'database.startTransaction' });
    expect(started).toEqual({ requestId: expect.any(String), transactionId: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(handle({ action: 'database.commitTransaction', transactionId: started.transactionId })).toEqual({ requestId: expect.any(String) });
  });

  test('failures answer { requestId, code, message } for the SDK to map to errCode', () => {
    expect(handle({ action: 'database.getDocument', collectionName: 'nope' })).toEqual({
      requestId: expect.any(String),
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message: expect.stringContaining('Db or Table not exist'),
    });
    expect(handle({ action: 'database.fancyNewThing', collectionName: 'items' })).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' });
    expect(handle({ action: 'database.getDocument', collectionName: 'items', query: '{not ejson' })).toMatchObject({ code: 'INVALID_PARAM' });
  });
});
