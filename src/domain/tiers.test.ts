import { isFen } from './money';
import { TIERS, TIER_IDS, isTierId, nextTier, tierById, type TierId } from './tiers';

describe('tier configuration', () => {
  it('has the four tiers from the product rules, lowest first, with their Chinese names', () => {
    expect(TIERS.map((t) => [t.id, t.name])).toEqual([
      ['normal', '普通'],
      ['silver', '银卡'],
      ['gold', '金卡'],
      ['diamond', '黑钻'],
    ]);
  });

  it('carries the agreed benefits per tier', () => {
    const row = (id: TierId) => {
      const t = tierById(id);
      return [t.discountPercent, t.pointsMultiplierTenths, t.freeShippingThreshold, t.priorityHours];
    };
    expect(row('normal')).toEqual([100, 10, 9900, 0]);
    expect(row('silver')).toEqual([98, 12, 6900, 0]);
    expect(row('gold')).toEqual([95, 15, 0, 2]);
    expect(row('diamond')).toEqual([90, 20, 0, 4]);
  });

  it('keeps every number an integer so no float reaches money or points', () => {
    for (const t of TIERS) {
      expect(Number.isInteger(t.discountPercent)).toBe(true);
      expect(t.discountPercent).toBeGreaterThanOrEqual(1);
      expect(t.discountPercent).toBeLessThanOrEqual(100);
      expect(Number.isInteger(t.pointsMultiplierTenths)).toBe(true);
      expect(isFen(t.freeShippingThreshold) && t.freeShippingThreshold >= 0).toBe(true);
      expect(isFen(t.minSpend12m) && t.minSpend12m >= 0).toBe(true);
      expect(Number.isInteger(t.minOrders12m) && t.minOrders12m >= 0).toBe(true);
      expect(Number.isInteger(t.priorityHours) && t.priorityHours >= 0).toBe(true);
      expect(t.birthdayCouponTemplateId).not.toBe('');
    }
  });

  it('never makes a higher tier worse than the one below it', () => {
    for (let i = 1; i < TIERS.length; i++) {
      const [lower, higher] = [TIERS[i - 1], TIERS[i]];
      expect(higher.rank).toBe(lower.rank + 1);
      expect(higher.discountPercent).toBeLessThanOrEqual(lower.discountPercent);
      expect(higher.pointsMultiplierTenths).toBeGreaterThanOrEqual(lower.pointsMultiplierTenths);
      expect(higher.freeShippingThreshold).toBeLessThanOrEqual(lower.freeShippingThreshold);
      expect(higher.priorityHours).toBeGreaterThanOrEqual(lower.priorityHours);
      // Each step up must ask for strictly more, otherwise two tiers would qualify at once.
      expect(higher.minSpend12m).toBeGreaterThan(lower.minSpend12m);
      expect(higher.minOrders12m).toBeGreaterThan(lower.minOrders12m);
    }
  });

  it('lets everyone be 普通: the lowest tier asks for nothing', () => {
    expect(TIERS[0].minSpend12m).toBe(0);
    expect(TIERS[0].minOrders12m).toBe(0);
  });

  it('ranks equal positions, so TIERS[rank] finds a tier', () => {
    TIERS.forEach((t, i) => expect(t.rank).toBe(i));
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(TIERS)).toBe(true);
    expect(Object.isFrozen(TIERS[0])).toBe(true);
    try {
      (TIERS[0] as { discountPercent: number }).discountPercent = 50;
    } catch {
      // strict-mode code throws; sloppy-mode code ignores the write. Either way nothing changes.
    }
    expect(TIERS[0].discountPercent).toBe(100);
  });
});

describe('tier lookups', () => {
  it('finds each tier by id', () => {
    for (const id of TIER_IDS) expect(tierById(id).id).toBe(id);
  });

  it('throws on an unknown id', () => {
    expect(() => tierById('platinum' as TierId)).toThrow(RangeError);
  });

  it('recognises tier ids and nothing else', () => {
    expect(TIER_IDS.every(isTierId)).toBe(true);
    for (const v of ['', 'Gold', 'platinum', null, undefined, 2, {}]) expect(isTierId(v)).toBe(false);
  });

  it('walks up one tier at a time and stops at the top', () => {
    const seen: TierId[] = ['normal'];
    let t = nextTier('normal');
    while (t) {
      seen.push(t.id);
      t = nextTier(t.id);
    }
    expect(seen).toEqual(['normal', 'silver', 'gold', 'diamond']);
    expect(nextTier('diamond')).toBeNull();
  });
});
