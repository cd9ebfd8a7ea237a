/**
 * The database operations, independent of the wire format. Each runs synchronously from first read to
 * last write, so one request's read-modify-write can never interleave with another's.
 */
import { asPoint, distanceMeters, distanceOf, withinDistance, type LngLat } from './geo';
import { CloudDbError, badQuery, badWrite, collectionNotExist, geoIndexMissing, invalidParam } from './errors';
import { deepClone, idKey, isPlainObject, valuesEqual, type Doc } from './ejson';
import { MissingGeoIndexError, QueryError, applyUpdateOperators, planQuery, projectDocument, runPipeline, sortRows, type QueryPlan } from './mongo';
import type { Row, Session } from './session';
import { setValue } from 'mingo/util';

export interface OperationContext {
  session: Session;
  nowMs: number;
  namespace(collection: string): string;
  geoFields(collection: string): string[];
  newId(): string;
}

export interface FindOptions {
  filter: Doc;
  order?: Record<string, unknown>;
  offset?: number;
  /** undefined = all. */
  limit?: number;
  projection?: Doc;
}

export interface ModifyOptions {
  filter: Doc;
  data: Doc;
  multi: boolean;
  /** true: `data` is an update document ($set, $inc ...); false: it replaces the document. */
  merge: boolean;
  upsert: boolean;
}

/** What the cloud returns from a pipeline without a $limit stage (community-verified; with $limit it is up to 10000). */
export const AGGREGATE_DEFAULT_LIMIT = 20;

/** mingo and geo failures become the cloud's DATABASE_REQUEST_FAILED envelope. */
function translated<T>(ctx: OperationContext, collection: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CloudDbError) throw error;
    if (error instanceof MissingGeoIndexError) throw geoIndexMissing(ctx.namespace(collection), error.operator, error.field);
    if (error instanceof QueryError) throw badQuery(ctx.namespace(collection), error.message);
    if (error instanceof Error) throw badQuery(ctx.namespace(collection), error.message);
    throw error;
  }
}

function requireCollection(ctx: OperationContext, collection: string): void {
  if (!ctx.session.exists(collection)) throw collectionNotExist();
}

function plan(ctx: OperationContext, collection: string, filter: Doc): QueryPlan {
  return translated(ctx, collection, () => planQuery(filter, ctx.geoFields(collection)));
}

function nearestFirst(rows: Row[], queryPlan: QueryPlan): Row[] {
  if (!queryPlan.near) return rows;
  const spec = queryPlan.near;
  return rows
    .map((row) => ({ row, distance: distanceOf(row.doc, spec) }))
    .sort((a, b) => a.distance - b.distance)
    .map(({ row }) => row);
}

function matching(ctx: OperationContext, collection: string, filter: Doc, order?: Record<string, unknown>): Row[] {
  const queryPlan = plan(ctx, collection, filter);
  const rows = translated(ctx, collection, () => ctx.session.list(collection).filter((row) => queryPlan.test(row.doc)));
  // an explicit sort overrides the distance order of $near, as in MongoDB
  if (order && Object.keys(order).length > 0) return translated(ctx, collection, () => sortRows(rows, order));
  return nearestFirst(rows, queryPlan);
}

export function findDocuments(ctx: OperationContext, collection: string, options: FindOptions): Doc[] {
  requireCollection(ctx, collection);
  const offset = options.offset ?? 0;
  const rows = matching(ctx, collection, options.filter, options.order).slice(offset, options.limit === undefined ? undefined : offset + options.limit);
  const projection = options.projection && Object.keys(options.projection).length > 0 ? options.projection : undefined;
  return rows.map((row) => {
    ctx.session.noteRead(collection, row.key);
    const copy = deepClone(row.doc);
    return projection ? translated(ctx, collection, () => projectDocument(copy, projection)) : copy;
  });
}

export function countDocuments(ctx: OperationContext, collection: string, filter: Doc): number {
  requireCollection(ctx, collection);
  if (plan(ctx, collection, filter).near) throw badQuery(ctx.namespace(collection), '$geoNear, $near, and $nearSphere are not allowed in this context');
  return matching(ctx, collection, filter).length;
}

export function insertDocuments(ctx: OperationContext, collection: string, docs: unknown[]): unknown[] {
  if (docs.length === 0) throw invalidParam('data must hold at least one document');
  const prepared = docs.map((doc) => {
    if (!isPlainObject(doc)) throw invalidParam('every document must be an object');
    const id = doc._id === undefined ? ctx.newId() : doc._id;
    if (typeof id !== 'string' && typeof id !== 'number') throw invalidParam('_id must be a string or a number');
    const { _id: _ignored, ...fields } = doc;
    return { _id: id, ...fields } as Doc;
  });
  ctx.session.write(prepared.map((doc) => ({ collection, key: idKey(doc._id), doc, insert: true })));
  return prepared.map((doc) => doc._id);
}

/** Equality conditions of a filter become the starting document of an upsert, as in MongoDB. */
function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) continue;
    if (isPlainObject(condition) && Object.keys(condition).some((key) => key.startsWith('$'))) {
      if ('$eq' in condition) setValue(seed, field, deepClone(condition.$eq));
      continue;
    }
    setValue(seed, field, deepClone(condition));
  }
  return seed;
}

export function modifyDocuments(ctx: OperationContext, collection: string, options: ModifyOptions): { updated: number; upsertedId?: unknown } {
  if (!options.upsert) requireCollection(ctx, collection);
  const rows = ctx.session.exists(collection) ? matching(ctx, collection, options.filter) : [];
  const targets = options.multi ? rows : rows.slice(0, 1);
  const changes = targets.flatMap((row) => {
    const next = options.merge ? updatedCopy(ctx, collection, row.doc, options.data) : replacement(row.doc._id, options.data);
    return next && !valuesEqual(next, row.doc) ? [{ collection, key: row.key, doc: next }] : [];
  });
  ctx.session.write(changes);
  if (targets.length > 0 || !options.upsert) return { updated: changes.length };

  const seed = upsertSeed(options.filter);
  // a replacement keeps only the _id of the filter (doc(id).set), an update document builds on its equalities
  const doc = options.merge ? seed : replacement(seed._id, options.data);
  if (options.merge) translated(ctx, collection, () => applyUpdateOperators(doc, options.data, ctx.nowMs, true));
  const id = doc._id ?? ctx.newId();
  const { _id: _ignored, ...fields } = doc;
  ctx.session.write([{ collection, key: idKey(id), doc: { _id: id, ...fields }, insert: true }]);
  return { updated: 0, upsertedId: id };
}

function updatedCopy(ctx: OperationContext, collection: string, doc: Doc, updateDoc: Doc): Doc | null {
  const copy = deepClone(doc);
  const changed = translated(ctx, collection, () => applyUpdateOperators(copy, updateDoc, ctx.nowMs, false));
  if (!changed) return null;
  if (!valuesEqual(copy._id, doc._id)) {
    throw badWrite(ctx.namespace(collection), "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return copy;
}

function replacement(id: unknown, data: Doc): Doc {
  const { _id: _ignored, ...fields } = deepClone(data);
  return { _id: id, ...fields };
}

export function removeDocuments(ctx: OperationContext, collection: string, filter: Doc, multi: boolean): number {
  requireCollection(ctx, collection);
  const rows = matching(ctx, collection, filter);
  const targets = multi ? rows : rows.slice(0, 1);
  ctx.session.write(targets.map((row) => ({ collection, key: row.key, doc: null })));
  return targets.length;
}

export function aggregateDocuments(ctx: OperationContext, collection: string, pipeline: Doc[]): Doc[] {
  requireCollection(ctx, collection);
  pipeline.forEach((stage, position) => {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) throw badQuery(ctx.namespace(collection), 'A pipeline stage specification object must contain exactly one field.');
    if ('$geoNear' in stage && position > 0) throw badQuery(ctx.namespace(collection), '$geoNear is only valid as the first stage in a pipeline.');
    if ('$match' in stage && isPlainObject(stage.$match) && plan(ctx, collection, stage.$match).near) {
      throw badQuery(ctx.namespace(collection), '$geoNear, $near, and $nearSphere are not allowed in this context');
    }
  });
  const [first, ...rest] = pipeline;
  const startsWithGeoNear = !!first && '$geoNear' in first;
  const input = startsWithGeoNear ? geoNearStage(ctx, collection, first.$geoNear) : ctx.session.list(collection).map((row) => deepClone(row.doc));
  const resolver = (name: string): Doc[] => (ctx.session.exists(name) ? ctx.session.list(name).map((row) => deepClone(row.doc)) : []);
  const output = translated(ctx, collection, () => runPipeline(input, startsWithGeoNear ? rest : pipeline, resolver));
  const hasLimit = pipeline.some((stage) => '$limit' in stage);
  return hasLimit ? output : output.slice(0, AGGREGATE_DEFAULT_LIMIT);
}

function geoNearStage(ctx: OperationContext, collection: string, options: unknown): Doc[] {
  const namespace = ctx.namespace(collection);
  if (!isPlainObject(options)) throw badQuery(namespace, '$geoNear needs an options object');
  const indexed = ctx.geoFields(collection);
  let key = options.key;
  if (key === undefined) {
    if (indexed.length === 0) throw geoIndexMissing(namespace, '$geoNear', '(none)');
    if (indexed.length > 1) throw badQuery(namespace, 'There is more than one 2dsphere index; unsure which to use for $geoNear; pass key');
    key = indexed[0];
  }
  if (typeof key !== 'string' || !indexed.includes(key)) throw geoIndexMissing(namespace, '$geoNear', String(key));
  const center: LngLat | null = asPoint(options.near);
  if (!center) throw badQuery(namespace, '$geoNear requires near to be a GeoJSON Point');
  if (typeof options.distanceField !== 'string' || !options.distanceField) throw badQuery(namespace, '$geoNear requires a distanceField');
  const bounds = {
    minDistance: typeof options.minDistance === 'number' ? options.minDistance : undefined,
    maxDistance: typeof options.maxDistance === 'number' ? options.maxDistance : undefined,
  };
  const multiplier = typeof options.distanceMultiplier === 'number' ? options.distanceMultiplier : 1;
  const queryPlan = isPlainObject(options.query) ? plan(ctx, collection, options.query) : undefined;
  if (queryPlan?.near) throw badQuery(namespace, '$geoNear query must not contain another $near');
  const field = key;
  return ctx.session
    .list(collection)
    .flatMap((row) => {
      const point = asPoint(getField(row.doc, field));
      if (!point) return [];
      const distance = distanceMeters(point, center);
      if (!withinDistance(bounds, distance)) return [];
      if (queryPlan && !translated(ctx, collection, () => queryPlan.test(row.doc))) return [];
      return [{ row, distance }];
    })
    .sort((a, b) => a.distance - b.distance)
    .map(({ row, distance }) => {
      const doc = deepClone(row.doc);
      setValue(doc, options.distanceField as string, distance * multiplier);
      if (typeof options.includeLocs === 'string') setValue(doc, options.includeLocs, deepClone(getField(row.doc, field)));
      return doc;
    });
}

function getField(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) value = isPlainObject(value) ? value[part] : undefined;
  return value;
}
