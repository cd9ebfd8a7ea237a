import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Tabs } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { OrderCard } from '@/components/order-card';
import { usePagedList } from '@/components/paged-list/use-paged-list';
import { formatTime, ordersService, REFUND_STATUS_TEXT } from '@/services/orders';
import { statusTone } from '@/packages/order/status';
import { ManagerGate } from '../manager-gate';
import { managerOrderUrl } from '../routes';
import './index.scss';

const TABS = [
  { key: 'paid', title: '待发货' },
  { key: 'refund', title: '退款审核' },
  { key: 'shipped', title: '已发货' },
  { key: 'pending_payment', title: '待付款' },
  { key: 'completed', title: '已完成' },
  { key: 'all', title: '全部' },
];

function OrdersBoard() {
  const { params } = useRouter();
  const [tab, setTab] = useState(TABS.some((t) => t.key === params.status) ? String(params.status) : 'paid');
  const { items: orders, hasMore, error, reload } = usePagedList(tab, (which, page) => ordersService.adminList(which, page));

  return (
    <View className="page page--flush manager-orders">
      <Tabs value={tab} onChange={(v) => setTab(String(v))} activeType="line">
        {TABS.map((t) => (
          <Tabs.TabPane key={t.key} value={t.key} title={t.title} />
        ))}
      </Tabs>
      <View className="manager-orders__body">
        {orders === null ? (
          error ? (
            <EmptyState icon={<Order size={32} />} title="订单没有加载出来" description={error} actionText="重试" onAction={() => void reload()} />
          ) : (
            <Text className="manager-orders__hint">正在加载…</Text>
          )
        ) : orders.length === 0 ? (
          <EmptyState icon={<Order size={32} />} title="没有需要处理的订单" description="这个分类下暂时没有订单" />
        ) : (
          <>
            {orders.map((o) => {
              const buyer = o.buyerNickName ?? o.buyer?.nickName;
              return (
                <OrderCard
                  key={o.id}
                  id={o.id}
                  statusText={o.refund && o.refund.status !== 'refunded' ? REFUND_STATUS_TEXT[o.refund.status] : o.statusText}
                  tone={statusTone(o.status, o.refund)}
                  meta={[buyer ? `买家 ${buyer}` : '', formatTime(o.createdAt)].filter(Boolean).join(' · ')}
                  lines={o.lines}
                  itemCount={o.itemCount}
                  payable={o.payable}
                  onOpen={() => void Taro.navigateTo({ url: managerOrderUrl(o.id) })}
                />
              );
            })}
            <Text className="manager-orders__hint">{hasMore ? '上拉加载更多' : '没有更多了'}</Text>
          </>
        )}
      </View>
    </View>
  );
}

export default function ManagerOrdersPage() {
  return (
    <ManagerGate>
      <OrdersBoard />
    </ManagerGate>
  );
}
