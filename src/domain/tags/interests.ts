/**
 * Interest tags: the style tags (通勤, 街头, 极简...) of products a user viewed and bought, each
 * signal weighted (a purchase says more than a look) and halved every `halfLifeDays`, so last
 * week's browsing outweighs last season's. The top K become the user's interests.
 */
import { daysAgo } from './window';

export interface InterestConfig {
  readonly viewWeight: number;
  readonly purchaseWeight: number;
  /** A signal's weight halves every this many Shanghai days. */
  readonly halfLifeDays: number;
  /** Signals this old or older are ignored (they would weigh under 2% anyway). */
  readonly maxAgeDays: number;
  readonly topK: number;
  /** A tag needs at least this score to count as an interest: one old glance is not an interest. */
  readonly minScore: number;
}

export const INTEREST_CONFIG: InterestConfig = Object.freeze({
  viewWeight: 1,
  purchaseWeight: 5,
  halfLifeDays: 30,
  maxAgeDays: 180,
  topK: 5,
  minScore: 1,
});

export interface StyleSignal {
  kind: 'view' | 'purchase';
  /** The product's style tags; one product bought counts once whatever the quantity. */
  styleTags: readonly string[];
  at: number;
}

export interface InterestScore {
  tag: string;
  score: number;
}

/** Best first; ties in score go to the tag that sorts first, so the result is stable run to run. */
export function interestScores(signals: readonly StyleSignal[], now: number, config: InterestConfig = INTEREST_CONFIG): InterestScore[] {
  const scores = new Map<string, number>();
  for (const s of signals) {
    // A signal dated after now (client clock) counts as today rather than more than fresh.
    const age = Math.max(0, daysAgo(s.at, now));
    if (age >= config.maxAgeDays) continue;
    const weight = (s.kind === 'purchase' ? config.purchaseWeight : config.viewWeight) * 0.5 ** (age / config.halfLifeDays);
    for (const tag of new Set(s.styleTags.map((t) => t.trim()).filter((t) => t !== ''))) {
      scores.set(tag, (scores.get(tag) ?? 0) + weight);
    }
  }
  return [...scores]
    .map(([tag, score]) => ({ tag, score }))
    .filter((x) => x.score >= config.minScore)
    .sort((a, b) => b.score - a.score || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
    .slice(0, config.topK);
}
