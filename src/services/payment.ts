/**
 * Paying for an order. `orders.pay` returns WeChat Pay's parameters; on weapp the shopper pays in
 * WeChat's own sheet (Taro.requestPayment). The H5 build has no WeChat Pay, so it shows a 模拟支付
 * sheet whose confirm plays WeChat's part against the local CloudBase. Either way the order only
 * counts as paid once the server says so (the payment callback marks it), so both end by polling.
 */
import Taro from '@tarojs/taro';
import { fail, type Reply } from '@/domain/reply';
import { messageFor } from '@/domain/errors';
import { ordersService, type OrderStatus, type PayData } from './orders';

declare const LOCAL_API_BASE: string;

/** Whether this build pays through WeChat; otherwise the page offers the 模拟支付 sheet. */
export const paysWithWeChat = (): boolean => process.env.TARO_ENV === 'weapp';

export function startPayment(orderId: string): Promise<Reply<PayData>> {
  return ordersService.pay(orderId);
}

/** WeChat's payment sheet. A cancel is not an error the shopper needs explained. */
export async function requestWeChatPayment(pay: PayData): Promise<Reply<{ cancelled: boolean }>> {
  try {
    if (!pay.payment) return { ok: true, data: { cancelled: false } };
    await Taro.requestPayment(pay.payment as unknown as Parameters<typeof Taro.requestPayment>[0]);
    return { ok: true, data: { cancelled: false } };
  } catch (error) {
    const message = String((error as { errMsg?: string }).errMsg ?? '');
    if (message.includes('cancel')) return { ok: true, data: { cancelled: true } };
    return fail('PAY_FAILED', '支付失败，请稍后重试');
  }
}

/** The 模拟支付 confirm: what finishing WeChat's sheet does, against the local CloudBase. */
export async function confirmSimulatedPayment(outTradeNo: string): Promise<Reply<unknown>> {
  const base = typeof LOCAL_API_BASE !== 'undefined' ? LOCAL_API_BASE : '';
  try {
    const res = await Taro.request({
      url: `${base}/api/_emulator/pay/${encodeURIComponent(outTradeNo)}/confirm`,
      method: 'POST',
      data: {},
      header: { 'content-type': 'application/json' },
    });
    if (res.statusCode >= 400) return fail('PAY_FAILED', '模拟支付失败，请稍后重试');
    return { ok: true, data: res.data };
  } catch {
    return fail('NETWORK', messageFor('NETWORK'));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls the order until the payment callback has moved it past 待付款 (a group-buy order goes to
 * 拼团中). Resolves with the last status seen; still 'pending_payment' after the wait means the
 * callback has not arrived yet, which the result page says rather than claiming success.
 */
export async function waitUntilPaid(orderId: string, { attempts = 10, intervalMs = 800 } = {}): Promise<OrderStatus | null> {
  let last: OrderStatus | null = null;
  for (let i = 0; i < attempts; i += 1) {
    const reply = await ordersService.detail(orderId);
    if (reply.ok) {
      last = reply.data.status;
      if (last !== 'pending_payment') return last;
    }
    await sleep(intervalMs);
  }
  return last;
}
