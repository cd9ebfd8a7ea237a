/**
 * Conditional single-document updates, written down as data.
 *
 * Group buys and flash sales stay correct under concurrency only because every write that could
 * oversell or overfill is ONE conditional update on ONE document: "change it only if it still
 * looks like this". The rules describe those updates as plain data so that
 *  - the server runs them with wx-server-sdk (`toWxWhere` / `toWxData` below, given `db.command`),
 *  - tests and the local CloudBase run the very same description (`applyConditionalUpdate`),
 * and a rule change cannot drift away from the query that enforces it.
 */

export type Scalar = number | string | boolean;

export interface Comparison {
  readonly op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte';
  readonly value: Scalar;
}

export interface ConditionalUpdate {
  readonly collection: string;
  /** The document's `_id`: the unique key that also stops two writers creating it twice. */
  readonly id: string;
  /** Every comparison must hold for the update to apply (`updated: 1`); otherwise nothing changes (`updated: 0`). */
  readonly where: Readonly<Record<string, Comparison>>;
  /** Added atomically (`_.inc`), never read-then-written. */
  readonly inc?: Readonly<Record<string, number>>;
  /** Replaced wholesale (`_.set`), so nested objects and arrays are not merged with what was there. */
  readonly set?: Readonly<Record<string, unknown>>;
  /**
   * When the document may not exist yet (a per-user counter before the first purchase): treat a
   * missing document as this one. The server then `add`s `{ _id: id, ...missingAs }` and retries
   * the update; if the add fails because another request created it first, the retry still holds.
   */
  readonly missingAs?: Readonly<Record<string, unknown>>;
}

export const cmp = {
  eq: (value: Scalar): Comparison => ({ op: 'eq', value }),
  neq: (value: Scalar): Comparison => ({ op: 'neq', value }),
  lt: (value: number): Comparison => ({ op: 'lt', value }),
  lte: (value: number): Comparison => ({ op: 'lte', value }),
  gt: (value: number): Comparison => ({ op: 'gt', value }),
  gte: (value: number): Comparison => ({ op: 'gte', value }),
};

function holds(actual: unknown, c: Comparison): boolean {
  switch (c.op) {
    case 'eq':
      return actual === c.value;
    case 'neq':
      return actual !== c.value;
    default: {
      // Like the database, an ordering comparison never matches a missing or non-number field.
      if (typeof actual !== 'number' || typeof c.value !== 'number') return false;
      if (c.op === 'lt') return actual < c.value;
      if (c.op === 'lte') return actual <= c.value;
      if (c.op === 'gt') return actual > c.value;
      return actual >= c.value;
    }
  }
}

export type Doc = Readonly<Record<string, unknown>>;

/**
 * The reference meaning of a ConditionalUpdate on one document, all at once (as the database
 * applies it): `matched` is the database's `updated === 1`. `doc` is undefined only when the
 * document did not exist and the update has no `missingAs`.
 */
export function applyConditionalUpdate(doc: Doc | undefined, update: ConditionalUpdate): { matched: boolean; doc: Doc | undefined } {
  const current = doc ?? (update.missingAs ? { _id: update.id, ...update.missingAs } : undefined);
  if (current === undefined) return { matched: false, doc };
  for (const [field, c] of Object.entries(update.where)) {
    if (!holds(current[field], c)) return { matched: false, doc };
  }
  const next: Record<string, unknown> = { ...current };
  for (const [field, by] of Object.entries(update.inc ?? {})) {
    next[field] = (typeof next[field] === 'number' ? (next[field] as number) : 0) + by;
  }
  for (const [field, value] of Object.entries(update.set ?? {})) next[field] = value;
  return { matched: true, doc: next };
}

/** The unconditional inverse of an update's increments: gives back what a claim took. */
export function undoIncrements(update: ConditionalUpdate): ConditionalUpdate {
  const inc: Record<string, number> = {};
  for (const [field, by] of Object.entries(update.inc ?? {})) inc[field] = -by;
  return { collection: update.collection, id: update.id, where: {}, inc };
}

/** The part of wx-server-sdk's `db.command` the translation needs, typed structurally so this file stays pure. */
export interface DbCommandLike<Q = unknown, U = unknown> {
  eq(value: Scalar): Q;
  neq(value: Scalar): Q;
  lt(value: number): Q;
  lte(value: number): Q;
  gt(value: number): Q;
  gte(value: number): Q;
  inc(value: number): U;
  set(value: unknown): U;
}

/** `db.collection(u.collection).where(toWxWhere(u, _)).update({ data: toWxData(u, _) })` -> `stats.updated` is 1 or 0. */
export function toWxWhere<Q>(update: ConditionalUpdate, _: DbCommandLike<Q>): Record<string, Q | string> {
  const where: Record<string, Q | string> = { _id: update.id };
  for (const [field, c] of Object.entries(update.where)) {
    where[field] = c.op === 'eq' || c.op === 'neq' ? _[c.op](c.value) : _[c.op](c.value as number);
  }
  return where;
}

export function toWxData<U>(update: ConditionalUpdate, _: DbCommandLike<unknown, U>): Record<string, U> {
  const data: Record<string, U> = {};
  for (const [field, by] of Object.entries(update.inc ?? {})) data[field] = _.inc(by);
  for (const [field, value] of Object.entries(update.set ?? {})) data[field] = _.set(value);
  return data;
}

export interface Refusal {
  readonly code: string;
  readonly message: string;
}

/** One conditional update of a claim, and what to tell the buyer when it does not match. */
export interface ClaimStep {
  readonly update: ConditionalUpdate;
  readonly refusal: Refusal;
}

/**
 * A claim over several documents without a transaction: run the steps in order; when step i
 * does not match, give back steps i-1..0 with `undoIncrements` (newest first) and refuse with
 * step i's refusal. Each step alone is atomic, so no interleaving of buyers can take more than
 * a document allows; the only cost of the missing transaction is a moment where a unit is taken
 * and about to be given back, i.e. undersell, never oversell.
 */
export interface ClaimPlan {
  readonly steps: readonly ClaimStep[];
}

export type DocStore = Map<string, Doc>;

export function docKey(collection: string, id: string): string {
  return `${collection}/${id}`;
}

/** Applies one update to an in-memory store; the reference the server's database call must match. */
export function applyToStore(store: DocStore, update: ConditionalUpdate): boolean {
  const key = docKey(update.collection, update.id);
  const { matched, doc } = applyConditionalUpdate(store.get(key), update);
  if (matched && doc) store.set(key, doc);
  return matched;
}

/** The reference run of a ClaimPlan (in memory, all steps at once); the server does the same step by step. */
export function runClaimPlan(store: DocStore, plan: ClaimPlan): { ok: true } | { ok: false; refusal: Refusal } {
  for (let i = 0; i < plan.steps.length; i += 1) {
    if (!applyToStore(store, plan.steps[i].update)) {
      for (let j = i - 1; j >= 0; j -= 1) applyToStore(store, undoIncrements(plan.steps[j].update));
      return { ok: false, refusal: plan.steps[i].refusal };
    }
  }
  return { ok: true };
}

/**
 * The reference meaning of several claims running AT THE SAME TIME: each step (and each undo) is
 * one atomic update, and steps of different claims interleave in any order — `schedule` picks
 * which claim moves next. Returns, per plan, whether it succeeded. Property tests drive it with
 * random schedules to show that no interleaving oversells.
 */
export function runClaimsInterleaved(store: DocStore, plans: readonly ClaimPlan[], schedule: readonly number[]): boolean[] {
  const cursors = plans.map((p) => ({ step: 0, undo: -1, failed: false, finished: p.steps.length === 0 }));
  let turn = 0;
  for (;;) {
    const live = cursors.map((c, i) => (c.finished ? -1 : i)).filter((i) => i >= 0);
    if (live.length === 0) break;
    const i = live[(schedule.length === 0 ? 0 : schedule[turn % schedule.length]) % live.length];
    turn += 1;
    const c = cursors[i];
    const steps = plans[i].steps;
    if (c.failed) {
      applyToStore(store, undoIncrements(steps[c.undo].update));
      c.undo -= 1;
    } else if (applyToStore(store, steps[c.step].update)) {
      c.step += 1;
    } else {
      c.failed = true;
      c.undo = c.step - 1;
    }
    c.finished = c.failed ? c.undo < 0 : c.step === steps.length;
  }
  return cursors.map((c) => !c.failed);
}
