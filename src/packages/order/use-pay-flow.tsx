/**
 * Paying for an order from any page (checkout, detail, list): asks the server for payment, then
 * WeChat's sheet on weapp or the 模拟支付 sheet on H5, then waits for the server to see the
 * payment and goes to the result page. Closing either sheet leaves the order 待付款.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { PaySheet } from '@/components/pay-sheet';
import type { OrderStatus, PayData } from '@/services/orders';
import { confirmSimulatedPayment, paysWithWeChat, requestWeChatPayment, startPayment, waitUntilPaid } from '@/services/payment';
import { orderRoutes } from './routes';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export interface PayFlowOptions {
  /** where to go when the shopper closes the sheet without paying (e.g. the order detail) */
  onAbandon?: (orderId: string) => void;
  /** where to land once the server has seen the payment; default the order result page (a group buy lands on its group) */
  landing?: (orderId: string, status: OrderStatus | null) => string;
}

export function usePayFlow({ onAbandon, landing }: PayFlowOptions = {}) {
  const [pending, setPending] = useState<PayData | null>(null);
  const [paying, setPaying] = useState(false);

  const finish = async (orderId: string) => {
    Taro.showLoading({ title: '正在确认支付…', mask: true });
    const status = await waitUntilPaid(orderId);
    Taro.hideLoading();
    void Taro.redirectTo({ url: landing ? landing(orderId, status) : `${orderRoutes.result}?id=${encodeURIComponent(orderId)}&status=${status ?? ''}` });
  };

  const start = async (orderId: string) => {
    setPaying(true);
    const reply = await startPayment(orderId);
    setPaying(false);
    if (!reply.ok) {
      toast(reply.message);
      return;
    }
    if (reply.data.payment === null) {
      await finish(orderId);
      return;
    }
    if (!paysWithWeChat()) {
      setPending(reply.data);
      return;
    }
    const paid = await requestWeChatPayment(reply.data);
    if (!paid.ok) toast(paid.message);
    else if (paid.data.cancelled) onAbandon?.(orderId);
    else await finish(orderId);
  };

  const confirm = async () => {
    if (!pending) return;
    setPaying(true);
    const reply = await confirmSimulatedPayment(pending.outTradeNo);
    setPaying(false);
    if (!reply.ok) {
      toast(reply.message);
      return;
    }
    const { orderId } = pending;
    setPending(null);
    await finish(orderId);
  };

  const close = () => {
    const orderId = pending?.orderId;
    setPending(null);
    if (orderId) onAbandon?.(orderId);
  };

  const sheet = (
    <PaySheet
      visible={pending !== null}
      amount={pending?.totalFee ?? 0}
      orderId={pending?.orderId ?? ''}
      paying={paying}
      onConfirm={() => void confirm()}
      onClose={close}
    />
  );

  return { start, paying, sheet };
}
