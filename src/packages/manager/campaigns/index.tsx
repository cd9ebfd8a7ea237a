/** Manager: every campaign with its status and key numbers; a new one starts in the editor. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { pushService, type Campaign } from '@/services/push';
import { ManagerGate } from '../manager-gate';
import { managerCampaignEditUrl, managerCampaignUrl } from '../routes';
import { STATUS_LABELS, shanghaiTime } from './status';
import './index.scss';

function when(c: Campaign): string {
  if (c.status === 'sent') return `${shanghaiTime(c.finishedAt)} 发送完成`;
  if (c.status === 'sending') return `${shanghaiTime(c.startedAt)} 开始发送`;
  if (c.status === 'scheduled') return `定于 ${shanghaiTime(c.scheduledAt)} 发送`;
  return `${shanghaiTime(c.createdAt)} 创建`;
}

export default function CampaignsPage() {
  const [items, setItems] = useState<Campaign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    const reply = await pushService.list();
    if (!reply.ok) return setError(reply.message);
    setError(null);
    setItems(reply.data.items);
  };
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().then(() => Taro.stopPullDownRefresh()));

  const open = (c: Campaign) => void Taro.navigateTo({ url: c.status === 'draft' ? managerCampaignEditUrl(c.id) : managerCampaignUrl(c.id) });

  return (
    <ManagerGate>
      <View className="page campaigns">
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: managerCampaignEditUrl() })}>
          新建推送活动
        </Button>
        {error ? <Text className="campaigns__error">{error}</Text> : null}
        {items === null && !error ? <Text className="campaigns__hint">加载中…</Text> : null}
        {items?.length === 0 ? <Text className="campaigns__hint">还没有推送活动</Text> : null}
        {items?.map((c) => (
          <View key={c.id} className="campaign-card" onClick={() => open(c)}>
            <View className="campaign-card__head">
              <Text className="campaign-card__name">{c.name}</Text>
              <Text className={`campaign-card__status campaign-card__status--${c.status}`}>{STATUS_LABELS[c.status]}</Text>
            </View>
            <Text className="campaign-card__audience">{c.audienceText}</Text>
            <View className="campaign-card__nums">
              <View className="campaign-card__num">
                <Text className="campaign-card__value">{c.report?.targeted ?? c.audienceSize}</Text>
                <Text className="campaign-card__label">目标人数</Text>
              </View>
              <View className="campaign-card__num">
                <Text className="campaign-card__value">{c.report ? c.report.sent : '—'}</Text>
                <Text className="campaign-card__label">已发送</Text>
              </View>
              <View className="campaign-card__num">
                <Text className="campaign-card__value">{c.report ? c.report.landingVisits : '—'}</Text>
                <Text className="campaign-card__label">落地访问</Text>
              </View>
              <View className="campaign-card__num">
                <Text className="campaign-card__value">{c.report ? c.report.orders : '—'}</Text>
                <Text className="campaign-card__label">成交订单</Text>
              </View>
            </View>
            <Text className="campaign-card__when">{when(c)}</Text>
          </View>
        ))}
      </View>
    </ManagerGate>
  );
}
