import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Coupon } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { membershipApi, type MallItem } from '@/services/membership';
import { useMembership } from '@/stores/membership';
import './index.scss';

export default function PointsMallPage() {
  const [items, setItems] = useState<MallItem[] | null>(null);
  const [points, setPoints] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [lastExchange, setLastExchange] = useState<string | null>(null);
  const exchange = useMembership((s) => s.exchange);

  const load = useCallback(async () => {
    const reply = await membershipApi.mall();
    if (!reply.ok) {
      setError(reply.message);
      return;
    }
    setError(null);
    setItems(reply.data.items);
    setPoints(reply.data.points);
  }, []);

  useDidShow(
    useCallback(() => {
      void load();
    }, [load]),
  );

  const onExchange = async (item: MallItem) => {
    const { confirm } = await Taro.showModal({
      title: '确认兑换',
      content: `使用 ${item.pointsCost} 积分兑换「${item.title}」？兑换后不可退回积分。`,
      confirmText: '兑换',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(item.templateId);
    const reply = await exchange(item.templateId);
    setBusy(null);
    if (reply.ok) {
      setLastExchange(`已兑换「${reply.data.title}」，剩余 ${reply.data.balance} 积分，可在「我的优惠券」查看`);
      void Taro.showToast({ title: '兑换成功', icon: 'success' });
    } else {
      void Taro.showToast({ title: reply.message, icon: 'none' });
    }
    await load();
  };

  return (
    <View className="page mall">
      <View className="mall__head">
        <Text className="mall__eyebrow">POINTS MALL</Text>
        <Text className="mall__title">积分商城</Text>
        <Text className="mall__points">
          可用积分 <Text className="mall__points-value">{points}</Text>
        </Text>
      </View>
      {lastExchange ? <View className="mall__result">{lastExchange}</View> : null}
      {error ? <Text className="mall__error">{error}</Text> : null}
      {items && items.length === 0 ? <EmptyState icon={<Coupon size={26} />} title="暂无可兑换的优惠券" description="更多好礼即将上架" /> : null}
      {(items ?? []).map((item) => {
        const blocked = item.unavailable ?? (item.affordable ? null : '积分不足');
        return (
          <View key={item.templateId} className="mall__item" data-template={item.templateId}>
            <View className="mall__ticket">
              <Text className="mall__rule">{item.ruleText}</Text>
              <Text className="mall__scope">{item.scopeText}</Text>
            </View>
            <View className="mall__body">
              <Text className="mall__item-title">{item.title}</Text>
              <Text className="mall__meta">
                {item.channelText}
                {item.remaining !== null ? ` · 剩余${item.remaining}张` : ''} · 每人限兑{item.perUserLimit}张
              </Text>
              <View className="mall__foot">
                <Text className="mall__cost">{item.pointsCost} 积分</Text>
                <Button size="small" type="primary" disabled={Boolean(blocked)} loading={busy === item.templateId} onClick={() => void onExchange(item)}>
                  {blocked ?? '兑换'}
                </Button>
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}
