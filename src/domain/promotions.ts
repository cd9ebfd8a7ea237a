import { formatFen, isFen, type Fen } from './money';

/**
 * The store-wide full-reduction ladder (满减): reach a threshold, take its amount off. Only the
 * highest step reached counts — steps never stack (满399 gives 50 off, not 20 + 50).
 */
export interface LadderStep {
  /** Merchandise amount that must be reached (>=), in fen. */
  readonly threshold: Fen;
  /** Amount taken off once the threshold is reached, in fen. */
  readonly off: Fen;
}

export type Ladder = readonly LadderStep[];

export const FULL_REDUCTION_LADDER: Ladder = Object.freeze([
  Object.freeze({ threshold: 19_900, off: 2_000 }),
  Object.freeze({ threshold: 39_900, off: 5_000 }),
  Object.freeze({ threshold: 69_900, off: 10_000 }),
]);

/** The highest step whose threshold `amount` reaches, or null below the first step. */
export function ladderStepReached(amount: Fen, ladder: Ladder = FULL_REDUCTION_LADDER): LadderStep | null {
  let best: LadderStep | null = null;
  for (const step of ladder) {
    if (amount >= step.threshold && (best === null || step.threshold > best.threshold)) best = step;
  }
  return best;
}

/**
 * The amount off for `amount`: the off of the highest step reached, 0 below the first step.
 * Never more than `amount` itself, even for a ladder that forgot to be valid.
 */
export function ladderDiscount(amount: Fen, ladder: Ladder = FULL_REDUCTION_LADDER): Fen {
  if (!isFen(amount) || amount <= 0) return 0;
  const step = ladderStepReached(amount, ladder);
  return step ? Math.min(step.off, amount) : 0;
}

/** The next step above the one reached and how much more it takes ("再买¥X 减Y"), or null at the top. */
export function nextLadderStep(amount: Fen, ladder: Ladder = FULL_REDUCTION_LADDER): { step: LadderStep; shortBy: Fen } | null {
  let next: LadderStep | null = null;
  for (const step of ladder) {
    if (step.threshold > amount && (next === null || step.threshold < next.threshold)) next = step;
  }
  return next ? { step: next, shortBy: next.threshold - amount } : null;
}

/** '满199减20' — whole yuan without decimals, otherwise two decimals. */
export function describeLadderStep(step: LadderStep): string {
  const yuan = (fen: Fen) => formatFen(fen, { trimZeros: true, symbol: false });
  return `满${yuan(step.threshold)}减${yuan(step.off)}`;
}

/**
 * What is wrong with a ladder, in Chinese, empty when it is fine. A valid ladder has thresholds
 * strictly rising, offs strictly rising (a higher step that gives less would punish spending more),
 * and every off below its threshold (a step must never make the order free).
 */
export function ladderProblems(ladder: Ladder): string[] {
  const problems: string[] = [];
  ladder.forEach((step, i) => {
    const n = i + 1;
    if (!isFen(step.threshold) || step.threshold <= 0) problems.push(`第${n}档门槛应为正整数（分）`);
    if (!isFen(step.off) || step.off <= 0) problems.push(`第${n}档减免金额应为正整数（分）`);
    if (isFen(step.threshold) && isFen(step.off) && step.off >= step.threshold) problems.push(`第${n}档减免金额应小于门槛`);
    if (i > 0) {
      const prev = ladder[i - 1];
      if (!(step.threshold > prev.threshold)) problems.push(`第${n}档门槛应高于上一档`);
      if (!(step.off > prev.off)) problems.push(`第${n}档减免金额应高于上一档`);
    }
  });
  return problems;
}
