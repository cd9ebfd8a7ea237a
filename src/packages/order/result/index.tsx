import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Checked, Clock } from '@nutui/icons-react-taro';
import { formatFen } from '@/domain/money';
import { tabs } from '@/packages/routes';
import { ordersService, type OrderDetail } from '@/services/orders';
import { requestSubscribe, templateIds } from '@/services/subscribe';
import { detailUrl } from '../routes';
import './index.scss';

export default function PayResultPage() {
  const { params } = useRouter();
  const orderId = params.id ? decodeURIComponent(params.id) : '';
  const [order, setOrder] = useState<OrderDetail | null>(null);
  // Fetched ahead: on weapp the consent prompt must open straight from the tap, with no wait before it.
  const [notifyIds, setNotifyIds] = useState<string[]>([]);
  const [notifyDone, setNotifyDone] = useState(false);

  useLoad(() => {
    void templateIds(['order_status', 'group_result', 'marketing']).then(setNotifyIds);
    if (!orderId) return;
    void ordersService.detail(orderId).then((reply) => {
      if (reply.ok) setOrder(reply.data);
      else void Taro.showToast({ title: reply.message, icon: 'none' });
    });
  });

  const status = order?.status ?? params.status;
  const paid = status !== undefined && status !== '' && status !== 'pending_payment';
  const pickup = order?.delivery.method === 'pickup';

  return (
    <View className="page pay-result">
      <View className="pay-result__hero">
        <View className={`pay-result__icon${paid ? '' : ' pay-result__icon--wait'}`}>{paid ? <Checked size={44} /> : <Clock size={40} />}</View>
        <Text className="pay-result__title">{paid ? '支付成功' : '正在确认支付结果'}</Text>
        {order ? <Text className="pay-result__amount">{formatFen(order.payable)}</Text> : null}
        <Text className="pay-result__sub">
          {paid
            ? status === 'grouping'
              ? '拼团中，人满后为你发货'
              : pickup
                ? '到店出示自提码即可取货'
                : '我们会尽快为你发货'
            : '微信支付结果可能稍有延迟，可在订单详情中查看'}
        </Text>
        {order ? <Text className="pay-result__status">订单状态：{order.statusText}</Text> : null}
      </View>
      {paid && notifyIds.length > 0 && !notifyDone ? (
        <View className="pay-result__notify">
          <Text className="pay-result__notify-text">订阅发货、拼团结果和上新提醒，不错过订单进度</Text>
          <Button
            size="small"
            type="primary"
            fill="outline"
            onClick={() =>
              void requestSubscribe(notifyIds).then((accepted) => {
                setNotifyDone(true);
                void Taro.showToast({ title: accepted.length > 0 ? '已订阅提醒' : '未开启提醒', icon: 'none' });
              })
            }
          >
            订阅提醒
          </Button>
        </View>
      ) : null}
      <View className="pay-result__actions">
        <Button type="primary" block onClick={() => void Taro.redirectTo({ url: detailUrl(orderId) })}>
          查看订单
        </Button>
        <Button block fill="outline" onClick={() => void Taro.switchTab({ url: tabs.home })}>
          继续逛逛
        </Button>
      </View>
    </View>
  );
}
