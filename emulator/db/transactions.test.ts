/** Transactions through the real SDK: db.runTransaction(cb) and db.startTransaction(). */
import { Database } from './database';
import { startSdkHarness, sdkError, type SdkHarness } from './sdk-harness';

let h: SdkHarness;

beforeAll(async () => {
  h = await startSdkHarness({
    collections: { accounts: [], payments: [{ name: 'uniq_out_trade_no', keys: { outTradeNo: 1 }, unique: true }] },
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.db.reset();
  h.db.insert('accounts', [
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]);
});

const balances = () => Object.fromEntries(h.db.find('accounts').map((doc) => [doc._id, doc.balance]));

/** Resolves once `count` callers are waiting, so two transactions can be made to overlap. */
function barrier(count: number): () => Promise<void> {
  let waiting = 0;
  let release: () => void = () => undefined;
  const allThere = new Promise<void>((resolve) => (release = resolve));
  return async () => {
    waiting += 1;
    if (waiting === count) release();
    await allThere;
  };
}

describe('runTransaction', () => {
  test('commits every write of the callback together and returns its result', async () => {
    const _ = h.sdb.command;
    const result = await h.sdb.runTransaction(async (transaction) => {
      const { data } = await transaction.collection('accounts').doc('a').get();
      await transaction.collection('accounts').doc('a').update({ data: { balance: _.inc(-30) } });
      await transaction.collection('accounts').doc('b').update({ data: { balance: _.inc(30) } });
      return { before: data.balance };
    });
    expect(result).toEqual({ before: 100 });
    expect(balances()).toEqual({ a: 70, b: 30 });
  });

  test('transaction.rollback(reason) discards the writes and rejects with the reason', async () => {
    await expect(
      h.sdb.runTransaction(async (transaction) => {
        await transaction.collection('accounts').doc('a').update({ data: { balance: 0 } });
        await transaction.rollback('insufficient stock');
      }),
    ).rejects.toBe('insufficient stock');
    expect(balances()).toEqual({ a: 100, b: 0 });
  });

  test('an error thrown by the callback discards the writes', async () => {
    await expect(
      h.sdb.runTransaction(async (transaction) => {
        await transaction.collection('accounts').doc('a').update({ data: { balance: 0 } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(balances()).toEqual({ a: 100, b: 0 });
  });

  test('a conflict found at commit is retried by the SDK with a fresh transaction', async () => {
    let attempts = 0;
    await h.sdb.runTransaction(async (transaction) => {
      attempts += 1;
      const { data } = await transaction.collection('accounts').doc('a').get();
      await transaction.collection('accounts').doc('a').update({ data: { balance: data.balance + 1 } });
      if (attempts === 1) await h.sdb.collection('accounts').doc('a').update({ data: { balance: 500 } });
    });
    expect(attempts).toBe(2);
    expect(balances().a).toBe(501);
  });

  test('of two overlapping transactions on one document, one commits and the other fails with the conflict', async () => {
    const bothHaveRead = barrier(2);
    const increment = () =>
      h.sdb.runTransaction(async (transaction) => {
        const { data } = await transaction.collection('accounts').doc('a').get();
        await bothHaveRead();
        await transaction.collection('accounts').doc('a').update({ data: { balance: data.balance + 1 } });
      });
    const outcomes = await Promise.allSettled([increment(), increment()]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    // wx-server-sdk maps the conflict code, which it has no number for, to -501001
    expect(failure.reason).toMatchObject({ errCode: -501001, errMsg: expect.stringContaining('[ResourceUnavailable.TransactionConflict]') });
    expect(balances().a).toBe(101);
  });
});

describe('startTransaction', () => {
  test('staged writes are invisible outside until commit; inside, reads see them', async () => {
    const transaction = await h.sdb.startTransaction();
    const accounts = transaction.collection('accounts');
    await accounts.doc('a').update({ data: { balance: 1 } });
    await accounts.doc('c').set({ data: { balance: 7 } });
    const { _id: addedId } = await accounts.add({ data: { balance: 9 } });
    await accounts.doc('b').remove();

    expect((await accounts.doc('a').get()).data.balance).toBe(1);
    expect((await accounts.doc(String(addedId)).get()).data.balance).toBe(9);
    expect((await accounts.where({ balance: h.sdb.command.gt(5) }).get()).data.map((doc) => doc.balance).sort()).toEqual([7, 9]);
    expect(balances()).toEqual({ a: 100, b: 0 });
    expect((await h.sdb.collection('accounts').get()).data).toHaveLength(2);

    await transaction.commit();
    expect(balances()).toEqual({ a: 1, c: 7, [String(addedId)]: 9 });
  });

  test('rollback discards everything', async () => {
    const transaction = await h.sdb.startTransaction();
    await transaction.collection('accounts').doc('a').update({ data: { balance: 1 } });
    await transaction.collection('accounts').add({ data: { balance: 5 } });
    await transaction.rollback();
    expect(balances()).toEqual({ a: 100, b: 0 });
  });

  test('a document read keeps its snapshot; writing it after someone else changed it is a conflict', async () => {
    const transaction = await h.sdb.startTransaction();
    const account = transaction.collection('accounts').doc('a');
    expect((await account.get()).data.balance).toBe(100);
    await h.sdb.collection('accounts').doc('a').update({ data: { balance: 50 } });
    expect((await account.get()).data.balance).toBe(100);
    const conflict = await sdkError(account.update({ data: { balance: 90 } }));
    expect(conflict.errMsg).toContain('Transaction is conflict');
    await expect(transaction.commit()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('NoSuchTransaction') });
    expect(balances().a).toBe(50);
  });

  test('the second transaction to write a document conflicts at once; the first commits', async () => {
    const first = await h.sdb.startTransaction();
    const second = await h.sdb.startTransaction();
    await first.collection('accounts').doc('a').update({ data: { balance: 1 } });
    const conflict = await sdkError(second.collection('accounts').doc('a').update({ data: { balance: 2 } }));
    expect(conflict.errMsg).toContain('[ResourceUnavailable.TransactionConflict]');
    await first.commit();
    expect(balances().a).toBe(1);
  });

  test('a commit conflicts when a document it read was changed by another commit', async () => {
    const reader = await h.sdb.startTransaction();
    await reader.collection('accounts').doc('a').get();
    await reader.collection('accounts').doc('b').update({ data: { balance: 100 } });
    const writer = await h.sdb.startTransaction();
    await writer.collection('accounts').doc('a').update({ data: { balance: 0 } });
    await writer.commit();
    await expect(reader.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(balances()).toEqual({ a: 0, b: 0 });
  });

  test('an aborted transaction releases the documents it had written', async () => {
    const first = await h.sdb.startTransaction();
    await first.collection('accounts').doc('a').update({ data: { balance: 1 } });
    await first.rollback();
    const second = await h.sdb.startTransaction();
    await second.collection('accounts').doc('a').update({ data: { balance: 2 } });
    await second.commit();
    expect(balances().a).toBe(2);
  });

  test('a unique index violation fails the commit and nothing of it lands', async () => {
    h.db.insert('payments', [{ outTradeNo: 'T1' }]);
    const transaction = await h.sdb.startTransaction();
    await transaction.collection('accounts').doc('a').update({ data: { balance: 0 } });
    await transaction.collection('payments').add({ data: { outTradeNo: 'T1' } });
    await expect(transaction.commit()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('E11000') });
    expect(balances().a).toBe(100);
    expect(h.db.find('payments')).toHaveLength(1);
  });
});

describe('protocol details', () => {
  test('the older per-document transaction actions work', () => {
    const call = (body: Record<string, unknown>) => h.db.handleSync(body);
    const { transactionId } = call({ action: 'database.startTransaction' });
    expect(call({ action: 'database.getInTransaction', transactionId, collectionName: 'accounts', _id: 'a' })).toMatchObject({
      data: '{"_id":"a","balance":{"$numberInt":"100"}}',
    });
    expect(call({ action: 'database.updateDocInTransaction', transactionId, collectionName: 'accounts', _id: 'a', data: '{"$set":{"balance":5}}' })).toMatchObject({ updated: '1' });
    expect(call({ action: 'database.updateDocInTransaction', transactionId, collectionName: 'accounts', _id: 'n', data: '{"balance":3}', upsert: true })).toMatchObject({
      updated: '0',
      upserted: '[{"_id":"n"}]',
    });
    expect(call({ action: 'database.deleteDocInTransaction', transactionId, collectionName: 'accounts', _id: 'b' })).toMatchObject({ deleted: '1' });
    expect(call({ action: 'database.getInTransaction', transactionId, collectionName: 'accounts', _id: 'b' })).toMatchObject({ data: 'null' });
    call({ action: 'database.commitTransaction', transactionId });
    expect(balances()).toEqual({ a: 5, n: 3 });
  });

  test('a transaction left open past its lifetime is gone, and its writes never land', async () => {
    const db = new Database({ indexes: { collections: { accounts: [] } }, transactionTimeoutMs: 20 });
    db.insert('accounts', [{ _id: 'a', balance: 1 }]);
    const { transactionId } = db.handleSync({ action: 'database.startTransaction' });
    db.handleSync({ action: 'database.modifyDocument', transactionId, collectionName: 'accounts', query: '{"_id":"a"}', data: '{"$set":{"balance":2}}', merge: true });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(db.handleSync({ action: 'database.commitTransaction', transactionId })).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('NoSuchTransaction') });
    expect(db.find('accounts')[0].balance).toBe(1);
    db.close();
  });
});
