/**
 * The product page's 拼团 entry (groupbuy.forProduct): "3人拼团 ¥169", up to three forming groups
 * to join, and 发起拼团 (the activity page, with the SKU chosen here already picked).
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { OpenGroupRow } from '@/packages/groupbuy/parts/open-group-row';
import { activityUrl, groupUrl } from '@/packages/groupbuy/routes';
import { groupbuyService, type Activity, type GroupCard } from '@/services/groupbuy';
import './group-strip.scss';

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

export interface GroupStripViewProps {
  activity: Activity;
  groups: GroupCard[];
  serverNow?: number;
  onOpen: () => void;
  onJoin: (groupId: string) => void;
  onEnd?: () => void;
}

export function GroupStripView({ activity, groups, serverNow, onOpen, onJoin, onEnd }: GroupStripViewProps) {
  const lowest = Math.min(...activity.skus.map((s) => s.groupPrice));
  const shown = groups.slice(0, 3);
  return (
    <View className="group-strip">
      <View className="group-strip__head">
        <Text className="group-strip__label">拼团</Text>
        <Text className="group-strip__offer">
          {`${activity.size}人拼团 `}
          <Text className="group-strip__price">{`¥${yuan(lowest)}`}</Text>
        </Text>
        {activity.status === 'active' ? (
          <Text className="group-strip__open" onClick={onOpen}>
            发起拼团
          </Text>
        ) : (
          <Text className="group-strip__soon">{activity.status === 'upcoming' ? '即将开始' : '已结束'}</Text>
        )}
      </View>
      {shown.length > 0 ? (
        <View className="group-strip__groups">
          <Text className="group-strip__hint">{groups.length > shown.length ? `${groups.length}个团正在拼，可直接参团` : '以下小伙伴正在开团，可直接参团'}</Text>
          {shown.map((g) => (
            <OpenGroupRow key={g.groupId} group={g} serverNow={serverNow} onJoin={onJoin} onEnd={onEnd} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** Fetches the product's group buy; renders nothing when there is none. */
export function GroupStrip({ productId, skuId }: { productId: string; skuId?: string | null }) {
  const [data, setData] = useState<{ activity: Activity | null; openGroups: GroupCard[]; now?: number } | null>(null);
  const load = async () => {
    if (!productId) return;
    const reply = await groupbuyService.forProduct(productId);
    if (reply.ok) setData(reply.data);
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [productId]);
  if (!data?.activity) return null;
  const { activity } = data;
  const picked = skuId && activity.skus.some((s) => s.skuId === skuId) ? skuId : undefined;
  return (
    <GroupStripView
      activity={activity}
      groups={data.openGroups}
      serverNow={data.now}
      onOpen={() => void Taro.navigateTo({ url: activityUrl(activity.activityId, picked) })}
      onJoin={(groupId) => void Taro.navigateTo({ url: groupUrl(groupId) })}
      onEnd={() => void load()}
    />
  );
}
