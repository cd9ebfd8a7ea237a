/** Unique indexes and the index declaration file. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Database } from './database';
import { INDEX_FILE_PATH, loadIndexFile, validateIndexFile } from './indexes';
import { startSdkHarness, sdkError, type SdkHarness } from './sdk-harness';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({
    collections: {
      payments: [{ name: 'uniq_out_trade_no', keys: { outTradeNo: 1 }, unique: true }],
      claims: [{ name: 'uniq_user_coupon', keys: { openid: 1, couponId: 1 }, unique: true }],
    },
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.db.reset();
  h.db.insert('payments', [{ _id: 'p1', outTradeNo: 'T1', amount: 100 }]);
});

test('a duplicate insert fails with the E11000 duplicate-key error the SDK reports as -502001', async () => {
  const error = await sdkError(h.sdb.collection('payments').add({ data: { outTradeNo: 'T1', amount: 200 } }));
  expect(error.errCode).toBe(-502001);
  expect(error.errMsg).toContain('collection.add:fail -502001 database request fail.');
  expect(error.errMsg).toContain('E11000 duplicate key error collection: test.payments index: uniq_out_trade_no dup key: { outTradeNo: "T1" }');
  expect(h.db.find('payments')).toHaveLength(1);
});

test('a duplicate _id fails on the built-in _id_ index', async () => {
  const error = await sdkError(h.sdb.collection('payments').add({ data: { _id: 'p1', outTradeNo: 'T2' } }));
  expect(error.errMsg).toContain('index: _id_ dup key: { _id: "p1" }');
});

test('an update that would duplicate a unique value fails and changes nothing', async () => {
  await h.sdb.collection('payments').add({ data: { _id: 'p2', outTradeNo: 'T2' } });
  const error = await sdkError(h.sdb.collection('payments').doc('p2').update({ data: { outTradeNo: 'T1' } }));
  expect(error.errCode).toBe(-502001);
  expect(error.errMsg).toContain('E11000');
  expect(h.db.find('payments', { _id: 'p2' })[0].outTradeNo).toBe('T2');
  // keeping or swapping its own value is fine
  await h.sdb.collection('payments').doc('p2').update({ data: { outTradeNo: 'T2', amount: 5 } });
  await h.sdb.collection('payments').doc('p1').update({ data: { outTradeNo: 'T9' } });
  await h.sdb.collection('payments').doc('p2').update({ data: { outTradeNo: 'T1' } });
  expect(h.db.find('payments').map((doc) => doc.outTradeNo)).toEqual(['T9', 'T1']);
});

test('set() replacing a document is checked too', async () => {
  const error = await sdkError(h.sdb.collection('payments').doc('p3').set({ data: { outTradeNo: 'T1' } }));
  expect(error.errMsg).toContain('E11000');
});

test('a batch insert with a duplicate inside inserts nothing', async () => {
  const error = await sdkError(h.sdb.collection('payments').add({ data: [{ outTradeNo: 'T5' }, { outTradeNo: 'T5' }] }));
  expect(error.errMsg).toContain('dup key: { outTradeNo: "T5" }');
  expect(h.db.find('payments')).toHaveLength(1);
});

test('compound unique keys compare the whole tuple; a missing field counts as null', async () => {
  const claims = h.sdb.collection('claims');
  await claims.add({ data: { openid: 'u1', couponId: 'c1' } });
  await claims.add({ data: { openid: 'u1', couponId: 'c2' } });
  await claims.add({ data: { openid: 'u2', couponId: 'c1' } });
  const duplicate = await sdkError(claims.add({ data: { openid: 'u1', couponId: 'c1' } }));
  expect(duplicate.errMsg).toContain('index: uniq_user_coupon dup key: { openid: "u1", couponId: "c1" }');
  await claims.add({ data: { openid: 'u3' } });
  const nullCollision = await sdkError(claims.add({ data: { openid: 'u3' } }));
  expect(nullCollision.errMsg).toContain('dup key: { openid: "u3", couponId: null }');
});

test('a removed document frees its unique value', async () => {
  await h.sdb.collection('payments').doc('p1').remove({});
  await h.sdb.collection('payments').add({ data: { outTradeNo: 'T1' } });
  expect(h.db.find('payments')).toHaveLength(1);
});

describe('the index declaration file', () => {
  test('the checked-in emulator/indexes.json is valid', () => {
    const file = loadIndexFile(INDEX_FILE_PATH);
    expect(Object.keys(file.collections).length).toBeGreaterThan(0);
  });

  test('a Database without an indexes option uses the checked-in file', () => {
    const db = new Database();
    expect(db.collections().sort()).toEqual(Object.keys(loadIndexFile().collections).sort());
    db.close();
  });

  test.each([
    [{}, 'collections'],
    [{ collections: { orders: {} } }, 'must be a list'],
    [{ collections: { orders: [{ keys: { a: 1 } }] } }, 'needs a name'],
    [{ collections: { orders: [{ name: 'x', keys: {} }] } }, 'keys must map'],
    [{ collections: { orders: [{ name: 'x', keys: { a: 2 } }] } }, 'must be 1, -1 or "2dsphere"'],
    [{ collections: { orders: [{ name: 'x', keys: { a: 1 } }, { name: 'x', keys: { b: 1 } }] } }, 'duplicate index name'],
    [{ collections: { orders: [{ name: 'x', keys: { at: '2dsphere' }, unique: true }] } }, 'cannot be unique'],
    [{ collections: { '9lives': [] } }, 'collection names'],
  ])('rejects %j', (raw, message) => {
    expect(() => validateIndexFile(raw)).toThrow(message);
  });

  test('the emulator refuses to start on a broken file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weave-indexes-'));
    const file = path.join(dir, 'indexes.json');
    fs.writeFileSync(file, JSON.stringify({ collections: { orders: [{ name: 'a', keys: { x: 'up' } }] } }));
    expect(() => loadIndexFile(file)).toThrow(`${file}: orders[0].keys.x: must be 1, -1 or "2dsphere"`);
    fs.rmSync(dir, { recursive: true });
  });
});
