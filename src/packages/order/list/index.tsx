import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { OrderCard } from '@/components/order-card';
import { usePagedList } from '@/components/paged-list/use-paged-list';
import { tabs } from '@/packages/routes';
import { formatTime, ordersService, REFUND_STATUS_TEXT, type OrderListFilter, type OrderSummary } from '@/services/orders';
import { detailUrl } from '../routes';
import { ORDER_TABS, canConfirm, canPay, isOrderTab, statusTone } from '../status';
import { usePayFlow } from '../use-pay-flow';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export default function OrderListPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<OrderListFilter>(isOrderTab(params.status) ? params.status : 'all');
  const { items: orders, hasMore, error, reload } = usePagedList(tab, (which, page) => ordersService.list(which as OrderListFilter, page));
  const pay = usePayFlow({ onAbandon: () => void reload() });

  const confirmReceipt = async (o: OrderSummary) => {
    const { confirm } = await Taro.showModal({ title: '确认收货', content: '确认已收到商品吗？', confirmText: '确认收货' });
    if (!confirm) return;
    const reply = await ordersService.confirm(o.id);
    if (!reply.ok) toast(reply.message);
    else void reload();
  };

  return (
    <View className="page page--flush order-list">
      <Tabs value={tab} onChange={(v) => setTab(String(v) as OrderListFilter)} activeType="line" className="order-list__tabs">
        {ORDER_TABS.map((t) => (
          <Tabs.TabPane key={t.key} value={t.key} title={t.title} />
        ))}
      </Tabs>
      <View className="order-list__body">
        {orders === null ? (
          error ? (
            <EmptyState icon={<Order size={32} />} title="订单没有加载出来" description={error} actionText="重试" onAction={() => void reload()} />
          ) : (
            <Text className="order-list__loading">正在加载订单…</Text>
          )
        ) : orders.length === 0 ? (
          <EmptyState
            icon={<Order size={32} />}
            title="这里还没有订单"
            description="看看新品，挑一件喜欢的"
            actionText="去逛逛"
            onAction={() => void Taro.switchTab({ url: tabs.home })}
          />
        ) : (
          <>
            {orders.map((o) => (
              <OrderCard
                key={o.id}
                id={o.id}
                statusText={o.refund && o.refund.status !== 'refunded' ? REFUND_STATUS_TEXT[o.refund.status] : o.statusText}
                tone={statusTone(o.status, o.refund)}
                meta={formatTime(o.createdAt)}
                lines={o.lines}
                itemCount={o.itemCount}
                payable={o.payable}
                onOpen={() => void Taro.navigateTo({ url: detailUrl(o.id) })}
                actions={
                  canPay(o.status) ? (
                    <Button size="small" type="primary" onClick={() => void pay.start(o.id)}>
                      去支付
                    </Button>
                  ) : canConfirm(o.status, o.refund) ? (
                    <Button size="small" type="primary" onClick={() => void confirmReceipt(o)}>
                      确认收货
                    </Button>
                  ) : undefined
                }
              />
            ))}
            <Text className="order-list__end">{hasMore ? '上拉加载更多' : '没有更多订单了'}</Text>
          </>
        )}
      </View>
      {pay.sheet}
    </View>
  );
}
