/**
 * The one way any function moves a member's points. Every move is an append-only ledger entry
 * (src/domain/membership/points-ledger.ts) written in the same transaction as the cached balance
 * on the user, so the two never disagree; the entry's `ref` is unique, so replaying the same event
 * (a retried payment callback, a double tap) never moves points twice; the transaction's read of
 * the balance is pinned, so two simultaneous spends cannot both pass the "enough points" check.
 */
import { ledgerRef, makeEntry, type LedgerReason } from '../../src/domain/membership/points-ledger';
import { AppError } from '../../src/domain/reply';
import { isDuplicateKeyError, type Database } from './db-types';

export interface PointsMove {
  openid: string;
  reason: LedgerReason;
  /** The event's id parts: the same event always gives the same ref. */
  id: string | readonly string[];
  delta: number;
  note?: string;
}

export interface PointsMoved {
  /** False when this event had already been applied: nothing moved this time. */
  applied: boolean;
  balance: number;
  ref: string;
}

const TRANSACTION_CONFLICT_ERRCODE = -501001;
const MAX_ATTEMPTS = 6;

function isConflict(error: unknown): boolean {
  const e = error as { errCode?: number; code?: string; message?: string };
  return e?.errCode === TRANSACTION_CONFLICT_ERRCODE || /TransactionConflict|conflict/i.test(`${e?.code ?? ''} ${e?.message ?? ''}`);
}

interface UserPoints {
  _id: string;
  points: number;
}

async function attempt(db: Database, move: PointsMove, at: Date): Promise<PointsMoved> {
  return db.runTransaction(async (t) => {
    const users = await t.collection<UserPoints>('users').where({ _id: move.openid }).limit(1).get();
    const user = users.data[0];
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    const entry = makeEntry({ openid: move.openid, reason: move.reason, id: move.id, delta: move.delta, balance: user.points ?? 0, at, note: move.note });
    const done = await t.collection('points_ledger').where({ ref: entry.ref }).limit(1).get();
    if (done.data.length > 0) return { applied: false, balance: user.points ?? 0, ref: entry.ref };
    await t.collection('points_ledger').add({ data: entry });
    await t.collection('users').doc(move.openid).update({ data: { points: entry.balanceAfter } });
    return { applied: true, balance: entry.balanceAfter, ref: entry.ref };
  });
}

/**
 * Applies a points move exactly once. Throws AppError INSUFFICIENT_POINTS (积分不足) when a debit
 * would take the balance below zero; nothing is written then.
 */
export async function movePoints(db: Database, move: PointsMove, at: Date = new Date()): Promise<PointsMoved> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt(db, move, at);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isDuplicateKeyError(error)) {
        // Another invocation applied the same event between our check and our commit.
        const users = await db.collection<UserPoints>('users').where({ _id: move.openid }).limit(1).get();
        return { applied: false, balance: users.data[0]?.points ?? 0, ref: ledgerRef(move.reason, move.id) };
      }
      if (!isConflict(error) || i >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * i)));
    }
  }
}
