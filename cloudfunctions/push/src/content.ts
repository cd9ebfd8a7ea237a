/**
 * Campaign content: the template's keyword values as WeChat limits them, the landing page (which
 * always carries the campaign id, so a visit from the push can be counted), and the sensitive-word
 * list, baked into the bundle from config/sensitive-words.txt at build time.
 */
import { assertNoSensitiveWords, findSensitiveWords, parseWordList } from '../../../src/domain/push/sensitive-words';
import { ValidationError } from '../../../src/domain/validate';
import wordListText from '../../../config/sensitive-words.txt';
import type { SubscribeTemplate } from './settings';

export const WORD_LIST = parseWordList(wordListText);

// WeChat's limits per keyword kind (characters), as subscribeMessage.send enforces them.
const KEYWORD_LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  amount: 32,
  time: 32,
  date: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
};

export interface MessageInput {
  templateKey: string;
  fields: Record<string, string>;
  page: string;
}

/** Exactly the template's keywords, each filled and within WeChat's length for its kind. */
export function checkFields(template: SubscribeTemplate, raw: unknown): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ValidationError('消息内容', '格式不正确');
  const input = raw as Record<string, unknown>;
  const extra = Object.keys(input).find((k) => !template.fields.includes(k));
  if (extra) throw new ValidationError('消息内容', `不包含字段“${extra.slice(0, 32)}”`);
  const fields: Record<string, string> = {};
  for (const key of template.fields) {
    const value = input[key];
    if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(`字段${key}`, '不能为空');
    const text = value.trim();
    const max = KEYWORD_LIMITS[key.replace(/\d+$/, '')] ?? 20;
    if ([...text].length > max) throw new ValidationError(`字段${key}`, `不能超过${max}个字`);
    fields[key] = text;
  }
  return fields;
}

const PAGE_PATH = /^(pages|packages)\/[A-Za-z0-9_\-/]+$/;
const QUERY = /^[A-Za-z0-9_\-=&.%]*$/;

/** `path[?query]` of a mini-program page, returned with `campaignId=<id>` in its query. */
export function landingPage(raw: unknown, campaignId: string): string {
  if (typeof raw !== 'string') throw new ValidationError('落地页', '应为页面路径');
  const [path, query = ''] = raw.trim().replace(/^\//, '').split('?', 2);
  if (!PAGE_PATH.test(path) || path.length > 120) throw new ValidationError('落地页', '应为小程序页面路径，如 packages/product/index/index');
  if (!QUERY.test(query) || query.length > 200) throw new ValidationError('落地页', '参数格式不正确');
  const params = query.split('&').filter((p) => p !== '' && !p.startsWith('campaignId='));
  return `${path}?${[...params, `campaignId=${campaignId}`].join('&')}`;
}

export function contentTexts(name: string, template: SubscribeTemplate, fields: Record<string, string>): string[] {
  return [name, template.title, ...Object.values(fields)];
}

export function sensitiveWordsIn(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap((t) => findSensitiveWords(t, WORD_LIST)))];
}

export function assertClean(texts: readonly string[]): void {
  assertNoSensitiveWords(texts, WORD_LIST);
}
