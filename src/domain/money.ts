/**
 * Money is always an integer number of fen (分): ¥1 = 100 fen.
 * Floats never carry money; every function here either keeps integers or rounds explicitly.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertFen(value: unknown, what = 'amount'): asserts value is Fen {
  if (!isFen(value)) throw new RangeError(`${what} must be an integer number of fen, got ${String(value)}`);
}

export function addFen(...amounts: Fen[]): Fen {
  let total = 0;
  for (const a of amounts) {
    assertFen(a);
    total += a;
  }
  assertFen(total, 'sum');
  return total;
}

export function subFen(a: Fen, b: Fen): Fen {
  assertFen(a);
  assertFen(b);
  return a - b;
}

/** Quantity times a unit price; both integers, so the product is exact while it is a safe integer. */
export function mulFen(unit: Fen, quantity: number): Fen {
  assertFen(unit, 'unit price');
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantity must be an integer, got ${quantity}`);
  const product = unit * quantity;
  assertFen(product, 'product');
  return product;
}

export type Rounding = 'floor' | 'ceil' | 'half-up';

/**
 * amount x numerator / denominator, rounded as asked. Done in integers (BigInt) so that
 * 0.85 x 1999 never meets binary floating point. 'half-up' rounds halves away from zero.
 */
export function ratioFen(amount: Fen, numerator: number, denominator: number, rounding: Rounding): Fen {
  assertFen(amount);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError('ratio must be integers with a positive denominator');
  }
  const n = BigInt(amount) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / d;
  const r = abs % d;
  if (r !== 0n) {
    const up = rounding === 'half-up' ? r * 2n >= d : negative ? rounding === 'floor' : rounding === 'ceil';
    if (up) q += 1n;
  }
  const result = Number(negative ? -q : q);
  assertFen(result, 'result');
  return result;
}

/** Splits `total` over `weights` in proportion, largest remainder first, so the parts add up exactly. */
export function allocateFen(total: Fen, weights: number[]): Fen[] {
  assertFen(total);
  if (total < 0) throw new RangeError('cannot allocate a negative amount');
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => ratioFen(total, w, sum, 'floor'));
  let left = total - exact.reduce((s, x) => s + x, 0);
  const order = weights
    .map((w, i) => ({ i, rem: (BigInt(total) * BigInt(w)) % BigInt(sum) }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0) break;
    exact[i] += 1;
    left -= 1;
  }
  return exact;
}

/** `¥12.34`; whole yuan drop the decimals only when asked (`¥12`). Negative amounts read `-¥5.00`. */
export function formatFen(amount: Fen, options: { trimZeros?: boolean; symbol?: boolean } = {}): string {
  assertFen(amount);
  const { trimZeros = false, symbol = true } = options;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const yuan = Math.floor(abs / FEN_PER_YUAN);
  const fen = abs % FEN_PER_YUAN;
  const body = trimZeros && fen === 0 ? String(yuan) : `${yuan}.${String(fen).padStart(2, '0')}`;
  return `${sign}${symbol ? '¥' : ''}${body}`;
}

/** Parses what a person types ("12", "12.3", "¥12.34") into fen; null when it is not a price. */
export function parseYuan(text: string): Fen | null {
  const m = /^\s*(-)?¥?\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * FEN_PER_YUAN + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}
