/**
 * What one subscribeMessage.send errcode means for a campaign's report. The reasons are stable
 * strings: reports count them, so add reasons, never rename them.
 */
import { NO_CREDIT_ERRCODE } from './credits';

export const SEND_FAILURE_REASONS = ['no_credit', 'invalid_user', 'invalid_template', 'invalid_content', 'invalid_page', 'other'] as const;
export type SendFailureReason = (typeof SEND_FAILURE_REASONS)[number];

export const SEND_FAILURE_LABELS: Readonly<Record<SendFailureReason, string>> = Object.freeze({
  no_credit: '用户无订阅次数（43101）',
  invalid_user: '用户无效',
  invalid_template: '模板无效',
  invalid_content: '模板内容不符合要求',
  invalid_page: '跳转页面无效',
  other: '其他错误',
});

// WeChat subscribeMessage.send errcodes: 40003 openid, 40037 template id, 47003 template data, 41030 page.
const BY_ERRCODE: Readonly<Record<number, SendFailureReason>> = {
  [NO_CREDIT_ERRCODE]: 'no_credit',
  40003: 'invalid_user',
  40037: 'invalid_template',
  47003: 'invalid_content',
  41030: 'invalid_page',
};

export type SendResult = { status: 'sent' } | { status: 'failed'; reason: SendFailureReason; errcode: number };

/** errcode 0 (or none, as the SDK returns on success) is a send; anything else a failure with a reason. */
export function classifySendResult(errcode: number | null | undefined): SendResult {
  if (errcode === 0 || errcode === null || errcode === undefined) return { status: 'sent' };
  return { status: 'failed', reason: BY_ERRCODE[errcode] ?? 'other', errcode };
}
