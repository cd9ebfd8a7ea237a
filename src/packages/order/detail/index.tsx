import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Location, Order, Store } from '@nutui/icons-react-taro';
import { AddressCard } from '@/components/address-card';
import { EmptyState } from '@/components/empty-state';
import { OrderLine } from '@/components/order-line';
import { PriceBreakdown } from '@/components/price-breakdown';
import { StatusSteps } from '@/components/status-steps';
import { formatTime, ordersService, REFUND_STATUS_TEXT, toDate, type OrderDetail } from '@/services/orders';
import { groupUrl } from '@/packages/groupbuy/routes';
import { orderRoutes } from '../routes';
import { canCancel, canConfirm, canPay, canRequestRefund, countdownText, statusTone } from '../status';
import { usePayFlow } from '../use-pay-flow';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export default function OrderDetailPage() {
  const { params } = useRouter();
  const orderId = params.id ? decodeURIComponent(params.id) : '';
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [acting, setActing] = useState(false);
  const pay = usePayFlow({ onAbandon: () => void load() });
  const now = useNow(order?.status === 'pending_payment');

  const load = async () => {
    const reply = await ordersService.detail(orderId);
    if (reply.ok) {
      setOrder(reply.data);
      setError(null);
    } else {
      setError(reply.message);
      toast(reply.message);
    }
  };

  useDidShow(() => {
    void load();
  });

  if (!order) {
    return (
      <View className="page order-detail">
        {error ? (
          <EmptyState icon={<Order size={32} />} title="订单没有加载出来" description={error} actionText="重试" onAction={() => void load()} />
        ) : (
          <Text className="order-detail__loading">正在加载订单…</Text>
        )}
      </View>
    );
  }

  const act = async (title: string, content: string, run: () => Promise<{ ok: boolean; message?: string }>) => {
    const { confirm } = await Taro.showModal({ title, content, confirmText: '确定' });
    if (!confirm) return;
    setActing(true);
    const reply = await run();
    setActing(false);
    if (!reply.ok) toast(reply.message ?? '操作失败');
    await load();
  };

  const left = order.status === 'pending_payment' ? countdownText(toDate(order.expiresAt), now) : null;
  const refund = order.refund ?? null;
  const headline = refund && refund.status !== 'refunded' && order.status !== 'refunded' ? REFUND_STATUS_TEXT[refund.status] : order.statusText;
  const sub =
    order.status === 'pending_payment'
      ? left
        ? `请在 ${left} 内完成支付，超时订单将自动取消`
        : '订单即将自动取消'
      : refund?.status === 'requested'
        ? '退款申请已提交，等待审核'
        : refund?.status === 'rejected'
          ? `退款申请未通过${refund.rejectReason || refund.note ? `：${refund.rejectReason ?? refund.note}` : ''}`
          : order.status === 'paid'
            ? order.delivery.method === 'pickup'
              ? '请到门店出示自提码取货'
              : '商家正在备货，即将发货'
            : order.status === 'shipped'
              ? '商品已发出，请留意查收'
              : order.status === 'refunded'
                ? '退款已原路退回，优惠券与积分已退还'
                : '';
  const express = order.delivery.express ?? null;
  const buttons = [
    canCancel(order.status) && (
      <Button key="cancel" fill="outline" disabled={acting} onClick={() => void act('取消订单', '确定取消这个订单吗？', () => ordersService.cancel(order.id))}>
        取消订单
      </Button>
    ),
    canRequestRefund(order.status, refund) && (
      <Button key="refund" fill="outline" onClick={() => void Taro.navigateTo({ url: `${orderRoutes.refund}?id=${encodeURIComponent(order.id)}` })}>
        申请退款
      </Button>
    ),
    canConfirm(order.status, refund) && (
      <Button key="confirm" type="primary" disabled={acting} onClick={() => void act('确认收货', '确认已收到商品吗？', () => ordersService.confirm(order.id))}>
        确认收货
      </Button>
    ),
    canPay(order.status) && (
      <Button key="pay" type="primary" loading={pay.paying} onClick={() => void pay.start(order.id)}>
        去支付
      </Button>
    ),
  ].filter(Boolean);

  return (
    <View className={`page page--flush order-detail${buttons.length ? ' order-detail--with-bar' : ''}`}>
      <View className={`order-detail__hero order-detail__hero--${statusTone(order.status, refund)}`}>
        <Text className="order-detail__status">{headline}</Text>
        {sub ? <Text className="order-detail__sub">{sub}</Text> : null}
      </View>

      <View className="order-detail__content">
        <View className="order-detail__card">
          {order.delivery.method === 'pickup' ? (
            <View className="order-detail__pickup">
              <View className="order-detail__pickup-head">
                <Store size={16} />
                <Text className="order-detail__pickup-store">门店自提 · {order.delivery.storeName}</Text>
              </View>
              {order.delivery.pickupCode && ['paid', 'grouping', 'shipped'].includes(order.status) ? (
                <View className="order-detail__code">
                  <Text className="order-detail__code-label">自提码</Text>
                  <Text className="order-detail__code-value">{order.delivery.pickupCode}</Text>
                </View>
              ) : null}
            </View>
          ) : order.delivery.address ? (
            <AddressCard {...order.delivery.address} extra={<Location size={16} />} />
          ) : null}
          {express ? (
            <Text className="order-detail__express">
              {express.company ?? express.carrier} · 运单号 {express.trackingNo}
            </Text>
          ) : null}
        </View>

        {order.groupbuy ? (
          <View className="order-detail__card order-detail__group" onClick={() => void Taro.navigateTo({ url: groupUrl(order.groupbuy!.groupId) })}>
            <Text className="order-detail__section">{order.groupbuy.role === 'leader' ? '我开的团' : '我参加的团'}</Text>
            <Text className="order-detail__group-link">查看拼团进度 ›</Text>
          </View>
        ) : null}

        <View className="order-detail__card">
          {order.items.map((l) => (
            <OrderLine key={l.skuId} {...l} />
          ))}
        </View>

        <View className="order-detail__card">
          <PriceBreakdown lines={order.breakdown.lines} />
        </View>

        {refund ? (
          <View className="order-detail__card order-detail__refund">
            <Text className="order-detail__section">售后</Text>
            <Text>状态：{REFUND_STATUS_TEXT[refund.status]}</Text>
            {refund.reason ? <Text>原因：{refund.reason}</Text> : null}
            {refund.description ? <Text>说明：{refund.description}</Text> : null}
          </View>
        ) : null}

        <View className="order-detail__card">
          <Text className="order-detail__section">订单进度</Text>
          <StatusSteps steps={order.history.map((h) => ({ statusText: h.statusText, time: formatTime(h.at), note: h.note }))} />
        </View>

        <View className="order-detail__card order-detail__facts">
          <Text>订单号：{order.id}</Text>
          <Text>下单时间：{formatTime(order.createdAt)}</Text>
          {order.payment?.paidAt ? <Text>支付时间：{formatTime(order.payment.paidAt)}</Text> : null}
          {order.remark ? <Text>备注：{order.remark}</Text> : null}
        </View>
      </View>

      {buttons.length ? <View className="order-detail__bar">{buttons}</View> : null}
      {pay.sheet}
    </View>
  );
}
