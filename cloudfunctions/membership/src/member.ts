/**
 * What the membership handlers share: the member as stored, the check-in settings, the
 * subscribe template of tier notices, and the rolling-window totals read from orders.
 */
import { DEFAULT_CHECKIN_CONFIG, checkinConfigProblems, type CheckinConfig, type CheckinState } from '../../../src/domain/membership/checkin-streak';
import type { Birthday } from '../../../src/domain/membership/birthday';
import { tierWindow, type PaidOrder } from '../../../src/domain/membership/tier-evaluation';
import { AppError } from '../../../src/domain/reply';
import { isTierId, type TierId } from '../../../src/domain/tiers';
import type { Database } from '../../_shared/db-types';
import type { HandlerContext } from '../../_shared/router';

/** The fields of a `users` document this function reads and writes (docs/data-model.md). */
export interface MemberDoc {
  _id: string;
  openid: string;
  tier?: TierId;
  tierChangedAt?: Date;
  spend12m?: number;
  orders12m?: number;
  tierEvaluatedAt?: Date | null;
  /** The last tier change told to the member, shown on the member centre until the next one. */
  tierNotice?: { text: string; at: Date; sent: boolean } | null;
  points: number;
  checkin?: CheckinState;
  birthday?: Birthday | null;
  birthdayChangedAt?: Date | null;
}

export function tierOf(user: MemberDoc): TierId {
  return isTierId(user.tier) ? user.tier : 'normal';
}

export function checkinStateOf(user: object): CheckinState {
  const c = (user as { checkin?: unknown }).checkin as Partial<CheckinState> | undefined;
  return { lastDay: typeof c?.lastDay === 'string' ? c.lastDay : null, streak: Number.isSafeInteger(c?.streak) ? (c!.streak as number) : 0 };
}

export async function loadMember(db: Database, openid: string): Promise<MemberDoc> {
  const found = await db.collection<MemberDoc>('users').where({ _id: openid }).limit(1).get();
  const user = found.data[0];
  if (!user) throw new AppError('NOT_FOUND', '还不是会员，请先登录');
  return user;
}

/**
 * The check-in settings document (settings/checkin), checked like the rules check it; a broken
 * document falls back to the code defaults rather than stopping everyone's check-in.
 */
export async function checkinConfig(db: Database): Promise<CheckinConfig> {
  const found = await db.collection('settings').where({ _id: 'checkin' }).limit(1).get();
  const doc = found.data[0] as Partial<CheckinConfig> | undefined;
  if (!doc || !Array.isArray(doc.bonuses)) return DEFAULT_CHECKIN_CONFIG;
  const config: CheckinConfig = {
    basePoints: Number(doc.basePoints),
    bonuses: doc.bonuses.map((b) => ({ day: Number(b.day), points: Number(b.points) })),
    cycleDays: doc.cycleDays === null ? null : Number(doc.cycleDays),
  };
  const problems = checkinConfigProblems(config);
  if (problems.length > 0) {
    console.error('[membership] settings/checkin ignored:', problems.join('; '));
    return DEFAULT_CHECKIN_CONFIG;
  }
  return config;
}

export interface SubscribeTemplate {
  id: string;
  fields: string[];
}

/** A subscribe template by purpose from settings/subscribeTemplates (ids differ per mini program). */
export async function subscribeTemplate(db: Database, key: string): Promise<SubscribeTemplate | null> {
  const found = await db.collection('settings').where({ _id: 'subscribeTemplates' }).limit(1).get();
  const entry = (found.data[0] as Record<string, unknown> | undefined)?.[key] as Partial<SubscribeTemplate> | undefined;
  if (!entry || typeof entry.id !== 'string') return null;
  return { id: entry.id, fields: Array.isArray(entry.fields) ? entry.fields.map(String) : [] };
}

/** An `orders` document as the tier window and points earning read it. */
export interface OrderForMembership {
  _id: string;
  openid: string;
  status: string;
  tierId?: TierId;
  paidAt: Date | null;
  payment?: { amount?: number };
  pricing?: { merchandisePaid?: number; payable?: number };
  refund?: { id?: string; status?: string; amount?: number; refundedAt?: Date | null } | null;
  pointsEarned?: number;
}

/** Paid statuses: everything that took money, whether or not it was later refunded. */
export const PAID_STATUSES = ['grouping', 'paid', 'shipped', 'completed', 'refunded'];

/** The money the refund gave back, once it has actually been paid out. */
export function refundedAmountOf(order: OrderForMembership): number {
  const r = order.refund;
  return r && r.status === 'refunded' && Number.isSafeInteger(r.amount) ? Math.max(0, r.amount as number) : 0;
}

export function paidOrderOf(order: OrderForMembership): PaidOrder {
  const amount = order.payment?.amount ?? order.pricing?.payable ?? 0;
  const refunded = Math.min(amount, refundedAmountOf(order));
  return {
    paidAt: new Date(order.paidAt as Date),
    amount,
    refunded: order.status === 'refunded' && refunded === 0 ? true : undefined,
    refundedAmount: refunded,
  };
}

/** The member's paid orders inside the rolling window ending today (Shanghai days). */
export async function ordersInWindow(ctx: Pick<HandlerContext, 'db' | '_'>, openid: string, now: Date): Promise<PaidOrder[]> {
  const { db, _ } = ctx;
  const w = tierWindow(now);
  const orders: PaidOrder[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await db
      .collection<OrderForMembership>('orders')
      .where({ openid, status: _.in(PAID_STATUSES), paidAt: _.gte(w.from).and(_.lt(w.until)) })
      .skip(offset)
      .limit(1000)
      .get();
    for (const o of page.data) orders.push(paidOrderOf(o));
    if (page.data.length < 1000) return orders;
  }
}
