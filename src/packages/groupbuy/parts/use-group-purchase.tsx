/**
 * 发起拼团 / 参与拼团 from any page: creates the group-buy order, then pays it with the shop's one
 * pay flow, and lands on the group page (not the order result page): what a shopper wants to see
 * next is who else is in. Closing the pay sheet also lands there, where 待支付 offers to pay again.
 */
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { detailUrl } from '@/packages/order/routes';
import { usePayFlow } from '@/packages/order/use-pay-flow';
import { groupbuyService } from '@/services/groupbuy';
import { newRequestId } from '@/services/orders';
import { groupUrl } from '../routes';

export type GroupPurchase = { kind: 'open'; activityId: string } | { kind: 'join'; groupId: string };

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2500 });

export function useGroupPurchase() {
  const groupId = useRef<string | null>(null);
  // One id per attempt: a double tap or a retried request returns the same order, a new attempt after a refusal makes a new one.
  const requestId = useRef(newRequestId());
  const [busy, setBusy] = useState(false);
  const land = (orderId: string, paid = false) => (groupId.current ? groupUrl(groupId.current, paid) : detailUrl(orderId));
  const pay = usePayFlow({
    landing: (orderId, status) => land(orderId, status !== null && status !== 'pending_payment'),
    onAbandon: (orderId) => void Taro.redirectTo({ url: land(orderId) }),
  });

  const buy = async (what: GroupPurchase, skuId: string, quantity: number): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    const input = { skuId, quantity, requestId: requestId.current };
    const reply = what.kind === 'open' ? await groupbuyService.open(what.activityId, input) : await groupbuyService.join(what.groupId, input);
    setBusy(false);
    if (!reply.ok) {
      requestId.current = newRequestId();
      toast(reply.message);
      return false;
    }
    groupId.current = reply.data.groupId;
    requestId.current = newRequestId();
    await pay.start(reply.data.orderId);
    return true;
  };

  /** Pays an order already created (the viewer is 待支付 in this group). */
  const payExisting = async (orderId: string, inGroup: string) => {
    groupId.current = inGroup;
    await pay.start(orderId);
  };

  return { buy, payExisting, busy: busy || pay.paying, sheet: pay.sheet };
}
