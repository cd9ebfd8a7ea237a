/** The manager workspace: create store coupons, list them, and redemptions by store. */
import { addDays, dayKey, startOfDay } from '../../../../src/domain/business-day';
import { couponRuleProblems, type CouponRule, type CouponScope } from '../../../../src/domain/coupon-rules';
import { AppError } from '../../../../src/domain/reply';
import { parse, v, ValidationError, type Check } from '../../../../src/domain/validate';
import { audit } from '../../../_shared/audit';
import type { CouponTemplate, CouponValidity } from '../../../_shared/coupon-issue';
import { requireRole } from '../../../_shared/roles';
import type { Handler } from '../../../_shared/router';
import { templateView, type TemplateView } from '../views';

const ID = { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ };
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_RANGE_DAYS = 366;

/** An instant sent as ISO text or epoch milliseconds. */
function instant(label: string): Check<Date> {
  return (value, field) => {
    const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new ValidationError(label || field, '应为有效的日期时间');
    return date;
  };
}

function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, field) => (value === null ? null : check(value, field));
}

const ruleCheck: Check<CouponRule> = (value) => {
  const problems = couponRuleProblems(value);
  if (problems.length > 0) throw new ValidationError('', problems[0]);
  const r = value as Record<string, number | string>;
  return r.kind === 'amount'
    ? { kind: 'amount', amountOff: r.amountOff as number, threshold: r.threshold as number }
    : { kind: 'percent', percentOff: r.percentOff as number, maxOff: r.maxOff as number, threshold: r.threshold as number };
};

const scopeCheck: Check<CouponScope> = (value) => {
  const raw = parse(v.object({ type: v.oneOf(['all', 'category', 'product'] as const, { label: '适用范围' }) }), value);
  if (raw.type === 'all') return { type: 'all' };
  const { ids } = parse(v.object({ ids: v.array(v.string({ label: '适用范围', ...ID }), { min: 1, max: 100, label: '适用范围' }) }), value);
  return { type: raw.type, ids: [...new Set(ids)] } as CouponScope;
};

const validityCheck: Check<CouponValidity> = (value) => {
  const head = parse(v.object({ type: v.oneOf(['fixed', 'relative'] as const, { label: '有效期类型' }) }), value);
  if (head.type === 'relative') {
    const { days } = parse(v.object({ days: v.int({ min: 1, max: 365, label: '领取后有效天数' }) }), value);
    return { type: 'relative', days };
  }
  const { startAt, endAt } = parse(v.object({ startAt: instant('有效期开始'), endAt: instant('有效期结束') }), value);
  if (endAt.getTime() <= startAt.getTime()) throw new ValidationError('有效期结束', '应晚于开始时间');
  return { type: 'fixed', startAt, endAt };
};

const templateInput = v.object({
  title: v.string({ min: 2, max: 40, label: '券名称' }),
  description: v.optional(v.string({ max: 200, label: '使用说明' })),
  rule: ruleCheck,
  scope: v.optional(scopeCheck),
  channel: v.oneOf(['store', 'online', 'both'] as const, { label: '使用渠道' }),
  storeIds: v.optional(nullable(v.array(v.string({ label: '门店', ...ID }), { min: 1, max: 100, label: '门店' }))),
  total: nullable(v.int({ min: 1, max: 1_000_000, label: '发放总量' })),
  perUserLimit: v.int({ min: 1, max: 20, label: '每人限领' }),
  claimStartAt: instant('领取开始'),
  claimEndAt: instant('领取结束'),
  validity: validityCheck,
  cashbackPoints: v.optional(v.int({ min: 0, max: 100_000, label: '核销返积分' })),
  public: v.optional(v.boolean({ label: '在领券中心展示' })),
});

export const createTemplate: Handler<{ template: TemplateView }> = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const input = parse(templateInput, event);
  const now = ctx.now();
  if (input.claimEndAt.getTime() <= input.claimStartAt.getTime()) throw new ValidationError('领取结束', '应晚于领取开始');
  if (input.claimEndAt.getTime() <= now.getTime()) throw new ValidationError('领取结束', '应晚于现在');
  if (input.validity.type === 'fixed' && input.validity.endAt.getTime() < input.claimEndAt.getTime()) {
    throw new ValidationError('有效期结束', '不能早于领取结束，否则最后领到的券无法使用');
  }
  const storeIds = input.storeIds ? [...new Set(input.storeIds)] : null;
  if (input.channel === 'online' && storeIds) throw new ValidationError('门店', '仅限线上使用的券不能指定门店');
  if (storeIds) {
    const found = await ctx.db.collection('stores').where({ _id: ctx._.in(storeIds) }).field({ _id: true }).limit(100).get();
    const known = new Set(found.data.map((s) => s._id as string));
    const missing = storeIds.find((id) => !known.has(id));
    if (missing) throw new ValidationError('门店', `${missing}不存在`);
  }
  const template: CouponTemplate = {
    _id: `tpl-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
    title: input.title,
    description: input.description ?? '',
    kind: input.channel === 'online' ? 'online' : 'store',
    rule: input.rule,
    scope: input.scope ?? { type: 'all' },
    channel: input.channel,
    storeIds,
    total: input.total,
    claimed: 0,
    used: 0,
    perUserLimit: input.perUserLimit,
    tiers: null,
    claimStartAt: input.claimStartAt,
    claimEndAt: input.claimEndAt,
    validity: input.validity,
    pointsCost: null,
    cashbackPoints: input.cashbackPoints ?? 0,
    public: input.public ?? true,
    status: 'active',
    createdBy: ctx.openid,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.collection('coupon_templates').add({ data: template });
  await audit(ctx, {
    role: 'manager',
    action: 'coupon.createTemplate',
    target: { collection: 'coupon_templates', id: template._id },
    detail: { title: template.title, total: template.total, channel: template.channel, storeIds },
  });
  return { template: templateView(template) };
};

/** Every template, newest first, with claimed / used counters. */
export const templates: Handler<{ items: TemplateView[] }> = async (_event, ctx) => {
  await requireRole(ctx, 'manager');
  const found = await ctx.db.collection<CouponTemplate>('coupon_templates').orderBy('createdAt', 'desc').limit(200).get();
  return { items: found.data.map(templateView) };
};

export interface StoreRedemptionRow {
  storeId: string;
  storeName: string;
  city: string;
  redemptions: number;
  cashbackPoints: number;
  pickups: number;
}

interface Totals {
  _id: string;
  count: number;
  points?: number;
}

/**
 * Store redemptions and verified pickups per store over Shanghai days `from`..`to` (inclusive,
 * 'YYYY-MM-DD'; default the last 30 days), every store listed even at zero.
 */
export const redemptionsByStore: Handler<{ from: string; to: string; rows: StoreRedemptionRow[]; totals: Omit<StoreRedemptionRow, 'storeId' | 'storeName' | 'city'> }> = async (
  event,
  ctx,
) => {
  await requireRole(ctx, 'manager');
  const day = v.string({ pattern: DAY_KEY });
  const input = parse(v.object({ from: v.optional(day), to: v.optional(day) }), event);
  const today = dayKey(ctx.now());
  const to = input.to ?? today;
  const from = input.from ?? addDays(to, -29);
  if (from > to) throw new ValidationError('开始日期', '不能晚于结束日期');
  const start = startOfDay(from);
  const end = startOfDay(addDays(to, 1));
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * 86_400_000) throw new AppError('INVALID_INPUT', `查询范围不能超过${MAX_RANGE_DAYS}天`);

  const _ = ctx._;
  const $ = _.aggregate;
  const [stores, coupons, pickups] = await Promise.all([
    ctx.db.collection<{ _id: string; name: string; city: string; sort: number }>('stores').orderBy('sort', 'asc').limit(1000).get(),
    ctx.db
      .collection('user_coupons')
      .aggregate()
      .match({ status: 'used', 'use.type': 'store', 'use.at': _.gte(start).and(_.lt(end)) })
      .group({ _id: '$use.storeId', count: $.sum(1), points: $.sum('$cashbackPoints') })
      .limit(1000)
      .end(),
    ctx.db
      .collection('orders')
      .aggregate()
      .match({ 'delivery.method': 'pickup', 'delivery.verifiedAt': _.gte(start).and(_.lt(end)) })
      .group({ _id: '$delivery.storeId', count: $.sum(1) })
      .limit(1000)
      .end(),
  ]);
  const byStore = new Map((coupons.list as unknown as Totals[]).map((r) => [r._id, r]));
  const pickupsByStore = new Map((pickups.list as unknown as Totals[]).map((r) => [r._id, r.count]));
  const rows = stores.data.map((s) => ({
    storeId: s._id,
    storeName: s.name,
    city: s.city,
    redemptions: byStore.get(s._id)?.count ?? 0,
    cashbackPoints: byStore.get(s._id)?.points ?? 0,
    pickups: pickupsByStore.get(s._id) ?? 0,
  }));
  rows.sort((a, b) => b.redemptions - a.redemptions || b.pickups - a.pickups);
  const totals = rows.reduce((t, r) => ({ redemptions: t.redemptions + r.redemptions, cashbackPoints: t.cashbackPoints + r.cashbackPoints, pickups: t.pickups + r.pickups }), {
    redemptions: 0,
    cashbackPoints: 0,
    pickups: 0,
  });
  return { from, to, rows, totals };
};
