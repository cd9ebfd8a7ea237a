import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { UserAdd } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { detailUrl } from '@/packages/order/routes';
import { groupbuyService, type MyGroup } from '@/services/groupbuy';
import { MyGroupCard } from '../parts/my-group-card';
import { groupbuyRoutes, groupUrl } from '../routes';
import './index.scss';

export default function MyGroupsPage() {
  const [groups, setGroups] = useState<MyGroup[] | null>(null);
  const [now, setNow] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const reply = await groupbuyService.mine();
    if (!reply.ok) {
      setError(reply.message);
      return;
    }
    setGroups(reply.data.groups);
    setNow(reply.data.now);
    setError(null);
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (error && !groups) {
    return (
      <View className="page gb-mine gb-mine--empty">
        <EmptyState icon={<UserAdd size={32} />} title="暂时无法加载" description={error} actionText="重新加载" onAction={() => void load()} />
      </View>
    );
  }
  if (groups && groups.length === 0) {
    return (
      <View className="page gb-mine gb-mine--empty">
        <EmptyState icon={<UserAdd size={32} />} title="还没有参加过拼团" description="和朋友一起买，人齐就是拼团价" actionText="去看看拼团" onAction={() => void Taro.redirectTo({ url: groupbuyRoutes.list })} />
      </View>
    );
  }
  return (
    <View className="page gb-mine">
      {(groups ?? []).map((g) => (
        <MyGroupCard
          key={g.groupId}
          group={g}
          serverNow={now}
          onOpen={(id) => void Taro.navigateTo({ url: groupUrl(id) })}
          onOrder={(orderId) => void Taro.navigateTo({ url: detailUrl(orderId) })}
          onEnd={() => void load()}
        />
      ))}
    </View>
  );
}
