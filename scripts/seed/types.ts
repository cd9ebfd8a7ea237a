/**
 * Document shapes of every collection, as docs/data-model.md describes them. The seed is typed
 * against these so the doc, the demo data and (later) the cloud functions cannot drift apart
 * silently. Every `Fen` is an integer number of fen; every `Date` is a UTC instant; a `DayKey`
 * ('YYYY-MM-DD') is a business day in Asia/Shanghai.
 */
import type { DayKey } from '../../src/domain/business-day';
import type { CouponChannel, CouponRule, CouponScope } from '../../src/domain/coupon-rules';
import type { FlashSale, FlashSaleItem } from '../../src/domain/flash-sale/sale';
import type { GroupBuyActivity } from '../../src/domain/groupbuy/activity';
import type { Group } from '../../src/domain/groupbuy/group-state';
import type { Birthday } from '../../src/domain/membership/birthday';
import type { LedgerReason } from '../../src/domain/membership/points-ledger';
import type { Fen } from '../../src/domain/money';
import type { PriceBreakdown } from '../../src/domain/pricing';
import type { CampaignReport } from '../../src/domain/push/campaign-report';
import type { PushKind, PushStatus } from '../../src/domain/push/frequency-caps';
import type { UnreachableReason } from '../../src/domain/push/reachability';
import type { SendFailureReason } from '../../src/domain/push/send-result';
import type { AudienceRule } from '../../src/domain/tags/audience';
import type { EventType } from '../../src/domain/tags/events';
import type { TokenBucketState } from '../../src/domain/tags/rate-limit';
import type { UserTagsDoc as DomainUserTagsDoc } from '../../src/domain/tags/user-tags';
import type { TierId } from '../../src/domain/tiers';

export type { AudienceRule, CouponChannel, CouponRule, CouponScope, DayKey, Fen, TierId };

/** `cloud://weave-local.local/<path>` */
export type FileId = string;

/** What db.Geo.Point stores: GeoJSON, longitude first. */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

export interface SizeGuide {
  unit: 'cm';
  columns: string[];
  rows: string[][];
  tips: string;
}

export interface CategoryDoc {
  _id: string;
  name: string;
  icon: FileId;
  sort: number;
  sizeGuide: SizeGuide;
  status: 'active' | 'hidden';
  createdAt: Date;
  updatedAt: Date;
}

export interface ProductColor {
  key: string;
  name: string;
  hex: string;
  image: FileId;
}

export interface ProductDoc {
  _id: string;
  categoryId: string;
  title: string;
  subtitle: string;
  description: string;
  material: string;
  care: string;
  styleTags: string[];
  images: FileId[];
  cover: FileId;
  colors: ProductColor[];
  sizes: string[];
  /** Lowest SKU price and that SKU's list price: what lists show and sort by. */
  price: Fen;
  listPrice: Fen;
  maxPrice: Fen;
  /** Cached sum of SKU sales, for sorting. */
  sales: number;
  status: 'on_sale' | 'off_shelf';
  /** When everyone may buy; new arrivals are products whose launchAt is within the last 14 days. */
  launchAt: Date;
  /**
   * 优先购: when true, a tier with priorityHours > 0 (src/domain/tiers.ts) may buy from
   * launchAt - priorityHours; everyone else from launchAt.
   */
  priorityPurchase: boolean;
  /** Product override of the category's size guide. */
  sizeGuide: SizeGuide | null;
  /** Lower-cased title, subtitle, tags and category, matched by db.RegExp for keyword search. */
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SkuDoc {
  _id: string;
  productId: string;
  colorKey: string;
  colorName: string;
  size: string;
  /** '雾霾蓝 / M' */
  specText: string;
  price: Fen;
  listPrice: Fen;
  /** Available units; only ever changed by a conditional `_.inc`. */
  stock: number;
  sales: number;
  image: FileId;
  status: 'on_sale' | 'off_shelf';
  updatedAt: Date;
}

export interface OutfitCollectionDoc {
  _id: string;
  title: string;
  subtitle: string;
  description: string;
  cover: FileId;
  styleTags: string[];
  productIds: string[];
  /** The limited-time offer the outfit scene leads to (穿搭场景推荐-社交分享-限时优惠). */
  offer: { type: 'coupon'; templateId: string; endsAt: Date } | null;
  sort: number;
  status: 'active' | 'hidden';
  createdAt: Date;
  updatedAt: Date;
}

export type BannerLink =
  | { type: 'collection'; id: string }
  | { type: 'product'; id: string }
  | { type: 'flash_sale'; id: string }
  | { type: 'groupbuy'; id: string }
  | { type: 'page'; path: string };

export interface BannerDoc {
  _id: string;
  title: string;
  subtitle: string;
  image: FileId;
  link: BannerLink;
  sort: number;
  status: 'active' | 'hidden';
  startAt: Date;
  endAt: Date;
  createdAt: Date;
}

export interface StoreDoc {
  _id: string;
  name: string;
  city: string;
  district: string;
  address: string;
  location: GeoPoint;
  phone: string;
  /** Local (Asia/Shanghai) opening hours, 'HH:mm'. */
  hours: { open: string; close: string };
  image: FileId;
  services: string[];
  status: 'open' | 'closed';
  sort: number;
  createdAt: Date;
}

export interface StaffDoc {
  _id: string;
  openid: string;
  storeId: string;
  name: string;
  title: '店员' | '店长';
  active: boolean;
  createdAt: Date;
}

export interface ManagerDoc {
  _id: string;
  openid: string;
  name: string;
  active: boolean;
  createdAt: Date;
}

export interface UserDoc {
  _id: string;
  openid: string;
  nickName: string;
  avatarUrl: FileId | '';
  gender: 'female' | 'male' | 'unknown';
  /** Month-day (indexed: the birthday job looks up today's) and an optional year; null until given. */
  birthday: Birthday | null;
  /** When the month-day was last corrected (a second change waits 365 days); null if never. */
  birthdayChangedAt: Date | null;
  city: string | null;
  tier: TierId;
  tierChangedAt: Date;
  /** Cached by the tier job: paid, unrefunded spend and order count over the rolling 12 months. */
  spend12m: Fen;
  orders12m: number;
  tierEvaluatedAt: Date | null;
  /** Cached balance; points_ledger is the truth (sum of its deltas). Never negative. */
  points: number;
  checkin: { streak: number; lastDay: DayKey | null };
  referrer: { openid: string; code: string; boundAt: Date } | null;
  /** Paid and not refunded, lifetime: referral binding needs 0, the KOC tag reads it. */
  paidOrderCount: number;
  firstPaidAt: Date | null;
  lastPaidAt: Date | null;
  /** Manual tags set by managers (the computed ones live in user_tags). */
  tags: string[];
  consent: { privacyVersion: string; acceptedAt: Date; location: 'granted' | 'denied' | 'unasked' } | null;
  marketingOptOut: boolean;
  marketingOptOutAt: Date | null;
  nearestStoreId: string | null;
  status: 'active' | 'deleted';
  createdAt: Date;
  lastLoginAt: Date;
}

export interface PointsLedgerDoc {
  _id: string;
  openid: string;
  /** Non-zero; negative takes points away. */
  delta: number;
  reason: LedgerReason;
  /** `<reason>:<id parts>` (ledgerRef), UNIQUE: the same event can never credit twice. */
  ref: string;
  balanceAfter: number;
  createdAt: Date;
  note?: string;
}

export interface CheckinDoc {
  /** `<openid>:<day>`: one per person per Shanghai day. */
  _id: string;
  openid: string;
  day: DayKey;
  streak: number;
  points: number;
  bonusPoints: number;
  createdAt: Date;
}

export interface AddressDoc {
  _id: string;
  openid: string;
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  label: string;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface CartItem {
  skuId: string;
  productId: string;
  quantity: number;
  selected: boolean;
  addedAt: Date;
}

export interface CartDoc {
  _id: string;
  openid: string;
  items: CartItem[];
  version: number;
  updatedAt: Date;
}

export type CouponKind = 'store' | 'online' | 'points' | 'birthday' | 'referral' | 'newcomer' | 'collection';

export type CouponValidity = { type: 'fixed'; startAt: Date; endAt: Date } | { type: 'relative'; days: number };

export interface CouponTemplateDoc {
  _id: string;
  title: string;
  description: string;
  kind: CouponKind;
  rule: CouponRule;
  scope: CouponScope;
  channel: CouponChannel;
  /** Stores where it can be redeemed in person; null = any store (when the channel allows stores). */
  storeIds: string[] | null;
  /** null = unlimited. `claimed` only grows by a conditional `_.inc(1)` while claimed < total. */
  total: number | null;
  claimed: number;
  used: number;
  perUserLimit: number;
  /** Which tiers may claim or receive it; null = everyone. */
  tiers: TierId[] | null;
  claimStartAt: Date;
  claimEndAt: Date;
  validity: CouponValidity;
  pointsCost: number | null;
  /** Points credited to the consumer when staff redeem it in a store. */
  cashbackPoints: number;
  /** Claimable from the coupon centre / store page; false = only issued by the system. */
  public: boolean;
  status: 'active' | 'paused' | 'ended';
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type UserCouponUse =
  | { type: 'order'; orderId: string; at: Date }
  | { type: 'store'; storeId: string; staffOpenid: string; at: Date };

export interface UserCouponDoc {
  _id: string;
  openid: string;
  templateId: string;
  title: string;
  kind: CouponKind;
  rule: CouponRule;
  scope: CouponScope;
  channel: CouponChannel;
  storeIds: string[] | null;
  source: 'claim' | 'exchange' | 'birthday' | 'referral' | 'newcomer' | 'campaign';
  status: 'unused' | 'locked' | 'used' | 'expired';
  validFrom: Date;
  validTo: Date;
  /** 8 digits staff can type when the QR code will not scan; unique. */
  shortCode: string;
  lock: { orderId: string; at: Date } | null;
  use: UserCouponUse | null;
  cashbackPoints: number;
  claimedAt: Date;
  updatedAt: Date;
}

/** One per person per claimable template: the per-user limit, kept by a conditional `_.inc`. */
export interface CouponClaimDoc {
  /** `<templateId>:<openid>` */
  _id: string;
  templateId: string;
  openid: string;
  claimed: number;
  updatedAt: Date;
}

/**
 * grouping: a paid group-buy order whose group has not filled yet (not shippable); it becomes
 * `paid` when the group succeeds, `refunded` when it fails.
 */
export type OrderStatus = 'pending_payment' | 'grouping' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';

export interface OrderItem {
  productId: string;
  skuId: string;
  categoryId: string;
  title: string;
  specText: string;
  image: FileId;
  quantity: number;
  /** What one unit was sold at: the SKU price, or the group / flash price. */
  unitPrice: Fen;
  listPrice: Fen;
  promo: 'flash' | 'group' | null;
  lineTotal: Fen;
  /** This line's share of merchandisePaid (pricing.allocation): what a refund of it returns. */
  paid: Fen;
}

export interface AddressSnapshot {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

export type Delivery =
  | { method: 'express'; address: AddressSnapshot; express: { company: string; trackingNo: string; shippedAt: Date } | null }
  | { method: 'pickup'; storeId: string; storeName: string; pickupCode: string; verifiedAt: Date | null; verifiedBy: string | null };

export interface OrderPayment {
  outTradeNo: string;
  transactionId: string | null;
  amount: Fen;
  paidAt: Date | null;
}

export interface OrderRefund {
  /** The refund id: ledger refs (order_refund, order_clawback) and out_refund_no derive from it. */
  id: string;
  status: 'requested' | 'approved' | 'rejected' | 'refunded';
  /** 'group_failed' refunds are made by the system, never requested. */
  reason: string;
  photos: FileId[];
  amount: Fen;
  outRefundNo: string;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  rejectReason: string | null;
  refundedAt: Date | null;
}

export interface StatusChange {
  status: OrderStatus | 'refund_requested' | 'refund_approved' | 'refund_rejected';
  at: Date;
  by: 'user' | 'system' | 'wxpay' | 'staff' | 'manager';
  note?: string;
}

export interface OrderDoc {
  _id: string;
  openid: string;
  type: 'normal' | 'groupbuy' | 'flash';
  status: OrderStatus;
  statusHistory: StatusChange[];
  items: OrderItem[];
  itemCount: number;
  /** The member's tier when the order was placed: its discount, multiplier and shipping apply. */
  tierId: TierId;
  /** priceOrder's whole result (src/domain/pricing), kept as priced: never recomputed. */
  pricing: PriceBreakdown;
  couponId: string | null;
  delivery: Delivery;
  payment: OrderPayment;
  refund: OrderRefund | null;
  groupbuy: { activityId: string; groupId: string; role: 'leader' | 'member' } | null;
  flashSale: { saleId: string; saleItemId: string } | null;
  /** The last campaign delivered within 7 days before payment (push/attribution.ts) and the poster code of the session. */
  attribution: { campaignId: string | null; referralCode: string | null } | null;
  remark: string;
  /** Unpaid orders cancel themselves at this instant (createdAt + settings orders.autoCancelMinutes). */
  expiresAt: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  completedAt: Date | null;
  /** Set when shipped (or, for pickup, never: verification completes it). */
  autoCompleteAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  /** Credited at completion (pointsOnCompletion); 0 until then. */
  pointsEarned: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The activity exactly as parseGroupBuyActivity returns it (times in epoch ms, as the group-buy
 * rules use them), plus what pages need to list it.
 */
export type GroupbuyActivityDoc = { _id: string } & Omit<GroupBuyActivity, 'id'> & {
    productId: string;
    status: 'active' | 'withdrawn';
    createdAt: Date;
  };

/** groupToDoc(group): the state machine's group, `_id` = groupId (times in epoch ms). */
export type GroupbuyGroupDoc = { _id: string } & Omit<Group, 'id'>;

/** `<activityId>:<skuId>`: `stock` still takeable, `held` reserved by live orders. */
export interface GroupbuyStockDoc {
  _id: string;
  stock: number;
  held: number;
}

/** `<activityId>:<openid>`: units this person holds in the activity (per-user limit). */
export interface GroupbuyQuotaDoc {
  _id: string;
  activityId: string;
  openid: string;
  held: number;
}

/** The sale exactly as parseFlashSale returns it (epoch ms), items carrying their product for pages. */
export type FlashSaleDoc = { _id: string } & Omit<FlashSale, 'id' | 'items'> & {
    items: (FlashSaleItem & { productId: string })[];
    status: 'active' | 'withdrawn';
    createdAt: Date;
  };

/** `<saleItemId>` (= `<saleId>:<skuId>`): the item's own stock, carved out of the SKU at setup. */
export interface FlashStockDoc {
  _id: string;
  stock: number;
  sold: number;
}

/** `<saleItemId>:<openid>`: what this person bought of the item (per-user limit). */
export interface FlashBoughtDoc {
  _id: string;
  saleItemId: string;
  openid: string;
  bought: number;
}

export interface ReferralCodeDoc {
  _id: string;
  openid: string;
  target: { type: 'product' | 'collection' | 'groupbuy' | 'home'; id: string | null };
  /** What wxacode.getUnlimited carries (<= 32 chars). */
  scene: string;
  scans: number;
  createdAt: Date;
}

export interface ReferralDoc {
  /** The invitee's openid: an insert with the same _id fails, so the first binding wins. */
  _id: string;
  invitee: string;
  referrer: string;
  code: string;
  status: 'bound' | 'qualified' | 'void';
  boundAt: Date;
  firstOrderId: string | null;
  qualifiedAt: Date | null;
  rewardPoints: number;
}

export interface EventDoc {
  /** `<openid>:<client event id>`: a re-sent batch is stored once. */
  _id: string;
  openid: string;
  type: EventType;
  /** When it happened by the client's clock (kept only within -7 days .. +5 minutes of the server). */
  at: Date;
  /** EVENT_PAYLOADS[type]: path, productId, skuId, quantity, channel, campaignId, orderId, amount. */
  payload: Record<string, string | number>;
  receivedAt: Date;
}

/** `<openid>:events`: the token bucket of allowBatch (tags/rate-limit.ts). */
export type RateLimitDoc = { _id: string } & TokenBucketState;

/** buildUserTagsDoc's result (tags/user-tags.ts); `computedAt` in epoch ms as it makes it. */
export type UserTagsDoc = DomainUserTagsDoc;

/** One per user: template id -> sends left (push/credits.ts). Spent with `credits.<id> > 0` -> `_.inc(-1)`. */
export interface SubscribeCreditDoc {
  _id: string;
  openid: string;
  credits: Record<string, number>;
  updatedAt: Date;
}

/** Every push sent or being sent, for the frequency caps (push/frequency-caps.ts). */
export interface PushRecordDoc {
  _id: string;
  openid: string;
  kind: PushKind;
  status: PushStatus;
  templateId: string;
  campaignId: string | null;
  at: Date;
}

export interface CampaignDoc {
  _id: string;
  name: string;
  status: 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
  /** parseAudienceRule's result, evaluated over user_tags by audienceQuery. */
  audience: AudienceRule;
  /** describeAudience(audience), stored so lists read without the rules. */
  audienceText: string;
  /** Audience size when it was last previewed. */
  audienceSize: number;
  message: { templateKey: string; templateId: string; fields: Record<string, string>; page: string };
  scheduledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** campaignReport(...) as of `reportedAt`; null before the first send. */
  report: CampaignReport | null;
  reportedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** `<campaignId>:<openid>`: one outcome per targeted user (push/campaign-report.ts SendOutcome). */
export interface CampaignSendDoc {
  _id: string;
  campaignId: string;
  openid: string;
  status: 'pending' | 'unreachable' | 'failed' | 'sent';
  reason: UnreachableReason | SendFailureReason | null;
  errcode: number | null;
  sentAt: Date | null;
  updatedAt: Date;
}

export interface AuditLogDoc {
  _id: string;
  actor: string;
  role: 'staff' | 'manager' | 'system';
  action: string;
  target: { collection: string; id: string };
  detail?: Record<string, unknown>;
  at: Date;
}

export interface RestockAlertDoc {
  _id: string;
  openid: string;
  productId: string;
  skuId: string;
  status: 'waiting' | 'notified' | 'cancelled';
  createdAt: Date;
  notifiedAt: Date | null;
}

export interface JobRunDoc {
  /** `<job>:<DayKey>`: a daily job inserts this first, so a second run of the same day stops. */
  _id: string;
  job: string;
  day: DayKey;
  status: 'running' | 'done' | 'failed';
  startedAt: Date;
  finishedAt: Date | null;
  summary: Record<string, number>;
}

export type SettingsDoc = { _id: string; updatedAt: Date } & Record<string, unknown>;

export type IndexSpec = {
  name: string;
  keys: Record<string, 1 | -1 | '2dsphere'>;
  unique?: boolean;
};
