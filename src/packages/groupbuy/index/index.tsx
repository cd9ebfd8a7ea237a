import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { UserAdd } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { tabs } from '@/packages/routes';
import { groupbuyService, type ActivityCard } from '@/services/groupbuy';
import { ActivityCardView } from '../parts/activity-card';
import { activityUrl, groupbuyRoutes } from '../routes';
import './index.scss';

export default function GroupBuyListPage() {
  const [items, setItems] = useState<ActivityCard[] | null>(null);
  const [now, setNow] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const reply = await groupbuyService.activities();
    if (!reply.ok) {
      setError(reply.message);
      return;
    }
    setItems(reply.data.items);
    setNow(reply.data.now);
    setError(null);
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page gb-list">
      <View className="gb-list__hero">
        <Text className="gb-list__eyebrow">SHOP TOGETHER</Text>
        <Text className="gb-list__headline">好友拼团</Text>
        <Text className="gb-list__sub">和朋友一起买，人齐就是拼团价；未成团自动退款</Text>
        <Text className="gb-list__mine" onClick={() => void Taro.navigateTo({ url: groupbuyRoutes.mine })}>
          我的拼团 ›
        </Text>
      </View>
      {error && !items ? (
        <EmptyState icon={<UserAdd size={32} />} title="暂时无法加载" description={error} actionText="重新加载" onAction={() => void load()} />
      ) : items && items.length === 0 ? (
        <EmptyState icon={<UserAdd size={32} />} title="暂无拼团活动" description="新的拼团很快上线，先去逛逛吧" actionText="回到首页" onAction={() => void Taro.switchTab({ url: tabs.home })} />
      ) : (
        (items ?? []).map((a) => (
          <ActivityCardView key={a.activityId} activity={a} serverNow={now} onOpen={(id) => void Taro.navigateTo({ url: activityUrl(id) })} onEnd={() => void load()} />
        ))
      )}
    </View>
  );
}
