/** Claimable coupons with a claim button each; used by the coupon centre and a store's page. */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Coupon } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { couponsService, type CenterItem } from '@/services/coupons';
import { requestSubscribe, templateIds } from '@/services/subscribe';
import { CouponTicket, shortDate } from './coupon-ticket';
import { couponQrUrl, storeRoutes } from './routes';

function lines(item: CenterItem): string[] {
  const where = item.channel === 'online' ? item.channelText : item.storeNames.length > 0 ? `限${item.storeNames.join('、')}` : '全国门店可用';
  const until = item.validity.type === 'fixed' ? `${shortDate(item.validity.endAt)}前可用` : `领取后${item.validity.days}天内可用`;
  const extras = [item.remaining !== null ? `剩余${item.remaining}张` : '', item.cashbackPoints > 0 ? `核销返${item.cashbackPoints}积分` : ''].filter(Boolean).join(' · ');
  return [where, until, extras].filter(Boolean);
}

export function CentreList({ storeId }: { storeId?: string }) {
  const [items, setItems] = useState<CenterItem[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [claimed, setClaimed] = useState<Record<string, string>>({});
  // After a claim, a quiet offer to be told before the coupon expires. The ids are fetched ahead:
  // on weapp the consent prompt must open straight from the tap.
  const [notifyIds, setNotifyIds] = useState<string[]>([]);
  const [notifyDone, setNotifyDone] = useState(false);
  useEffect(() => {
    void templateIds(['coupon_expiry', 'marketing']).then(setNotifyIds);
  }, []);
  const notify = async () => {
    const accepted = await requestSubscribe(notifyIds);
    setNotifyDone(true);
    void Taro.showToast({ title: accepted.length > 0 ? '到期前会提醒你' : '未开启提醒', icon: 'none' });
  };

  const load = async () => {
    const reply = await couponsService.center(storeId);
    if (reply.ok) setItems(reply.data.items);
    else {
      setItems([]);
      void Taro.showToast({ title: reply.message, icon: 'none' });
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storeId]);

  const claim = async (item: CenterItem) => {
    setBusy(item.id);
    const reply = await couponsService.claim(item.id);
    setBusy(null);
    if (!reply.ok) {
      void Taro.showToast({ title: reply.message, icon: 'none' });
      void load();
      return;
    }
    setClaimed((c) => ({ ...c, [item.id]: reply.data.coupon.id }));
    void Taro.showToast({ title: '领取成功', icon: 'success' });
    void load();
  };

  if (items === null) return <Text className="centre-list__loading">正在加载优惠券…</Text>;
  if (items.length === 0) return <EmptyState icon={<Coupon size={28} />} title="暂无可领取的优惠券" description="新的门店活动上线后会出现在这里" />;
  return (
    <View className="centre-list">
      {Object.keys(claimed).length > 0 && notifyIds.length > 0 && !notifyDone ? (
        <View className="centre-list__notify">
          <Text className="centre-list__notify-text">订阅到期提醒，券快过期时告诉你</Text>
          <Button size="small" type="primary" fill="outline" onClick={() => void notify()}>
            订阅
          </Button>
        </View>
      ) : null}
      {items.map((item) => {
        const justClaimed = claimed[item.id];
        const action = justClaimed ? (
          <Button size="small" type="primary" fill="outline" onClick={() => void Taro.navigateTo({ url: item.channel === 'online' ? storeRoutes.mine : couponQrUrl(justClaimed) })}>
            去使用
          </Button>
        ) : (
          <Button size="small" type="primary" disabled={!item.claimable} loading={busy === item.id} onClick={() => void claim(item)}>
            {item.blockedReason ?? '领取'}
          </Button>
        );
        return <CouponTicket key={item.id} face={item} title={item.title} lines={lines(item)} action={action} />;
      })}
    </View>
  );
}
