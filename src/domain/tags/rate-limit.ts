/**
 * Per-user rate limit on event batches: a token bucket whose state lives in one small document
 * (`rate_limits/<openid>:events`), so it survives restarts and is shared by every function instance.
 * Whole tokens and whole refill intervals keep the stored numbers exact (no float drift).
 */
export interface TokenBucketConfig {
  /** Burst size: how many batches a quiet user may send at once. */
  readonly capacity: number;
  /** One token comes back every this many ms. */
  readonly refillIntervalMs: number;
}

/** 10 batches at once, then one every 6 s (10 a minute) — far above a real client's flush rhythm. */
export const EVENT_BATCH_RATE_LIMIT: TokenBucketConfig = Object.freeze({ capacity: 10, refillIntervalMs: 6_000 });

export interface TokenBucketState {
  tokens: number;
  /** The instant up to which refills have been credited. */
  refilledAt: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Write this back (even when refused: refills were credited). */
  nextState: TokenBucketState;
  /** 0 when allowed; otherwise how long until one token is back. */
  retryAfterMs: number;
}

export function allowBatch(state: TokenBucketState | null | undefined, now: number, config: TokenBucketConfig = EVENT_BATCH_RATE_LIMIT): RateDecision {
  const { capacity, refillIntervalMs } = config;
  if (!Number.isInteger(capacity) || capacity < 1 || !Number.isInteger(refillIntervalMs) || refillIntervalMs < 1) {
    throw new RangeError('token bucket needs a positive integer capacity and refill interval');
  }
  // A first batch, or a damaged document, starts from a full bucket.
  const valid = state && Number.isFinite(state.tokens) && Number.isFinite(state.refilledAt);
  let tokens = valid ? Math.min(capacity, Math.max(0, Math.floor(state.tokens))) : capacity;
  let refilledAt = valid ? state.refilledAt : now;

  // Another instance's clock may be behind: never refill for negative time, never move the mark back.
  if (now > refilledAt) {
    const gained = Math.floor((now - refilledAt) / refillIntervalMs);
    tokens = Math.min(capacity, tokens + gained);
    // Time spent full is not saved up; a partial interval towards the next token is.
    refilledAt = tokens === capacity ? now : refilledAt + gained * refillIntervalMs;
  }

  if (tokens >= 1) return { allowed: true, nextState: { tokens: tokens - 1, refilledAt }, retryAfterMs: 0 };
  return { allowed: false, nextState: { tokens, refilledAt }, retryAfterMs: Math.max(1, refilledAt + refillIntervalMs - now) };
}
