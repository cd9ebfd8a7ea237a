/**
 * The indexes every collection needs (docs/data-model.md explains each). The local CloudBase
 * creates them on reset; in the cloud they are created once in the console. `_id` is always
 * unique and not listed.
 */
import type { IndexSpec } from './types';

export const SEED_INDEXES: Record<string, IndexSpec[]> = {
  categories: [{ name: 'sort', keys: { status: 1, sort: 1 } }],
  products: [
    { name: 'category_sales', keys: { status: 1, categoryId: 1, sales: -1 } },
    { name: 'newest', keys: { status: 1, launchAt: -1 } },
    { name: 'price', keys: { status: 1, price: 1 } },
    { name: 'style_tags', keys: { styleTags: 1 } },
  ],
  skus: [{ name: 'product', keys: { productId: 1 } }],
  collections: [{ name: 'sort', keys: { status: 1, sort: 1 } }],
  banners: [{ name: 'sort', keys: { status: 1, sort: 1 } }],
  stores: [
    { name: 'location_geo', keys: { location: '2dsphere' } },
    { name: 'city', keys: { city: 1, sort: 1 } },
  ],
  staff: [
    { name: 'openid_unique', keys: { openid: 1 }, unique: true },
    { name: 'store', keys: { storeId: 1 } },
  ],
  managers: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }],
  users: [
    { name: 'tier', keys: { tier: 1 } },
    { name: 'birthday', keys: { 'birthday.monthDay': 1 } },
    { name: 'referrer', keys: { 'referrer.openid': 1 } },
  ],
  addresses: [{ name: 'user', keys: { openid: 1 } }],
  carts: [],
  points_ledger: [
    { name: 'ref_unique', keys: { ref: 1 }, unique: true },
    { name: 'user_time', keys: { openid: 1, createdAt: -1 } },
  ],
  checkins: [{ name: 'user_day', keys: { openid: 1, day: -1 } }],
  restock_alerts: [
    { name: 'sku_status', keys: { skuId: 1, status: 1 } },
    { name: 'user', keys: { openid: 1 } },
  ],
  coupon_templates: [{ name: 'kind_status', keys: { kind: 1, status: 1 } }],
  user_coupons: [
    { name: 'short_code_unique', keys: { shortCode: 1 }, unique: true },
    { name: 'user_status', keys: { openid: 1, status: 1, validTo: 1 } },
    { name: 'store_redemptions', keys: { 'use.storeId': 1, 'use.at': -1 } },
    { name: 'template', keys: { templateId: 1 } },
  ],
  coupon_claims: [],
  orders: [
    { name: 'out_trade_no_unique', keys: { 'payment.outTradeNo': 1 }, unique: true },
    { name: 'user_time', keys: { openid: 1, createdAt: -1 } },
    { name: 'unpaid_expiry', keys: { status: 1, expiresAt: 1 } },
    { name: 'auto_complete', keys: { status: 1, autoCompleteAt: 1 } },
    { name: 'pickup', keys: { 'delivery.storeId': 1, 'delivery.pickupCode': 1 } },
    { name: 'group', keys: { 'groupbuy.groupId': 1 } },
    { name: 'campaign', keys: { 'attribution.campaignId': 1 } },
    { name: 'paid_time', keys: { paidAt: -1 } },
  ],
  groupbuy_activities: [{ name: 'product', keys: { productId: 1, endsAt: 1 } }],
  groupbuy_groups: [
    { name: 'due', keys: { status: 1, deadline: 1 } },
    { name: 'outstanding', keys: { outstanding: 1 } },
    { name: 'activity', keys: { activityId: 1, status: 1 } },
    { name: 'member', keys: { 'members.openid': 1 } },
  ],
  groupbuy_stock: [],
  groupbuy_quota: [],
  flash_sales: [{ name: 'window', keys: { startsAt: 1, endsAt: 1 } }],
  flash_stock: [],
  flash_bought: [],
  referral_codes: [{ name: 'user', keys: { openid: 1 } }],
  referrals: [{ name: 'referrer', keys: { referrer: 1, status: 1 } }],
  events: [
    { name: 'user_time', keys: { openid: 1, at: -1 } },
    { name: 'type_time', keys: { type: 1, at: -1 } },
  ],
  rate_limits: [],
  user_tags: [
    { name: 'tags', keys: { tags: 1 } },
    { name: 'interests', keys: { interests: 1 } },
    { name: 'segment', keys: { segment: 1 } },
  ],
  subscribe_credits: [],
  push_records: [{ name: 'user_time', keys: { openid: 1, at: -1 } }],
  campaigns: [{ name: 'due', keys: { status: 1, scheduledAt: 1 } }],
  campaign_sends: [
    { name: 'campaign_status', keys: { campaignId: 1, status: 1 } },
    { name: 'user_time', keys: { openid: 1, sentAt: -1 } },
  ],
  audit_logs: [
    { name: 'actor_time', keys: { actor: 1, at: -1 } },
    { name: 'target', keys: { 'target.collection': 1, 'target.id': 1 } },
  ],
  job_runs: [{ name: 'job_day', keys: { job: 1, day: -1 } }],
  settings: [],
};
