/**
 * What an operation reads and writes through: the committed store directly, or a transaction's view of it
 * (its snapshot plus its own staged writes).
 */
import type { Doc } from './ejson';
import type { Change, DocumentStore } from './store';

export interface Row {
  key: string;
  doc: Doc;
}

export interface Session {
  exists(collection: string): boolean;
  /** Documents in natural order; callers must not mutate them. */
  list(collection: string): Row[];
  get(collection: string, key: string): Doc | undefined;
  /** A transaction remembers what it returned so a concurrent change to it becomes a conflict at commit. */
  noteRead(collection: string, key: string): void;
  write(changes: Change[]): void;
}

export class DirectSession implements Session {
  constructor(private readonly store: DocumentStore) {}

  exists(collection: string): boolean {
    return this.store.has(collection);
  }

  list(collection: string): Row[] {
    return this.store.list(collection);
  }

  get(collection: string, key: string): Doc | undefined {
    return this.store.get(collection, key)?.doc;
  }

  noteRead(): void {}

  write(changes: Change[]): void {
    this.store.apply(changes);
  }
}
