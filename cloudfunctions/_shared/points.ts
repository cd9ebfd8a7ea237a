/**
 * The one way any function moves a member's points. Every move is an append-only ledger entry
 * (src/domain/membership/points-ledger.ts) written in the same transaction as the cached balance
 * on the user, so the two never disagree; the entry's `ref` is unique, so replaying the same event
 * (a retried payment callback, a double tap) never moves points twice; the transaction's read of
 * the balance is pinned, so two simultaneous spends cannot both pass the "enough points" check.
 */
import { ledgerRef, makeEntry, type LedgerEntry, type LedgerReason } from '../../src/domain/membership/points-ledger';
import { AppError } from '../../src/domain/reply';
import { isDuplicateKeyError, type Database, type Doc, type Transaction } from './db-types';

export interface PointsMove {
  openid: string;
  reason: LedgerReason;
  /** The event's id parts: the same event always gives the same ref. */
  id: string | readonly string[];
  /**
   * Points to move, or how to work them out from the user as this transaction reads them: a
   * check-in's points depend on the streak stored on the user, and only the pinned read is safe.
   * It may throw an AppError (e.g. ALREADY_CHECKED_IN) to stop with nothing written.
   */
  delta: number | ((user: UserPoints) => number);
  note?: string;
  /**
   * Writes that must land together with the entry or not at all (the check-in's calendar day, the
   * coupon bought with the points), staged on the same transaction. The fields it returns are set on
   * the user in the same update as the balance.
   */
  alongside?: (t: Transaction, user: UserPoints, entry: LedgerEntry) => Promise<Record<string, unknown> | void>;
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

export type UserPoints = Doc & {
  _id: string;
  points: number;
};

async function attempt(db: Database, move: PointsMove, at: Date): Promise<PointsMoved> {
  return db.runTransaction(async (t) => {
    const users = await t.collection<UserPoints>('users').where({ _id: move.openid }).limit(1).get();
    const user = users.data[0];
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    const ref = ledgerRef(move.reason, move.id);
    const done = await t.collection('points_ledger').where({ ref }).limit(1).get();
    if (done.data.length > 0) return { applied: false, balance: user.points ?? 0, ref };
    const delta = typeof move.delta === 'function' ? move.delta(user) : move.delta;
    const entry = makeEntry({ openid: move.openid, reason: move.reason, id: move.id, delta, balance: user.points ?? 0, at, note: move.note });
    const extra = move.alongside ? await move.alongside(t, user, entry) : undefined;
    // The ledger ref doubles as the entry's _id: a second insert of the same event fails on _id
    // as well as on the unique ref index, whichever the database checks first.
    await t.collection('points_ledger').add({ data: { _id: entry.ref, ...entry } });
    await t.collection('users').doc(move.openid).update({ data: { ...(extra ?? {}), points: entry.balanceAfter } });
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
        // Another invocation applied the same event between our check and our commit — unless the
        // duplicate was one of the `alongside` writes (a random short code), which is worth a retry.
        const ref = ledgerRef(move.reason, move.id);
        const done = await db.collection('points_ledger').where({ ref }).limit(1).get();
        if (done.data.length > 0) {
          const users = await db.collection<UserPoints>('users').where({ _id: move.openid }).limit(1).get();
          return { applied: false, balance: users.data[0]?.points ?? 0, ref };
        }
        if (i >= MAX_ATTEMPTS) throw error;
        continue;
      }
      if (!isConflict(error) || i >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * i)));
    }
  }
}
