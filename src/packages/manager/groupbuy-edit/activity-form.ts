/**
 * The 新建拼团 form's own logic: what a manager types (yuan, counts, hours and minutes, Shanghai
 * date and time) turned into what `groupbuy.saveActivity` takes (fen, integers, minutes, epoch ms),
 * and the hints shown beside each field before sending. The server checks everything again
 * (parseGroupBuyActivity, checkActivityConfig); these hints only save a round trip.
 */
import { GROUP_SIZE_MAX, GROUP_SIZE_MIN, TIME_LIMIT_MAX_MINUTES, TIME_LIMIT_MIN_MINUTES } from '@/domain/groupbuy/activity';
import { formatFen, parseYuan, type Fen } from '@/domain/money';
import type { ActivityInput } from '@/services/groupbuy';

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

export interface ActivityForm {
  title: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
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
const wholeNumber = (text: string): number | null => (/^\s*\d{1,7}\s*$/.test(text) ? Number(text) : null);

/** The group price in fen, or null when what was typed is not a price. */
export function groupPriceFen(sku: Pick<SkuDraft, 'groupPriceYuan'>): Fen | null {
  const fen = parseYuan(sku.groupPriceYuan);
  return fen === null || fen < 0 ? null : fen;
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
  const fen = groupPriceFen(sku);
  if (sku.groupPriceYuan.trim() === '') hints.groupPrice = '请填写拼团价';
  else if (fen === null) hints.groupPrice = '价格格式不正确，最多两位小数';
  else if (fen <= 0) hints.groupPrice = '拼团价应大于0';
  else if (fen >= sku.price) hints.groupPrice = `应低于原价${formatFen(sku.price)}`;
  const stock = wholeNumber(sku.stock);
  if (stock === null || stock < 1) hints.stock = '拼团库存应为正整数';
  else if (stock > sku.skuStock) hints.stock = `不能超过现有库存${sku.skuStock}件`;
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

export const hasHints = (hints: object): boolean => Object.keys(hints).length > 0;

/** A Shanghai date ('2026-12-06') and time ('20:00') as epoch ms. */
export function shanghaiInstant(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

/** The request for saveActivity, or the first problem to show above the button. */
export function toActivityInput(form: ActivityForm): { ok: true; input: ActivityInput } | { ok: false; error: string } {
  if (form.title.trim() === '') return { ok: false, error: '请填写活动名称' };
  const startsAt = shanghaiInstant(form.startDate, form.startTime);
  const endsAt = shanghaiInstant(form.endDate, form.endTime);
  if (Number.isNaN(startsAt) || Number.isNaN(endsAt)) return { ok: false, error: '请选择开始和结束时间' };
  if (endsAt <= startsAt) return { ok: false, error: '结束时间应晚于开始时间' };
  const settings = settingHints(form);
  if (hasHints(settings)) return { ok: false, error: Object.values(settings)[0] as string };
  if (form.skus.length === 0) return { ok: false, error: '请至少添加一个商品规格' };
  const bad = form.skus.findIndex((s) => hasHints(skuHints(s)));
  if (bad >= 0) return { ok: false, error: `「${form.skus[bad].label}」${Object.values(skuHints(form.skus[bad]))[0]}` };
  return {
    ok: true,
    input: {
      title: form.title.trim(),
      startsAt,
      endsAt,
      groupSize: Number(form.groupSize),
      timeLimitMinutes: timeLimitMinutes(form)!,
      perUserLimit: Number(form.perUserLimit),
      skus: form.skus.map((s) => ({ skuId: s.skuId, groupPrice: groupPriceFen(s)!, stock: Number(s.stock) })),
    },
  };
}
