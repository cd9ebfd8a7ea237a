/**
 * Send throttling: a campaign's N sends go out in batches of at most `perSecond`, one batch per
 * second. The plan is pure data: the sending job stores its progress (the index of the next batch)
 * in the campaign document, so a function that times out or restarts resumes rather than re-sends.
 */

/** Placeholder pace, well under WeChat's per-app limits; tune with the real quota. */
export const SEND_RATE_PER_SECOND = 20;

export interface SendBatch<T> {
  /** Seconds after the start of sending at which this batch goes out. */
  second: number;
  items: T[];
}

export function planSendBatches<T>(items: readonly T[], perSecond: number = SEND_RATE_PER_SECOND): SendBatch<T>[] {
  if (!Number.isInteger(perSecond) || perSecond < 1) throw new RangeError(`send rate must be a positive integer, got ${perSecond}`);
  const batches: SendBatch<T>[] = [];
  for (let i = 0; i < items.length; i += perSecond) batches.push({ second: i / perSecond, items: items.slice(i, i + perSecond) });
  return batches;
}

/** How long sending N messages takes at this rate, in whole seconds (0 for none, 1 for one batch). */
export function sendDurationSeconds(count: number, perSecond: number = SEND_RATE_PER_SECOND): number {
  if (!Number.isInteger(perSecond) || perSecond < 1) throw new RangeError(`send rate must be a positive integer, got ${perSecond}`);
  return Math.ceil(Math.max(0, count) / perSecond);
}
