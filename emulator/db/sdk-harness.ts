/**
 * Test support: a fresh in-memory Database behind a test server, and the real wx-server-sdk pointed at
 * it, used the way cloud function code uses it.
 */
import * as cloud from 'wx-server-sdk';
import { Clock } from '../clock';
import { Database } from './database';
import type { IndexFile } from './indexes';
import { pointSdkAt, startDbTestServer, type DbTestServer } from './test-server';

type TypedSdkDatabase = ReturnType<typeof cloud.database>;

// Documents are schemaless; tests read back whatever fields they wrote.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkDocument = Record<string, any>;

/*
 * The promise-style surface of cloud.database() that tests use. wx-server-sdk's own typings union every
 * result with the callback style's `void | string`, which makes each await need a cast.
 */
export interface SdkQuery {
  where(condition: object): SdkQuery;
  orderBy(field: string, order: 'asc' | 'desc'): SdkQuery;
  skip(offset: number): SdkQuery;
  limit(max: number): SdkQuery;
  field(projection: object): SdkQuery;
  get(): Promise<{ data: SdkDocument[]; errMsg: string }>;
  count(): Promise<{ total: number; errMsg: string }>;
  update(options: { data: object }): Promise<{ stats: { updated: number }; errMsg: string }>;
  remove(options?: object): Promise<{ stats: { removed: number }; errMsg: string }>;
}

export interface SdkDocumentReference {
  field(projection: object): SdkDocumentReference;
  get(): Promise<{ data: SdkDocument; errMsg: string }>;
  set(options: { data: object }): Promise<{ _id: string | number; stats: { updated: number; created: number }; errMsg: string }>;
  update(options: { data: object }): Promise<{ stats: { updated: number }; errMsg: string }>;
  remove(options?: object): Promise<{ stats: { removed: number }; errMsg: string }>;
}

export interface SdkAggregate {
  addFields(value: object): SdkAggregate;
  count(field: string): SdkAggregate;
  geoNear(options: object): SdkAggregate;
  group(value: object): SdkAggregate;
  limit(value: number): SdkAggregate;
  lookup(value: object): SdkAggregate;
  match(value: object): SdkAggregate;
  project(value: object): SdkAggregate;
  skip(value: number): SdkAggregate;
  sort(value: object): SdkAggregate;
  unwind(value: string | object): SdkAggregate;
  end(): Promise<{ list: SdkDocument[]; errMsg: string }>;
}

export interface SdkCollection extends SdkQuery {
  doc(id: string | number): SdkDocumentReference;
  add(options: { data: object[] }): Promise<{ _ids: Array<string | number>; errMsg: string }>;
  add(options: { data: object }): Promise<{ _id: string | number; errMsg: string }>;
  aggregate(): SdkAggregate;
}

export interface SdkTransaction {
  collection(name: string): SdkCollection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface SdkDatabase {
  command: TypedSdkDatabase['command'];
  Geo: TypedSdkDatabase['Geo'];
  RegExp: TypedSdkDatabase['RegExp'];
  serverDate(options?: { offset?: number }): unknown;
  collection(name: string): SdkCollection;
  createCollection(name: string): Promise<unknown>;
  runTransaction<T>(callback: (transaction: SdkTransaction) => Promise<T>, retries?: number): Promise<T>;
  startTransaction(): Promise<SdkTransaction>;
}

export interface SdkHarness {
  db: Database;
  clock: Clock;
  server: DbTestServer;
  cloud: typeof cloud;
  /** cloud.database(), as function code gets it. */
  sdb: SdkDatabase;
  close(): Promise<void>;
}

export async function startSdkHarness(indexes: IndexFile = { collections: {} }): Promise<SdkHarness> {
  const clock = new Clock();
  const db = new Database({ clock, indexes });
  const server = await startDbTestServer(db);
  pointSdkAt(server.adminUrl);
  cloud.init({ env: 'test' });
  return {
    db,
    clock,
    server,
    cloud,
    sdb: cloud.database() as unknown as SdkDatabase,
    async close() {
      await server.close();
      db.close();
    },
  };
}

/** The rejection a failing SDK call produces (errCode / errMsg as function code sees them). */
export async function sdkError(promise: Promise<unknown>): Promise<{ errCode: number; errMsg: string }> {
  try {
    await promise;
  } catch (error) {
    const { errCode, errMsg } = error as { errCode: number; errMsg: string };
    return { errCode, errMsg };
  }
  throw new Error('expected the SDK call to fail, it succeeded');
}
