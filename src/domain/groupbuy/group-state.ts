import { isFen, type Fen } from '../money';
import type { AppError } from '../reply';
import { cmp, type ConditionalUpdate } from './conditional-update';
import { groupBuyError } from './errors';

/**
 * One group (一个团) of a group-buy activity, as a pure state machine:
 * `transition(group, event, now) -> { group, effects }`.
 *
 * The server keeps the group as ONE document and applies a transition with a compare-and-set on
 * `version` (see `groupCasUpdate`), so transitions of one group are serialised by the database
 * and every invariant below only has to hold for one transition at a time:
 *  - never more than `size` paid members: a place is taken only by a payment, only while
 *    `paidCount < size`, and the size-th payment closes the group;
 *  - success only before the deadline: every event first expires a group whose deadline has
 *    passed, so a late payment meets a failed group, whatever the timer is doing;
 *  - one active membership per person, and the leader never joins their own group;
 *  - every member who paid and holds no place is refunded, under one key per order
 *    (`groupbuy-refund:<groupId>:<orderId>`), so retries never refund twice.
 *
 * A place is HELD ONLY ONCE PAID. A joiner's order is recorded as `pending_payment` (it reserved
 * stock, not a place); whoever pays first takes the place, and a payment that finds no place left
 * is refunded automatically ("overflow"). Pages show paid members as the group and unpaid joiners
 * only as a count ("2人正在支付"); see group-view.ts.
 *
 * Effects are not fire-and-forget: `pendingEffects(group)` derives, from the state alone, what
 * the server still owes (refunds not yet confirmed, orders not yet moved to fulfilment, stock not
 * yet given back). A transition returns the effects it newly made due; a sweeper re-runs
 * `pendingEffects` for groups with `outstanding > 0`, so a crash between the write and the
 * effects loses nothing.
 *
 * Times are UTC epoch milliseconds. Absent values are null, not undefined, because the group is
 * stored as a document.
 */

export type GroupStatus = 'opening' | 'forming' | 'succeeded' | 'failed';
/** expired: the deadline passed short of N; leader_unpaid: the leader never paid; closed: operations closed it. */
export type FailReason = 'expired' | 'leader_unpaid' | 'closed';
export type MemberState = 'pending_payment' | 'paid' | 'cancelled' | 'refunding' | 'refunded';
/**
 * Why a member left without goods. For `cancelled` (never paid): payment_timeout (their order
 * closed unpaid) or group_ended (the group succeeded or failed before they paid). For
 * `refunding`/`refunded`: group_failed, overflow (paid when no place was left) or late_payment
 * (the money arrived after their order had already been closed).
 */
export type ExitReason = 'payment_timeout' | 'group_ended' | 'group_failed' | 'overflow' | 'late_payment';

export interface GroupMember {
  readonly openid: string;
  readonly orderId: string;
  readonly role: 'leader' | 'member';
  readonly quantity: number;
  /** What the order charges (group price x quantity), and so what a refund returns. */
  readonly amount: Fen;
  readonly state: MemberState;
  readonly joinedAt: number;
  readonly paidAt: number | null;
  /** Stock and per-user quota were reserved for this order and must go back if it leaves without goods. */
  readonly reserved: boolean;
  readonly exit: ExitReason | null;
}

export interface Group {
  readonly id: string;
  readonly activityId: string;
  readonly skuId: string;
  /** N, copied from the activity when the group opened, so editing the activity never changes a running group. */
  readonly size: number;
  readonly timeLimitMs: number;
  readonly activityEndsAt: number;
  readonly leaderOpenid: string;
  readonly status: GroupStatus;
  readonly failReason: FailReason | null;
  readonly openedAt: number;
  /**
   * The group's one timer, stored so nothing lives in memory: while `opening`, the leader's
   * payment deadline; while `forming`, the deadline to fill the group. Index (status, deadline).
   */
  readonly deadline: number;
  readonly closedAt: number | null;
  /** Places taken = members in state `paid`. Stored for queries; always equal to the count. */
  readonly paidCount: number;
  readonly members: readonly GroupMember[];
  /** Keys of effects the server has reported done (`effect_done`); refunds are done by `refund_confirmed` instead. */
  readonly done: readonly string[];
  /** pendingEffects(group).length, stored so the sweeper can find unfinished groups by index. */
  readonly outstanding: number;
  /** Bumped by every change; the compare-and-set condition of the server's write. */
  readonly version: number;
}

/** Leader's order payment window while the group is `opening`; matches the order system's window. */
export const DEFAULT_PAYMENT_WINDOW_MS = 15 * 60_000;
/**
 * Joiners allowed to be paying at once, per place left. One unpaid joiner per place would let a
 * single abandoned cashier page block the group for the whole payment window; unlimited joiners
 * would make most of them pay only to be refunded. Two per place keeps both rare.
 */
export const MAX_PAYING_PER_PLACE = 2;
/** Bounds the document: abandoned and refunded orders stay on record, so a griefer could grow it forever. */
export const MAX_MEMBER_RECORDS = 60;

export type GroupEvent =
  /** A member's order was created (stock reserved): refused with an AppError when they may not join. */
  | { readonly type: 'join'; readonly openid: string; readonly orderId: string; readonly quantity: number; readonly amount: Fen }
  /** The payment callback for an order of this group. A fact: never refused, possibly repeated. */
  | { readonly type: 'payment'; readonly orderId: string; readonly openid: string; readonly amount: Fen }
  /** An unpaid order was closed (payment window over, or the buyer cancelled it). */
  | { readonly type: 'order_closed'; readonly orderId: string }
  /** The timer. May fire early, late or twice; only `now >= deadline` does anything. */
  | { readonly type: 'deadline' }
  /** Operations closed the group (e.g. the activity was withdrawn): fails it if it is still open. */
  | { readonly type: 'close' }
  /** The refund callback for an order: the money is back with the buyer. */
  | { readonly type: 'refund_confirmed'; readonly orderId: string }
  /** The server carried out an effect (other than a refund). */
  | { readonly type: 'effect_done'; readonly key: string }
  /** The server carried out several effects: one write where a group that fills reports N of them. */
  | { readonly type: 'effects_done'; readonly keys: readonly string[] };

/**
 * at_least_once: repeat until done; repeating is harmless (refunds dedupe on their key at the
 * payment provider, moving an order uses a conditional update). at_most_once: mark done FIRST,
 * then do it — repeating would hurt (stock given back twice oversells; a notice twice annoys),
 * and a crash in between costs a unit of stock until reconciliation, never an oversell.
 */
export type EffectDelivery = 'at_least_once' | 'at_most_once';

interface EffectBase {
  /** The idempotency key: the same obligation always carries the same key. */
  readonly key: string;
  readonly delivery: EffectDelivery;
  readonly groupId: string;
  readonly orderId: string;
  readonly openid: string;
}

export type RefundReason = 'group_failed' | 'overflow' | 'late_payment';
export type NoticeKind = 'group_succeeded' | 'group_failed' | 'overflow_refunded' | 'late_payment_refunded';

export type GroupEffect =
  /** Refund the whole order amount. Done when the `refund_confirmed` event arrives. */
  | (EffectBase & { readonly type: 'refund'; readonly amount: Fen; readonly reason: RefundReason })
  /** The group succeeded: move this paid order to fulfilment (conditional on its current status). */
  | (EffectBase & { readonly type: 'fulfil' })
  /** Close an unpaid order at the payment provider so it can no longer be paid. */
  | (EffectBase & { readonly type: 'close_order' })
  /** Give back this order's stock and per-user quota (groupBuyRelease). */
  | (EffectBase & { readonly type: 'release'; readonly activityId: string; readonly skuId: string; readonly quantity: number })
  /** Tell the buyer what happened (subscription message); overflow_refunded invites them to open their own group. */
  | (EffectBase & { readonly type: 'notify'; readonly kind: NoticeKind });

export interface Transition {
  readonly group: Group;
  /** Effects this transition made due, each for the first time. Empty when nothing changed. */
  readonly effects: readonly GroupEffect[];
}

export const refundKey = (groupId: string, orderId: string): string => `groupbuy-refund:${groupId}:${orderId}`;
export const fulfilKey = (groupId: string, orderId: string): string => `groupbuy-fulfil:${groupId}:${orderId}`;
export const closeOrderKey = (groupId: string, orderId: string): string => `groupbuy-close:${groupId}:${orderId}`;
export const releaseKey = (groupId: string, orderId: string): string => `groupbuy-release:${groupId}:${orderId}`;
export const noticeKey = (groupId: string, orderId: string): string => `groupbuy-notify:${groupId}:${orderId}`;

// ---------------------------------------------------------------------------------------------
// Reading a group

const isActive = (m: GroupMember) => m.state === 'pending_payment' || m.state === 'paid';
const hasLeft = (m: GroupMember) => m.state === 'cancelled' || m.state === 'refunding' || m.state === 'refunded';

export function isOpen(group: Group): boolean {
  return group.status === 'opening' || group.status === 'forming';
}

/** Places a payment could still take; 0 unless forming. Unpaid joiners do not reduce it. */
export function placesLeft(group: Group): number {
  return group.status === 'forming' ? group.size - group.paidCount : 0;
}

/** Joiners whose order exists but whose payment has not landed. */
export function payingCount(group: Group): number {
  return group.members.filter((m) => m.state === 'pending_payment').length;
}

export function memberByOrder(group: Group, orderId: string): GroupMember | undefined {
  return group.members.find((m) => m.orderId === orderId);
}

/** The group as it stands at `now`: a group past its deadline is failed even before the timer says so. */
export function groupAt(group: Group, now: number): Group {
  if (isOpen(group) && now >= group.deadline) return fail(group, group.status === 'opening' ? 'leader_unpaid' : 'expired', now);
  return group;
}

/**
 * Why `openid` may not join now, or null if they may. The same check `join` enforces, exported
 * so a page can disable the button with the reason instead of letting the person try.
 */
export function joinRefusal(group: Group, openid: string, now: number): AppError | null {
  const g = groupAt(group, now);
  if (openid === g.leaderOpenid) return groupBuyError('OWN_GROUP');
  if (g.members.some((m) => m.openid === openid && isActive(m))) return groupBuyError('ALREADY_JOINED');
  if (g.status === 'failed') return groupBuyError(g.failReason === 'expired' ? 'GROUP_EXPIRED' : 'GROUP_CLOSED');
  if (g.status === 'succeeded' || g.paidCount >= g.size) return groupBuyError('GROUP_FULL');
  if (g.status === 'opening') return groupBuyError('GROUP_NOT_READY');
  if (payingCount(g) >= placesLeft(g) * MAX_PAYING_PER_PLACE || g.members.length >= MAX_MEMBER_RECORDS) {
    return groupBuyError('GROUP_BUSY');
  }
  return null;
}

/**
 * Everything the server still owes for this group, derived from its state: refunds until
 * confirmed, the rest until reported done. Deterministic keys make it safe to run again.
 */
export function pendingEffects(group: Group): GroupEffect[] {
  const effects: GroupEffect[] = [];
  const done = new Set(group.done);
  for (const m of group.members) {
    const base = { groupId: group.id, orderId: m.orderId, openid: m.openid };
    if (m.state === 'refunding') {
      const reason = m.exit === 'group_failed' || m.exit === 'late_payment' ? m.exit : 'overflow';
      effects.push({ ...base, type: 'refund', key: refundKey(group.id, m.orderId), delivery: 'at_least_once', amount: m.amount, reason });
    }
    if (group.status === 'succeeded' && m.state === 'paid' && !done.has(fulfilKey(group.id, m.orderId))) {
      effects.push({ ...base, type: 'fulfil', key: fulfilKey(group.id, m.orderId), delivery: 'at_least_once' });
    }
    if (m.state === 'cancelled' && m.exit === 'group_ended' && !done.has(closeOrderKey(group.id, m.orderId))) {
      effects.push({ ...base, type: 'close_order', key: closeOrderKey(group.id, m.orderId), delivery: 'at_least_once' });
    }
    if (m.reserved && hasLeft(m) && !done.has(releaseKey(group.id, m.orderId))) {
      effects.push({
        ...base,
        type: 'release',
        key: releaseKey(group.id, m.orderId),
        delivery: 'at_most_once',
        activityId: group.activityId,
        skuId: group.skuId,
        quantity: m.quantity,
      });
    }
    const kind = noticeFor(group, m);
    if (kind && !done.has(noticeKey(group.id, m.orderId))) {
      effects.push({ ...base, type: 'notify', key: noticeKey(group.id, m.orderId), delivery: 'at_most_once', kind });
    }
  }
  return effects;
}

function noticeFor(group: Group, m: GroupMember): NoticeKind | null {
  if (group.status === 'succeeded' && m.state === 'paid') return 'group_succeeded';
  if (m.state !== 'refunding' && m.state !== 'refunded') return null;
  if (m.exit === 'group_failed') return 'group_failed';
  return m.exit === 'late_payment' ? 'late_payment_refunded' : 'overflow_refunded';
}

// ---------------------------------------------------------------------------------------------
// Changing a group

export interface OpenGroupInput {
  readonly groupId: string;
  readonly activityId: string;
  readonly skuId: string;
  readonly size: number;
  readonly timeLimitMinutes: number;
  readonly activityEndsAt: number;
  readonly leader: { readonly openid: string; readonly orderId: string; readonly quantity: number; readonly amount: Fen };
  readonly paymentWindowMs?: number;
}

function assertOrder(quantity: number, amount: Fen): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  if (!isFen(amount) || amount < 0) throw new RangeError(`amount must be non-negative fen, got ${amount}`);
}

/**
 * The leader's order was created (stock reserved): the group exists but is `opening` — not
 * joinable, not listed — until the leader's payment lands. The group's timer starts then, so a
 * leader who pays slowly does not lose part of their time.
 */
export function openGroup(input: OpenGroupInput, now: number): Transition {
  const { leader, size } = input;
  if (!Number.isSafeInteger(size) || size < 2) throw new RangeError(`group size must be an integer of at least 2, got ${size}`);
  if (!Number.isSafeInteger(input.timeLimitMinutes) || input.timeLimitMinutes < 1) throw new RangeError('time limit must be a positive integer');
  assertOrder(leader.quantity, leader.amount);
  if (now >= input.activityEndsAt) throw groupBuyError('ACTIVITY_ENDED');
  const group: Group = {
    id: input.groupId,
    activityId: input.activityId,
    skuId: input.skuId,
    size,
    timeLimitMs: input.timeLimitMinutes * 60_000,
    activityEndsAt: input.activityEndsAt,
    leaderOpenid: leader.openid,
    status: 'opening',
    failReason: null,
    openedAt: now,
    deadline: now + (input.paymentWindowMs ?? DEFAULT_PAYMENT_WINDOW_MS),
    closedAt: null,
    paidCount: 0,
    members: [
      {
        openid: leader.openid,
        orderId: leader.orderId,
        role: 'leader',
        quantity: leader.quantity,
        amount: leader.amount,
        state: 'pending_payment',
        joinedAt: now,
        paidAt: null,
        reserved: true,
        exit: null,
      },
    ],
    done: [],
    outstanding: 0,
    version: 1,
  };
  return { group, effects: [] };
}

/**
 * Applies one event. Throws an AppError only for `join` (a request that may be refused); every
 * other event is a fact that has already happened and is absorbed, repeated or not. When nothing
 * changes the very same group object comes back with no effects, and the server skips the write.
 */
export function transition(group: Group, event: GroupEvent, now: number): Transition {
  const after = apply(groupAt(group, now), event, now, group);
  if (after === group) return { group, effects: [] };
  const before = new Set(pendingEffects(group).map((e) => e.key));
  const owed = pendingEffects(after);
  return {
    group: { ...after, outstanding: owed.length, version: group.version + 1 },
    effects: owed.filter((e) => !before.has(e.key)),
  };
}

/**
 * `g` is the group as it stands at `now` (expired if due); `stored` is what the server read.
 * Confirmations and acknowledgements only count for work `stored` already owed: an effect the
 * server has never been handed (because the expiry creating it happens in this very transition)
 * cannot have been done, and must not be settled before it is ever emitted.
 */
function apply(g: Group, event: GroupEvent, now: number, stored: Group): Group {
  switch (event.type) {
    case 'join':
      return join(g, event, now);
    case 'payment':
      return payment(g, event, now);
    case 'order_closed': {
      const m = memberByOrder(g, event.orderId);
      if (!m || m.state !== 'pending_payment') return g;
      const closed = updateMember(g, m.orderId, { state: 'cancelled', exit: 'payment_timeout' });
      return m.role === 'leader' && g.status === 'opening' ? fail(closed, 'leader_unpaid', now) : closed;
    }
    case 'deadline':
      // groupAt has already expired the group if its time has come; an early or repeated timer changes nothing.
      return g;
    case 'close':
      return isOpen(g) ? fail(g, 'closed', now) : g;
    case 'refund_confirmed': {
      const m = memberByOrder(stored, event.orderId);
      return m && m.state === 'refunding' ? updateMember(g, m.orderId, { state: 'refunded' }) : g;
    }
    case 'effect_done':
      return settle(g, [event.key], stored);
    case 'effects_done':
      return settle(g, event.keys, stored);
  }
}

function settle(g: Group, keys: readonly string[], stored: Group): Group {
  // A refund is finished by the provider's confirmation, not by the server saying it asked.
  const settleable = new Set(pendingEffects(stored).filter((e) => e.type !== 'refund').map((e) => e.key));
  const fresh = [...new Set(keys)].filter((key) => settleable.has(key) && !g.done.includes(key));
  return fresh.length === 0 ? g : { ...g, done: [...g.done, ...fresh] };
}

function join(g: Group, event: Extract<GroupEvent, { type: 'join' }>, now: number): Group {
  const existing = memberByOrder(g, event.orderId);
  if (existing) {
    if (existing.openid !== event.openid) throw new RangeError(`order ${event.orderId} already belongs to another member`);
    return g; // a retried request whose first write landed
  }
  assertOrder(event.quantity, event.amount);
  const refusal = joinRefusal(g, event.openid, now);
  if (refusal) throw refusal;
  const member: GroupMember = {
    openid: event.openid,
    orderId: event.orderId,
    role: 'member',
    quantity: event.quantity,
    amount: event.amount,
    state: 'pending_payment',
    joinedAt: now,
    paidAt: null,
    reserved: true,
    exit: null,
  };
  return { ...g, members: [...g.members, member] };
}

function payment(g: Group, event: Extract<GroupEvent, { type: 'payment' }>, now: number): Group {
  const m = memberByOrder(g, event.orderId);
  if (!m) {
    // Money for an order this group never recorded: a server bug, but the buyer must not lose it.
    const stray: GroupMember = {
      openid: event.openid,
      orderId: event.orderId,
      role: 'member',
      quantity: 0,
      amount: event.amount,
      state: 'refunding',
      joinedAt: now,
      paidAt: now,
      reserved: false,
      exit: unplacedReason(g, true),
    };
    return { ...g, members: [...g.members, stray] };
  }
  if (m.state === 'paid' || m.state === 'refunding' || m.state === 'refunded') return g; // repeated callback
  if (m.state === 'pending_payment') {
    if (g.status === 'opening' && m.role === 'leader') {
      const started: Group = {
        ...updateMember(g, m.orderId, { state: 'paid', paidAt: now }),
        status: 'forming',
        paidCount: 1,
        // Never past the activity's end: no group may succeed after its activity is over.
        deadline: Math.min(now + g.timeLimitMs, g.activityEndsAt),
      };
      return groupAt(started, now);
    }
    if (g.status === 'forming' && g.paidCount < g.size) {
      const taken: Group = { ...updateMember(g, m.orderId, { state: 'paid', paidAt: now }), paidCount: g.paidCount + 1 };
      return taken.paidCount === taken.size ? succeed(taken, now) : taken;
    }
  }
  // No place for this payment: the group is full, over, or the order had been closed already.
  return updateMember(g, m.orderId, { state: 'refunding', paidAt: now, exit: unplacedReason(g, m.state === 'cancelled') });
}

function unplacedReason(g: Group, orderWasClosed: boolean): ExitReason {
  if (g.status === 'failed') return 'group_failed';
  if (g.status === 'succeeded' || g.paidCount >= g.size) return 'overflow';
  return orderWasClosed ? 'late_payment' : 'overflow';
}

function succeed(g: Group, now: number): Group {
  return {
    ...g,
    status: 'succeeded',
    closedAt: now,
    members: g.members.map((m) => (m.state === 'pending_payment' ? { ...m, state: 'cancelled', exit: 'group_ended' } : m)),
  };
}

function fail(g: Group, reason: FailReason, now: number): Group {
  return {
    ...g,
    status: 'failed',
    failReason: reason,
    closedAt: now,
    paidCount: 0,
    members: g.members.map((m) => {
      if (m.state === 'pending_payment') return { ...m, state: 'cancelled', exit: 'group_ended' };
      if (m.state === 'paid') return { ...m, state: 'refunding', exit: 'group_failed' };
      return m;
    }),
  };
}

function updateMember(g: Group, orderId: string, patch: Partial<GroupMember>): Group {
  return { ...g, members: g.members.map((m) => (m.orderId === orderId ? { ...m, ...patch } : m)) };
}

// ---------------------------------------------------------------------------------------------
// Writing a group

export const GROUPBUY_GROUP_COLLECTION = 'groupbuy_groups';

/** The stored document: the group's id is the document's `_id`. */
export function groupToDoc(group: Group): { _id: string } & Omit<Group, 'id'> {
  const { id, ...fields } = group;
  return { _id: id, ...fields };
}

/** The group back from its stored document (the database adds nothing the rules read). */
export function groupFromDoc(doc: { _id: string } & Omit<Group, 'id'>): Group {
  const { _id, ...fields } = doc;
  return { id: _id, ...fields };
}

/**
 * The server's write of a transition: replace the group's fields only if nobody else wrote since
 * it was read. `updated: 0` means another transition won the race: read again and re-apply the
 * event (the rules then see the place already taken, the group already failed, ...).
 */
export function groupCasUpdate(before: Group, after: Group): ConditionalUpdate {
  if (after.id !== before.id) throw new RangeError('a transition never changes the group id');
  const { _id, ...fields } = groupToDoc(after);
  return {
    collection: GROUPBUY_GROUP_COLLECTION,
    id: _id,
    where: { version: cmp.eq(before.version) },
    set: fields,
  };
}
