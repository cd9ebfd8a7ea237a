/** A shopper's side: the coupon centre, claiming, my coupons, one coupon, and its QR token. */
import { ledgerRef } from '../../../../src/domain/membership/points-ledger';
import { AppError } from '../../../../src/domain/reply';
import type { TierId } from '../../../../src/domain/tiers';
import { parse, v } from '../../../../src/domain/validate';
import { issueCoupon, newCouponRef, type CouponTemplate, type UserCoupon } from '../../../_shared/coupon-issue';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { signToken } from '../qr';
import { heldStatus, heldView, templateView, type HeldCouponView, type TemplateView } from '../views';

const ID = { min: 1, max: 128, pattern: /^[A-Za-z0-9_:-]+$/ };

interface StoreName {
  _id: string;
  name: string;
}

async function storeNames(ctx: HandlerContext, ids: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const found = await ctx.db.collection<StoreName>('stores').where({ _id: ctx._.in(unique) }).field({ name: true }).limit(1000).get();
  return Object.fromEntries(found.data.map((s) => [s._id, s.name]));
}

export interface CenterItem extends TemplateView {
  storeNames: string[];
  mine: number;
  claimable: boolean;
  /** Why the button is grey: '已抢光', '已领取'. */
  blockedReason: string | null;
}

/** Public templates one can claim right now, store coupons first; with `storeId`, those usable in that store. */
export const center: Handler<{ items: CenterItem[] }> = async (event, ctx) => {
  const input = parse(v.object({ storeId: v.optional(v.string({ label: '门店', ...ID })) }), event);
  const _ = ctx._;
  const now = ctx.now();
  const open = { public: true, status: 'active', claimStartAt: _.lte(now), claimEndAt: _.gt(now) };
  // storeIds null = every store; an array field matches when it contains the id.
  const where = input.storeId
    ? _.or([
        { ...open, channel: _.in(['store', 'both']), storeIds: null },
        { ...open, channel: _.in(['store', 'both']), storeIds: input.storeId },
      ])
    : open;
  const found = await ctx.db.collection<CouponTemplate>('coupon_templates').where(where).limit(200).get();
  const templates = found.data.sort((a, b) => rank(a) - rank(b) || new Date(a.claimEndAt).getTime() - new Date(b.claimEndAt).getTime());

  const mine: Record<string, number> = {};
  if (ctx.openid && templates.length > 0) {
    const claims = await ctx.db
      .collection<{ templateId: string; claimed: number }>('coupon_claims')
      .where({ _id: _.in(templates.map((t) => `${t._id}:${ctx.openid}`)) })
      .limit(1000)
      .get();
    for (const c of claims.data) mine[c.templateId] = c.claimed;
  }
  const names = await storeNames(ctx, templates.flatMap((t) => t.storeIds ?? []));
  const items = templates.map((t): CenterItem => {
    const view = templateView(t);
    const held = mine[t._id] ?? 0;
    const blockedReason = held >= t.perUserLimit ? '已领取' : view.remaining === 0 ? '已抢光' : null;
    return { ...view, storeNames: (t.storeIds ?? []).map((id) => names[id]).filter(Boolean), mine: held, claimable: blockedReason === null, blockedReason };
  });
  return { items };
};

function rank(t: CouponTemplate): number {
  return t.channel === 'store' ? 0 : t.channel === 'both' ? 1 : 2;
}

export const claim: Handler<{ coupon: HeldCouponView }> = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(v.object({ templateId: v.string({ label: '优惠券', ...ID }) }), event);
  const users = await ctx.db.collection<{ tier?: TierId }>('users').where({ _id: openid }).field({ tier: true }).limit(1).get();
  const now = ctx.now();
  const { coupon } = await issueCoupon(ctx.db, {
    templateId: input.templateId,
    openid,
    ref: newCouponRef(now),
    source: 'claim',
    now,
    checks: { publicOnly: true, tier: users.data[0]?.tier ?? 'normal' },
  });
  return { coupon: heldView(coupon, now) };
};

const TABS = ['unused', 'used', 'expired'] as const;
type Tab = (typeof TABS)[number];

function tabWhere(ctx: HandlerContext, openid: string, tab: Tab, now: Date): object {
  const _ = ctx._;
  if (tab === 'unused') return { openid, status: _.in(['unused', 'locked']), validTo: _.gt(now) };
  if (tab === 'used') return { openid, status: 'used' };
  return _.or([
    { openid, status: 'expired' },
    { openid, status: _.in(['unused', 'locked']), validTo: _.lte(now) },
  ]);
}

export const mine: Handler<{ items: HeldCouponView[]; counts: Record<Tab, number> }> = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(v.object({ status: v.optional(v.oneOf(TABS, { label: '状态' })) }), event);
  const tab = input.status ?? 'unused';
  const now = ctx.now();
  const coupons = ctx.db.collection<UserCoupon>('user_coupons');
  const order: [string, 'asc' | 'desc'] = tab === 'unused' ? ['validTo', 'asc'] : tab === 'used' ? ['updatedAt', 'desc'] : ['validTo', 'desc'];
  const [list, ...counts] = await Promise.all([
    coupons.where(tabWhere(ctx, openid, tab, now)).orderBy(order[0], order[1]).limit(100).get(),
    ...TABS.map((t) => coupons.where(tabWhere(ctx, openid, t, now)).count()),
  ]);
  return {
    items: list.data.map((c) => heldView(c, now)),
    counts: { unused: counts[0].total, used: counts[1].total, expired: counts[2].total },
  };
};

async function ownCoupon(ctx: HandlerContext, event: Record<string, unknown>): Promise<UserCoupon> {
  const openid = requireUser(ctx);
  const input = parse(v.object({ userCouponId: v.string({ label: '优惠券', ...ID }) }), event);
  const found = await ctx.db.collection<UserCoupon>('user_coupons').where({ _id: input.userCouponId, openid }).limit(1).get();
  if (!found.data[0]) throw new AppError('NOT_FOUND', '优惠券不存在');
  return found.data[0];
}

export interface CouponDetail extends HeldCouponView {
  shortCode: string | null;
  storeNames: string[];
  usedStoreName: string | null;
  /** Points the redemption credited (0 until then); read from the ledger, the truth. */
  cashbackCredited: number;
}

/** One held coupon; the QR page polls it to notice the moment staff redeem it. */
export const detail: Handler<{ coupon: CouponDetail }> = async (event, ctx) => {
  const coupon = await ownCoupon(ctx, event);
  const now = ctx.now();
  const view = heldView(coupon, now);
  const names = await storeNames(ctx, [...(coupon.storeIds ?? []), ...(view.usedStoreId ? [view.usedStoreId] : [])]);
  let cashbackCredited = 0;
  if (coupon.use?.type === 'store') {
    const entry = await ctx.db
      .collection<{ delta: number }>('points_ledger')
      .where({ ref: ledgerRef('store_cashback', coupon._id.split(':')) })
      .limit(1)
      .get();
    cashbackCredited = entry.data[0]?.delta ?? 0;
  }
  return {
    coupon: {
      ...view,
      shortCode: view.status === 'unused' && coupon.channel !== 'online' ? coupon.shortCode : null,
      storeNames: (coupon.storeIds ?? []).map((id) => names[id]).filter(Boolean),
      usedStoreName: view.usedStoreId ? (names[view.usedStoreId] ?? null) : null,
      cashbackCredited,
    },
  };
};

export interface TokenReply {
  token: string;
  shortCode: string;
  rotateSeconds: number;
  refreshAt: string;
  expiresAt: string;
  serverNow: string;
}

/** A fresh signed QR token for one's own unused store coupon. */
export const token: Handler<TokenReply> = async (event, ctx) => {
  const coupon = await ownCoupon(ctx, event);
  const now = ctx.now();
  if (coupon.channel === 'online') throw new AppError('COUPON_ONLINE_ONLY', '该券仅限线上使用，无需出示');
  const status = heldStatus(coupon, now);
  if (status === 'used') throw new AppError('ALREADY_REDEEMED', '该券已核销');
  if (status === 'expired') throw new AppError('COUPON_EXPIRED', '该券已过期');
  if (status === 'locked') throw new AppError('COUPON_LOCKED', '该券已被待支付订单占用');
  if (new Date(coupon.validFrom).getTime() > now.getTime()) throw new AppError('COUPON_NOT_STARTED', '该券尚未到使用时间');
  const signed = await signToken(ctx.db, coupon._id, now);
  return {
    token: signed.token,
    shortCode: coupon.shortCode,
    rotateSeconds: signed.rotateSeconds,
    refreshAt: new Date(signed.refreshAt).toISOString(),
    expiresAt: new Date(signed.expiresAt).toISOString(),
    serverNow: now.toISOString(),
  };
};
