import fc from 'fast-check';
import { EVENT_BATCH_RATE_LIMIT, allowBatch, type TokenBucketState } from './rate-limit';

const config = { capacity: 3, refillIntervalMs: 1000 };

describe('event batch rate limit (token bucket)', () => {
  it('lets a new user send a burst of `capacity` batches, then refuses with a retry time', () => {
    let state: TokenBucketState | null = null;
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const d = allowBatch(state, 10_000, config);
      results.push(d.allowed);
      state = d.nextState;
    }
    expect(results).toEqual([true, true, true, false]);
    expect(allowBatch(state, 10_000, config).retryAfterMs).toBe(1000);
    expect(allowBatch(state, 10_400, config).retryAfterMs).toBe(600);
  });

  it('gives one token back per interval, keeping partial progress', () => {
    const empty = { tokens: 0, refilledAt: 0 };
    expect(allowBatch(empty, 999, config).allowed).toBe(false);
    const refused = allowBatch(empty, 999, config).nextState;
    const d = allowBatch(refused, 1000, config);
    expect(d.allowed).toBe(true);
    expect(d.nextState).toEqual({ tokens: 0, refilledAt: 1000 });
    // 1.5 intervals later: one token, and the half interval counts towards the next.
    const later = allowBatch({ tokens: 0, refilledAt: 0 }, 1500, config);
    expect(later.nextState).toEqual({ tokens: 0, refilledAt: 1000 });
    expect(allowBatch(later.nextState, 2000, config).allowed).toBe(true);
  });

  it('does not save up beyond capacity however long the user was away', () => {
    const d = allowBatch({ tokens: 0, refilledAt: 0 }, 10 * 24 * 3600 * 1000, config);
    expect(d.nextState.tokens).toBe(config.capacity - 1);
  });

  it('does not refill when the clock goes backwards', () => {
    const d = allowBatch({ tokens: 0, refilledAt: 50_000 }, 20_000, config);
    expect(d.allowed).toBe(false);
    expect(d.nextState).toEqual({ tokens: 0, refilledAt: 50_000 });
  });

  it('treats a damaged state document as a full bucket', () => {
    const d = allowBatch({ tokens: Number.NaN, refilledAt: 5 } as TokenBucketState, 100, config);
    expect(d).toEqual({ allowed: true, nextState: { tokens: 2, refilledAt: 100 }, retryAfterMs: 0 });
  });

  it('uses a real-client-friendly default: 10 at once, 10 a minute', () => {
    expect(EVENT_BATCH_RATE_LIMIT).toEqual({ capacity: 10, refillIntervalMs: 6000 });
  });

  it('never allows more than capacity + elapsed/interval batches, and always allows at that pace', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 80 }),
        (capacity, refillIntervalMs, gaps) => {
          const cfg = { capacity, refillIntervalMs };
          const start = 1_000_000;
          let t = start;
          let state: TokenBucketState | null = null;
          let allowed = 0;
          for (const gap of gaps) {
            t += gap;
            const d = allowBatch(state, t, cfg);
            state = d.nextState;
            if (d.allowed) allowed += 1;
            expect(allowed).toBeLessThanOrEqual(capacity + Math.floor((t - start) / refillIntervalMs));
            expect(Number.isInteger(state.tokens) && state.tokens >= 0 && state.tokens <= capacity).toBe(true);
            if (!d.allowed) expect(allowBatch(state, t + d.retryAfterMs, cfg).allowed).toBe(true);
          }
        },
      ),
    );
  });
});
