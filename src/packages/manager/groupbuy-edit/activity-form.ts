/**
 * The 新建拼团 form's own logic: what a manager types (yuan, counts, hours and minutes, Shanghai
 * date and time) turned into what `groupbuy.saveActivity` takes (fen, integers, minutes, epoch ms),
 * and the hints shown beside each field before sending. The server checks everything again
 * (parseGroupBuyActivity, checkActivityConfig); these hints only save a round trip.
 */
import { GROUP_SIZE_MAX, GROUP_SIZE_MIN, TIME_LIMIT_MAX_MINUTES, TIME_LIMIT_MIN_MINUTES } from '@/domain/groupbuy/activity';
import { formatFen, type Fen } from '@/domain/money';
import type { ActivityInput } from '@/services/groupbuy';
import { hasHints, priceHint, rowsProblem, stockHint, wholeNumber, titleAndWindow, yuanToFen, type TimeWindow } from '../parts/form-helpers';

export interface SkuDraft {
  skuId: string;
  /** '复古麻花针织开衫 燕麦 / M' */
  label: string;
  /** the SKU's price now, fen */
  price: Fen;
  /** the SKU's available units now */
  skuStock: number;
  /** what the manager typed */
  groupPriceYuan: string;
  stock: string;
}

export interface SkuHints {
  groupPrice?: string;
  stock?: string;
}

export interface ActivityForm extends TimeWindow {
  title: string;
  groupSize: string;
  limitHours: string;
  limitMinutes: string;
  perUserLimit: string;
  skus: SkuDraft[];
}

export interface SettingHints {
  groupSize?: string;
  timeLimit?: string;
  perUserLimit?: string;
}

const PER_USER_MAX = 99;

/** The group price in fen, or null when what was typed is not a price. */
export function groupPriceFen(sku: Pick<SkuDraft, 'groupPriceYuan'>): Fen | null {
  return yuanToFen(sku.groupPriceYuan);
}

/** '拼团省¥30.00' for a group price against the SKU's price; null when there is nothing sensible to say. */
export function savingText(sku: Pick<SkuDraft, 'groupPriceYuan' | 'price'>): string | null {
  const fen = groupPriceFen(sku);
  if (fen === null || fen <= 0 || fen >= sku.price) return null;
  return `每件省${formatFen(sku.price - fen)}`;
}

/** Problems with one SKU as typed; empty when it may be sent. */
export function skuHints(sku: SkuDraft): SkuHints {
  const hints: SkuHints = {};
  const price = priceHint(sku.groupPriceYuan, sku.price, '拼团价');
  if (price) hints.groupPrice = price;
  const stock = stockHint(sku.stock, sku.skuStock, '拼团库存');
  if (stock) hints.stock = stock;
  return hints;
}

/** The time limit in minutes from hours + minutes as typed (an empty field counts as 0), or null. */
export function timeLimitMinutes(form: Pick<ActivityForm, 'limitHours' | 'limitMinutes'>): number | null {
  const hours = form.limitHours.trim() === '' ? 0 : wholeNumber(form.limitHours);
  const minutes = form.limitMinutes.trim() === '' ? 0 : wholeNumber(form.limitMinutes);
  if (hours === null || minutes === null || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** '24小时' / '1小时30分钟' / '45分钟'. */
export function durationText(totalMinutes: number): string {
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return `${h > 0 ? `${h}小时` : ''}${m > 0 || h === 0 ? `${m}分钟` : ''}`;
}

/** Problems with the group settings as typed; empty when they may be sent. */
export function settingHints(form: ActivityForm): SettingHints {
  const hints: SettingHints = {};
  const size = wholeNumber(form.groupSize);
  if (size === null || size < GROUP_SIZE_MIN || size > GROUP_SIZE_MAX) hints.groupSize = `成团人数应为${GROUP_SIZE_MIN}-${GROUP_SIZE_MAX}人`;
  const minutes = timeLimitMinutes(form);
  if (minutes === null) hints.timeLimit = '成团时限格式不正确（分钟为0-59）';
  else if (minutes < TIME_LIMIT_MIN_MINUTES || minutes > TIME_LIMIT_MAX_MINUTES)
    hints.timeLimit = `成团时限应在${durationText(TIME_LIMIT_MIN_MINUTES)}到${TIME_LIMIT_MAX_MINUTES / 60 / 24}天之间`;
  const limit = wholeNumber(form.perUserLimit);
  if (limit === null || limit < 1 || limit > PER_USER_MAX) hints.perUserLimit = `每人限购应为1-${PER_USER_MAX}件`;
  return hints;
}

/** The request for saveActivity, or the first problem to show above the button. */
export function toActivityInput(form: ActivityForm): { ok: true; input: ActivityInput } | { ok: false; error: string } {
  const head = titleAndWindow(form, '请填写活动名称');
  if (!head.ok) return head;
  const settings = settingHints(form);
  if (hasHints(settings)) return { ok: false, error: Object.values(settings)[0] as string };
  const problem = rowsProblem(form.skus, skuHints);
  if (problem) return { ok: false, error: problem };
  return {
    ok: true,
    input: {
      ...head.fields,
      groupSize: Number(form.groupSize),
      timeLimitMinutes: timeLimitMinutes(form)!,
      perUserLimit: Number(form.perUserLimit),
      skus: form.skus.map((s) => ({ skuId: s.skuId, groupPrice: groupPriceFen(s)!, stock: Number(s.stock) })),
    },
  };
}
