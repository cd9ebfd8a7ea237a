/**
 * Geo queries, which mingo does not have: points are GeoJSON `{ type: 'Point', coordinates: [lng, lat] }`
 * (what db.Geo.Point serialises to), distances are great-circle metres on MongoDB's 2dsphere earth
 * (radius 6378.1 km, the figure the cloud's docs give for centerSphere radians).
 */
import type { QueryOperator } from 'mingo/core';
import { resolve } from 'mingo/util';
import { isPlainObject } from './ejson';

export const EARTH_RADIUS_M = 6378100;

export type LngLat = [number, number];

export const NEAR_OPERATORS = new Set(['$near', '$nearSphere']);
export const GEO_OPERATORS = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects', '$within']);

function isLngLat(value: unknown): value is LngLat {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

/** The coordinates of a stored GeoJSON point, or null for anything else (other shapes never match). */
export function asPoint(value: unknown): LngLat | null {
  if (!isPlainObject(value) || value.type !== 'Point' || !isLngLat(value.coordinates)) return null;
  return [value.coordinates[0], value.coordinates[1]];
}

export function distanceMeters([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

type Ring = number[][];

/** Planar ray casting on lng/lat: exact for the small polygons an app draws, not for continent-sized ones. */
function inRing([x, y]: LngLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (onSegment([x, y], [xi, yi], [xj, yj])) return true;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function onSegment([x, y]: LngLat, [x1, y1]: number[], [x2, y2]: number[]): boolean {
  const cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1);
  if (Math.abs(cross) > 1e-12) return false;
  return x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) && y <= Math.max(y1, y2);
}

function inPolygon(point: LngLat, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(point, outer) && !holes.some((hole) => inRing(point, hole));
}

export class GeoOperandError extends Error {}

function polygonsOf(geometry: unknown, operator: string): Ring[][] {
  if (isPlainObject(geometry) && geometry.type === 'Polygon' && Array.isArray(geometry.coordinates)) {
    return [geometry.coordinates as Ring[]];
  }
  if (isPlainObject(geometry) && geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
    return geometry.coordinates as Ring[][];
  }
  throw new GeoOperandError(`${operator} needs a Polygon or MultiPolygon $geometry (or $centerSphere)`);
}

/** Compiles a $geoWithin operand into a point test; throws GeoOperandError on shapes the emulator lacks. */
export function withinTest(operand: unknown): (point: LngLat) => boolean {
  if (!isPlainObject(operand)) throw new GeoOperandError('$geoWithin needs an object');
  if (operand.$centerSphere !== undefined) {
    const [center, radians] = operand.$centerSphere as [unknown, unknown];
    if (!isLngLat(center) || typeof radians !== 'number') throw new GeoOperandError('$centerSphere is [[lng, lat], radians]');
    return (point) => distanceMeters(point, center) <= radians * EARTH_RADIUS_M;
  }
  const polygons = polygonsOf(operand.$geometry, '$geoWithin');
  return (point) => polygons.some((rings) => inPolygon(point, rings));
}

export function intersectsTest(operand: unknown): (point: LngLat) => boolean {
  const geometry = isPlainObject(operand) ? operand.$geometry : undefined;
  const target = asPoint(geometry);
  if (target) return (point) => point[0] === target[0] && point[1] === target[1];
  if (isPlainObject(geometry) && geometry.type === 'MultiPoint' && Array.isArray(geometry.coordinates)) {
    const points = geometry.coordinates as number[][];
    return (point) => points.some(([lng, lat]) => point[0] === lng && point[1] === lat);
  }
  if (isPlainObject(geometry) && geometry.type === 'LineString' && Array.isArray(geometry.coordinates)) {
    const line = geometry.coordinates as number[][];
    return (point) => line.slice(1).some((end, i) => onSegment(point, line[i], end));
  }
  const polygons = polygonsOf(geometry, '$geoIntersects');
  return (point) => polygons.some((rings) => inPolygon(point, rings));
}

export interface NearSpec {
  field: string;
  center: LngLat;
  minDistance?: number;
  maxDistance?: number;
}

/** `_.geoNear(...)` travels as `{ field: { $nearSphere: { $geometry, $maxDistance?, $minDistance? } } }`. */
export function nearSpec(field: string, operand: unknown): NearSpec {
  if (!isPlainObject(operand)) throw new GeoOperandError('$nearSphere needs { $geometry: Point }');
  const center = asPoint(operand.$geometry);
  if (!center) throw new GeoOperandError('$nearSphere supports a GeoJSON Point $geometry only (legacy coordinate pairs are not emulated)');
  const spec: NearSpec = { field, center };
  for (const bound of ['$minDistance', '$maxDistance'] as const) {
    const value = operand[bound];
    if (value === undefined) continue;
    if (typeof value !== 'number' || value < 0) throw new GeoOperandError(`${bound} must be a non-negative number of metres`);
    spec[bound === '$minDistance' ? 'minDistance' : 'maxDistance'] = value;
  }
  return spec;
}

export function withinDistance(spec: Pick<NearSpec, 'minDistance' | 'maxDistance'>, distance: number): boolean {
  return (spec.minDistance === undefined || distance >= spec.minDistance) && (spec.maxDistance === undefined || distance <= spec.maxDistance);
}

function pointAt(obj: object, selector: string): LngLat | null {
  return asPoint(resolve(obj as Record<string, unknown>, selector));
}

const nearOperator: QueryOperator = (selector, value) => {
  const spec = nearSpec(selector, value);
  return (obj) => {
    const point = pointAt(obj, selector);
    return !!point && withinDistance(spec, distanceMeters(point, spec.center));
  };
};

const geoWithinOperator: QueryOperator = (selector, value) => {
  const test = withinTest(value);
  return (obj) => {
    const point = pointAt(obj, selector);
    return !!point && test(point);
  };
};

const geoIntersectsOperator: QueryOperator = (selector, value) => {
  const test = intersectsTest(value);
  return (obj) => {
    const point = pointAt(obj, selector);
    return !!point && test(point);
  };
};

/** Registered into the mingo context; the index requirement is checked before mingo sees the query. */
export const geoQueryOperators: Record<string, QueryOperator> = {
  $near: nearOperator,
  $nearSphere: nearOperator,
  $geoWithin: geoWithinOperator,
  $within: geoWithinOperator,
  $geoIntersects: geoIntersectsOperator,
};

export function distanceOf(doc: object, spec: NearSpec): number {
  const point = pointAt(doc, spec.field);
  return point ? distanceMeters(point, spec.center) : Number.POSITIVE_INFINITY;
}
