/**
 * The `settings` collection: one document per area, the numbers operations may change without a
 * release. Every domain rule takes its configuration as a parameter; the server reads these
 * documents and passes them in. The seed writes the code defaults, so a fresh database and the
 * rules' own defaults agree. Tier numbers are NOT here: they stay in src/domain/tiers.ts.
 */
import { DEFAULT_CHECKIN_CONFIG } from '../../src/domain/membership/checkin-streak';
import { DEFAULT_PRICING_CONFIG } from '../../src/domain/pricing';
import { PUSH_CAPS } from '../../src/domain/push/frequency-caps';
import { QUIET_HOURS } from '../../src/domain/push/quiet-hours';
import { SEND_RATE_PER_SECOND } from '../../src/domain/push/throttle';
import { DEFAULT_REFERRAL_CONFIG } from '../../src/domain/referral/rewards';
import { LIFECYCLE_THRESHOLDS } from '../../src/domain/tags/lifecycle';
import { fileId } from './file-ids';
import type { SettingsDoc } from './types';

export const SETTINGS = {
  brand: {
    name: '织物 Weave',
    slogan: '好面料，慢慢穿',
    logo: fileId('brand/logo.png'),
    servicePhone: '400-820-1515',
    privacyVersion: '2024-06',
  },
  /** PricingConfig: express fee, points share cap, the 满减 ladder. */
  pricing: {
    expressFee: DEFAULT_PRICING_CONFIG.expressFee,
    pointsMaxSharePercent: DEFAULT_PRICING_CONFIG.pointsMaxSharePercent,
    ladder: DEFAULT_PRICING_CONFIG.ladder.map((s) => ({ threshold: s.threshold, off: s.off })),
  },
  orders: {
    autoCancelMinutes: 30,
    autoCompleteDays: 7,
    /** After-sales may be requested up to this many days after completion. */
    refundWindowDays: 7,
    pickupCodeDigits: 6,
    carriers: ['顺丰速运', '中通快递', '圆通速递'],
  },
  /** CheckinConfig (membership/checkin-streak.ts). */
  checkin: {
    basePoints: DEFAULT_CHECKIN_CONFIG.basePoints,
    bonuses: DEFAULT_CHECKIN_CONFIG.bonuses.map((b) => ({ day: b.day, points: b.points })),
    cycleDays: DEFAULT_CHECKIN_CONFIG.cycleDays,
  },
  referral: {
    /** Points to the referrer when an invitee's first order is paid (taken back if refunded within clawbackWindowDays). */
    inviteeOrderPoints: 200,
    /** 老带新: every N qualified invitees earn the referrer this coupon (the KOC tag uses the same N). */
    milestoneInvites: LIFECYCLE_THRESHOLDS.kocMinSuccessfulInvites,
    milestoneTemplateId: 'tpl-referral-milestone',
    /** The after-sales window for the referral reward, days after the first order was paid (src/domain/referral/rewards.ts). */
    clawbackWindowDays: DEFAULT_REFERRAL_CONFIG.clawbackWindowDays,
  },
  /** PUSH_CAPS, QUIET_HOURS, the send rate (src/domain/push); sensitive words live in config/sensitive-words.txt. */
  push: {
    caps: { perDay: PUSH_CAPS.perDay, perWeek: PUSH_CAPS.perWeek, weekDays: PUSH_CAPS.weekDays },
    quietHours: { startHour: QUIET_HOURS.startHour, endHour: QUIET_HOURS.endHour },
    sendsPerSecond: SEND_RATE_PER_SECOND,
  },
  coupons: {
    /** Seconds a coupon QR code stays valid; the code is re-signed every period. */
    qrRotateSeconds: 30,
    shortCodeDigits: 8,
  },
  catalog: {
    newArrivalDays: 14,
    lowStockThreshold: 5,
  },
  /** Subscribe-message templates by purpose; ids are placeholders for the real ones in the MP console. */
  subscribeTemplates: {
    marketing: { id: 'TPL_MKT_0001', title: '活动上新提醒', fields: ['thing1', 'thing2', 'time3'] },
    order_status: { id: 'TPL_ORD_0001', title: '订单状态通知', fields: ['character_string1', 'phrase2', 'time3'] },
    group_result: { id: 'TPL_GRP_0001', title: '拼团结果通知', fields: ['thing1', 'phrase2', 'amount3'] },
    restock: { id: 'TPL_RST_0001', title: '到货提醒', fields: ['thing1', 'thing2'] },
    tier_change: { id: 'TPL_TIER_0001', title: '会员等级变更', fields: ['phrase1', 'thing2', 'time3'] },
    coupon_expiry: { id: 'TPL_CPN_0001', title: '优惠券到期提醒', fields: ['thing1', 'time2'] },
  },
};

export type SubscribeTemplateKey = keyof typeof SETTINGS.subscribeTemplates;

export function buildSettings(updatedAt: Date): SettingsDoc[] {
  return Object.entries(SETTINGS).map(([key, value]) => ({
    _id: key,
    ...(JSON.parse(JSON.stringify(value)) as Record<string, unknown>),
    updatedAt,
  }));
}
