/**
 * The promise-style surface of cloud.database() that Weave's functions use. wx-server-sdk's own
 * typings union every result with the callback style's `void | string`, which would force a cast
 * at every await; this interface states what the SDK really resolves to.
 */
import type * as cloud from 'wx-server-sdk';

type SdkDatabase = ReturnType<typeof cloud.database>;
export type Command = SdkDatabase['command'];

export type Doc = Record<string, unknown>;

export interface Query<T = Doc> {
  where(condition: object): Query<T>;
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>;
  skip(offset: number): Query<T>;
  limit(max: number): Query<T>;
  field(projection: object): Query<T>;
  get(): Promise<{ data: T[]; errMsg: string }>;
  count(): Promise<{ total: number; errMsg: string }>;
  update(options: { data: object }): Promise<{ stats: { updated: number }; errMsg: string }>;
  remove(options?: object): Promise<{ stats: { removed: number }; errMsg: string }>;
}

export interface DocumentReference<T = Doc> {
  field(projection: object): DocumentReference<T>;
  get(): Promise<{ data: T; errMsg: string }>;
  set(options: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number }; errMsg: string }>;
  update(options: { data: object }): Promise<{ stats: { updated: number }; errMsg: string }>;
  remove(options?: object): Promise<{ stats: { removed: number }; errMsg: string }>;
}

export interface Aggregate {
  addFields(value: object): Aggregate;
  count(field: string): Aggregate;
  geoNear(options: object): Aggregate;
  group(value: object): Aggregate;
  limit(value: number): Aggregate;
  lookup(value: object): Aggregate;
  match(value: object): Aggregate;
  project(value: object): Aggregate;
  skip(value: number): Aggregate;
  sort(value: object): Aggregate;
  unwind(value: string | object): Aggregate;
  end(): Promise<{ list: Doc[]; errMsg: string }>;
}

export interface Collection<T = Doc> extends Query<T> {
  doc(id: string): DocumentReference<T>;
  add(options: { data: object[] }): Promise<{ _ids: string[]; errMsg: string }>;
  add(options: { data: object }): Promise<{ _id: string; errMsg: string }>;
  aggregate(): Aggregate;
}

export interface Transaction {
  collection<T = Doc>(name: string): Collection<T>;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface Database {
  command: Command;
  Geo: SdkDatabase['Geo'];
  RegExp: SdkDatabase['RegExp'];
  serverDate(options?: { offset?: number }): unknown;
  collection<T = Doc>(name: string): Collection<T>;
  runTransaction<R>(callback: (transaction: Transaction) => Promise<R>, retries?: number): Promise<R>;
  startTransaction(): Promise<Transaction>;
}

/** The cloud's duplicate-key failure (unique index), as the SDK surfaces it. */
export function isDuplicateKeyError(error: unknown): boolean {
  const text = `${(error as { errMsg?: string })?.errMsg ?? ''} ${(error as Error)?.message ?? ''}`;
  return /E11000|duplicate key/i.test(text);
}
