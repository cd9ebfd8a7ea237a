import fc from 'fast-check';
import { addFen, allocateFen, formatFen, mulFen, parseYuan, ratioFen } from './money';

describe('formatFen', () => {
  it('shows yuan with two decimals', () => {
    expect(formatFen(1234)).toBe('¥12.34');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-500)).toBe('-¥5.00');
  });

  it('drops zero decimals only when asked', () => {
    expect(formatFen(19900, { trimZeros: true })).toBe('¥199');
    expect(formatFen(19950, { trimZeros: true })).toBe('¥199.50');
    expect(formatFen(19900, { symbol: false })).toBe('199.00');
  });

  it('refuses amounts that are not integer fen', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
  });

  it('round-trips through parseYuan for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuan(formatFen(fen))).toBe(fen);
      }),
    );
  });
});

describe('parseYuan', () => {
  it('reads what people type', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.3')).toBe(1230);
    expect(parseYuan(' ¥12.34 ')).toBe(1234);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});

describe('arithmetic', () => {
  it('adds and multiplies exactly', () => {
    expect(addFen(10, 20, 30)).toBe(60);
    expect(mulFen(1999, 3)).toBe(5997);
    expect(() => mulFen(1999, 1.5)).toThrow(RangeError);
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });

  it('takes ratios in integers with the rounding asked for', () => {
    expect(ratioFen(1999, 95, 100, 'floor')).toBe(1899);
    expect(ratioFen(1999, 95, 100, 'ceil')).toBe(1900);
    expect(ratioFen(1999, 95, 100, 'half-up')).toBe(1899); // 1899.05
    expect(ratioFen(10, 1, 4, 'half-up')).toBe(3); // 2.5 rounds up
    expect(ratioFen(-10, 1, 4, 'half-up')).toBe(-3);
  });

  it('never strays more than one fen from the exact ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 100 }), (amount, pct) => {
        const floor = ratioFen(amount, pct, 100, 'floor');
        const ceil = ratioFen(amount, pct, 100, 'ceil');
        expect(floor * 100).toBeLessThanOrEqual(amount * pct);
        expect(ceil * 100).toBeGreaterThanOrEqual(amount * pct);
        expect(ceil - floor).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('allocateFen', () => {
  it('splits in proportion and sums exactly', () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateFen(1000, [3000, 1000])).toEqual([750, 250]);
  });

  it('always sums to the total with no negative part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocateFen(total, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          parts.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
        },
      ),
    );
  });
});
