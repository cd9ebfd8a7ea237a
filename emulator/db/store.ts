/**
 * Committed documents: kept parsed in memory for querying, written through to SQLite before a change is
 * visible. Every `apply` is one SQLite transaction, so a batch (insert many, update many, a commit) is
 * all-or-nothing on disk and in memory. better-sqlite3 is synchronous: nothing else runs between the
 * checks and the write.
 */
import BetterSqlite3 from 'better-sqlite3';
import { duplicateKey } from './errors';
import { ejsonText, parseEjson, stringifyEjson, type Doc } from './ejson';
import type { IndexSpec } from './indexes';
import { resolve } from 'mingo/util';

export interface StoredDocument {
  key: string;
  doc: Doc;
  /** Global commit sequence of the last write; transactions compare it to detect conflicts. */
  version: number;
}

export interface Change {
  collection: string;
  key: string;
  /** null deletes. */
  doc: Doc | null;
  /** An insert fails with the _id duplicate-key error when the document already exists. */
  insert?: boolean;
}

export type Synchronous = 'NORMAL' | 'FULL';

interface UniqueIndex {
  spec: IndexSpec;
  owners: Map<string, string>;
}

interface CollectionState {
  docs: Map<string, StoredDocument>;
  unique: UniqueIndex[];
}

function uniqueKeyOf(spec: IndexSpec, doc: Doc): string {
  // a missing field indexes as null, so two documents without it collide, as in MongoDB
  return stringifyEjson(Object.keys(spec.keys).map((field) => resolve(doc, field) ?? null));
}

function describeDupKey(spec: IndexSpec, doc: Doc): string {
  const parts = Object.keys(spec.keys).map((field) => `${field}: ${ejsonText(resolve(doc, field) ?? null)}`);
  return `{ ${parts.join(', ')} }`;
}

export class DocumentStore {
  private readonly sqlite: BetterSqlite3.Database;
  private readonly collections = new Map<string, CollectionState>();
  private sequence = 0;
  private readonly statements: {
    upsert: BetterSqlite3.Statement;
    remove: BetterSqlite3.Statement;
    addCollection: BetterSqlite3.Statement;
  };

  constructor(
    file: string | undefined,
    synchronous: Synchronous,
    private readonly indexSpecs: (collection: string) => IndexSpec[],
    private readonly namespace: (collection: string) => string,
  ) {
    this.sqlite = new BetterSqlite3(file ?? ':memory:', { timeout: 200 });
    try {
      if (file) {
        this.sqlite.pragma('journal_mode = WAL');
        // one emulator per file: a second process would serve a stale in-memory copy
        this.sqlite.pragma('locking_mode = EXCLUSIVE');
      }
      this.sqlite.pragma(`synchronous = ${synchronous}`);
      this.createSchema();
    } catch (error) {
      this.sqlite.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        throw new Error(`${file} is locked: another local CloudBase is serving it (${(error as Error).message})`);
      }
      throw error;
    }
    this.statements = {
      upsert: this.sqlite.prepare('INSERT OR REPLACE INTO documents (collection, id, body, version) VALUES (?, ?, ?, ?)'),
      remove: this.sqlite.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      addCollection: this.sqlite.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)'),
    };
    this.load();
  }

  private createSchema(): void {
    this.sqlite.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS documents (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        body TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (collection, id)
      ) WITHOUT ROWID;
    `);
  }

  private load(): void {
    for (const { name } of this.sqlite.prepare('SELECT name FROM collections').all() as { name: string }[]) {
      this.collections.set(name, this.emptyState(name));
    }
    // natural order after a restart is last-write order; MongoDB never promised insertion order either
    const rows = this.sqlite.prepare('SELECT collection, id, body, version FROM documents ORDER BY version').all() as {
      collection: string;
      id: string;
      body: string;
      version: number;
    }[];
    for (const row of rows) {
      const state = this.collections.get(row.collection) ?? this.addState(row.collection);
      const stored: StoredDocument = { key: row.id, doc: parseEjson(row.body) as Doc, version: row.version };
      state.docs.set(row.id, stored);
      for (const index of state.unique) index.owners.set(uniqueKeyOf(index.spec, stored.doc), row.id);
      this.sequence = Math.max(this.sequence, row.version);
    }
  }

  private emptyState(name: string): CollectionState {
    const unique = this.indexSpecs(name)
      .filter((spec) => spec.unique)
      .map((spec) => ({ spec, owners: new Map<string, string>() }));
    return { docs: new Map(), unique };
  }

  private addState(name: string): CollectionState {
    const state = this.emptyState(name);
    this.collections.set(name, state);
    return state;
  }

  has(collection: string): boolean {
    return this.collections.has(collection);
  }

  names(): string[] {
    return [...this.collections.keys()];
  }

  /** Creates the collection if missing; returns whether it was created. */
  ensureCollection(collection: string): boolean {
    if (this.collections.has(collection)) return false;
    this.statements.addCollection.run(collection);
    this.addState(collection);
    return true;
  }

  list(collection: string): StoredDocument[] {
    return [...(this.collections.get(collection)?.docs.values() ?? [])];
  }

  get(collection: string, key: string): StoredDocument | undefined {
    return this.collections.get(collection)?.docs.get(key);
  }

  /** Checks _id and unique indexes for the whole batch, then writes it in one SQLite transaction. */
  apply(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    const byCollection = new Map<string, Map<string, Doc | null>>();
    for (const change of changes) {
      const batch = byCollection.get(change.collection) ?? new Map<string, Doc | null>();
      byCollection.set(change.collection, batch);
      if (change.insert && change.doc) {
        const existsNow = batch.has(change.key) ? batch.get(change.key) !== null : !!this.get(change.collection, change.key);
        if (existsNow) {
          throw duplicateKey(this.namespace(change.collection), '_id_', `{ _id: ${ejsonText(change.doc._id)} }`);
        }
      }
      batch.set(change.key, change.doc);
    }
    for (const [collection, batch] of byCollection) this.checkUnique(collection, batch);

    const version = this.sequence + 1;
    this.sqlite.transaction(() => {
      for (const [collection, batch] of byCollection) {
        this.statements.addCollection.run(collection);
        for (const [key, doc] of batch) {
          if (doc) this.statements.upsert.run(collection, key, stringifyEjson(doc), version);
          else this.statements.remove.run(collection, key);
        }
      }
    })();

    this.sequence = version;
    for (const [collection, batch] of byCollection) {
      const state = this.collections.get(collection) ?? this.addState(collection);
      for (const [key, doc] of batch) {
        const previous = state.docs.get(key);
        for (const index of state.unique) {
          if (previous) {
            const oldKey = uniqueKeyOf(index.spec, previous.doc);
            if (index.owners.get(oldKey) === key) index.owners.delete(oldKey);
          }
        }
        if (doc) {
          state.docs.set(key, { key, doc, version });
          for (const index of state.unique) index.owners.set(uniqueKeyOf(index.spec, doc), key);
        } else {
          state.docs.delete(key);
        }
      }
    }
  }

  private checkUnique(collection: string, batch: Map<string, Doc | null>): void {
    const state = this.collections.get(collection) ?? this.emptyState(collection);
    for (const index of state.unique) {
      const claimed = new Map<string, string>();
      for (const [key, doc] of batch) {
        if (!doc) continue;
        const value = uniqueKeyOf(index.spec, doc);
        const owner = index.owners.get(value);
        const ownerStillThere = owner !== undefined && owner !== key && !batch.has(owner);
        if (ownerStillThere || claimed.has(value)) {
          throw duplicateKey(this.namespace(collection), index.spec.name, describeDupKey(index.spec, doc));
        }
        claimed.set(value, key);
      }
    }
  }

  /** Drops every document and collection. */
  clear(): void {
    this.sqlite.transaction(() => {
      this.sqlite.exec('DELETE FROM documents; DELETE FROM collections;');
    })();
    this.collections.clear();
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }
}

