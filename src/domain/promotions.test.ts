import fc from 'fast-check';
import {
  FULL_REDUCTION_LADDER,
  describeLadderStep,
  ladderDiscount,
  ladderProblems,
  ladderStepReached,
  nextLadderStep,
  type Ladder,
} from './promotions';

const ladder: Ladder = [
  { threshold: 19_900, off: 2_000 },
  { threshold: 39_900, off: 5_000 },
  { threshold: 69_900, off: 10_000 },
];

/**
 * Valid ladders built from increments: offs rise by >= 1, and the gap between a threshold and its off
 * never shrinks and is >= 1, so thresholds rise and every off stays below its threshold.
 */
const validLadder = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 200_000 })), { minLength: 1, maxLength: 5 })
  .map((steps) => {
    let off = 0;
    let gap = 1;
    return steps.map(([dOff, dGap]) => {
      off += dOff;
      gap += dGap;
      return { threshold: off + gap, off };
    });
  });

describe('FULL_REDUCTION_LADDER', () => {
  it('is the store ladder 满199减20 / 满399减50 / 满699减100', () => {
    expect(FULL_REDUCTION_LADDER.map(describeLadderStep)).toEqual(['满199减20', '满399减50', '满699减100']);
  });

  it('is a valid ladder', () => {
    expect(ladderProblems(FULL_REDUCTION_LADDER)).toEqual([]);
  });
});

describe('ladderDiscount', () => {
  it.each([
    [0, 0],
    [19_899, 0], // ¥198.99: one fen short
    [19_900, 2_000], // ¥199.00 exactly
    [39_899, 2_000],
    [39_900, 5_000],
    [69_899, 5_000],
    [69_900, 10_000],
    [10_000_000, 10_000], // no step above the top: the top step still applies, once
  ])('%i fen takes %i off', (amount, off) => {
    expect(ladderDiscount(amount, ladder)).toBe(off);
  });

  it('uses the store ladder when none is given', () => {
    expect(ladderDiscount(39_900)).toBe(5_000);
  });

  it('gives nothing for a negative or non-integer amount', () => {
    expect(ladderDiscount(-50_000, ladder)).toBe(0);
    expect(ladderDiscount(19_900.5, ladder)).toBe(0);
  });

  it('picks the highest step reached whatever order the steps are listed in', () => {
    const shuffled: Ladder = [ladder[2], ladder[0], ladder[1]];
    expect(ladderDiscount(45_000, shuffled)).toBe(5_000);
  });

  it('never takes more than the amount, even from a broken ladder', () => {
    expect(ladderDiscount(100, [{ threshold: 50, off: 500 }])).toBe(100);
  });

  it('is never more than the amount and never negative (property)', () => {
    fc.assert(
      fc.property(validLadder, fc.integer({ min: 0, max: 2_000_000 }), (l, amount) => {
        const off = ladderDiscount(amount, l);
        expect(off).toBeGreaterThanOrEqual(0);
        expect(off).toBeLessThan(Math.max(amount, 1));
      }),
    );
  });

  it('grows with the amount and is always 0 or one step\'s off (property)', () => {
    fc.assert(
      fc.property(validLadder, fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 500_000 }), (l, a, extra) => {
        expect(ladderDiscount(a + extra, l)).toBeGreaterThanOrEqual(ladderDiscount(a, l));
        expect([0, ...l.map((s) => s.off)]).toContain(ladderDiscount(a, l));
      }),
    );
  });

  it('equals the off of the step with the largest threshold not above the amount (property)', () => {
    fc.assert(
      fc.property(validLadder, fc.integer({ min: 0, max: 2_000_000 }), (l, amount) => {
        const reached = l.filter((s) => s.threshold <= amount);
        const expected = reached.length === 0 ? 0 : reached.reduce((a, b) => (b.threshold > a.threshold ? b : a)).off;
        expect(ladderDiscount(amount, l)).toBe(expected);
      }),
    );
  });
});

describe('ladderStepReached / nextLadderStep', () => {
  it('names the step reached', () => {
    expect(ladderStepReached(19_899, ladder)).toBeNull();
    expect(ladderStepReached(40_000, ladder)).toEqual({ threshold: 39_900, off: 5_000 });
  });

  it('says how far the next step is', () => {
    expect(nextLadderStep(19_000, ladder)).toEqual({ step: { threshold: 19_900, off: 2_000 }, shortBy: 900 });
    expect(nextLadderStep(19_900, ladder)).toEqual({ step: { threshold: 39_900, off: 5_000 }, shortBy: 20_000 });
    expect(nextLadderStep(69_900, ladder)).toBeNull();
  });
});

describe('describeLadderStep', () => {
  it('keeps fen when the amount is not whole yuan', () => {
    expect(describeLadderStep({ threshold: 19_950, off: 1_005 })).toBe('满199.50减10.05');
  });
});

describe('ladderProblems', () => {
  it('accepts an empty ladder (no promotion running)', () => {
    expect(ladderProblems([])).toEqual([]);
    expect(ladderDiscount(100_000, [])).toBe(0);
  });

  it('rejects an off that would make the order free', () => {
    expect(ladderProblems([{ threshold: 10_000, off: 10_000 }])).toEqual(['第1档减免金额应小于门槛']);
  });

  it('rejects zero, negative and fractional amounts', () => {
    expect(ladderProblems([{ threshold: 0, off: 100 }])).toContain('第1档门槛应为正整数（分）');
    expect(ladderProblems([{ threshold: 1_000, off: -1 }])).toContain('第1档减免金额应为正整数（分）');
    expect(ladderProblems([{ threshold: 1_000.5, off: 1 }])).toContain('第1档门槛应为正整数（分）');
  });

  it('rejects steps that do not rise', () => {
    expect(ladderProblems([ladder[1], ladder[0]])).toEqual(['第2档门槛应高于上一档', '第2档减免金额应高于上一档']);
    expect(
      ladderProblems([
        { threshold: 10_000, off: 1_000 },
        { threshold: 20_000, off: 1_000 },
      ]),
    ).toEqual(['第2档减免金额应高于上一档']);
  });

  it('finds nothing wrong with any generated valid ladder (property)', () => {
    fc.assert(fc.property(validLadder, (l) => expect(ladderProblems(l)).toEqual([])));
  });
});
