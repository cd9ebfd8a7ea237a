/**
 * Writes seeded history the way the cloud functions would have: an order drags its coupon, its
 * points and its audit trail along, so the seeded documents agree with one another.
 */
import { makeEntry, type LedgerReason } from '../../src/domain/membership/points-ledger';
import { pointsOnCompletion } from '../../src/domain/membership/points-earning';
import type { Fen } from '../../src/domain/money';
import { DEFAULT_PRICING_CONFIG, priceOrder, type PricingItem } from '../../src/domain/pricing';
import type { TierId } from '../../src/domain/tiers';
import type { Catalog } from './catalog';
import { DAY, HOUR, MINUTE, type SeedClock } from './clock';
import type { Rng } from './random';
import { SETTINGS } from './settings';
import { STAFF } from './stores';
import type {
  AddressSnapshot,
  AuditLogDoc,
  CouponTemplateDoc,
  OrderDoc,
  OrderItem,
  OrderStatus,
  PointsLedgerDoc,
  ProductDoc,
  SkuDoc,
  StatusChange,
  StoreDoc,
  UserCouponDoc,
} from './types';

export interface LedgerDraft {
  openid: string;
  reason: LedgerReason;
  /** The id part of the ref (LEDGER_REASON_RULES says what it is per reason). */
  id: string | string[];
  delta: number;
  note: string;
  at: Date;
}

/** Orders the drafts of each person in time and writes them as the ledger would have: running balances, unique refs. */
export function writeLedger(drafts: readonly LedgerDraft[]): { entries: PointsLedgerDoc[]; balances: Map<string, number> } {
  const byUser = new Map<string, LedgerDraft[]>();
  for (const d of drafts) byUser.set(d.openid, [...(byUser.get(d.openid) ?? []), d]);
  const entries: PointsLedgerDoc[] = [];
  const balances = new Map<string, number>();
  for (const [openid, list] of byUser) {
    let balance = 0;
    for (const d of [...list].sort((a, b) => a.at.getTime() - b.at.getTime())) {
      // makeEntry refuses a wrong sign for the reason and a balance going below zero.
      const entry = makeEntry({ openid, reason: d.reason, id: d.id, delta: d.delta, balance, at: d.at, note: d.note });
      balance = entry.balanceAfter;
      entries.push({ _id: entry.ref, ...entry });
    }
    balances.set(openid, balance);
  }
  entries.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id));
  return { entries, balances };
}

export interface OrderSpec {
  id: string;
  openid: string;
  tierId: TierId;
  at: Date;
  items: [skuId: string, quantity: number][];
  /** Where the story ends. A group-buy order ends `grouping` (its group still forming). */
  end: OrderStatus | 'refund_requested';
  type?: OrderDoc['type'];
  /** Promotional unit price (group buy, flash sale). */
  unitPrice?: Fen;
  pickupStoreId?: string;
  address?: AddressSnapshot;
  coupon?: UserCouponDoc;
  points?: number;
  shippedAfterHours?: number;
  completedAfterDays?: number;
  cancelBy?: 'user' | 'system';
  refundReason?: string;
  /** For system refunds (a failed group): when the refund happened. */
  refundedAt?: Date;
  groupbuy?: OrderDoc['groupbuy'];
  flashSale?: OrderDoc['flashSale'];
  remark?: string;
}

export class OrderBook {
  readonly orders: OrderDoc[] = [];
  readonly coupons: UserCouponDoc[] = [];
  readonly ledger: LedgerDraft[] = [];
  readonly audit: AuditLogDoc[] = [];
  private readonly shortCodes = new Set<string>();
  private readonly skus: Map<string, SkuDoc>;
  private readonly products: Map<string, ProductDoc>;
  private readonly templates: Map<string, CouponTemplateDoc>;
  private readonly stores: Map<string, StoreDoc>;

  constructor(
    private readonly clock: SeedClock,
    private readonly rng: Rng,
    catalog: Catalog,
    templates: CouponTemplateDoc[],
    stores: StoreDoc[],
  ) {
    this.skus = new Map(catalog.skus.map((s) => [s._id, s]));
    this.products = new Map(catalog.products.map((p) => [p._id, p]));
    this.templates = new Map(templates.map((t) => [t._id, t]));
    this.stores = new Map(stores.map((s) => [s._id, s]));
  }

  private checkPast(what: string, at: Date): Date {
    if (at.getTime() > this.clock.now.getTime()) throw new Error(`seed: ${what} would happen in the future (${at.toISOString()})`);
    return at;
  }

  private auditLog(entry: Omit<AuditLogDoc, '_id'>): void {
    this.audit.push({ _id: `al-${String(this.audit.length + 1).padStart(4, '0')}`, ...entry });
  }

  private shortCode(): string {
    for (;;) {
      const code = String(this.rng.int(1, 9)) + this.rng.digits(SETTINGS.coupons.shortCodeDigits - 1);
      if (!this.shortCodes.has(code)) {
        this.shortCodes.add(code);
        return code;
      }
    }
  }

  addLedger(openid: string, reason: LedgerReason, id: string | string[], delta: number, note: string, at: Date): void {
    if (delta === 0) return;
    this.ledger.push({ openid, reason, id, delta, note, at: this.checkPast(`points ${reason}`, at) });
  }

  issueCoupon(id: string, openid: string, templateId: string, source: UserCouponDoc['source'], claimedAt: Date): UserCouponDoc {
    const t = this.templates.get(templateId);
    if (!t) throw new Error(`seed: unknown coupon template ${templateId}`);
    this.checkPast(`coupon ${id}`, claimedAt);
    const validFrom = t.validity.type === 'fixed' ? t.validity.startAt : claimedAt;
    const validTo = t.validity.type === 'fixed' ? t.validity.endAt : new Date(claimedAt.getTime() + t.validity.days * DAY);
    const coupon: UserCouponDoc = {
      _id: id,
      openid,
      templateId,
      title: t.title,
      kind: t.kind,
      rule: t.rule,
      scope: t.scope,
      channel: t.channel,
      storeIds: t.storeIds,
      source,
      status: validTo.getTime() < this.clock.now.getTime() ? 'expired' : 'unused',
      validFrom,
      validTo,
      shortCode: this.shortCode(),
      lock: null,
      use: null,
      cashbackPoints: t.cashbackPoints,
      claimedAt,
      updatedAt: claimedAt,
    };
    this.coupons.push(coupon);
    if (t.pointsCost) {
      this.addLedger(openid, 'redeem_coupon', [openid, id], -t.pointsCost, `兑换 ${t.title}`, claimedAt);
    }
    return coupon;
  }

  redeemInStore(coupon: UserCouponDoc, staffOpenid: string, at: Date): void {
    const staff = STAFF.find((s) => s.openid === staffOpenid);
    if (!staff || (coupon.storeIds && !coupon.storeIds.includes(staff.storeId))) throw new Error(`seed: ${staffOpenid} cannot redeem ${coupon._id}`);
    coupon.status = 'used';
    coupon.use = { type: 'store', storeId: staff.storeId, staffOpenid, at: this.checkPast('redemption', at) };
    coupon.updatedAt = at;
    this.addLedger(coupon.openid, 'store_cashback', coupon._id, coupon.cashbackPoints, this.stores.get(staff.storeId)?.name ?? '', at);
    this.auditLog({ actor: staffOpenid, role: 'staff', action: 'coupon.redeem', target: { collection: 'user_coupons', id: coupon._id }, detail: { storeId: staff.storeId, openid: coupon.openid }, at });
  }

  order(spec: OrderSpec): OrderDoc {
    const type = spec.type ?? 'normal';
    const promo = type === 'flash' ? 'flash' : type === 'groupbuy' ? 'group' : undefined;
    const lines = spec.items.map(([skuId, quantity]) => {
      const sku = this.skus.get(skuId);
      if (!sku) throw new Error(`seed: order ${spec.id} names unknown sku ${skuId}`);
      const product = this.products.get(sku.productId);
      if (!product) throw new Error(`seed: sku ${skuId} has no product`);
      if (product.launchAt.getTime() > spec.at.getTime()) throw new Error(`seed: order ${spec.id} buys ${product._id} before its launch`);
      const item: PricingItem = { skuId, productId: sku.productId, categoryId: product.categoryId, title: product.title, unitPrice: spec.unitPrice ?? sku.price, quantity, ...(promo ? { promo } : {}) };
      return { item, sku };
    });
    const express = !spec.pickupStoreId;
    // The one pricing engine, as the server runs it at order creation.
    const pricing = priceOrder(
      {
        items: lines.map((l) => l.item),
        tierId: spec.tierId,
        coupon: spec.coupon ? { id: spec.coupon._id, rule: spec.coupon.rule, scope: spec.coupon.scope, channel: spec.coupon.channel } : null,
        points: { balance: spec.points ?? 0, use: spec.points ?? 0 },
        delivery: express ? 'express' : 'pickup',
      },
      DEFAULT_PRICING_CONFIG,
    );
    if (spec.coupon && !pricing.coupon?.applied) throw new Error(`seed: order ${spec.id} cannot use its coupon: ${pricing.coupon?.reason}`);
    const items: OrderItem[] = lines.map(({ item, sku }, i) => ({
      productId: item.productId,
      skuId: item.skuId,
      categoryId: item.categoryId,
      title: item.title,
      specText: sku.specText,
      image: sku.image,
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      listPrice: sku.listPrice,
      promo: item.promo ?? null,
      lineTotal: pricing.allocation[i].lineTotal,
      paid: pricing.allocation[i].paid,
    }));

    const at = this.checkPast(`order ${spec.id}`, spec.at);
    const history: StatusChange[] = [{ status: 'pending_payment', at, by: 'user' }];
    const end = spec.end;
    let status: OrderStatus = 'pending_payment';
    let paidAt: Date | null = null;
    let shippedAt: Date | null = null;
    let completedAt: Date | null = null;
    let cancelledAt: Date | null = null;
    let refund: OrderDoc['refund'] = null;

    if (end === 'cancelled') {
      const by = spec.cancelBy ?? 'system';
      cancelledAt = new Date(at.getTime() + (by === 'system' ? SETTINGS.orders.autoCancelMinutes * MINUTE : 6 * MINUTE));
      status = 'cancelled';
      history.push({ status, at: this.checkPast('cancel', cancelledAt), by, note: by === 'system' ? '超时未支付，自动取消' : '用户取消' });
    } else if (end !== 'pending_payment') {
      paidAt = new Date(at.getTime() + this.rng.int(1, 6) * MINUTE);
      status = type === 'groupbuy' ? 'grouping' : 'paid';
      history.push({ status, at: this.checkPast('payment', paidAt), by: 'wxpay' });
      if (type === 'groupbuy' && end !== 'grouping' && spec.refundedAt === undefined) {
        // The group filled: the order moves on to fulfilment.
        status = 'paid';
        history.push({ status, at: paidAt, by: 'system', note: '拼团成功' });
      }
    }

    const afterShipping = ['shipped', 'completed', 'refunded', 'refund_requested'].includes(end) && spec.refundedAt === undefined;
    if (paidAt && express && afterShipping) {
      shippedAt = new Date(paidAt.getTime() + (spec.shippedAfterHours ?? this.rng.int(14, 40)) * HOUR);
      status = 'shipped';
      history.push({ status, at: this.checkPast(`shipping ${spec.id}`, shippedAt), by: 'manager' });
    }
    if (paidAt && end === 'completed') {
      completedAt = express
        ? new Date((shippedAt as Date).getTime() + (spec.completedAfterDays ?? SETTINGS.orders.autoCompleteDays) * DAY)
        : new Date(paidAt.getTime() + this.rng.int(20, 60) * HOUR);
      status = 'completed';
      const auto = express && (spec.completedAfterDays ?? SETTINGS.orders.autoCompleteDays) === SETTINGS.orders.autoCompleteDays;
      history.push({ status, at: this.checkPast(`completion ${spec.id}`, completedAt), by: express ? (auto ? 'system' : 'user') : 'staff', note: express ? (auto ? '自动确认收货' : '确认收货') : '门店自提核销' });
    }
    if (paidAt && (end === 'refunded' || end === 'refund_requested')) {
      const amount = pricing.payable;
      if (spec.refundedAt) {
        // A failed group: refunded in full by the system; out_refund_no as the group-buy rules derive it.
        refund = { id: `gbr_${spec.id}`, status: 'refunded', reason: 'group_failed', photos: [], amount, outRefundNo: `gbr_${spec.id}`, requestedAt: spec.refundedAt, decidedAt: spec.refundedAt, decidedBy: 'system', rejectReason: null, refundedAt: spec.refundedAt };
        status = 'refunded';
        history.push({ status, at: this.checkPast('group refund', spec.refundedAt), by: 'system', note: '拼团失败，自动退款' });
      } else {
        const requestedAt = new Date((shippedAt ?? paidAt).getTime() + 2 * DAY);
        history.push({ status: 'refund_requested', at: this.checkPast(`refund request ${spec.id}`, requestedAt), by: 'user', note: spec.refundReason });
        refund = { id: `rf_${spec.id}`, status: 'requested', reason: spec.refundReason ?? '不想要了', photos: [], amount, outRefundNo: `rf_${spec.id}`, requestedAt, decidedAt: null, decidedBy: null, rejectReason: null, refundedAt: null };
        if (end === 'refunded') {
          const decidedAt = new Date(requestedAt.getTime() + 20 * HOUR);
          const refundedAt = new Date(decidedAt.getTime() + 5 * MINUTE);
          refund = { ...refund, status: 'refunded', decidedAt, decidedBy: 'o_manager_chen', refundedAt };
          history.push({ status: 'refund_approved', at: this.checkPast('refund decision', decidedAt), by: 'manager' });
          history.push({ status: 'refunded', at: this.checkPast('refund', refundedAt), by: 'wxpay' });
          status = 'refunded';
          this.auditLog({ actor: 'o_manager_chen', role: 'manager', action: 'refund.approve', target: { collection: 'orders', id: spec.id }, detail: { amount }, at: decidedAt });
        }
      }
    }
    const lastAt = history[history.length - 1].at;

    let delivery: OrderDoc['delivery'];
    if (express) {
      if (!spec.address) throw new Error(`seed: express order ${spec.id} needs an address`);
      const company = this.rng.pick(SETTINGS.orders.carriers);
      const prefix = company === '顺丰速运' ? 'SF' : company === '中通快递' ? '7' : 'YT';
      delivery = { method: 'express', address: spec.address, express: shippedAt ? { company, trackingNo: prefix + this.rng.digits(12), shippedAt } : null };
    } else {
      const store = this.stores.get(spec.pickupStoreId as string);
      if (!store) throw new Error(`seed: unknown pickup store ${spec.pickupStoreId}`);
      const verifier = STAFF.find((s) => s.storeId === store._id);
      delivery = {
        method: 'pickup',
        storeId: store._id,
        storeName: store.name,
        pickupCode: this.rng.digits(SETTINGS.orders.pickupCodeDigits),
        verifiedAt: completedAt,
        verifiedBy: completedAt ? (verifier?.openid ?? null) : null,
      };
      if (completedAt && verifier) {
        this.auditLog({ actor: verifier.openid, role: 'staff', action: 'pickup.verify', target: { collection: 'orders', id: spec.id }, detail: { storeId: store._id }, at: completedAt });
      }
    }

    // The coupon follows the order: locked while unpaid, used once paid, back when cancelled or refunded.
    if (spec.coupon) {
      const c = spec.coupon;
      if (end === 'pending_payment') {
        c.status = 'locked';
        c.lock = { orderId: spec.id, at };
        c.updatedAt = at;
      } else if (status === 'cancelled' || status === 'refunded') {
        c.status = c.validTo.getTime() < this.clock.now.getTime() ? 'expired' : 'unused';
        c.updatedAt = lastAt;
      } else {
        c.status = 'used';
        c.use = { type: 'order', orderId: spec.id, at: paidAt as Date };
        c.updatedAt = paidAt as Date;
      }
    }

    if (pricing.pointsUsed > 0) {
      this.addLedger(spec.openid, 'order_spend', spec.id, -pricing.pointsUsed, spec.id, at);
      if (status === 'cancelled') this.addLedger(spec.openid, 'order_cancel', spec.id, pricing.pointsUsed, spec.id, lastAt);
      if (status === 'refunded' && refund) this.addLedger(spec.openid, 'order_refund', refund.id, pricing.pointsUsed, spec.id, lastAt);
    }
    const pointsEarned = completedAt ? pointsOnCompletion({ merchandisePaid: pricing.merchandisePaid, tierId: spec.tierId }) : 0;
    if (completedAt) this.addLedger(spec.openid, 'order_earn', spec.id, pointsEarned, spec.id, completedAt);

    const order: OrderDoc = {
      _id: spec.id,
      openid: spec.openid,
      type,
      status,
      statusHistory: history,
      items,
      itemCount: items.reduce((n, i) => n + i.quantity, 0),
      tierId: spec.tierId,
      pricing,
      couponId: spec.coupon?._id ?? null,
      delivery,
      payment: {
        outTradeNo: spec.id,
        transactionId: paidAt ? `42000${this.rng.digits(23)}` : null,
        amount: pricing.payable,
        paidAt,
      },
      refund,
      groupbuy: spec.groupbuy ?? null,
      flashSale: spec.flashSale ?? null,
      attribution: null,
      remark: spec.remark ?? '',
      expiresAt: new Date(at.getTime() + SETTINGS.orders.autoCancelMinutes * MINUTE),
      paidAt,
      shippedAt,
      completedAt,
      autoCompleteAt: shippedAt ? new Date(shippedAt.getTime() + SETTINGS.orders.autoCompleteDays * DAY) : null,
      cancelledAt,
      cancelReason: cancelledAt ? (spec.cancelBy === 'user' ? '用户取消' : '超时未支付') : null,
      pointsEarned,
      createdAt: at,
      updatedAt: lastAt,
    };
    this.orders.push(order);
    return order;
  }
}

/** Orders that count for tiers, tags and referrals: paid and not refunded. */
export function isPaidOrder(order: OrderDoc): boolean {
  return order.paidAt !== null && order.status !== 'refunded' && order.status !== 'cancelled';
}
