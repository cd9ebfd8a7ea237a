import fc from 'fast-check';
import type { AppError } from '../reply';
import { ValidationError } from '../validate';
import type { GroupBuyActivity } from './activity';
import { MAX_ACTIVITY_DAYS, START_GRACE_MS, activitiesOverlap, checkActivityConfig, findActivityConflict, type SavedActivityWindow } from './activity-config';

const H = 3_600_000;
const now = Date.UTC(2026, 11, 1, 2, 0);
const activity: GroupBuyActivity = {
  id: 'gb-new',
  title: '周末T恤 3人团',
  skus: [
    { skuId: 'tee-m', normalPrice: 10_000, groupPrice: 5_900, stock: 20 },
    { skuId: 'tee-l', normalPrice: 10_000, groupPrice: 5_900, stock: 5 },
  ],
  groupSize: 3,
  timeLimitMinutes: 60,
  perUserLimit: 2,
  startsAt: now + H,
  endsAt: now + 48 * H,
};
const stockOf = (skuId: string) => ({ 'tee-m': 30, 'tee-l': 5 })[skuId];

const messageOf = (candidate: GroupBuyActivity, at = now) => {
  try {
    checkActivityConfig(candidate, { now: at, skuStock: stockOf });
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as AppError).code).toBe('INVALID_INPUT');
    return (e as Error).message;
  }
  return null;
};

describe('what a manager may save as a group-buy activity', () => {
  it('accepts an activity in the future within the SKUs’ stock', () => {
    expect(messageOf(activity)).toBeNull();
    expect(messageOf({ ...activity, startsAt: now - START_GRACE_MS })).toBeNull();
  });

  it('refuses an end in the past, a start long ago and a window over the maximum', () => {
    expect(messageOf({ ...activity, startsAt: now - 3 * H, endsAt: now - H })).toBe('结束时间应晚于现在');
    expect(messageOf({ ...activity, startsAt: now - START_GRACE_MS - 1 })).toBe('开始时间不能早于现在');
    expect(messageOf({ ...activity, endsAt: activity.startsAt + MAX_ACTIVITY_DAYS * 24 * H + 1 })).toBe(`活动时间最长${MAX_ACTIVITY_DAYS}天`);
  });

  it('refuses more units than the SKU holds, naming the SKU by its place', () => {
    expect(messageOf({ ...activity, skus: [activity.skus[0], { ...activity.skus[1], stock: 6 }] })).toBe('第2个商品规格的拼团库存不能超过现有库存5件');
    expect(messageOf({ ...activity, skus: [{ ...activity.skus[0], skuId: 'gone' }] })).toBe('第1个商品规格的拼团库存超出现有库存（已无库存）');
  });
});

describe('no SKU in two overlapping activities', () => {
  const other = (id: string, startsAt: number, endsAt: number, skuIds: string[]): SavedActivityWindow => ({ id, title: id, startsAt, endsAt, skus: skuIds.map((skuId) => ({ skuId })) });

  it('finds the shared SKU in an overlapping activity; touching windows and other SKUs are fine', () => {
    const a = other('gb-a', now, now + 10 * H, ['tee-m', 'tee-l']);
    expect(findActivityConflict(a, [other('gb-b', now + 9 * H, now + 20 * H, ['tee-l'])])).toEqual({ skuId: 'tee-l', other: expect.objectContaining({ id: 'gb-b' }) });
    expect(findActivityConflict(a, [other('gb-b', now + 10 * H, now + 20 * H, ['tee-l'])])).toBeNull();
    expect(findActivityConflict(a, [other('gb-b', now, now + 10 * H, ['coat-m'])])).toBeNull();
    expect(findActivityConflict(a, [a])).toBeNull();
  });

  it('property: a conflict exactly when a SKU is shared and the windows share an instant', () => {
    const win = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 })).map(([s, len]) => ({ startsAt: s, endsAt: s + len }));
    const skus = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(win, skus, fc.array(fc.tuple(win, skus), { maxLength: 5 }), (w, mine, rest) => {
        const me = other('me', w.startsAt, w.endsAt, mine);
        const others = rest.map(([ow, s], i) => other(`o${i}`, ow.startsAt, ow.endsAt, s));
        const expected = others.some((o) => activitiesOverlap(me, o) && o.skus.some((s) => mine.includes(s.skuId)));
        const found = findActivityConflict(me, others);
        expect(found !== null).toBe(expected);
        // Overlap is symmetric and needs a shared instant.
        for (const o of others) {
          expect(activitiesOverlap(me, o)).toBe(activitiesOverlap(o, me));
          const shared = Math.max(me.startsAt, o.startsAt) < Math.min(me.endsAt, o.endsAt);
          expect(activitiesOverlap(me, o)).toBe(shared);
        }
        if (found) {
          expect(found.other.skus.map((s) => s.skuId)).toContain(found.skuId);
          expect(mine).toContain(found.skuId);
        }
      }),
    );
  });
});
