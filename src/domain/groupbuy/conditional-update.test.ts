import {
  applyConditionalUpdate,
  applyToStore,
  cmp,
  docKey,
  runClaimPlan,
  runClaimsInterleaved,
  toWxData,
  toWxWhere,
  undoIncrements,
  type ClaimPlan,
  type ConditionalUpdate,
  type DbCommandLike,
  type DocStore,
} from './conditional-update';

const takeTwo: ConditionalUpdate = { collection: 'stock', id: 's1', where: { stock: cmp.gte(2) }, inc: { stock: -2, sold: 2 } };

describe('conditional updates as data', () => {
  it('applies only when every condition holds, as one step', () => {
    expect(applyConditionalUpdate({ _id: 's1', stock: 5, sold: 0 }, takeTwo)).toEqual({ matched: true, doc: { _id: 's1', stock: 3, sold: 2 } });
    const short = { _id: 's1', stock: 1, sold: 4 };
    expect(applyConditionalUpdate(short, takeTwo)).toEqual({ matched: false, doc: short });
  });

  it('never matches an ordering comparison on a missing or non-number field', () => {
    expect(applyConditionalUpdate({ _id: 's1' }, takeTwo).matched).toBe(false);
    expect(applyConditionalUpdate({ _id: 's1', stock: '9' }, takeTwo).matched).toBe(false);
    expect(applyConditionalUpdate(undefined, takeTwo)).toEqual({ matched: false, doc: undefined });
  });

  it('compares eq and neq, and replaces set fields wholesale', () => {
    const cas: ConditionalUpdate = { collection: 'g', id: 'g1', where: { version: cmp.eq(3), status: cmp.neq('failed') }, set: { members: [1], version: 4 } };
    expect(applyConditionalUpdate({ _id: 'g1', version: 3, status: 'forming', members: [0, 9] }, cas).doc).toEqual({
      _id: 'g1',
      version: 4,
      status: 'forming',
      members: [1],
    });
    expect(applyConditionalUpdate({ _id: 'g1', version: 2, status: 'forming' }, cas).matched).toBe(false);
    expect(applyConditionalUpdate({ _id: 'g1', version: 3, status: 'failed' }, cas).matched).toBe(false);
  });

  it('treats a missing document as its missingAs starting point', () => {
    const counter: ConditionalUpdate = { collection: 'c', id: 'u1', where: { bought: cmp.lte(1) }, inc: { bought: 2 }, missingAs: { bought: 0 } };
    expect(applyConditionalUpdate(undefined, counter)).toEqual({ matched: true, doc: { _id: 'u1', bought: 2 } });
    expect(applyConditionalUpdate({ _id: 'u1', bought: 2 }, counter).matched).toBe(false);
  });

  it('undoes exactly the increments, unconditionally', () => {
    const undo = undoIncrements(takeTwo);
    expect(undo).toEqual({ collection: 'stock', id: 's1', where: {}, inc: { stock: 2, sold: -2 } });
    const store: DocStore = new Map([[docKey('stock', 's1'), { _id: 's1', stock: 2, sold: 0 }]]);
    expect(applyToStore(store, takeTwo)).toBe(true);
    expect(applyToStore(store, undo)).toBe(true);
    expect(store.get('stock/s1')).toEqual({ _id: 's1', stock: 2, sold: 0 });
  });

  it('runs a plan in order and gives back earlier steps when a later one fails', () => {
    const store: DocStore = new Map([
      ['c/u1', { _id: 'u1', bought: 0 }],
      ['stock/s1', { _id: 's1', stock: 1, sold: 0 }],
    ]);
    const plan = {
      steps: [
        { update: { collection: 'c', id: 'u1', where: { bought: cmp.lte(0) }, inc: { bought: 2 } }, refusal: { code: 'OVER_LIMIT', message: '限购' } },
        { update: takeTwo, refusal: { code: 'OUT_OF_STOCK', message: '库存不足' } },
      ],
    };
    expect(runClaimPlan(store, plan)).toEqual({ ok: false, refusal: { code: 'OUT_OF_STOCK', message: '库存不足' } });
    expect(store.get('c/u1')).toEqual({ _id: 'u1', bought: 0 });
    expect(store.get('stock/s1')).toEqual({ _id: 's1', stock: 1, sold: 0 });
  });

  it('lets exactly one of two simultaneous claims take the last unit, in every interleaving', () => {
    const lastOne = (buyer: string): ClaimPlan => ({
      steps: [
        { update: { collection: 'c', id: buyer, where: { bought: cmp.lte(0) }, inc: { bought: 1 }, missingAs: { bought: 0 } }, refusal: { code: 'OVER_LIMIT', message: '限购' } },
        { update: { collection: 'stock', id: 's1', where: { stock: cmp.gte(1) }, inc: { stock: -1 } }, refusal: { code: 'SOLD_OUT', message: '已抢光' } },
      ],
    });
    for (const schedule of [[0], [1], [0, 1], [1, 0], [0, 0, 1, 1], [1, 1, 0, 0], [0, 1, 1, 0]]) {
      const store: DocStore = new Map([['stock/s1', { _id: 's1', stock: 1 }]]);
      const won = runClaimsInterleaved(store, [lastOne('a'), lastOne('b')], schedule);
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(store.get('stock/s1')).toEqual({ _id: 's1', stock: 0 });
      // The loser's counter was given back.
      expect([store.get('c/a')?.bought, store.get('c/b')?.bought].sort()).toEqual([0, 1]);
    }
    expect(runClaimsInterleaved(new Map(), [{ steps: [] }], [])).toEqual([true]);
  });

  it('translates to wx-server-sdk where/update data through db.command', () => {
    const _: DbCommandLike<string, string> = {
      eq: (v) => `eq(${v})`,
      neq: (v) => `neq(${v})`,
      lt: (v) => `lt(${v})`,
      lte: (v) => `lte(${v})`,
      gt: (v) => `gt(${v})`,
      gte: (v) => `gte(${v})`,
      inc: (v) => `inc(${v})`,
      set: (v) => `set(${JSON.stringify(v)})`,
    };
    const u: ConditionalUpdate = { collection: 'x', id: 'd1', where: { stock: cmp.gte(2), version: cmp.eq(7) }, inc: { stock: -2 }, set: { members: ['a'] } };
    expect(toWxWhere(u, _)).toEqual({ _id: 'd1', stock: 'gte(2)', version: 'eq(7)' });
    expect(toWxData(u, _)).toEqual({ stock: 'inc(-2)', members: 'set(["a"])' });
  });
});
