import { AppError } from '../reply';
import { ValidationError } from '../validate';
import { MEMBERSHIP_ERRORS } from './errors';

/**
 * Points live in an append-only ledger: every change is a new entry with a reason and a
 * reference, never an edit. The member's balance is the balanceAfter of their latest entry (the
 * user record keeps a copy for fast reads). The balance never goes below zero.
 *
 * Idempotency: every entry carries a `ref` built by ledgerRef(reason, id), the same for the same
 * event however many times it is processed (WeChat retries pay callbacks, jobs re-run, people
 * double-tap). The server puts a UNIQUE index on `ref`, so a second credit for the same event
 * fails to insert instead of paying twice.
 */

export const LEDGER_REASONS = [
  'order_earn',
  'order_spend',
  'order_cancel',
  'order_refund',
  'order_clawback',
  'checkin',
  'redeem_coupon',
  'store_cashback',
  'referral',
  'admin',
  'expire',
] as const;

export type LedgerReason = (typeof LEDGER_REASONS)[number];

export function isLedgerReason(value: unknown): value is LedgerReason {
  return typeof value === 'string' && (LEDGER_REASONS as readonly string[]).includes(value);
}

type Direction = 'credit' | 'debit' | 'either';

interface ReasonRule {
  /** Shown on the points history page. */
  readonly label: string;
  /** Which way the points may move: a wrong sign is a bug (e.g. crediting a spend). */
  readonly direction: Direction;
  /** What the id part of the ref is, so one event maps to exactly one ref. */
  readonly id: string;
}

export const LEDGER_REASON_RULES: Readonly<Record<LedgerReason, ReasonRule>> = Object.freeze({
  order_earn: { label: '购物奖励', direction: 'credit', id: 'order id' },
  order_spend: { label: '下单抵扣', direction: 'debit', id: 'order id' },
  order_cancel: { label: '订单取消退回', direction: 'credit', id: 'order id (points spent on an order cancelled unpaid)' },
  order_refund: { label: '退款退回', direction: 'credit', id: 'refund id (points spent on the refunded part)' },
  order_clawback: { label: '退款扣回', direction: 'debit', id: 'refund id (points earned on the refunded part)' },
  checkin: { label: '每日签到', direction: 'credit', id: '[openid, day key]' },
  redeem_coupon: { label: '兑换优惠券', direction: 'debit', id: '[openid, request id generated once per exchange]' },
  store_cashback: { label: '门店核销返积分', direction: 'credit', id: 'claimed store coupon id' },
  referral: { label: '邀请好友奖励', direction: 'credit', id: 'invitee openid (one reward per invitee)' },
  admin: { label: '积分调整', direction: 'either', id: 'adjustment id' },
  expire: { label: '积分过期', direction: 'debit', id: '[openid, period]' },
});

export function reasonLabel(reason: LedgerReason): string {
  return LEDGER_REASON_RULES[reason].label;
}

const REF_PART = /^[^:\s]{1,128}$/;

/**
 * The idempotency reference of an event: 'order_earn:ORDER123', 'checkin:OPENID:2026-11-22'.
 * The reason is part of it, so the same order earning and spending are two refs; the parts
 * may not contain ':' so that two different events can never spell the same ref.
 */
export function ledgerRef(reason: LedgerReason, id: string | readonly string[]): string {
  if (!isLedgerReason(reason)) throw new RangeError(`unknown ledger reason ${String(reason)}`);
  const parts = typeof id === 'string' ? [id] : [...id];
  if (parts.length === 0) throw new RangeError('a ledger ref needs an id');
  for (const part of parts) {
    if (typeof part !== 'string' || !REF_PART.test(part)) throw new RangeError(`bad ledger ref part ${JSON.stringify(part)}`);
  }
  return [reason, ...parts].join(':');
}

/** The reason and id parts back from a ref, e.g. to link an order_earn entry to its order; null if malformed. */
export function parseLedgerRef(ref: string): { reason: LedgerReason; parts: string[] } | null {
  const [reason, ...parts] = ref.split(':');
  if (!isLedgerReason(reason) || parts.length === 0 || !parts.every((p) => REF_PART.test(p))) return null;
  return { reason, parts };
}

function assertPoints(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer number of points, got ${String(value)}`);
}

/**
 * The balance after a change; refuses, with INSUFFICIENT_POINTS, a change that would take it
 * below zero. The server must make the same check atomically (a conditional update such as
 * `points >= -delta`), since two requests may both pass this check on a stale balance.
 */
export function applyEntry(balance: number, delta: number): number {
  assertPoints(balance, 'balance');
  assertPoints(delta, 'delta');
  if (balance < 0) throw new RangeError(`a balance is never negative, got ${balance}`);
  const after = balance + delta;
  if (after < 0) throw new AppError('INSUFFICIENT_POINTS', MEMBERSHIP_ERRORS.INSUFFICIENT_POINTS);
  return after;
}

/**
 * For debits the member does not choose (refund clawback, expiry): take what is there, never more.
 * The shortfall is written off (and should be logged): the balance never goes negative, and
 * turning it into money withheld from a refund is not a rule this brand has asked for.
 */
export function cappedDebit(balance: number, points: number): { delta: number; shortfall: number } {
  assertPoints(balance, 'balance');
  assertPoints(points, 'points');
  if (balance < 0 || points < 0) throw new RangeError('balance and points to debit must not be negative');
  const taken = Math.min(balance, points);
  // delta 0 (nothing to take) means: write no entry at all.
  return { delta: taken === 0 ? 0 : -taken, shortfall: points - taken };
}

export interface LedgerEntry {
  readonly openid: string;
  /** Non-zero integer; negative takes points away. */
  readonly delta: number;
  readonly reason: LedgerReason;
  /** Unique across the whole ledger: see ledgerRef. */
  readonly ref: string;
  readonly balanceAfter: number;
  readonly createdAt: Date;
  /** Why, in words: required for admin adjustments so they can be audited. */
  readonly note?: string;
}

export interface NewEntry {
  readonly openid: string;
  readonly reason: LedgerReason;
  /** The id part of the ref (see LEDGER_REASON_RULES for what it is per reason). */
  readonly id: string | readonly string[];
  readonly delta: number;
  /** The balance before this entry. */
  readonly balance: number;
  readonly at: Date;
  readonly note?: string;
}

/** Builds the entry to insert: checks the direction for the reason and the balance, fills ref and balanceAfter. */
export function makeEntry(input: NewEntry): LedgerEntry {
  const { openid, reason, delta, balance, at } = input;
  if (!openid) throw new RangeError('a ledger entry needs an openid');
  assertPoints(delta, 'delta');
  if (delta === 0) throw new RangeError('a ledger entry must move points; skip it when there is nothing to move');
  const direction = LEDGER_REASON_RULES[reason].direction;
  if ((direction === 'credit' && delta < 0) || (direction === 'debit' && delta > 0)) {
    throw new RangeError(`${reason} is a ${direction}, got delta ${delta}`);
  }
  const note = input.note?.trim();
  if (reason === 'admin' && !note) throw new ValidationError('调整原因', '不能为空');
  const entry: LedgerEntry = { openid, delta, reason, ref: ledgerRef(reason, input.id), balanceAfter: applyEntry(balance, delta), createdAt: at };
  return note ? { ...entry, note } : entry;
}

/**
 * Replays one member's entries in order and reports what does not add up — a wrong balanceAfter,
 * a repeated ref, a negative balance — for a reconciliation job. Problems are for engineers.
 */
export function reconcileLedger(entries: readonly LedgerEntry[]): { balance: number; problems: string[] } {
  const problems: string[] = [];
  const seen = new Set<string>();
  let balance = 0;
  entries.forEach((e, i) => {
    if (seen.has(e.ref)) problems.push(`#${i + 1} ${e.ref}: ref used twice`);
    seen.add(e.ref);
    balance += e.delta;
    if (balance < 0) problems.push(`#${i + 1} ${e.ref}: balance went negative (${balance})`);
    if (e.balanceAfter !== balance) problems.push(`#${i + 1} ${e.ref}: balanceAfter ${e.balanceAfter}, replay gives ${balance}`);
  });
  return { balance, problems };
}

/** One line of the points history page: '每日签到 +5'. */
export function historyLine(entry: LedgerEntry): { title: string; amount: string; balanceAfter: number; at: Date } {
  return {
    title: reasonLabel(entry.reason),
    amount: entry.delta > 0 ? `+${entry.delta}` : String(entry.delta),
    balanceAfter: entry.balanceAfter,
    at: entry.createdAt,
  };
}
