/** Geo queries: real spherical distances, nearest first, and the cloud's 2dsphere index requirement. */
import { EARTH_RADIUS_M } from './geo';
import { startSdkHarness, sdkError, type SdkHarness } from './sdk-harness';

let h: SdkHarness;

const CENTER = { lng: 121.4737, lat: 31.2304 };
/** One degree of latitude on MongoDB's sphere (radius 6378.1 km). */
const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

beforeAll(async () => {
  h = await startSdkHarness({
    collections: {
      stores: [{ name: 'geo_location', keys: { location: '2dsphere' } }],
      unindexed: [],
    },
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.db.reset();
  const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
  h.db.insert('stores', [
    { _id: 'far', city: 'Beijing', location: point(116.4074, 39.9042) },
    { _id: 'north5k', city: 'Shanghai', location: point(CENTER.lng, CENTER.lat + 0.05) },
    { _id: 'here', city: 'Shanghai', location: point(CENTER.lng, CENTER.lat) },
    { _id: 'north1k', city: 'Shanghai', location: point(CENTER.lng, CENTER.lat + 0.01) },
    { _id: 'east2k', city: 'Shanghai', location: point(CENTER.lng + 0.02, CENTER.lat) },
    { _id: 'nowhere', city: 'Shanghai' },
  ]);
  h.db.insert('unindexed', [{ _id: 'x', location: point(CENTER.lng, CENTER.lat) }]);
});

const near = () => h.sdb.Geo.Point(CENTER.lng, CENTER.lat);
/** geoWithin's `centerSphere` option (a circle in radians) is missing from wx-server-sdk's typings. */
const centerSphere = (center: [number, number], radians: number) => ({ centerSphere: [center, radians] }) as never;

test('geoNear with a 2dsphere index returns the nearest first, bounded in metres', async () => {
  const _ = h.sdb.command;
  const all = await h.sdb.collection('stores').where({ location: _.geoNear({ geometry: near() }) }).get();
  expect(all.data.map((doc) => doc._id)).toEqual(['here', 'north1k', 'east2k', 'north5k', 'far']);
  const ring = await h.sdb.collection('stores').where({ location: _.geoNear({ geometry: near(), minDistance: 1000, maxDistance: 2000 }) }).get();
  expect(ring.data.map((doc) => doc._id)).toEqual(['north1k', 'east2k']);
  const justOver = await h.sdb.collection('stores').where({ location: _.geoNear({ geometry: near(), maxDistance: METRES_PER_DEGREE * 0.01 - 1 }) }).get();
  expect(justOver.data.map((doc) => doc._id)).toEqual(['here']);
});

test('an explicit orderBy overrides the distance order', async () => {
  const _ = h.sdb.command;
  const { data } = await h.sdb.collection('stores').where({ location: _.geoNear({ geometry: near(), maxDistance: 10_000 }) }).orderBy('_id', 'desc').get();
  expect(data.map((doc) => doc._id)).toEqual(['north5k', 'north1k', 'here', 'east2k']);
});

test('aggregate geoNear writes the distance in metres, filters by query and sorts', async () => {
  const { list } = await h.sdb
    .collection('stores')
    .aggregate()
    .geoNear({ near: near(), distanceField: 'distance', spherical: true, query: { city: 'Shanghai' }, maxDistance: 6000, includeLocs: 'where' })
    .project({ distance: 1, where: 1 })
    .limit(10)
    .end();
  expect(list.map((doc) => doc._id)).toEqual(['here', 'north1k', 'east2k', 'north5k']);
  expect(list[0].distance).toBe(0);
  expect(list[1].distance).toBeCloseTo(METRES_PER_DEGREE * 0.01, 3);
  expect(list[2].distance).toBeCloseTo(METRES_PER_DEGREE * 0.02 * Math.cos((CENTER.lat * Math.PI) / 180), 0);
  expect(list[3].distance).toBeCloseTo(METRES_PER_DEGREE * 0.05, 3);
  expect(list[1].where).toEqual({ type: 'Point', coordinates: [CENTER.lng, CENTER.lat + 0.01] });
});

test('geoWithin a polygon or a centerSphere, geoIntersects a polygon', async () => {
  const _ = h.sdb.command;
  const { Point, LineString, Polygon } = h.sdb.Geo;
  const box = Polygon([
    LineString([
      Point(CENTER.lng - 0.001, CENTER.lat - 0.001),
      Point(CENTER.lng + 0.03, CENTER.lat - 0.001),
      Point(CENTER.lng + 0.03, CENTER.lat + 0.02),
      Point(CENTER.lng - 0.001, CENTER.lat + 0.02),
      Point(CENTER.lng - 0.001, CENTER.lat - 0.001),
    ]),
  ]);
  const within = await h.sdb.collection('stores').where({ location: _.geoWithin({ geometry: box }) }).orderBy('_id', 'asc').get();
  expect(within.data.map((doc) => doc._id)).toEqual(['east2k', 'here', 'north1k']);
  const circle = await h.sdb
    .collection('stores')
    .where({ location: _.geoWithin(centerSphere([CENTER.lng, CENTER.lat], 1500 / EARTH_RADIUS_M)) })
    .orderBy('_id', 'asc')
    .get();
  expect(circle.data.map((doc) => doc._id)).toEqual(['here', 'north1k']);
  const intersects = await h.sdb.collection('stores').where({ location: _.geoIntersects({ geometry: box }) }).count();
  expect(intersects.total).toBe(3);
  const onPoint = await h.sdb.collection('stores').where({ location: _.geoIntersects({ geometry: near() }) }).get();
  expect(onPoint.data.map((doc) => doc._id)).toEqual(['here']);
  const alongLine = LineString([Point(CENTER.lng, CENTER.lat - 1), Point(CENTER.lng, CENTER.lat + 1)]);
  const onLine = await h.sdb.collection('stores').where({ location: _.geoIntersects({ geometry: alongLine }) }).orderBy('_id', 'asc').get();
  expect(onLine.data.map((doc) => doc._id)).toEqual(['here', 'north1k', 'north5k']);
});

describe('without a 2dsphere index on the field', () => {
  test('geoNear fails as the cloud does', async () => {
    const _ = h.sdb.command;
    const error = await sdkError(h.sdb.collection('unindexed').where({ location: _.geoNear({ geometry: near() }) }).get());
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toContain('unable to find index for $geoNear query');
  });

  test('geoWithin fails too (the cloud requires the index for every geo query)', async () => {
    const _ = h.sdb.command;
    const error = await sdkError(h.sdb.collection('unindexed').where({ location: _.geoWithin(centerSphere([CENTER.lng, CENTER.lat], 0.1)) }).get());
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toContain("2dsphere index on field 'location'");
  });

  test('aggregate geoNear fails', async () => {
    const error = await sdkError(h.sdb.collection('unindexed').aggregate().geoNear({ near: near(), distanceField: 'd' }).end());
    expect(error.errMsg).toContain('unable to find index for $geoNear query');
  });

  test('an indexed collection still rejects geo queries on other fields', async () => {
    const _ = h.sdb.command;
    const error = await sdkError(h.sdb.collection('stores').where({ other: _.geoNear({ geometry: near() }) }).get());
    expect(error.errMsg).toContain('unable to find index for $geoNear query');
  });
});

test('geoNear must be a top-level condition', async () => {
  const _ = h.sdb.command;
  const error = await sdkError(
    h.sdb
      .collection('stores')
      .where(_.or([{ location: _.geoNear({ geometry: near() }) }, { city: 'Beijing' }]))
      .get(),
  );
  expect(error.errCode).toBe(-502001);
  expect(error.errMsg).toContain('not allowed inside $or');
});
