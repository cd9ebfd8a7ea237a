/**
 * MongoDB semantics through mingo 6.7.2: every query, projection, pipeline and expression operator, plus
 * the geo operators from ./geo. Server-side JavaScript ($where, $function, $accumulator) is off, as on
 * the cloud.
 */
import { Aggregator, Query } from 'mingo';
import type { Options } from 'mingo/core';
import fullContext from 'mingo/init/context';
import { update as mingoUpdate, type UpdateExpression } from 'mingo/updater';
import { isPlainObject, type Doc } from './ejson';
import { GEO_OPERATORS, GeoOperandError, NEAR_OPERATORS, geoQueryOperators, nearSpec, type NearSpec } from './geo';

const context = fullContext().addQueryOps(geoQueryOperators);

export function mingoOptions(collectionResolver?: (name: string) => Doc[]): Partial<Options> {
  return { context, scriptEnabled: false, useStrictMode: true, ...(collectionResolver ? { collectionResolver } : {}) };
}

/** A query that is not valid MongoDB, or valid but impossible here; the caller turns it into the cloud's error. */
export class QueryError extends Error {}

/** A geo operator used on a field that has no 2dsphere index. */
export class MissingGeoIndexError extends Error {
  constructor(
    readonly operator: string,
    readonly field: string,
  ) {
    super(`no 2dsphere index on ${field}`);
  }
}

interface GeoUse {
  field: string;
  operator: string;
  operand: unknown;
  topLevel: boolean;
}

function collectGeoUses(filter: unknown, topLevel: boolean, uses: GeoUse[]): void {
  if (!isPlainObject(filter)) return;
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) value.forEach((sub) => collectGeoUses(sub, topLevel, uses));
    else if ((key === '$or' || key === '$nor') && Array.isArray(value)) value.forEach((sub) => collectGeoUses(sub, false, uses));
    else if (!key.startsWith('$')) collectFieldGeoUses(key, value, topLevel, uses);
  }
}

function collectFieldGeoUses(field: string, condition: unknown, topLevel: boolean, uses: GeoUse[]): void {
  if (!isPlainObject(condition)) return;
  for (const [operator, operand] of Object.entries(condition)) {
    if (GEO_OPERATORS.has(operator)) uses.push({ field, operator, operand, topLevel });
    else if (operator === '$not') collectFieldGeoUses(field, operand, false, uses);
  }
}

export interface QueryPlan {
  test(doc: Doc): boolean;
  /** Set when the query has a $near/$nearSphere: results come back nearest first. */
  near?: NearSpec;
}

/**
 * Compiles a filter. Geo operators need a 2dsphere index on their field, as on the cloud (the cloud's
 * docs require it for geoWithin and geoIntersects too, although MongoDB itself would not).
 */
export function planQuery(filter: Doc, geoIndexedFields: readonly string[]): QueryPlan {
  const uses: GeoUse[] = [];
  collectGeoUses(filter, true, uses);
  let near: NearSpec | undefined;
  for (const use of uses) {
    if (!geoIndexedFields.includes(use.field)) {
      throw new MissingGeoIndexError(NEAR_OPERATORS.has(use.operator) ? '$geoNear' : use.operator, use.field);
    }
    if (!NEAR_OPERATORS.has(use.operator)) continue;
    if (!use.topLevel) throw new QueryError(`${use.operator} is not allowed inside $or, $nor or $not`);
    if (near) throw new QueryError('Too many geoNear expressions');
    near = withGeoErrors(() => nearSpec(use.field, use.operand));
  }
  const query = withGeoErrors(() => new Query(filter, mingoOptions()));
  return { test: (doc) => query.test(doc), near };
}

function withGeoErrors<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof GeoOperandError) throw new QueryError(error.message);
    throw error;
  }
}

/** Sorts by a MongoDB sort spec ({ field: 1 | -1, ... }) with mingo's BSON type ordering; stable. */
export function sortRows<T extends { doc: Doc }>(rows: T[], order: Record<string, unknown>): T[] {
  const spec: Record<string, 1 | -1> = {};
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw new QueryError(`bad sort direction for ${field}: use 1 or -1`);
    spec[`doc.${field}`] = direction;
  }
  if (Object.keys(spec).length === 0) return rows;
  return new Aggregator([{ $sort: spec }], mingoOptions()).run(rows) as T[];
}

export function projectDocument(doc: Doc, projection: Doc): Doc {
  return new Query({}, mingoOptions()).find<Doc>([doc], projection).all()[0] as Doc;
}

/**
 * Applies an update document ({ $set: ..., $inc: ... }) in place and reports whether anything changed,
 * which is what the cloud counts in `updated`. `$setOnInsert` only applies when `inserting`.
 */
export function applyUpdateOperators(doc: Doc, updateDoc: Doc, nowMs: number, inserting: boolean): boolean {
  let changed = false;
  for (const [operator, args] of Object.entries(updateDoc)) {
    if (!operator.startsWith('$')) throw new QueryError(`Unknown modifier: ${operator}. Expected a valid update modifier`);
    if (!isPlainObject(args)) throw new QueryError(`Modifiers operate on fields but we found ${operator} with a non-object value`);
    let expression: Record<string, unknown>;
    if (operator === '$setOnInsert') {
      if (!inserting) continue;
      expression = { $set: args };
    } else if (operator === '$currentDate') {
      // the database's clock, not the host's, so a moved emulator clock shows up here too
      expression = { $set: Object.fromEntries(Object.keys(args).map((field) => [field, new Date(nowMs)])) };
    } else {
      expression = { [operator]: args };
    }
    const changedPaths = mingoUpdate(doc, expression as UpdateExpression);
    if (changedPaths.length > 0) changed = true;
  }
  return changed;
}

export function runPipeline(docs: Doc[], pipeline: Doc[], collectionResolver: (name: string) => Doc[]): Doc[] {
  return new Aggregator(pipeline, mingoOptions(collectionResolver)).run(docs) as Doc[];
}
