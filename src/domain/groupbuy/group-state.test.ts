import fc from 'fast-check';
import { AppError } from '../reply';
import {
  DEFAULT_PAYMENT_WINDOW_MS,
  groupAt,
  groupCasUpdate,
  groupFromDoc,
  groupToDoc,
  joinRefusal,
  openGroup,
  pendingEffects,
  placesLeft,
  transition,
  type Group,
  type GroupEffect,
  type GroupEvent,
} from './group-state';

const T0 = Date.UTC(2026, 11, 1, 4, 0, 0);
const MIN = 60_000;
const PRICE = 12_900;

function open(size = 3, options: { timeLimitMinutes?: number; activityEndsAt?: number } = {}): Group {
  return openGroup(
    {
      groupId: 'g1',
      activityId: 'gb-1',
      skuId: 'tee',
      size,
      timeLimitMinutes: options.timeLimitMinutes ?? 60,
      activityEndsAt: options.activityEndsAt ?? T0 + 30 * 24 * 60 * MIN,
      leader: { openid: 'lead', orderId: 'o-lead', quantity: 1, amount: PRICE },
    },
    T0,
  ).group;
}

/** Applies events in turn at the given times, collecting every effect. */
function run(group: Group, steps: [GroupEvent, number][]): { group: Group; effects: GroupEffect[] } {
  let g = group;
  const effects: GroupEffect[] = [];
  for (const [event, at] of steps) {
    const t = transition(g, event, at);
    g = t.group;
    effects.push(...t.effects);
  }
  return { group: g, effects };
}

const join = (openid: string, orderId = `o-${openid}`, quantity = 1): GroupEvent => ({ type: 'join', openid, orderId, quantity, amount: PRICE * quantity });
const pay = (openid: string, orderId = `o-${openid}`, amount = PRICE): GroupEvent => ({ type: 'payment', openid, orderId, amount });

/** A forming group: the leader paid at T0 + 1 min, so the deadline is T0 + 61 min. */
function forming(size = 3): Group {
  return run(open(size), [[pay('lead'), T0 + MIN]]).group;
}
const DEADLINE = T0 + 61 * MIN;

function refusalCode(group: Group, event: GroupEvent, now: number): string {
  try {
    transition(group, event, now);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
  throw new Error('expected the event to be refused');
}

const keysOf = (effects: readonly GroupEffect[], type?: GroupEffect['type']) => effects.filter((e) => !type || e.type === type).map((e) => e.key).sort();

describe('opening a group', () => {
  it('waits for the leader to pay before anyone may join, and starts the clock at that payment', () => {
    const g = open();
    expect(g.status).toBe('opening');
    expect(g.deadline).toBe(T0 + DEFAULT_PAYMENT_WINDOW_MS);
    expect(refusalCode(g, join('amy'), T0 + 1)).toBe('GROUP_NOT_READY');

    const started = transition(g, pay('lead'), T0 + 10 * MIN).group;
    expect(started.status).toBe('forming');
    expect(started.paidCount).toBe(1);
    expect(started.deadline).toBe(T0 + 70 * MIN);
    expect(placesLeft(started)).toBe(2);
  });

  it('never lets a group run past the end of its activity', () => {
    const g = run(open(3, { activityEndsAt: T0 + 30 * MIN }), [[pay('lead'), T0 + MIN]]).group;
    expect(g.deadline).toBe(T0 + 30 * MIN);
  });

  it('refunds a leader whose payment lands after the activity has ended', () => {
    const { group, effects } = run(open(3, { activityEndsAt: T0 + 5 * MIN }), [[pay('lead'), T0 + 5 * MIN]]);
    expect(group.status).toBe('failed');
    expect(effects.filter((e) => e.type === 'refund')).toEqual([
      expect.objectContaining({ key: 'groupbuy-refund:g1:o-lead', orderId: 'o-lead', openid: 'lead', amount: PRICE }),
    ]);
  });

  it('fails without any refund when the leader never pays, closing their order and giving the stock back', () => {
    const byTimer = run(open(), [[{ type: 'deadline' }, T0 + DEFAULT_PAYMENT_WINDOW_MS]]);
    expect(byTimer.group).toMatchObject({ status: 'failed', failReason: 'leader_unpaid' });
    expect(keysOf(byTimer.effects)).toEqual(['groupbuy-close:g1:o-lead', 'groupbuy-release:g1:o-lead']);

    const byOrderClose = run(open(), [[{ type: 'order_closed', orderId: 'o-lead' }, T0 + 5 * MIN]]);
    expect(byOrderClose.group).toMatchObject({ status: 'failed', failReason: 'leader_unpaid' });
    expect(keysOf(byOrderClose.effects)).toEqual(['groupbuy-release:g1:o-lead']);
    expect(refusalCode(byOrderClose.group, join('amy'), T0 + 6 * MIN)).toBe('GROUP_CLOSED');
  });

  it('refuses impossible terms as programming errors', () => {
    const base = { groupId: 'g', activityId: 'a', skuId: 's', size: 1, timeLimitMinutes: 60, activityEndsAt: T0 + MIN, leader: { openid: 'l', orderId: 'o', quantity: 1, amount: 1 } };
    expect(() => openGroup(base, T0)).toThrow(RangeError);
    expect(() => openGroup({ ...base, size: 2, leader: { ...base.leader, quantity: 0 } }, T0)).toThrow(RangeError);
    expect(() => openGroup({ ...base, size: 2 }, T0 + MIN)).toThrow(expect.objectContaining({ code: 'ACTIVITY_ENDED' }));
  });
});

describe('joining', () => {
  it('records an unpaid joiner without giving them a place', () => {
    const g = transition(forming(), join('amy'), T0 + 2 * MIN).group;
    expect(g.members.find((m) => m.openid === 'amy')).toMatchObject({ state: 'pending_payment', role: 'member', reserved: true });
    expect(g.paidCount).toBe(1);
    expect(placesLeft(g)).toBe(2);
  });

  it('does not let the leader join their own group', () => {
    expect(refusalCode(forming(), join('lead', 'o-lead-2'), T0 + 2 * MIN)).toBe('OWN_GROUP');
  });

  it('does not let anyone join the same group twice, paid or still paying', () => {
    const paying = transition(forming(), join('amy'), T0 + 2 * MIN).group;
    expect(refusalCode(paying, join('amy', 'o-amy-2'), T0 + 3 * MIN)).toBe('ALREADY_JOINED');
    const paid = transition(paying, pay('amy'), T0 + 3 * MIN).group;
    expect(refusalCode(paid, join('amy', 'o-amy-3'), T0 + 4 * MIN)).toBe('ALREADY_JOINED');
  });

  it('treats a retried join of the same order as already done', () => {
    const once = transition(forming(), join('amy'), T0 + 2 * MIN).group;
    const again = transition(once, join('amy'), T0 + 2 * MIN);
    expect(again.group).toBe(once);
    expect(again.effects).toEqual([]);
    expect(() => transition(once, join('bob', 'o-amy'), T0 + 2 * MIN)).toThrow(RangeError);
  });

  it('lets someone whose unpaid order closed try again', () => {
    const g = run(forming(), [
      [join('amy'), T0 + 2 * MIN],
      [{ type: 'order_closed', orderId: 'o-amy' }, T0 + 17 * MIN],
      [join('amy', 'o-amy-2'), T0 + 18 * MIN],
    ]).group;
    expect(g.members.filter((m) => m.openid === 'amy').map((m) => m.state)).toEqual(['cancelled', 'pending_payment']);
  });

  it('refuses a full, an expired and a closed group with their own codes', () => {
    const full = run(forming(2), [
      [join('amy'), T0 + 2 * MIN],
      [pay('amy'), T0 + 3 * MIN],
    ]).group;
    expect(full.status).toBe('succeeded');
    expect(refusalCode(full, join('bob'), T0 + 4 * MIN)).toBe('GROUP_FULL');

    expect(refusalCode(forming(), join('bob'), DEADLINE)).toBe('GROUP_EXPIRED');
    const closed = transition(forming(), { type: 'close' }, T0 + 5 * MIN).group;
    expect(refusalCode(closed, join('bob'), T0 + 6 * MIN)).toBe('GROUP_CLOSED');
  });

  it('turns joiners away while twice as many people are paying as there are places', () => {
    const g = run(forming(2), [
      [join('amy'), T0 + 2 * MIN],
      [join('bob'), T0 + 2 * MIN],
    ]).group;
    expect(refusalCode(g, join('cat'), T0 + 2 * MIN)).toBe('GROUP_BUSY');
    expect(joinRefusal(g, 'cat', T0 + 2 * MIN)?.message).toBe('参团的人太多了，请稍后再试');
  });
});

describe('payments', () => {
  it('succeeds on the N-th payment, fulfils every paid order and closes the unpaid ones', () => {
    const { group, effects } = run(forming(3), [
      [join('amy'), T0 + 2 * MIN],
      [join('bob'), T0 + 2 * MIN],
      [join('cat'), T0 + 2 * MIN],
      [pay('amy'), T0 + 3 * MIN],
      [pay('cat'), T0 + 4 * MIN],
    ]);
    expect(group).toMatchObject({ status: 'succeeded', paidCount: 3, closedAt: T0 + 4 * MIN });
    expect(keysOf(effects, 'fulfil')).toEqual(['groupbuy-fulfil:g1:o-amy', 'groupbuy-fulfil:g1:o-cat', 'groupbuy-fulfil:g1:o-lead']);
    expect(keysOf(effects, 'close_order')).toEqual(['groupbuy-close:g1:o-bob']);
    expect(keysOf(effects, 'release')).toEqual(['groupbuy-release:g1:o-bob']);
    expect(effects.filter((e) => e.type === 'notify').map((e) => [e.openid, e.type === 'notify' && e.kind]).sort()).toEqual([
      ['amy', 'group_succeeded'],
      ['cat', 'group_succeeded'],
      ['lead', 'group_succeeded'],
    ]);
    expect(keysOf(effects, 'refund')).toEqual([]);
  });

  it('refunds a payment that finds the last place taken, and invites the payer to open a group', () => {
    const race = run(forming(2), [
      [join('amy'), T0 + 2 * MIN],
      [join('bob'), T0 + 2 * MIN],
      [pay('amy'), T0 + 3 * MIN],
    ]).group;
    const { group, effects } = transition(race, pay('bob'), T0 + 3 * MIN + 1);
    expect(group.paidCount).toBe(2);
    expect(group.members.find((m) => m.openid === 'bob')).toMatchObject({ state: 'refunding', exit: 'overflow' });
    expect(effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'refund', key: 'groupbuy-refund:g1:o-bob', amount: PRICE, reason: 'overflow', delivery: 'at_least_once' }),
        expect.objectContaining({ type: 'notify', openid: 'bob', kind: 'overflow_refunded' }),
      ]),
    );
    // bob's stock was already given back when the group closed his unpaid order: not a second time.
    expect(keysOf(effects, 'release')).toEqual([]);
  });

  it('ignores a repeated payment callback', () => {
    const once = transition(forming(), join('amy'), T0 + 2 * MIN).group;
    const paid = transition(once, pay('amy'), T0 + 3 * MIN).group;
    const again = transition(paid, pay('amy'), T0 + 3 * MIN + 500);
    expect(again.group).toBe(paid);
    expect(again.effects).toEqual([]);
  });

  it('refunds a payment that lands after its order was closed, even with places left', () => {
    const { group, effects } = run(forming(3), [
      [join('amy'), T0 + 2 * MIN],
      [{ type: 'order_closed', orderId: 'o-amy' }, T0 + 17 * MIN],
      [pay('amy'), T0 + 17 * MIN + 1],
    ]);
    expect(group.paidCount).toBe(1);
    expect(keysOf(effects, 'refund')).toEqual(['groupbuy-refund:g1:o-amy']);
    expect(effects.find((e) => e.type === 'refund')).toMatchObject({ reason: 'late_payment' });
    expect(keysOf(effects, 'release')).toEqual(['groupbuy-release:g1:o-amy']);
  });

  it('refunds money for an order the group never recorded, without touching stock', () => {
    const { group, effects } = transition(forming(), pay('zed', 'o-stray', 500), T0 + 2 * MIN);
    expect(group.paidCount).toBe(1);
    expect(effects.map((e) => e.type).sort()).toEqual(['notify', 'refund']);
    expect(effects.find((e) => e.type === 'refund')).toMatchObject({ key: 'groupbuy-refund:g1:o-stray', amount: 500, openid: 'zed' });
  });
});

describe('the deadline', () => {
  const half = () =>
    run(forming(3), [
      [join('amy'), T0 + 2 * MIN],
      [join('bob'), T0 + 2 * MIN],
      [pay('amy'), T0 + 3 * MIN],
    ]).group;

  it('does nothing before the deadline, however often the timer fires', () => {
    const g = half();
    const early = transition(g, { type: 'deadline' }, DEADLINE - 1);
    expect(early.group).toBe(g);
    expect(early.effects).toEqual([]);
  });

  it('fails a group short of N at the deadline and refunds every paid member once', () => {
    const { group, effects } = transition(half(), { type: 'deadline' }, DEADLINE);
    expect(group).toMatchObject({ status: 'failed', failReason: 'expired', paidCount: 0 });
    expect(effects.filter((e) => e.type === 'refund')).toEqual([
      expect.objectContaining({ key: 'groupbuy-refund:g1:o-lead', openid: 'lead', amount: PRICE, reason: 'group_failed' }),
      expect.objectContaining({ key: 'groupbuy-refund:g1:o-amy', openid: 'amy', amount: PRICE, reason: 'group_failed' }),
    ]);
    expect(keysOf(effects, 'release')).toEqual(['groupbuy-release:g1:o-amy', 'groupbuy-release:g1:o-bob', 'groupbuy-release:g1:o-lead']);
    expect(keysOf(effects, 'close_order')).toEqual(['groupbuy-close:g1:o-bob']);

    const twice = transition(group, { type: 'deadline' }, DEADLINE + 5);
    expect(twice.group).toBe(group);
    expect(twice.effects).toEqual([]);
  });

  it('lets a payment that arrives after the deadline fail the group instead of completing it', () => {
    const { group, effects } = transition(half(), pay('bob'), DEADLINE + 1);
    expect(group.status).toBe('failed');
    expect(keysOf(effects, 'refund')).toEqual(['groupbuy-refund:g1:o-amy', 'groupbuy-refund:g1:o-bob', 'groupbuy-refund:g1:o-lead']);
    expect(keysOf(effects, 'fulfil')).toEqual([]);
  });

  it('shows the expiry to readers before the timer has written it', () => {
    const g = half();
    expect(groupAt(g, DEADLINE - 1)).toBe(g);
    expect(groupAt(g, DEADLINE).status).toBe('failed');
  });

  it('leaves a succeeded group alone', () => {
    const done = run(forming(2), [
      [join('amy'), T0 + 2 * MIN],
      [pay('amy'), T0 + 3 * MIN],
    ]).group;
    expect(transition(done, { type: 'deadline' }, DEADLINE + MIN).group).toBe(done);
    expect(transition(done, { type: 'close' }, DEADLINE + MIN).group).toBe(done);
  });
});

describe('refunds and effects', () => {
  const failed = () => transition(forming(2), { type: 'close' }, T0 + 5 * MIN).group;

  it('keeps a refund owed until the provider confirms it, then forgets it', () => {
    const g = failed();
    expect(g.failReason).toBe('closed');
    expect(keysOf(pendingEffects(g), 'refund')).toEqual(['groupbuy-refund:g1:o-lead']);
    // The server saying it asked for the refund is not the money arriving.
    const asked = transition(g, { type: 'effect_done', key: 'groupbuy-refund:g1:o-lead' }, T0 + 6 * MIN);
    expect(asked.group).toBe(g);

    const confirmed = transition(g, { type: 'refund_confirmed', orderId: 'o-lead' }, T0 + 7 * MIN);
    expect(confirmed.group.members[0].state).toBe('refunded');
    expect(confirmed.effects).toEqual([]);
    expect(keysOf(pendingEffects(confirmed.group), 'refund')).toEqual([]);
    expect(transition(confirmed.group, { type: 'refund_confirmed', orderId: 'o-lead' }, T0 + 8 * MIN).group).toBe(confirmed.group);
  });

  it('does not settle work the server was never handed', () => {
    // Past the deadline, before the timer: the expiry and the refund it owes are created by this
    // very transition, so a confirmation or an acknowledgement arriving with it cannot be genuine.
    const due = forming(2);
    const confirm = transition(due, { type: 'refund_confirmed', orderId: 'o-lead' }, DEADLINE);
    expect(confirm.group.members[0].state).toBe('refunding');
    expect(keysOf(confirm.effects, 'refund')).toEqual(['groupbuy-refund:g1:o-lead']);
    const ack = transition(due, { type: 'effect_done', key: 'groupbuy-release:g1:o-lead' }, DEADLINE);
    expect(ack.group.done).toEqual([]);
    expect(keysOf(ack.effects, 'release')).toEqual(['groupbuy-release:g1:o-lead']);
  });

  it('counts the work still owed and forgets each effect once reported done', () => {
    let g = failed();
    expect(g.outstanding).toBe(pendingEffects(g).length);
    for (const e of pendingEffects(g)) {
      g = transition(g, e.type === 'refund' ? { type: 'refund_confirmed', orderId: e.orderId } : { type: 'effect_done', key: e.key }, T0 + 9 * MIN).group;
    }
    expect(pendingEffects(g)).toEqual([]);
    expect(g.outstanding).toBe(0);
    expect(transition(g, { type: 'effect_done', key: 'groupbuy-release:g1:o-lead' }, T0 + 10 * MIN).group).toBe(g);
    expect(transition(g, { type: 'effect_done', key: 'made-up' }, T0 + 10 * MIN).group).toBe(g);
  });

  it('settles several effects in one event exactly as one by one, ignoring refunds, repeats and unknown keys', () => {
    const g = failed();
    const owed = pendingEffects(g);
    const settleable = owed.filter((e) => e.type !== 'refund').map((e) => e.key);
    expect(settleable.length).toBeGreaterThan(1);
    const keys = [...owed.map((e) => e.key), settleable[0], 'made-up'];
    const together = transition(g, { type: 'effects_done', keys }, T0 + 9 * MIN).group;
    let oneByOne = g;
    for (const key of keys) oneByOne = transition(oneByOne, { type: 'effect_done', key }, T0 + 9 * MIN).group;
    expect(together.done).toEqual(settleable);
    expect(together.done).toEqual(oneByOne.done);
    expect(together.outstanding).toBe(oneByOne.outstanding);
    expect(together.version).toBe(g.version + 1);
    expect(transition(together, { type: 'effects_done', keys }, T0 + 10 * MIN).group).toBe(together);
  });

  it('marks stock release and notices at most once, refunds and fulfilment at least once', () => {
    const delivery = Object.fromEntries(pendingEffects(failed()).map((e) => [e.type, e.delivery]));
    expect(delivery).toEqual({ refund: 'at_least_once', release: 'at_most_once', notify: 'at_most_once' });
  });
});

describe('writing a group with compare-and-set', () => {
  it('bumps the version on every change and conditions the write on the version read', () => {
    const before = forming();
    const after = transition(before, join('amy'), T0 + 2 * MIN).group;
    expect(after.version).toBe(before.version + 1);
    const write = groupCasUpdate(before, after);
    expect(write).toMatchObject({ collection: 'groupbuy_groups', id: 'g1', where: { version: { op: 'eq', value: before.version } } });
    expect(write.set).not.toHaveProperty('id');
    expect(write.set).toMatchObject({ version: after.version, members: after.members });
  });

  it('stores the group under its id as _id and reads it back unchanged', () => {
    const g = forming();
    expect(groupToDoc(g)).toMatchObject({ _id: 'g1', status: 'forming' });
    expect(groupToDoc(g)).not.toHaveProperty('id');
    expect(groupFromDoc(groupToDoc(g))).toEqual(g);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based: any sequence of events, checked against the invariants and a plain model.

type Step =
  | { kind: 'join'; user: number; quantity: number }
  | { kind: 'pay'; order: number }
  | { kind: 'stray_pay' }
  | { kind: 'close_order'; order: number }
  | { kind: 'deadline' }
  | { kind: 'ops_close' }
  | { kind: 'confirm_refund'; order: number }
  | { kind: 'ack'; pick: number }
  | { kind: 'wait'; minutes: number };

const USERS = ['lead', 'u1', 'u2', 'u3', 'u4', 'u5'];

// Weighted so that all outcomes come up often: a rare operations close (one in ~80 steps) still
// lets most groups run to success, expiry or overflow instead of being closed early.
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('join' as const), user: fc.integer({ min: 0, max: 5 }), quantity: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 30, arbitrary: fc.record({ kind: fc.constant('pay' as const), order: fc.nat(12) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'stray_pay' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('close_order' as const), order: fc.nat(12) }) },
  { weight: 5, arbitrary: fc.constant({ kind: 'deadline' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'ops_close' as const }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('confirm_refund' as const), order: fc.nat(12) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('ack' as const), pick: fc.nat(20) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 0, max: 20 }) }) },
);

/** A plain check for the hot loop of the property tests: jest's expect costs too much per step. */
function ensure(ok: boolean, what: string, detail?: unknown): void {
  if (!ok) throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

function checkInvariants(g: Group): void {
  const paid = g.members.filter((m) => m.state === 'paid');
  ensure(g.paidCount === paid.length, 'paidCount counts the paid members', g);
  ensure(paid.length <= g.size, 'never more than N paid members', g);
  if (g.status === 'succeeded') {
    ensure(paid.length === g.size, 'a succeeded group has exactly N paid members', g);
    ensure(g.closedAt !== null && g.closedAt < g.deadline, 'success only before the deadline', g);
  }
  ensure(g.status !== 'failed' || paid.length === 0, 'a failed group keeps no paid member', g);
  const active = g.members.filter((m) => m.state === 'pending_payment' || m.state === 'paid');
  ensure(new Set(active.map((m) => m.openid)).size === active.length, 'one active membership per person', g.members);
  ensure(g.members.every((m) => m.openid !== g.leaderOpenid || m.role === 'leader'), 'the leader never joins as a member', g.members);
  ensure(g.outstanding === pendingEffects(g).length, 'outstanding counts the pending effects', g);
}

describe('any sequence of events (model-based)', () => {
  it('keeps every invariant, and settles with each paid order either fulfilled or refunded exactly once', () => {
    // Most runs start with the leader paying, or nearly every group would die unopened.
    const runArb = fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.array(stepArb, { minLength: 5, maxLength: 50, size: 'max' }))
      .map(([n, rest]): Step[] => (n === 0 ? rest : [{ kind: 'pay', order: 0 }, ...rest]));
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 10, max: 120 }), runArb, (size, timeLimitMinutes, steps) => {
        let now = T0;
        let g = openGroup(
          {
            groupId: 'g1',
            activityId: 'gb-1',
            skuId: 'tee',
            size,
            timeLimitMinutes,
            activityEndsAt: T0 + 10 * 24 * 60 * MIN,
            leader: { openid: 'lead', orderId: 'o0', quantity: 1, amount: PRICE },
          },
          now,
        ).group;
        const orders = [{ orderId: 'o0', openid: 'lead' }];
        const emitted: GroupEffect[] = [];
        const landed = new Set<string>(); // orders whose money arrived
        let strays = 0;
        // The plain model: who holds a place is decided by the first `size` payments of orders that
        // are open (created, not closed) while the group runs, before its deadline.
        const model = { status: 'opening' as 'opening' | 'forming' | 'succeeded' | 'failed', deadline: T0 + DEFAULT_PAYMENT_WINDOW_MS, places: [] as string[] };
        const openOrders = new Set<string>(['o0']);
        const modelExpire = () => {
          if ((model.status === 'opening' || model.status === 'forming') && now >= model.deadline) {
            model.status = 'failed';
            model.places = [];
          }
        };

        const apply = (event: GroupEvent) => {
          const before = g;
          const t = transition(g, event, now);
          if (t.group === before) ensure(t.effects.length === 0, 'no effects without a change', event);
          else ensure(t.group.version === before.version + 1, 'each change bumps the version once', event);
          g = t.group;
          emitted.push(...t.effects);
          checkInvariants(g);
        };

        for (const step of steps) {
          modelExpire();
          switch (step.kind) {
            case 'wait':
              now += step.minutes * MIN;
              break;
            case 'join': {
              const openid = USERS[step.user];
              const orderId = `o${orders.length}`;
              const expected = joinRefusal(g, openid, now);
              let refused: AppError | null = null;
              try {
                apply({ type: 'join', openid, orderId, quantity: step.quantity, amount: PRICE * step.quantity });
              } catch (e) {
                if (!(e instanceof AppError)) throw e;
                refused = e;
              }
              ensure(refused?.code === expected?.code, 'join refuses exactly when joinRefusal says so', [refused?.code, expected?.code]);
              if (openid === 'lead') ensure(refused?.code === 'OWN_GROUP', 'the leader cannot join', refused?.code);
              if (!refused) {
                ensure(model.status === 'forming', 'joins only while the group is forming', model.status);
                orders.push({ orderId, openid });
                openOrders.add(orderId);
              }
              break;
            }
            case 'pay': {
              const o = orders[step.order % orders.length];
              if (!landed.has(o.orderId)) {
                landed.add(o.orderId);
                if (openOrders.has(o.orderId)) {
                  openOrders.delete(o.orderId);
                  if (model.status === 'opening' && o.orderId === 'o0') {
                    model.status = 'forming';
                    model.places.push('o0');
                    model.deadline = now + timeLimitMinutes * MIN;
                  } else if (model.status === 'forming' && model.places.length < size) {
                    model.places.push(o.orderId);
                    if (model.places.length === size) {
                      model.status = 'succeeded';
                      openOrders.clear();
                    }
                  }
                }
              }
              apply({ type: 'payment', orderId: o.orderId, openid: o.openid, amount: PRICE });
              break;
            }
            case 'stray_pay':
              strays += 1;
              landed.add(`stray${strays}`);
              apply({ type: 'payment', orderId: `stray${strays}`, openid: 'u9', amount: 300 });
              break;
            case 'close_order': {
              const o = orders[step.order % orders.length];
              if (openOrders.has(o.orderId) && !landed.has(o.orderId)) {
                openOrders.delete(o.orderId);
                if (o.orderId === 'o0' && model.status === 'opening') model.status = 'failed';
              }
              apply({ type: 'order_closed', orderId: o.orderId });
              break;
            }
            case 'deadline':
              apply({ type: 'deadline' });
              break;
            case 'ops_close':
              if (model.status === 'opening' || model.status === 'forming') {
                model.status = 'failed';
                model.places = [];
              }
              apply({ type: 'close' });
              break;
            case 'confirm_refund':
              apply({ type: 'refund_confirmed', orderId: orders[step.order % orders.length].orderId });
              break;
            case 'ack': {
              const owed = pendingEffects(g).filter((e) => e.type !== 'refund');
              // One key, or (as a filling group reports its fulfilments) everything owed in one event.
              if (owed.length > 0 && step.pick % 2 === 0) apply({ type: 'effects_done', keys: owed.map((e) => e.key) });
              else if (owed.length > 0) apply({ type: 'effect_done', key: owed[step.pick % owed.length].key });
              break;
            }
          }
          if (model.status === 'failed' || model.status === 'succeeded') openOrders.clear();
          modelExpire();
          const settled = groupAt(g, now);
          ensure(settled.status === model.status, 'status agrees with the model', [settled.status, model.status]);
          const seated = settled.members.filter((m) => m.state === 'paid').map((m) => m.orderId).sort();
          ensure(seated.join() === [...model.places].sort().join(), 'the seated orders agree with the model', [seated, model.places]);
        }

        // Settle: the timer fires (twice) after the deadline, then the server works off everything owed.
        now = Math.max(now, g.deadline) + MIN;
        apply({ type: 'deadline' });
        apply({ type: 'deadline' });
        for (let round = 0; round < 3; round += 1) {
          for (const e of pendingEffects(g)) {
            apply(e.type === 'refund' ? { type: 'refund_confirmed', orderId: e.orderId } : { type: 'effect_done', key: e.key });
          }
        }
        expect(pendingEffects(g)).toEqual([]);
        expect(['succeeded', 'failed']).toContain(g.status);

        // No obligation is ever handed out twice: a retried effect reuses its key, it is never re-emitted.
        const keys = emitted.map((e) => e.key);
        expect(new Set(keys).size).toBe(keys.length);

        for (const m of g.members) {
          const refunds = emitted.filter((e) => e.type === 'refund' && e.orderId === m.orderId);
          const fulfils = emitted.filter((e) => e.type === 'fulfil' && e.orderId === m.orderId);
          const releases = emitted.filter((e) => e.type === 'release' && e.orderId === m.orderId);
          const placed = g.status === 'succeeded' && m.state === 'paid';
          if (placed) {
            expect([refunds.length, fulfils.length, releases.length]).toEqual([0, 1, 0]);
          } else if (landed.has(m.orderId)) {
            // Paid without keeping a place: refunded exactly once, of exactly what was paid.
            expect(refunds).toHaveLength(1);
            expect(refunds[0]).toMatchObject({ amount: m.amount, openid: m.openid, key: `groupbuy-refund:g1:${m.orderId}` });
            expect(m.state).toBe('refunded');
            expect(fulfils).toHaveLength(0);
          } else {
            expect(refunds).toHaveLength(0);
            expect(m.state).toBe('cancelled');
          }
          // Stock held at order creation comes back exactly once unless the order was fulfilled.
          if (!placed) expect(releases).toHaveLength(m.reserved ? 1 : 0);
        }
        expect(g.members.filter((m) => landed.has(m.orderId)).length).toBe(landed.size);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The server recipe under concurrency: read, transition, compare-and-set on version, retry.

describe('concurrent payments through compare-and-set', () => {
  type Doc = ReturnType<typeof groupToDoc>;

  it('never seats more than N however the reads and writes of simultaneous payers interleave', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 9 }), fc.array(fc.nat(), { minLength: 1, maxLength: 300 }), (size, payers, schedule) => {
        let g = forming(size);
        // As many joiners as the group lets pay at once (two per place left).
        for (let i = 0; i < Math.min(payers, 2 * (size - 1)); i += 1) g = transition(g, join(`p${i}`), T0 + 2 * MIN).group;
        const joined = g.members.filter((m) => m.state === 'pending_payment').map((m) => m.openid);
        let doc: Doc = groupToDoc(g);
        // Each worker handles one payment callback: read -> transition -> conditional write, retrying on conflict.
        const workers = joined.map((openid) => ({ openid, read: null as Group | null, done: false, conflicts: 0 }));
        let pick = 0;
        while (workers.some((w) => !w.done)) {
          const live = workers.filter((w) => !w.done);
          const w = live[schedule[pick++ % schedule.length] % live.length];
          if (!w.read) {
            w.read = groupFromDoc(doc);
            continue;
          }
          const t = transition(w.read, pay(w.openid), T0 + 5 * MIN);
          if (t.group !== w.read) {
            const write = groupCasUpdate(w.read, t.group);
            if (doc.version !== (write.where.version.value as number)) {
              w.conflicts += 1;
              w.read = null; // lost the race: read again and re-apply
              continue;
            }
            doc = { ...doc, ...(write.set as Partial<Doc>) };
          }
          w.done = true;
        }
        const final = groupFromDoc(doc);
        checkInvariants(final);
        const seated = Math.min(size, 1 + joined.length);
        expect(final.paidCount).toBe(seated);
        expect(final.status).toBe(seated === size ? 'succeeded' : 'forming');
        for (const openid of joined) {
          // Every payer is accounted for: seated, or refunded.
          const m = final.members.find((x) => x.openid === openid)!;
          expect(['paid', 'refunding']).toContain(m.state);
        }
        expect(final.members.filter((m) => m.state === 'refunding')).toHaveLength(joined.length + 1 - seated);
      }),
      { numRuns: 300 },
    );
  });
});
