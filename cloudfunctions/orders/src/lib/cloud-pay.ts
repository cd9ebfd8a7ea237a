/**
 * The cloudPay calls Weave makes, typed (wx-server-sdk's typings leave cloudPay out). Replies are
 * WeChat Pay's fields camelCased by the SDK; the SDK's own errCode is always 0 there, so success
 * is returnCode and resultCode both 'SUCCESS', and errCodeDes says why not.
 */
import type { HandlerContext } from '../../../_shared/router';

export interface PayReply {
  returnCode?: string;
  returnMsg?: string;
  resultCode?: string;
  errCodeDes?: string;
  payment?: Record<string, unknown>;
  [key: string]: unknown;
}

type PayApi = (request: Record<string, unknown>) => Promise<PayReply>;

interface CloudPay {
  unifiedOrder: PayApi;
  refund: PayApi;
  closeOrder: PayApi;
  queryOrder: PayApi;
}

export function cloudPay(ctx: Pick<HandlerContext, 'cloud'>): CloudPay {
  return (ctx.cloud as unknown as { cloudPay: CloudPay }).cloudPay;
}

export function paySucceeded(reply: PayReply): boolean {
  return reply.returnCode === 'SUCCESS' && reply.resultCode === 'SUCCESS';
}

/** The environment this function runs in: where WeChat Pay must deliver its notifications. */
export function envIdOf(ctx: Pick<HandlerContext, 'cloud'>): string {
  return ctx.cloud.getWXContext().ENV ?? '';
}

export function nonce(): string {
  return Math.random().toString(36).slice(2, 14).padEnd(12, '0');
}
