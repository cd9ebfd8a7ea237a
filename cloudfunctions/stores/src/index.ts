/**
 * Stores: near me (a geo query on the 2dsphere index, distances in metres), the city list for when
 * location is refused, and one store's page. Staff are never part of what is returned.
 */
import { zonedParts } from '../../../src/domain/business-day';
import { AppError } from '../../../src/domain/reply';
import { parse, v, ValidationError, type Check } from '../../../src/domain/validate';
import { createMain, type Handler } from '../../_shared/router';
import type { StoreDoc } from '../../../scripts/seed/types';

export interface StoreView {
  id: string;
  name: string;
  city: string;
  district: string;
  address: string;
  latitude: number;
  longitude: number;
  phone: string;
  hours: { open: string; close: string };
  /** '10:00-22:00' */
  hoursText: string;
  openNow: boolean;
  image: string;
  services: string[];
  /** Metres from the caller, when they shared their location. */
  distance?: number;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Opening hours are Shanghai wall-clock times; a close before the open means past midnight. */
export function isOpenAt(hours: StoreDoc['hours'], at: Date): boolean {
  const p = zonedParts(at);
  const now = p.hour * 60 + p.minute;
  const open = minutes(hours.open);
  const close = minutes(hours.close);
  return open <= close ? now >= open && now < close : now >= open || now < close;
}

function view(s: StoreDoc, now: Date, distance?: number): StoreView {
  // A plain get() hands back a db.Geo.Point (longitude / latitude); an aggregate, the stored GeoJSON.
  const point = s.location as unknown as { coordinates?: [number, number]; longitude?: number; latitude?: number };
  const [longitude, latitude] = point.coordinates ?? [point.longitude ?? 0, point.latitude ?? 0];
  return {
    id: s._id,
    name: s.name,
    city: s.city,
    district: s.district,
    address: s.address,
    latitude,
    longitude,
    phone: s.phone,
    hours: s.hours,
    hoursText: `${s.hours.open}-${s.hours.close}`,
    openNow: s.status === 'open' && isOpenAt(s.hours, now),
    image: s.image,
    services: s.services,
    ...(distance === undefined ? {} : { distance: Math.round(distance) }),
  };
}

function coordinate(label: string, limit: number): Check<number> {
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) throw new ValidationError(label || field, '不是有效的坐标');
    return value;
  };
}

const nearbyInput = v.object({
  latitude: coordinate('纬度', 90),
  longitude: coordinate('经度', 180),
  limit: v.optional(v.int({ min: 1, max: 50, label: '数量' })),
});

/** Open stores nearest first, each with its distance in metres (GCJ-02 in, as wx.getLocation gives). */
const nearby: Handler<{ stores: StoreView[] }> = async (event, ctx) => {
  const input = parse(nearbyInput, event);
  const now = ctx.now();
  const found = await ctx.db
    .collection('stores')
    .aggregate()
    .geoNear({
      near: ctx.db.Geo.Point(input.longitude, input.latitude),
      distanceField: 'distance',
      spherical: true,
      query: { status: 'open' },
    })
    .limit(input.limit ?? 20)
    .end();
  const rows = found.list as unknown as (StoreDoc & { distance: number })[];
  return { stores: rows.map((s) => view(s, now, s.distance)) };
};

/** Every city with its open stores, for choosing by hand when location is refused. */
const cities: Handler<{ cities: { city: string; stores: StoreView[] }[] }> = async (_event, ctx) => {
  const now = ctx.now();
  const found = await ctx.db.collection<StoreDoc>('stores').where({ status: 'open' }).orderBy('city', 'asc').orderBy('sort', 'asc').limit(1000).get();
  const byCity = new Map<string, StoreView[]>();
  for (const s of found.data) {
    const list = byCity.get(s.city) ?? [];
    list.push(view(s, now));
    byCity.set(s.city, list);
  }
  // Biggest cities (most stores) first: the likeliest choice is at the top.
  const list = [...byCity.entries()].map(([city, stores]) => ({ city, stores }));
  list.sort((a, b) => b.stores.length - a.stores.length || a.city.localeCompare(b.city, 'zh'));
  return { cities: list };
};

const detail: Handler<{ store: StoreView }> = async (event, ctx) => {
  const { id } = parse(v.object({ id: v.string({ label: '门店', max: 64, pattern: /^[A-Za-z0-9_-]+$/ }) }), event);
  const found = await ctx.db.collection<StoreDoc>('stores').where({ _id: id }).limit(1).get();
  const store = found.data[0];
  if (!store) throw new AppError('NOT_FOUND', '门店不存在');
  return { store: view(store, ctx.now()) };
};

export const main = createMain({ nearby, cities, detail });
