/**
 * What preview and create share: the shopper's input checked, then everything that decides the
 * price read from the database (never from the request) and priced with the one engine.
 */
import { priceOrder, type PriceBreakdown, type PricingCoupon, type PricingItem } from '../../../../src/domain/pricing';
import { AppError } from '../../../../src/domain/reply';
import { isTierId, tierById, type TierId } from '../../../../src/domain/tiers';
import { v, type Check } from '../../../../src/domain/validate';
import type { HandlerContext } from '../../../_shared/router';
import type { AddressDoc, ProductDoc, SkuDoc, StoreDoc, UserCouponDoc } from '../order-doc';
import type { CommerceSettings } from './settings';

const usePoints: Check<number | 'max' | undefined> = (value, field) => {
  if (value === undefined || value === null) return undefined;
  if (value === 'max') return 'max';
  return v.int({ min: 0, max: 100_000_000, label: '使用积分' })(value, field);
};

export const checkoutShape = {
  items: v.array(
    v.object({
      skuId: v.string({ min: 1, max: 64, label: '商品规格' }),
      quantity: v.int({ min: 1, max: 99, label: '购买数量' }),
    }),
    { min: 1, max: 50, label: '商品' },
  ),
  couponId: v.optional(v.string({ min: 1, max: 64, label: '优惠券' })),
  usePoints,
  delivery: v.oneOf(['express', 'pickup'] as const, { label: '配送方式' }),
  addressId: v.optional(v.string({ min: 1, max: 64, label: '收货地址' })),
  storeId: v.optional(v.string({ min: 1, max: 64, label: '自提门店' })),
};

export interface CheckoutInput {
  items: { skuId: string; quantity: number }[];
  couponId?: string;
  usePoints?: number | 'max';
  delivery: 'express' | 'pickup';
  addressId?: string;
  storeId?: string;
}

export interface CheckoutLine {
  skuId: string;
  productId: string;
  categoryId: string;
  title: string;
  image: string;
  specText: string;
  unitPrice: number;
  listPrice: number;
  quantity: number;
  stock: number;
  /** '基础T恤 雾霾蓝 / M', for messages. */
  label: string;
}

export interface CouponChoice {
  id: string;
  title: string;
  applies: boolean;
  reason?: string;
  discount: number;
  validTo: Date;
}

export interface Checkout {
  tierId: TierId;
  pointsBalance: number;
  lines: CheckoutLine[];
  breakdown: PriceBreakdown;
  coupon: UserCouponDoc | null;
  address: AddressDoc | null;
  store: StoreDoc | null;
}

type Ctx = Pick<HandlerContext, 'db' | '_' | 'now'>;

interface UserRow {
  _id: string;
  tier?: string;
  points?: number;
}

export function couponTerms(c: UserCouponDoc): PricingCoupon {
  return { id: c._id, rule: c.rule, scope: c.scope, channel: c.channel };
}

function toPricingItems(lines: readonly CheckoutLine[]): PricingItem[] {
  return lines.map((l) => ({ skuId: l.skuId, productId: l.productId, categoryId: l.categoryId, title: l.title, unitPrice: l.unitPrice, quantity: l.quantity }));
}

/** Coupons the caller could use online now, best first, each with what it would do to this order. */
export function rankCoupons(coupons: readonly UserCouponDoc[], price: (c: UserCouponDoc) => PriceBreakdown): CouponChoice[] {
  return coupons
    .map((c) => {
      const outcome = price(c).coupon;
      const applies = outcome?.applied === true;
      return { id: c._id, title: c.title, applies, ...(applies ? {} : { reason: outcome?.reason ?? '暂不可用' }), discount: outcome?.discount ?? 0, validTo: c.validTo };
    })
    .sort((a, b) => Number(b.applies) - Number(a.applies) || b.discount - a.discount || a.validTo.getTime() - b.validTo.getTime());
}

/**
 * Reads and prices a checkout. `couponMustApply`: create refuses a chosen coupon that does not take
 * anything off (the shopper asked for it); preview shows why instead. `allCoupons` also lists every
 * coupon the caller could pick.
 */
export async function buildCheckout(
  ctx: Ctx,
  openid: string,
  input: CheckoutInput,
  settings: CommerceSettings,
  options: { couponMustApply: boolean; allCoupons: boolean },
): Promise<Checkout & { coupons: CouponChoice[] }> {
  const { db, _ } = ctx;
  const now = ctx.now();
  const seen = new Set<string>();
  for (const it of input.items) {
    if (seen.has(it.skuId)) throw new AppError('INVALID_INPUT', '同一商品规格请合并为一行');
    seen.add(it.skuId);
  }
  const skuIds = input.items.map((i) => i.skuId);
  const couponQuery = options.allCoupons
    ? db.collection<UserCouponDoc>('user_coupons').where({ openid, status: 'unused', channel: _.in(['online', 'both']), validFrom: _.lte(now), validTo: _.gt(now) }).limit(100).get()
    : input.couponId
      ? db.collection<UserCouponDoc>('user_coupons').where({ _id: input.couponId, openid }).limit(1).get()
      : Promise.resolve({ data: [] as UserCouponDoc[] });
  const addressQuery =
    input.delivery !== 'express'
      ? Promise.resolve({ data: [] as AddressDoc[] })
      : input.addressId
        ? db.collection<AddressDoc>('addresses').where({ _id: input.addressId, openid }).limit(1).get()
        : db.collection<AddressDoc>('addresses').where({ openid, isDefault: true }).limit(1).get();
  const storeQuery =
    input.delivery === 'pickup' && input.storeId ? db.collection<StoreDoc>('stores').where({ _id: input.storeId }).limit(1).get() : Promise.resolve({ data: [] as StoreDoc[] });
  const [users, skus, coupons, addresses, stores] = await Promise.all([
    db.collection<UserRow>('users').where({ _id: openid }).limit(1).get(),
    db.collection<SkuDoc>('skus').where({ _id: _.in(skuIds) }).limit(skuIds.length).get(),
    couponQuery,
    addressQuery,
    storeQuery,
  ]);
  const skuById = new Map(skus.data.map((s) => [s._id, s]));
  const productIds = [...new Set(skus.data.map((s) => s.productId))];
  const products = productIds.length
    ? await db.collection<ProductDoc>('products').where({ _id: _.in(productIds) }).limit(productIds.length).get()
    : { data: [] as ProductDoc[] };
  const productById = new Map(products.data.map((p) => [p._id, p]));

  const user = users.data[0];
  const tierId: TierId = user && isTierId(user.tier) ? user.tier : 'normal';
  const pointsBalance = user?.points ?? 0;

  const lines: CheckoutLine[] = input.items.map((item) => {
    const sku = skuById.get(item.skuId);
    const product = sku && productById.get(sku.productId);
    if (!sku || !product) throw new AppError('NOT_FOUND', '商品不存在或已下架');
    const label = `${product.title} ${sku.specText}`;
    if (sku.status !== 'on_sale' || product.status !== 'on_sale') throw new AppError('PRODUCT_UNAVAILABLE', `「${label}」已下架`);
    const priorityMs = product.priorityPurchase ? tierById(tierId).priorityHours * 3_600_000 : 0;
    if (new Date(product.launchAt).getTime() - priorityMs > now.getTime()) throw new AppError('NOT_ON_SALE_YET', `「${product.title}」尚未开售`);
    if (sku.stock < item.quantity) throw new AppError('OUT_OF_STOCK', sku.stock > 0 ? `「${label}」库存不足，仅剩${sku.stock}件` : `「${label}」已售罄`);
    return {
      skuId: sku._id,
      productId: product._id,
      categoryId: product.categoryId,
      title: product.title,
      image: sku.image || product.cover,
      specText: sku.specText,
      unitPrice: sku.price,
      listPrice: sku.listPrice,
      quantity: item.quantity,
      stock: sku.stock,
      label,
    };
  });

  let address: AddressDoc | null = null;
  let store: StoreDoc | null = null;
  if (input.delivery === 'express') {
    address = addresses.data[0] ?? null;
    if (input.addressId && !address) throw new AppError('NOT_FOUND', '收货地址不存在');
  } else {
    if (!input.storeId) throw new AppError('INVALID_INPUT', '请选择自提门店');
    store = stores.data[0] ?? null;
    if (!store) throw new AppError('NOT_FOUND', '自提门店不存在');
    if (store.status !== 'open') throw new AppError('STORE_UNAVAILABLE', '该门店暂停营业，请选择其他门店');
  }

  const usable = (c: UserCouponDoc) =>
    c.status === 'unused' && (c.channel === 'online' || c.channel === 'both') && new Date(c.validFrom) <= now && new Date(c.validTo) > now;
  let coupon: UserCouponDoc | null = null;
  if (input.couponId) {
    coupon = coupons.data.find((c) => c._id === input.couponId) ?? null;
    if (!coupon || !usable(coupon)) throw new AppError('COUPON_UNAVAILABLE', coupon?.channel === 'store' ? '该券仅限门店使用' : '优惠券不可用');
  }

  const items = toPricingItems(lines);
  const price = (c: UserCouponDoc | null) =>
    priceOrder({ items, tierId, coupon: c ? couponTerms(c) : null, points: { balance: pointsBalance, use: input.usePoints ?? 0 }, delivery: input.delivery }, settings.pricing);
  const breakdown = price(coupon);
  if (coupon && options.couponMustApply && !breakdown.coupon?.applied) {
    throw new AppError('COUPON_UNAVAILABLE', breakdown.coupon?.reason ?? '优惠券不可用');
  }
  const choices = options.allCoupons ? rankCoupons(coupons.data.filter(usable), price) : [];
  return { tierId, pointsBalance, lines, breakdown, coupon, address, store, coupons: choices };
}
