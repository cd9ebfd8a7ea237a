import fc from 'fast-check';
import { TIERS, tierById, type TierId } from '../tiers';
import { clawbackForRefund, pointsClawedBack, pointsEarned, pointsFor, pointsOnCompletion } from './points-earning';

describe('points for merchandise paid', () => {
  it('gives 1 point per whole yuan at x1', () => {
    expect(pointsFor(0, 10)).toBe(0);
    expect(pointsFor(99, 10)).toBe(0); // ¥0.99 is not a whole yuan
    expect(pointsFor(100, 10)).toBe(1);
    expect(pointsFor(9_999, 10)).toBe(99);
    expect(pointsFor(19_900, 10)).toBe(199);
  });

  it('multiplies the whole yuan by the tier multiplier and floors', () => {
    expect(pointsFor(9_999, 15)).toBe(148); // 99 x 1.5 = 148.5
    expect(pointsFor(9_999, 12)).toBe(118); // 99 x 1.2 = 118.8
    expect(pointsFor(10_000, 20)).toBe(200);
    expect(pointsFor(300, 15)).toBe(4); // 3 x 1.5 = 4.5
  });

  it('uses the multiplier of the tier recorded on the order', () => {
    for (const tier of TIERS) {
      expect(pointsEarned({ merchandisePaid: 100_000, tierId: tier.id })).toBe(tier.pointsMultiplierTenths * 100);
    }
  });

  it('refuses fractional fen, negative amounts and fractional multipliers', () => {
    expect(() => pointsFor(10.5, 10)).toThrow(RangeError);
    expect(() => pointsFor(-100, 10)).toThrow(RangeError);
    expect(() => pointsFor(100, 1.5)).toThrow(RangeError);
  });

  it('never gives more than whole yuan x multiplier, nor a point less than its floor', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 0, max: 50 }), (paid, tenths) => {
        const points = pointsFor(paid, tenths);
        const yuan = Math.floor(paid / 100);
        expect(Number.isInteger(points)).toBe(true);
        expect(points * 10).toBeLessThanOrEqual(yuan * tenths);
        expect((points + 1) * 10).toBeGreaterThan(yuan * tenths);
      }),
    );
  });
});

describe('refunds', () => {
  const order = { merchandisePaid: 1_000, tierId: 'normal' as TierId }; // ¥10 at x1 = 10 points

  it('credits only what is kept when the refund came before completion', () => {
    expect(pointsOnCompletion(order)).toBe(10);
    expect(pointsOnCompletion(order, 400)).toBe(6);
    expect(pointsOnCompletion(order, 1_000)).toBe(0);
  });

  it('takes back a proportion after completion, rounding in the member favour', () => {
    expect(clawbackForRefund(order, 0, 50)).toBe(0); // ¥0.50 of ¥10: half a point, kept by the member
    expect(clawbackForRefund(order, 0, 100)).toBe(1);
    expect(clawbackForRefund(order, 0, 1_000)).toBe(10);
  });

  it('cannot be dodged by splitting a refund into small ones', () => {
    let clawed = 0;
    for (let refunded = 0; refunded < 1_000; refunded += 50) clawed += clawbackForRefund(order, refunded, 50);
    expect(clawed).toBe(10);
  });

  it('takes back by the tier multiplier too', () => {
    const gold = { merchandisePaid: 300, tierId: 'gold' as TierId }; // ¥3 at x1.5 = 4 points
    expect(pointsEarned(gold)).toBe(Math.floor((3 * tierById('gold').pointsMultiplierTenths) / 10));
    const earned = pointsEarned(gold);
    // Three ¥1 refunds: floor(earned/3), then up to floor(2 x earned/3), then the rest.
    expect([clawbackForRefund(gold, 0, 100), clawbackForRefund(gold, 100, 100), clawbackForRefund(gold, 200, 100)]).toEqual([
      Math.floor(earned / 3),
      Math.floor((2 * earned) / 3) - Math.floor(earned / 3),
      earned - Math.floor((2 * earned) / 3),
    ]);
  });

  it('refuses refunding more than was paid', () => {
    expect(() => pointsClawedBack(order, 1_001)).toThrow(RangeError);
    expect(() => clawbackForRefund(order, 900, 101)).toThrow(RangeError);
  });

  it('always adds up: credited minus clawed back equals what the kept share earns, rounded up', () => {
    const tierId = fc.constantFrom<TierId>('normal', 'silver', 'gold', 'diamond');
    const scenario = fc
      .record({ paid: fc.integer({ min: 1, max: 2_000_000 }), tierId, cuts: fc.array(fc.nat(1_000), { maxLength: 6 }), completeAfter: fc.nat(6) })
      .map(({ paid, tierId, cuts, completeAfter }) => {
        // Turn the cuts into refunds that never exceed what was paid.
        let left = paid;
        const refunds = cuts.map((c) => {
          const r = Math.min(left, Math.floor((paid * c) / 1_000));
          left -= r;
          return r;
        });
        return { order: { merchandisePaid: paid, tierId }, refunds, completeAfter: Math.min(completeAfter, refunds.length) };
      });
    fc.assert(
      fc.property(scenario, ({ order, refunds, completeAfter }) => {
        // Some refunds before completion, the rest after, each clawed back as it comes.
        const before = refunds.slice(0, completeAfter).reduce((s, r) => s + r, 0);
        let balance = pointsOnCompletion(order, before);
        let refunded = before;
        for (const r of refunds.slice(completeAfter)) {
          const back = clawbackForRefund(order, refunded, r);
          expect(back).toBeGreaterThanOrEqual(0);
          balance -= back;
          refunded += r;
        }
        const earned = pointsEarned(order);
        const kept = order.merchandisePaid - refunded;
        const paid = order.merchandisePaid;
        // ceil(earned x kept / paid) in integers.
        expect(balance).toBe(Math.floor((earned * kept + paid - 1) / paid));
        expect(balance).toBeGreaterThanOrEqual(0);
        if (kept === 0) expect(balance).toBe(0);
      }),
    );
  });
});
