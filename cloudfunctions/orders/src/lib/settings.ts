/**
 * The numbers operations may change without a release (`settings` collection, docs/data-model.md),
 * read once per call with the code defaults underneath, so a database without them still works.
 */
import { DEFAULT_PRICING_CONFIG, type PricingConfig } from '../../../../src/domain/pricing';
import type { Ladder } from '../../../../src/domain/promotions';
import type { HandlerContext } from '../../../_shared/router';

export interface OrderSettings {
  autoCancelMinutes: number;
  autoCompleteDays: number;
  refundWindowDays: number;
  pickupCodeDigits: number;
  carriers: string[];
}

export interface CommerceSettings {
  orders: OrderSettings;
  pricing: PricingConfig;
  /** WeChat Pay sub-merchant id (服务商模式), from settings `pay.subMchId` or the function's WEAVE_SUB_MCH_ID. */
  subMchId: string;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  autoCancelMinutes: 30,
  autoCompleteDays: 7,
  refundWindowDays: 7,
  pickupCodeDigits: 6,
  carriers: ['顺丰速运', '中通快递', '圆通速递'],
};

/** The placeholder sub-merchant the local CloudBase accepts; a real deployment sets its own. */
const LOCAL_SUB_MCH_ID = '1900000109';

const posInt = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : fallback);

export async function loadSettings(ctx: Pick<HandlerContext, 'db' | '_'>): Promise<CommerceSettings> {
  const { data } = await ctx.db.collection<Record<string, unknown>>('settings').where({ _id: ctx._.in(['orders', 'pricing', 'pay']) }).limit(3).get();
  const byId = new Map(data.map((d) => [d._id as string, d]));
  const o = byId.get('orders') ?? {};
  const p = byId.get('pricing') ?? {};
  const pay = byId.get('pay') ?? {};
  const orders: OrderSettings = {
    autoCancelMinutes: posInt(o.autoCancelMinutes, DEFAULT_ORDER_SETTINGS.autoCancelMinutes),
    autoCompleteDays: posInt(o.autoCompleteDays, DEFAULT_ORDER_SETTINGS.autoCompleteDays),
    refundWindowDays: posInt(o.refundWindowDays, DEFAULT_ORDER_SETTINGS.refundWindowDays),
    pickupCodeDigits: Math.min(8, Math.max(6, posInt(o.pickupCodeDigits, DEFAULT_ORDER_SETTINGS.pickupCodeDigits))),
    carriers: Array.isArray(o.carriers) && o.carriers.every((c) => typeof c === 'string') ? (o.carriers as string[]) : DEFAULT_ORDER_SETTINGS.carriers,
  };
  const pricing: PricingConfig = {
    ...DEFAULT_PRICING_CONFIG,
    ...(Array.isArray(p.ladder) ? { ladder: p.ladder as Ladder } : {}),
    ...(typeof p.expressFee === 'number' ? { expressFee: p.expressFee } : {}),
    ...(typeof p.pointsMaxSharePercent === 'number' ? { pointsMaxSharePercent: p.pointsMaxSharePercent } : {}),
  };
  const subMchId = typeof pay.subMchId === 'string' && pay.subMchId ? pay.subMchId : process.env.WEAVE_SUB_MCH_ID || LOCAL_SUB_MCH_ID;
  return { orders, pricing, subMchId };
}
