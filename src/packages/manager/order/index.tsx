import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import { AddressCard } from '@/components/address-card';
import { EmptyState } from '@/components/empty-state';
import { OrderLine } from '@/components/order-line';
import { PriceBreakdown } from '@/components/price-breakdown';
import { StatusSteps } from '@/components/status-steps';
import { formatFen } from '@/domain/money';
import { formatTime, ordersService, REFUND_STATUS_TEXT, type OrderDetail } from '@/services/orders';
import { ManagerGate } from '../manager-gate';
import './index.scss';

const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '京东物流', 'EMS'];
const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

function OrderDesk() {
  const { params } = useRouter();
  const orderId = params.id ? decodeURIComponent(params.id) : '';
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [carrier, setCarrier] = useState(CARRIERS[0]);
  const [trackingNo, setTrackingNo] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const reply = await ordersService.adminDetail(orderId);
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
      <View className="page manager-order">
        {error ? (
          <EmptyState icon={<Order size={32} />} title="订单没有加载出来" description={error} actionText="重试" onAction={() => void load()} />
        ) : (
          <Text className="manager-order__hint">正在加载…</Text>
        )}
      </View>
    );
  }

  const refund = order.refund ?? null;
  const canShip = order.status === 'paid' && order.delivery.method === 'express' && refund?.status !== 'requested' && refund?.status !== 'approved';
  const reviewing = refund?.status === 'requested';

  const run = async (done: string, call: () => Promise<{ ok: boolean; message?: string }>) => {
    setBusy(true);
    const reply = await call();
    setBusy(false);
    if (!reply.ok) {
      toast(reply.message ?? '操作失败');
      return;
    }
    void Taro.showToast({ title: done, icon: 'success' });
    await load();
  };

  const ship = () => {
    if (!/^[A-Za-z0-9]{6,30}$/.test(trackingNo.trim())) {
      toast('请填写正确的运单号（6-30 位字母或数字）');
      return;
    }
    void run('已发货', () => ordersService.ship(order.id, carrier, trackingNo.trim()));
  };

  const review = async (approve: boolean) => {
    if (!approve && !note.trim()) {
      toast('拒绝退款请填写原因，顾客会看到');
      return;
    }
    const { confirm } = await Taro.showModal({
      title: approve ? '同意退款' : '拒绝退款',
      content: approve ? `将原路退回 ${formatFen(refund?.amount ?? order.payable)}，优惠券与积分一并退还` : '确定拒绝这笔退款申请吗？',
      confirmText: approve ? '同意' : '拒绝',
    });
    if (!confirm) return;
    void run(approve ? '已同意退款' : '已拒绝', () => ordersService.refundReview(order.id, approve, note.trim() || undefined));
  };

  const headline = refund && refund.status !== 'refunded' && order.status !== 'refunded' ? REFUND_STATUS_TEXT[refund.status] : order.statusText;

  return (
    <View className="page manager-order">
      <View className="manager-order__head">
        <Text className="manager-order__status">{headline}</Text>
        <Text className="manager-order__id">订单号 {order.id} · {formatTime(order.createdAt)}</Text>
        {order.buyerNickName ?? order.buyer?.nickName ? <Text className="manager-order__id">买家 {order.buyerNickName ?? order.buyer?.nickName}</Text> : null}
      </View>

      {reviewing && refund ? (
        <View className="manager-order__card manager-order__card--focus">
          <Text className="manager-order__section">退款申请</Text>
          <Text className="manager-order__fact">原因：{refund.reason}</Text>
          {refund.description ? <Text className="manager-order__fact">说明：{refund.description}</Text> : null}
          {refund.requestedAt ? <Text className="manager-order__fact">申请时间：{formatTime(refund.requestedAt)}</Text> : null}
          <Text className="manager-order__fact">退款金额：{formatFen(refund.amount ?? order.payable)}</Text>
          <TextArea className="manager-order__note" value={note} placeholder="审核备注（拒绝时必填，顾客可见）" maxLength={100} onChange={(v) => setNote(v)} />
          <View className="manager-order__buttons">
            <Button fill="outline" disabled={busy} onClick={() => void review(false)}>
              拒绝
            </Button>
            <Button type="primary" loading={busy} onClick={() => void review(true)}>
              同意退款
            </Button>
          </View>
        </View>
      ) : null}

      {canShip ? (
        <View className="manager-order__card manager-order__card--focus">
          <Text className="manager-order__section">发货</Text>
          <View className="manager-order__carriers">
            {CARRIERS.map((c) => (
              <Text key={c} className={`manager-order__carrier${carrier === c ? ' manager-order__carrier--on' : ''}`} onClick={() => setCarrier(c)}>
                {c}
              </Text>
            ))}
          </View>
          <Input className="manager-order__tracking" value={trackingNo} placeholder="运单号" onChange={(v) => setTrackingNo(v)} />
          <Button type="primary" block loading={busy} onClick={ship}>
            确认发货
          </Button>
        </View>
      ) : null}

      {order.delivery.method === 'pickup' || order.delivery.address || order.delivery.express ? (
      <View className="manager-order__card">
        {order.delivery.method === 'pickup' ? (
          <Text className="manager-order__fact">门店自提 · {order.delivery.storeName}（店员核验自提码后完成）</Text>
        ) : order.delivery.address ? (
          <AddressCard {...order.delivery.address} />
        ) : null}
        {order.delivery.express ? (
          <Text className="manager-order__fact">
            {order.delivery.express.company ?? order.delivery.express.carrier} · {order.delivery.express.trackingNo}
          </Text>
        ) : null}
      </View>
      ) : null}

      <View className="manager-order__card">
        {order.items.map((l) => (
          <OrderLine key={l.skuId} {...l} />
        ))}
        <PriceBreakdown lines={order.breakdown.lines} />
      </View>

      {order.history.length ? (
        <View className="manager-order__card">
          <Text className="manager-order__section">订单进度</Text>
          <StatusSteps steps={order.history.map((h) => ({ statusText: h.statusText, time: formatTime(h.at), note: h.note }))} />
        </View>
      ) : null}
    </View>
  );
}

export default function ManagerOrderPage() {
  return (
    <ManagerGate>
      <OrderDesk />
    </ManagerGate>
  );
}
