/**
 * Marketing frequency caps: at most 1 marketing push per user per Shanghai day, and at most 3 in
 * any 7 consecutive Shanghai days (today and the 6 days before).
 *
 * Rolling 7 days rather than the calendar week: with calendar weeks a user could get Fri, Sat, Sun
 * and then Mon, Tue, Wed — six pushes in six days — which is not what "3 a week" promises them.
 * Service messages (order shipped, pickup ready) are not marketing and neither count nor are capped.
 */
import { windowStart, withinLastDays } from '../tags/window';

export interface PushCaps {
  readonly perDay: number;
  readonly perWeek: number;
  /** Length of the rolling "week" in Shanghai days. */
  readonly weekDays: number;
}

export const PUSH_CAPS: PushCaps = Object.freeze({ perDay: 1, perWeek: 3, weekDays: 7 });

export type PushKind = 'marketing' | 'service';

/**
 * 'sending' is written before calling WeChat, so two campaigns sending at once both see the
 * reservation; a send that then fails is rewritten as 'failed' and stops counting.
 */
export type PushStatus = 'sending' | 'sent' | 'failed';

export interface PushRecord {
  at: number;
  kind: PushKind;
  status: PushStatus;
}

export type CapReason = 'daily_cap' | 'weekly_cap';

export function countsTowardCaps(record: PushRecord): boolean {
  return record.kind === 'marketing' && (record.status === 'sent' || record.status === 'sending');
}

/** The server loads the user's push records from this instant on; older ones cannot matter. */
export function capHistoryStart(now: number, caps: PushCaps = PUSH_CAPS): Date {
  return windowStart(now, Math.max(1, caps.weekDays));
}

/** Which cap one more marketing push now would break, the daily one first; null when within both. */
export function capReached(history: readonly PushRecord[], now: number, caps: PushCaps = PUSH_CAPS): CapReason | null {
  const counted = history.filter(countsTowardCaps);
  if (counted.filter((r) => withinLastDays(r.at, now, 1)).length >= caps.perDay) return 'daily_cap';
  if (counted.filter((r) => withinLastDays(r.at, now, caps.weekDays)).length >= caps.perWeek) return 'weekly_cap';
  return null;
}
