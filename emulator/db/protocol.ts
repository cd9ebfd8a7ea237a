/**
 * The wire protocol of the CloudBase database API as wx-server-sdk 4.0.2 (@cloudbase/node-sdk 3.17.2,
 * @cloudbase/database 1.4.3) speaks it: one JSON body per call, `action` naming the operation, queries
 * and documents as canonical EJSON strings. contract.test.ts pins every shape used here.
 */
import { invalidParam, unsupportedAction } from './errors';
import { isPlainObject, nativeRegExps, parseEjson, resolveServerDates, stringifyEjson, type Doc } from './ejson';
import {
  aggregateDocuments,
  countDocuments,
  findDocuments,
  insertDocuments,
  modifyDocuments,
  removeDocuments,
  type OperationContext,
} from './operations';
import type { TransactionManager } from './transactions';

/** wx-server-sdk sends 100 when the code sets no limit and clamps larger limits to 1000; so does the server. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface Engine {
  readonly transactions: TransactionManager;
  context(envName: string, transactionId?: string): OperationContext;
  createCollection(name: string): void;
  nowMs(): number;
}

type Body = Record<string, unknown>;
/** Fields of the success body besides requestId: usually `{ data }`, top-level for the transaction calls. */
type Reply = Record<string, unknown>;

function collectionName(body: Body): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || !name) throw invalidParam('collectionName is required');
  return name;
}

function transactionIdOf(body: Body): string | undefined {
  const id = body.transactionId;
  if (id === undefined || id === null || id === '') return undefined;
  if (typeof id !== 'string') throw invalidParam('transactionId must be a string');
  return id;
}

function ejsonField(body: Body, field: string): unknown {
  const raw = body[field];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') return raw;
  try {
    return parseEjson(raw);
  } catch {
    throw invalidParam(`${field} is not valid EJSON`);
  }
}

function objectField(body: Body, field: string): Doc | undefined {
  const value = ejsonField(body, field);
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalidParam(`${field} must be an object`);
  return value;
}

function filterOf(engine: Engine, body: Body): Doc {
  return nativeRegExps(resolveServerDates(objectField(body, 'query') ?? {}, engine.nowMs())) as Doc;
}

/** orderBy arrives as `{ field: 1 | -1 }`; older SDKs sent `[{ field, direction: 'asc' | 'desc' }]`. */
function orderOf(body: Body): Record<string, unknown> | undefined {
  const value = ejsonField(body, 'order');
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((entry: { field?: unknown; direction?: unknown }) => [String(entry.field), entry.direction === 'desc' || entry.direction === -1 ? -1 : 1]),
    );
  }
  if (!isPlainObject(value)) throw invalidParam('order must be an object');
  return value;
}

function limitOf(body: Body): number {
  const limit = body.limit;
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) return DEFAULT_LIMIT;
  return Math.min(Math.floor(limit), MAX_LIMIT);
}

function offsetOf(body: Body): number {
  const offset = body.offset;
  return typeof offset === 'number' && Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0;
}

function documentsOf(engine: Engine, body: Body): unknown[] {
  const data = body.data;
  const items = Array.isArray(data) ? data : [data];
  return items.map((item) => {
    const value = typeof item === 'string' ? parseEjson(item) : item;
    return resolveServerDates(value, engine.nowMs());
  });
}

function updateDataOf(engine: Engine, body: Body): Doc {
  const data = objectField(body, 'data');
  if (!data) throw invalidParam('data is required');
  return resolveServerDates(data, engine.nowMs()) as Doc;
}

function isUpdateDocument(data: Doc): boolean {
  return Object.keys(data).some((key) => key.startsWith('$'));
}

const handlers: Record<string, (engine: Engine, body: Body, envName: string) => Reply> = {
  'database.getDocument': (engine, body, envName) => {
    const limit = limitOf(body);
    const offset = offsetOf(body);
    const docs = findDocuments(engine.context(envName, transactionIdOf(body)), collectionName(body), {
      filter: filterOf(engine, body),
      order: orderOf(body),
      offset,
      limit,
      projection: objectField(body, 'projection'),
    });
    return { data: { list: docs.map(stringifyEjson), offset, limit } };
  },

  'database.calculateDocument': (engine, body, envName) => ({
    data: { total: countDocuments(engine.context(envName, transactionIdOf(body)), collectionName(body), filterOf(engine, body)) },
  }),

  'database.insertDocument': (engine, body, envName) => ({
    data: { insertedIds: insertDocuments(engine.context(envName, transactionIdOf(body)), collectionName(body), documentsOf(engine, body)) },
  }),

  'database.modifyDocument': (engine, body, envName) => {
    const data = updateDataOf(engine, body);
    const merge = body.merge !== false;
    if (merge && !isUpdateDocument(data)) throw invalidParam('an update (merge) needs update operators such as $set');
    const result = modifyDocuments(engine.context(envName, transactionIdOf(body)), collectionName(body), {
      filter: filterOf(engine, body),
      data,
      multi: body.multi === true,
      merge,
      upsert: body.upsert === true,
    });
    return { data: result.upsertedId === undefined ? { updated: result.updated } : { updated: result.updated, upsert_id: result.upsertedId } };
  },

  'database.removeDocument': (engine, body, envName) => ({
    data: {
      deleted: removeDocuments(engine.context(envName, transactionIdOf(body)), collectionName(body), filterOf(engine, body), body.multi === true),
    },
  }),

  'database.aggregateDocuments': (engine, body, envName) => {
    const stages = body.stages;
    if (!Array.isArray(stages)) throw invalidParam('stages must be a list');
    const pipeline = stages.map((stage: { stageKey?: unknown; stageValue?: unknown }) => {
      if (typeof stage?.stageKey !== 'string') throw invalidParam('every stage needs a stageKey');
      const value = typeof stage.stageValue === 'string' ? parseEjson(stage.stageValue) : stage.stageValue;
      return { [stage.stageKey]: nativeRegExps(resolveServerDates(value, engine.nowMs())) } as Doc;
    });
    const docs = aggregateDocuments(engine.context(envName), collectionName(body), pipeline);
    return { data: { list: docs.map(stringifyEjson) } };
  },

  'database.addCollection': (engine, body) => {
    engine.createCollection(collectionName(body));
    return {};
  },

  'database.startTransaction': (engine) => ({ transactionId: engine.transactions.start().id }),

  'database.commitTransaction': (engine, body) => {
    engine.transactions.commit(requiredTransactionId(body));
    return {};
  },

  'database.abortTransaction': (engine, body) => {
    const id = requiredTransactionId(body);
    engine.transactions.get(id);
    engine.transactions.end(id);
    return {};
  },

  // The three below are the older per-document transaction calls (@cloudbase/database's src still has
  // them; 1.4.3's build sends ordinary calls with a transactionId instead). Kept for SDKs that use them.
  'database.getInTransaction': (engine, body, envName) => {
    const docs = findDocuments(engine.context(envName, requiredTransactionId(body)), collectionName(body), { filter: { _id: body._id }, limit: 1 });
    return { data: stringifyEjson(docs[0] ?? null) };
  },

  'database.updateDocInTransaction': (engine, body, envName) => {
    const data = updateDataOf(engine, body);
    const merge = isUpdateDocument(data);
    const result = modifyDocuments(engine.context(envName, requiredTransactionId(body)), collectionName(body), {
      filter: { _id: body._id },
      data,
      multi: false,
      merge,
      upsert: body.upsert === true,
    });
    const reply: Reply = { updated: String(result.updated) };
    if (result.upsertedId !== undefined) reply.upserted = JSON.stringify([{ _id: result.upsertedId }]);
    return reply;
  },

  'database.deleteDocInTransaction': (engine, body, envName) => ({
    deleted: String(removeDocuments(engine.context(envName, requiredTransactionId(body)), collectionName(body), { _id: body._id }, false)),
  }),
};

function requiredTransactionId(body: Body): string {
  const id = transactionIdOf(body);
  if (!id) throw invalidParam('transactionId is required');
  return id;
}

export function dispatch(engine: Engine, body: Body): Reply {
  const action = body.action;
  if (typeof action !== 'string') throw invalidParam('action is required');
  const handler = Object.prototype.hasOwnProperty.call(handlers, action) ? handlers[action] : undefined;
  if (!handler) throw unsupportedAction(action);
  const envName = typeof body.envName === 'string' && body.envName ? body.envName : 'local';
  return handler(engine, body, envName);
}

