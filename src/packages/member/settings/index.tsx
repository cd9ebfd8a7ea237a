/**
 * 消息设置: the member's switch for marketing messages (一键退出营销消息). Order, refund and
 * pickup notices are service messages and keep coming; only campaign pushes stop.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Switch } from '@nutui/nutui-react-taro';
import { preferencesService, type MarketingPreference } from '@/services/analytics';
import { requestSubscribe, templateIds } from '@/services/subscribe';
import './index.scss';

export default function MessageSettingsPage() {
  const [pref, setPref] = useState<MarketingPreference | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Fetched ahead: on weapp the consent prompt must open straight from the tap.
  const [marketingIds, setMarketingIds] = useState<string[]>([]);

  useDidShow(() => {
    void templateIds(['marketing']).then(setMarketingIds);
    void preferencesService.read().then((reply) => {
      if (reply.ok) {
        setPref(reply.data);
        setError(null);
      } else setError(reply.message);
    });
  });

  const save = async (optOut: boolean) => {
    if (optOut) {
      const { confirm } = await Taro.showModal({ title: '退出营销消息', content: '退出后将不再收到上新、活动等推送；订单、退款、自提等服务通知不受影响。', confirmText: '确认退出', cancelText: '再想想' });
      if (!confirm) return;
    }
    setBusy(true);
    const reply = await preferencesService.setMarketingOptOut(optOut);
    setBusy(false);
    if (!reply.ok) {
      void Taro.showToast({ title: reply.message, icon: 'none' });
      return;
    }
    setPref(reply.data);
    void Taro.showToast({ title: optOut ? '已退出营销消息' : '已重新接收营销消息', icon: 'none' });
  };

  if (!pref) return <View className="page message-settings">{error ? <Text className="message-settings__hint">{error}</Text> : <Text className="message-settings__hint">加载中…</Text>}</View>;

  const receiving = !pref.marketingOptOut;
  return (
    <View className="page message-settings">
      <View className="message-settings__card">
        <View className="message-settings__row">
          <View className="message-settings__text">
            <Text className="message-settings__title">接收营销消息</Text>
            <Text className="message-settings__sub">上新、活动与优惠提醒，每天最多1条、每周最多3条，22:00-08:00不打扰</Text>
          </View>
          <Switch checked={receiving} disabled={busy} onChange={(on) => void save(!on)} />
        </View>
        {pref.marketingOptOut ? (
          <Text className="message-settings__state">
            已于 {pref.marketingOptOutAt ? new Date(pref.marketingOptOutAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : ''} 退出营销消息
          </Text>
        ) : null}
      </View>
      {receiving && marketingIds.length > 0 ? (
        <View className="message-settings__card">
          <Text className="message-settings__title">订阅活动提醒</Text>
          <Text className="message-settings__sub">微信订阅消息每次授权可收到一条提醒，授权越多，错过越少</Text>
          <Button className="message-settings__subscribe" size="small" type="primary" fill="outline" onClick={() =>
              void requestSubscribe(marketingIds).then((accepted) => {
                void Taro.showToast({ title: accepted.length > 0 ? '已订阅活动提醒' : '未开启提醒', icon: 'none' });
              })
            }>
            订阅活动提醒
          </Button>
        </View>
      ) : null}
      {receiving ? null : (
        <Button className="message-settings__quit" block fill="outline" disabled={busy} onClick={() => void save(false)}>
          重新接收营销消息
        </Button>
      )}
      {receiving ? (
        <Button className="message-settings__quit" block fill="none" disabled={busy} onClick={() => void save(true)}>
          一键退出营销消息
        </Button>
      ) : null}
      <Text className="message-settings__hint">订单、退款、自提等服务通知不受此设置影响。</Text>
    </View>
  );
}
