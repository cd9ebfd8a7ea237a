/**
 * Subscribe-message consent, the one place it is asked. On weapp WeChat shows its own prompt
 * (wx.requestSubscribeMessage, at most 3 templates a prompt, and only from a tap); the H5 build has
 * no such prompt, so it tells the local CloudBase the user accepted (docs/emulator.md,
 * `/api/_emulator/subscribe/accept`). Either way the result goes to `analytics.subscribed`, which
 * credits one send per accepted template (docs/tags-and-push.md §6).
 */
import Taro from '@tarojs/taro';
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';
import { getDevOpenid } from './dev-identity';

declare const LOCAL_API_BASE: string;

/** WeChat refuses a prompt with more templates than this. */
export const MAX_TEMPLATES_PER_PROMPT = 3;

/** Purposes configured in settings/subscribeTemplates. */
export type SubscribePurpose = 'marketing' | 'order_status' | 'group_result' | 'restock' | 'tier_change' | 'coupon_expiry';

export type SubscribeResult = Record<string, string>;

function newPromptId(): string {
  return `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

async function askWeChat(tmplIds: string[]): Promise<SubscribeResult> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      return (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as SubscribeResult;
    } catch {
      return {};
    }
  }
  try {
    const base = typeof LOCAL_API_BASE !== 'undefined' ? LOCAL_API_BASE : '';
    const res = await Taro.request({
      url: `${base}/api/_emulator/subscribe/accept`,
      method: 'POST',
      data: { openid: getDevOpenid(), templateIds: tmplIds },
      header: { 'content-type': 'application/json' },
    });
    return res.statusCode === 200 ? Object.fromEntries(tmplIds.map((id) => [id, 'accept'])) : {};
  } catch {
    return {};
  }
}

/**
 * Asks for up to 3 templates and reports the answer to the server; resolves to the ids accepted.
 * Never throws: a failed report only costs a credit the user could give again.
 */
export async function requestSubscribe(templateIds: readonly string[]): Promise<string[]> {
  const tmplIds = [...new Set(templateIds.filter((id) => typeof id === 'string' && id !== ''))].slice(0, MAX_TEMPLATES_PER_PROMPT);
  if (tmplIds.length === 0) return [];
  const result = await askWeChat(tmplIds);
  const accepted = tmplIds.filter((id) => result[id] === 'accept');
  if (accepted.length > 0) {
    const promptId = newPromptId();
    const report = () => callFunction('analytics', { action: 'subscribed', promptId, result });
    // Same prompt id on the retry: the server credits a prompt once.
    const first = await report();
    if (!first.ok && first.code !== 'INVALID_INPUT') await report();
  }
  return accepted;
}

let templates: Promise<Reply<Partial<Record<SubscribePurpose, string>>>> | null = null;

/** Template ids by purpose (they differ per mini program), fetched once. */
export async function templateIds(purposes: readonly SubscribePurpose[]): Promise<string[]> {
  templates ??= callFunction<Partial<Record<SubscribePurpose, string>>>('analytics', { action: 'templates' });
  const reply = await templates;
  if (!reply.ok) {
    templates = null;
    return [];
  }
  return purposes.map((p) => reply.data[p]).filter((id): id is string => typeof id === 'string');
}

/**
 * A natural moment to ask (after a check-in, a payment, a claimed coupon): our own short question
 * first, whose 订阅 tap also lets WeChat show its prompt. Resolves to the ids accepted.
 */
export async function offerSubscription(options: { title: string; content: string; purposes?: readonly SubscribePurpose[]; templateIds?: readonly string[] }): Promise<string[]> {
  const ids = [...(options.templateIds ?? []), ...(options.purposes ? await templateIds(options.purposes) : [])];
  if (ids.length === 0) return [];
  const { confirm } = await Taro.showModal({ title: options.title, content: options.content, confirmText: '订阅', cancelText: '暂不' });
  if (!confirm) return [];
  const accepted = await requestSubscribe(ids);
  void Taro.showToast({ title: accepted.length > 0 ? '已订阅提醒' : '未开启提醒', icon: 'none' });
  return accepted;
}
