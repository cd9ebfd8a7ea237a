/**
 * The membership function's API as the pages use it (docs/api.md "membership"). Every call
 * returns the function's Reply; nothing here throws.
 */
import { callFunction } from './cloud';
import { requestSubscribe } from './subscribe';

export interface TierBenefit {
  id: string;
  name: string;
  discountPercent: number;
  pointsMultiplierTenths: number;
  freeShippingThreshold: number;
  priorityHours: number;
  minSpend12m: number;
  minOrders12m: number;
}

export interface CheckinSummary {
  today: string;
  checkedInToday: boolean;
  streak: number;
  nextPoints: number;
  nextBonus?: { inDays: number; streak: number; points: number } | null;
}

export interface MemberProfile {
  openid: string;
  tier: { id: string; name: string; changedAt: string | null };
  points: number;
  window: { firstDay: string; lastDay: string; spend12m: number; orders12m: number };
  progress: {
    next: string | null;
    nextName: string | null;
    spendNeeded: number;
    ordersNeeded: number;
    percent: number;
    nextMinSpend12m: number;
    nextMinOrders12m: number;
  };
  benefits: TierBenefit[];
  checkin: CheckinSummary;
  birthday: { monthDay: string; year: number | null; label: string; changeOpensOn: string | null } | null;
  tierNotice: { text: string; at: string; sent: boolean } | null;
}

export interface CheckinReply {
  day: string;
  points: number;
  basePoints: number;
  bonusPoints: number;
  streak: number;
  nextBonus: { inDays: number; streak: number; points: number } | null;
  balance: number;
  subscribeTemplateIds: string[];
}

export interface CalendarDay {
  day: string;
  date: number;
  inMonth: boolean;
  checked: boolean;
  isToday: boolean;
  isFuture: boolean;
}

export interface CalendarReply {
  year: number;
  month: number;
  today: string;
  weeks: CalendarDay[][];
  checkedDays: string[];
  status: CheckinSummary;
  upcoming: { day: string; streak: number; points: number }[];
  points: number;
}

export interface HistoryLine {
  id: string;
  reason: string;
  delta: number;
  title: string;
  amount: string;
  balanceAfter: number;
  at: string;
  note: string | null;
}

export interface HistoryReply {
  page: number;
  points: number;
  lines: HistoryLine[];
  hasMore: boolean;
}

export interface MallItem {
  templateId: string;
  title: string;
  description: string;
  ruleText: string;
  scopeText: string;
  channelText: string;
  pointsCost: number;
  remaining: number | null;
  perUserLimit: number;
  exchanged: number;
  unavailable: string | null;
  affordable: boolean;
}

export interface ExchangeReply {
  couponId: string;
  title: string;
  validTo: string;
  pointsSpent: number;
  balance: number;
  repeated: boolean;
}

const FN = 'membership';

export const membershipApi = {
  profile: () => callFunction<MemberProfile>(FN, { action: 'profile' }),
  checkin: () => callFunction<CheckinReply>(FN, { action: 'checkin' }),
  calendar: (year?: number, month?: number) => callFunction<CalendarReply>(FN, { action: 'calendar', year, month }),
  pointsHistory: (page = 1) => callFunction<HistoryReply>(FN, { action: 'pointsHistory', page }),
  mall: () => callFunction<{ points: number; items: MallItem[] }>(FN, { action: 'mall' }),
  exchange: (templateId: string, requestId: string) => callFunction<ExchangeReply>(FN, { action: 'exchange', templateId, requestId }),
  setBirthday: (monthDay: string, year?: number) => callFunction<{ giftIssued: boolean }>(FN, { action: 'setBirthday', monthDay, year }),
};

/** One id per exchange attempt: a retried request with the same id is the same exchange. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** After a check-in the page offers a reminder subscription (services/subscribe.ts). True when the user allowed it. */
export async function askSubscription(templateIds: string[]): Promise<boolean> {
  return (await requestSubscribe(templateIds)).length > 0;
}
