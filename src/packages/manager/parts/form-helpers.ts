/**
 * What the manager's 新建秒杀 and 新建拼团 forms both do with what was typed: yuan to fen, a counted
 * field to a number, and the 活动时间 fields (always Shanghai time, whatever the phone's zone) to
 * epoch ms. Each form keeps its own rules and wording.
 */
import { zonedParts } from '@/domain/business-day';
import { formatFen, parseYuan, type Fen } from '@/domain/money';

/** The start and end pickers' values: a Shanghai date ('2026-12-06') and time ('20:00') each. */
export interface TimeWindow {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

export const wholeNumber = (text: string): number | null => (/^\s*\d{1,7}\s*$/.test(text) ? Number(text) : null);

/** A typed price in fen, or null when what was typed is not a price. */
export function yuanToFen(text: string): Fen | null {
  const fen = parseYuan(text);
  return fen === null || fen < 0 ? null : fen;
}

/** What is wrong with a typed activity price (`name`: 秒杀价, 拼团价) for a SKU now at `price`. */
export function priceHint(typed: string, price: Fen, name: string): string | null {
  const fen = yuanToFen(typed);
  if (typed.trim() === '') return `请填写${name}`;
  if (fen === null) return '价格格式不正确，最多两位小数';
  if (fen <= 0) return `${name}应大于0`;
  if (fen >= price) return `应低于原价${formatFen(price)}`;
  return null;
}

/** What is wrong with a typed activity stock (`name`: 秒杀库存, 拼团库存) for a SKU holding `skuStock`. */
export function stockHint(typed: string, skuStock: number, name: string): string | null {
  const stock = wholeNumber(typed);
  if (stock === null || stock < 1) return `${name}应为正整数`;
  if (stock > skuStock) return `不能超过现有库存${skuStock}件`;
  return null;
}

/** The first problem among the SKU rows, named by its row; null when they may be sent. */
export function rowsProblem<R extends { label: string }>(rows: R[], hintsOf: (row: R) => object): string | null {
  if (rows.length === 0) return '请至少添加一个商品规格';
  for (const row of rows) {
    const first = Object.values(hintsOf(row))[0] as string | undefined;
    if (first) return `「${row.label}」${first}`;
  }
  return null;
}

export const hasHints = (hints: object): boolean => Object.keys(hints).length > 0;

/** A Shanghai date ('2026-12-06') and time ('20:00') as epoch ms. */
export function shanghaiInstant(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** '20:00' in Shanghai time, as the time picker shows it. */
export function shanghaiClock(ms: number): string {
  const p = zonedParts(ms);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The name and the window as the server takes them, or the first problem with either. */
export function titleAndWindow(
  form: TimeWindow & { title: string },
  missingTitle: string,
): { ok: true; fields: { title: string; startsAt: number; endsAt: number } } | { ok: false; error: string } {
  if (form.title.trim() === '') return { ok: false, error: missingTitle };
  const span = windowInstants(form);
  if (!span.ok) return span;
  return { ok: true, fields: { title: form.title.trim(), startsAt: span.startsAt, endsAt: span.endsAt } };
}

/** The window as epoch ms, or the problem to show above the button. */
export function windowInstants(form: TimeWindow): { ok: true; startsAt: number; endsAt: number } | { ok: false; error: string } {
  const startsAt = shanghaiInstant(form.startDate, form.startTime);
  const endsAt = shanghaiInstant(form.endDate, form.endTime);
  if (Number.isNaN(startsAt) || Number.isNaN(endsAt)) return { ok: false, error: '请选择开始和结束时间' };
  if (endsAt <= startsAt) return { ok: false, error: '结束时间应晚于开始时间' };
  return { ok: true, startsAt, endsAt };
}
