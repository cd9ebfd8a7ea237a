/**
 * Values cross the wire as canonical EJSON (bson 6.9.1, the version @cloudbase/database parses with), so
 * Dates, Int/Double and regular expressions survive exactly. In memory documents are plain JS values:
 * Date, number, string, arrays, plain objects (GeoJSON points included) and the odd bson class instance.
 */
import { BSONRegExp, EJSON } from 'bson';

export type Doc = Record<string, unknown>;

export function parseEjson(text: string): unknown {
  return EJSON.parse(text, { relaxed: true });
}

export function stringifyEjson(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false });
}

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Assigns an own property even for the key "__proto__", which plain assignment would treat as the prototype. */
function setOwn(target: Doc, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Plain objects, arrays and Dates are copied; bson class instances are immutable values and are shared. */
export function deepClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => deepClone(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const copy: Doc = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, deepClone(item));
    return copy as T;
  }
  return value;
}

/** `db.serverDate({ offset })` travels as `{ $tcb_server_date: { offset } }` and becomes the server's time. */
export function resolveServerDates(value: unknown, nowMs: number): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveServerDates(item, nowMs));
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const marker = value.$tcb_server_date as { offset?: unknown } | null;
      const offset = typeof marker?.offset === 'number' ? marker.offset : 0;
      return new Date(nowMs + offset);
    }
    const resolved: Doc = {};
    for (const [key, item] of Object.entries(value)) setOwn(resolved, key, resolveServerDates(item, nowMs));
    return resolved;
  }
  return value;
}

/** Query engines want native RegExp; EJSON hands back BSONRegExp. Mongo's x/l flags have no JS equivalent. */
export function nativeRegExps(value: unknown): unknown {
  if (value instanceof BSONRegExp) {
    const flags = [...value.options].filter((flag) => 'imsu'.includes(flag)).join('');
    return new RegExp(value.pattern, flags);
  }
  if (Array.isArray(value)) return value.map(nativeRegExps);
  if (isPlainObject(value)) {
    const converted: Doc = {};
    for (const [key, item] of Object.entries(value)) setOwn(converted, key, nativeRegExps(item));
    return converted;
  }
  return value;
}

/** One value as canonical EJSON text (EJSON only stringifies documents, so wrap and unwrap). */
export function ejsonText(value: unknown): string {
  return stringifyEjson({ v: value }).slice('{"v":'.length, -1);
}

/** A stable text key for `_id`s: strings stay readable, anything else is its EJSON. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u001f${ejsonText(id)}`;
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  return ejsonText(a) === ejsonText(b);
}
