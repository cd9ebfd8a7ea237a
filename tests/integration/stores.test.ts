import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { STORE_SEED_IDS as ids, storeCouponSeed } from '../support/store-coupon-seed';

type Reply<T> = { ok: true; data: T } | { ok: false; code: string; message: string };
interface Store {
  id: string;
  name: string;
  distance?: number;
  latitude: number;
  longitude: number;
  hoursText: string;
  phone: string;
}

jest.setTimeout(60_000);

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: async () => storeCouponSeed() });
});

afterAll(() => cloud.close());

const stores = <T>(data: Record<string, unknown>) => cloud.call<Reply<T>>('stores', data, 'o_demo_lin');

describe('stores near me', () => {
  it('sorts stores by real distance from where the shopper stands', async () => {
    // Standing at Xujiahui metro station (GCJ-02): the Xujiahui mall is ~300 m away, Jing'an ~3.7 km, Sanlitun in Beijing ~1,070 km.
    const reply = await stores<{ stores: Store[] }>({ action: 'nearby', latitude: 31.1946, longitude: 121.4365 });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.data.stores.map((s) => s.id)).toEqual([ids.xujiahui, ids.jingan, ids.sanlitun]);
    const [near, mid, far] = reply.data.stores.map((s) => s.distance!);
    expect(near).toBeLessThan(500);
    expect(mid).toBeGreaterThan(3000);
    expect(mid).toBeLessThan(4500);
    expect(far).toBeGreaterThan(1_000_000);
    expect(far).toBeLessThan(1_150_000);
    expect(Number.isInteger(near)).toBe(true);

    // From Beijing the order turns around.
    const beijing = await stores<{ stores: Store[] }>({ action: 'nearby', latitude: 39.9087, longitude: 116.3975, limit: 2 });
    expect(beijing.ok && beijing.data.stores.map((s) => s.id)).toEqual([ids.sanlitun, ids.jingan]);
  });

  it('refuses coordinates that are not on Earth', async () => {
    expect(await stores({ action: 'nearby', latitude: 91, longitude: 121 })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '纬度不是有效的坐标' });
    expect(await stores({ action: 'nearby', latitude: '31', longitude: 121 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('lists cities with their stores for when location is refused', async () => {
    const reply = await stores<{ cities: { city: string; stores: Store[] }[] }>({ action: 'cities' });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.data.cities.map((c) => c.city)).toEqual(['上海', '北京']);
    expect(reply.data.cities[0].stores.map((s) => s.id)).toEqual([ids.jingan, ids.xujiahui]);
  });

  it("shows a store's page without its staff", async () => {
    const reply = await stores<{ store: Store }>({ action: 'detail', id: ids.jingan });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.data.store).toMatchObject({ name: '静安嘉里中心店', latitude: 31.2229, longitude: 121.4497, hoursText: '10:00-22:00', phone: '021-6288 1515' });
    expect(JSON.stringify(reply.data)).not.toMatch(/o_staff|周婷/);
    expect(await stores({ action: 'detail', id: 'nowhere' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '门店不存在' });
  });
});
