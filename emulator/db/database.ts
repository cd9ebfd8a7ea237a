import { CloudDbError, collectionAlreadyExists } from './errors';
import { deepClone, isPlainObject, nativeRegExps, type Doc } from './ejson';
import { newDocumentId, newRequestId } from './ids';
import { geoFields, loadIndexFile, validateIndexFile, type IndexFile, type IndexSpec } from './indexes';
import { findDocuments, insertDocuments, modifyDocuments, removeDocuments, type OperationContext } from './operations';
import { dispatch, type Engine } from './protocol';
import { DirectSession } from './session';
import { DocumentStore, type Synchronous } from './store';
import { TransactionManager } from './transactions';

export interface DatabaseOptions {
  /** SQLite file; omitted = in memory (tests). */
  file?: string;
  /** The emulator clock: serverDate(), generated ids and $currentDate read it. Default: the host clock. */
  clock?: { now(): number };
  /** Default: emulator/indexes.json (validated either way). */
  indexes?: IndexFile;
  /**
   * NORMAL (default): an acknowledged write survives the emulator being killed (kill -9, crash).
   * FULL: it also survives the machine losing power, at one fsync per write.
   */
  synchronous?: Synchronous;
  transactionTimeoutMs?: number;
}

/** The JSON body to send back for one `database.*` call: success or the cloud's error envelope. */
export type DatabaseResponse = Record<string, unknown> & { requestId: string };

/**
 * The local CloudBase's document database: answers the `database.*` calls wx-server-sdk POSTs to
 * /admin, with MongoDB semantics, durably stored in one SQLite file.
 */
export class Database implements Engine {
  readonly indexes: IndexFile;
  readonly transactions: TransactionManager;
  private readonly store: DocumentStore;
  private readonly clock: { now(): number };
  private readonly direct: DirectSession;
  /** The env of the request being handled; requests run one at a time, synchronously. */
  private currentEnv = 'local';

  constructor(options: DatabaseOptions = {}) {
    this.indexes = options.indexes ? validateIndexFile(options.indexes, 'indexes option') : loadIndexFile();
    this.clock = options.clock ?? { now: () => Date.now() };
    const namespace = (name: string) => this.namespace(this.currentEnv, name);
    this.store = new DocumentStore(options.file, options.synchronous ?? 'NORMAL', (name) => this.indexSpecs(name), namespace);
    this.direct = new DirectSession(this.store);
    this.transactions = new TransactionManager(this.store, namespace, options.transactionTimeoutMs);
    this.createDeclaredCollections();
  }

  /** Answers one parsed POST /admin body whose action starts with `database.`. Never throws. */
  async handle(body: unknown): Promise<DatabaseResponse> {
    return this.handleSync(body);
  }

  handleSync(body: unknown): DatabaseResponse {
    const requestId = newRequestId();
    try {
      if (!isPlainObject(body)) throw new CloudDbError('INVALID_PARAM', 'the request body must be a JSON object');
      this.currentEnv = typeof body.envName === 'string' && body.envName ? body.envName : 'local';
      return { requestId, ...dispatch(this, body) };
    } catch (error) {
      if (error instanceof CloudDbError) return { requestId, code: error.code, message: error.message };
      return { requestId, code: 'SYS_ERR', message: `local CloudBase database failure: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      this.currentEnv = 'local';
    }
  }

  /** Seeds documents (plain JS values, Dates as Date); creates the collection; returns the `_id`s. */
  insert(collection: string, docs: Doc[]): unknown[] {
    return insertDocuments(this.context('local'), collection, deepClone(docs));
  }

  /** Every document matching a MongoDB filter, in natural order; [] for a missing collection. */
  find(collection: string, filter: Doc = {}): Doc[] {
    if (!this.store.has(collection)) return [];
    return findDocuments(this.context('local'), collection, { filter: nativeRegExps(filter) as Doc });
  }

  /** Applies a MongoDB update document to every match; returns how many changed. */
  update(collection: string, filter: Doc, updateDoc: Doc): number {
    return modifyDocuments(this.context('local'), collection, { filter: nativeRegExps(filter) as Doc, data: deepClone(updateDoc), multi: true, merge: true, upsert: false }).updated;
  }

  remove(collection: string, filter: Doc): number {
    return removeDocuments(this.context('local'), collection, nativeRegExps(filter) as Doc, true);
  }

  collections(): string[] {
    return this.store.names();
  }

  /** Empties the database back to the declared collections, with no documents and no open transactions. */
  reset(): void {
    this.transactions.clear();
    this.store.clear();
    this.createDeclaredCollections();
  }

  close(): void {
    this.transactions.clear();
    this.store.close();
  }

  context(envName: string, transactionId?: string): OperationContext {
    return {
      session: transactionId ? this.transactions.get(transactionId) : this.direct,
      nowMs: this.clock.now(),
      namespace: (name) => this.namespace(envName, name),
      geoFields: (name) => geoFields(this.indexSpecs(name)),
      newId: () => newDocumentId(this.clock.now()),
    };
  }

  createCollection(name: string): void {
    if (!this.store.ensureCollection(name)) throw collectionAlreadyExists(name);
  }

  nowMs(): number {
    return this.clock.now();
  }

  private indexSpecs(collection: string): IndexSpec[] {
    return this.indexes.collections[collection] ?? [];
  }

  private namespace(envName: string, collection: string): string {
    return `${envName}.${collection}`;
  }

  private createDeclaredCollections(): void {
    for (const name of Object.keys(this.indexes.collections)) this.store.ensureCollection(name);
  }
}
