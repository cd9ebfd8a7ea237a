import fc from 'fast-check';
import { planSendBatches, sendDurationSeconds } from './throttle';

describe('send throttling', () => {
  it('splits 45 sends at 20 a second into 20, 20 and 5, a second apart', () => {
    const ids = Array.from({ length: 45 }, (_, i) => `o-${i}`);
    const plan = planSendBatches(ids, 20);
    expect(plan.map((b) => [b.second, b.items.length])).toEqual([
      [0, 20],
      [1, 20],
      [2, 5],
    ]);
    expect(plan[2].items).toEqual(['o-40', 'o-41', 'o-42', 'o-43', 'o-44']);
    expect(sendDurationSeconds(45, 20)).toBe(3);
  });

  it('plans nothing for nobody', () => {
    expect(planSendBatches([], 20)).toEqual([]);
    expect(sendDurationSeconds(0, 20)).toBe(0);
  });

  it('refuses a rate that is not a positive whole number', () => {
    expect(() => planSendBatches([1], 0)).toThrow(RangeError);
    expect(() => planSendBatches([1], 2.5)).toThrow(RangeError);
    expect(() => sendDurationSeconds(3, -1)).toThrow(RangeError);
  });

  it('sends everyone exactly once, in order, never more than the rate in one second', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (items, rate) => {
        const plan = planSendBatches(items, rate);
        expect(plan.flatMap((b) => b.items)).toEqual(items);
        plan.forEach((b, i) => {
          expect(b.second).toBe(i);
          expect(b.items.length).toBeGreaterThan(0);
          expect(b.items.length).toBeLessThanOrEqual(rate);
        });
        expect(plan.length).toBe(sendDurationSeconds(items.length, rate));
      }),
    );
  });
});
