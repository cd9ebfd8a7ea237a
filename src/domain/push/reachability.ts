/**
 * Can a marketing push reach this user now? One answer with one reason, checked in a fixed order so
 * campaign reports count each unreachable user once, under the most lasting cause:
 *   opted_out (their choice) > no_credit (needs their consent) > daily_cap > weekly_cap > quiet_hours
 * Quiet hours come last: they are about the clock, not the user, and a send in them is deferred
 * (nextAllowedSendTime) rather than dropped.
 */
import { creditsFor, type CreditLedger } from './credits';
import { PUSH_CAPS, capReached, type PushCaps, type PushRecord } from './frequency-caps';
import { QUIET_HOURS, isQuietTime, type QuietHours } from './quiet-hours';

export const UNREACHABLE_REASONS = ['opted_out', 'no_credit', 'daily_cap', 'weekly_cap', 'quiet_hours'] as const;
export type UnreachableReason = (typeof UNREACHABLE_REASONS)[number];

export const UNREACHABLE_LABELS: Readonly<Record<UnreachableReason, string>> = Object.freeze({
  opted_out: '已退出营销消息',
  no_credit: '无订阅消息次数',
  daily_cap: '今日已推送',
  weekly_cap: '近7天推送已达上限',
  quiet_hours: '免打扰时段',
});

export interface PushUser {
  /** From the user record (一键退出), read at send time. */
  marketingOptOut: boolean;
  credits: CreditLedger | null | undefined;
}

export type Reachability = { reachable: true } | { reachable: false; reason: UnreachableReason };

export interface PushRules {
  caps?: PushCaps;
  quietHours?: QuietHours;
}

/** `history`: the user's push records since capHistoryStart(now). */
export function reachability(user: PushUser, now: number, history: readonly PushRecord[], templateId: string, rules: PushRules = {}): Reachability {
  if (user.marketingOptOut) return { reachable: false, reason: 'opted_out' };
  if (creditsFor(user.credits, templateId) === 0) return { reachable: false, reason: 'no_credit' };
  const cap = capReached(history, now, rules.caps ?? PUSH_CAPS);
  if (cap) return { reachable: false, reason: cap };
  if (isQuietTime(now, rules.quietHours ?? QUIET_HOURS)) return { reachable: false, reason: 'quiet_hours' };
  return { reachable: true };
}
