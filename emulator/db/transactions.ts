/**
 * Transactions, optimistic and per document:
 * - a transaction's first read of a document pins that version (its snapshot of the document); later
 *   reads return the pinned copy or the transaction's own staged write;
 * - writes are staged, invisible to everyone else until commit;
 * - a write to a document another live transaction has already staged fails at once with
 *   DATABASE_TRANSACTION_CONFLICT (first writer wins, like MongoDB's WriteConflict), and so does a write
 *   to a document that changed since this transaction read it;
 * - commit re-checks every pinned version; if anything it read or wrote changed meanwhile (another
 *   transaction's commit or a plain write) it aborts with the conflict error, otherwise all staged
 *   writes land in one SQLite transaction (unique indexes checked for the batch);
 * - a conflict aborts the transaction (runTransaction then retries with a new one), as MongoDB does.
 * Query results inside a transaction pin the documents returned; documents a query skipped are not
 * pinned, so phantoms are not detected.
 */
import { duplicateKey, transactionConflict, transactionGone } from './errors';
import { ejsonText, type Doc } from './ejson';
import { newTransactionId } from './ids';
import type { Row, Session } from './session';
import type { Change, DocumentStore } from './store';

interface Pinned {
  collection: string;
  key: string;
  /** 0 = did not exist. */
  version: number;
  doc: Doc | null;
}

interface Staged {
  collection: string;
  key: string;
  doc: Doc | null;
}

const slot = (collection: string, key: string): string => `${collection}\u001e${key}`;

export class Transaction implements Session {
  readonly pinned = new Map<string, Pinned>();
  readonly staged = new Map<string, Staged>();

  constructor(
    readonly id: string,
    readonly startedAt: number,
    private readonly store: DocumentStore,
    private readonly manager: TransactionManager,
  ) {}

  exists(collection: string): boolean {
    return this.store.has(collection) || [...this.staged.values()].some((write) => write.collection === collection && write.doc);
  }

  list(collection: string): Row[] {
    const keys = new Set(this.store.list(collection).map((stored) => stored.key));
    for (const write of this.staged.values()) if (write.collection === collection) keys.add(write.key);
    const rows: Row[] = [];
    for (const key of keys) {
      const doc = this.view(collection, key);
      if (doc) rows.push({ key, doc });
    }
    return rows;
  }

  get(collection: string, key: string): Doc | undefined {
    this.noteRead(collection, key);
    return this.view(collection, key);
  }

  noteRead(collection: string, key: string): void {
    const id = slot(collection, key);
    if (!this.pinned.has(id) && !this.staged.has(id)) this.pin(collection, key);
  }

  write(changes: Change[]): void {
    for (const change of changes) {
      const id = slot(change.collection, change.key);
      if (this.manager.stagedElsewhere(this, id)) this.conflict();
      const current = this.store.get(change.collection, change.key);
      const pinned = this.pinned.get(id) ?? this.pin(change.collection, change.key);
      if ((current?.version ?? 0) !== pinned.version) this.conflict();
      if (change.insert && change.doc && this.view(change.collection, change.key)) {
        throw duplicateKey(this.manager.namespace(change.collection), '_id_', `{ _id: ${ejsonText(change.doc._id)} }`);
      }
      this.staged.set(id, { collection: change.collection, key: change.key, doc: change.doc });
    }
  }

  commit(): void {
    for (const pinned of this.pinned.values()) {
      if ((this.store.get(pinned.collection, pinned.key)?.version ?? 0) !== pinned.version) this.conflict();
    }
    const changes: Change[] = [...this.staged.values()]
      .filter((write) => write.doc || this.store.get(write.collection, write.key))
      .map((write) => ({ collection: write.collection, key: write.key, doc: write.doc }));
    this.store.apply(changes);
  }

  private view(collection: string, key: string): Doc | undefined {
    const id = slot(collection, key);
    const write = this.staged.get(id);
    if (write) return write.doc ?? undefined;
    const pinned = this.pinned.get(id);
    if (pinned) return pinned.doc ?? undefined;
    return this.store.get(collection, key)?.doc;
  }

  private pin(collection: string, key: string): Pinned {
    const current = this.store.get(collection, key);
    const pinned: Pinned = { collection, key, version: current?.version ?? 0, doc: current?.doc ?? null };
    this.pinned.set(slot(collection, key), pinned);
    return pinned;
  }

  private conflict(): never {
    this.manager.end(this.id);
    throw transactionConflict();
  }
}

export class TransactionManager {
  private readonly live = new Map<string, Transaction>();

  constructor(
    private readonly store: DocumentStore,
    readonly namespace: (collection: string) => string,
    /** MongoDB's default transactionLifetimeLimitSeconds; a crashed function must not hold its writes forever. */
    private readonly timeoutMs = 60_000,
    private readonly realNow: () => number = Date.now,
  ) {}

  start(): Transaction {
    this.sweep();
    const transaction = new Transaction(newTransactionId(), this.realNow(), this.store, this);
    this.live.set(transaction.id, transaction);
    return transaction;
  }

  get(id: string): Transaction {
    this.sweep();
    const transaction = this.live.get(id);
    if (!transaction) throw transactionGone(id);
    return transaction;
  }

  commit(id: string): void {
    const transaction = this.get(id);
    try {
      transaction.commit();
    } finally {
      this.end(id);
    }
  }

  end(id: string): void {
    this.live.delete(id);
  }

  stagedElsewhere(transaction: Transaction, id: string): boolean {
    for (const other of this.live.values()) if (other !== transaction && other.staged.has(id)) return true;
    return false;
  }

  clear(): void {
    this.live.clear();
  }

  private sweep(): void {
    const now = this.realNow();
    for (const [id, transaction] of this.live) if (now - transaction.startedAt > this.timeoutMs) this.live.delete(id);
  }
}
