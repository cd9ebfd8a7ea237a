/**
 * Manager: every 拼团活动, newest first, with its status by the server clock (未开始 / 进行中 /
 * 已结束), N人团 and its time limit, 已拼 / 拼团库存, the groups forming and succeeded, each SKU's
 * figures, and 结束 (after a confirm) for an activity not yet over.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { groupbuyService, type AdminActivity } from '@/services/groupbuy';
import { durationText } from '../groupbuy-edit/activity-form';
import { ManagerGate } from '../manager-gate';
import { CardEnd, CardLine, CardTop, CardTotal } from '../parts/list-card';
import { managerRoutes } from '../routes';
import './index.scss';

/** An activity usually holds every size and colour of a product: past this many, the rest fold away. */
const FOLDED_LINES = 3;

export default function GroupBuysPage() {
  const [activities, setActivities] = useState<AdminActivity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const [unfolded, setUnfolded] = useState<Record<string, boolean>>({});

  const load = async () => {
    const reply = await groupbuyService.adminActivities();
    if (!reply.ok) return setError(reply.message);
    setError(null);
    setActivities(reply.data.activities);
  };
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().then(() => Taro.stopPullDownRefresh()));

  const end = async (activity: AdminActivity) => {
    const { confirm } = await Taro.showModal({
      title: '结束拼团',
      content: `「${activity.title}」将立即结束，顾客不能再开团或参团；正在拼的团按各自时限结束，未成团的自动退款。`,
      confirmText: '立即结束',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setEnding(activity.activityId);
    const reply = await groupbuyService.endActivity(activity.activityId);
    setEnding(null);
    if (!reply.ok) return setError(reply.message);
    void Taro.showToast({ title: '已结束', icon: 'success' });
    setActivities((all) => all?.map((a) => (a.activityId === activity.activityId ? reply.data.activity : a)) ?? null);
  };

  return (
    <ManagerGate>
      <View className="page gbm-list">
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: managerRoutes.groupBuyEdit })}>
          新建拼团活动
        </Button>
        {error ? <Text className="gbm-list__error">{error}</Text> : null}
        {activities === null && !error ? <Text className="gbm-list__hint">加载中…</Text> : null}
        {activities?.length === 0 ? <Text className="gbm-list__hint">还没有拼团活动</Text> : null}
        {activities?.map((a) => {
          const stock = a.skus.reduce((n, s) => n + s.stock, 0);
          const sold = a.skus.reduce((n, s) => n + s.sold, 0);
          const folds = a.skus.length > FOLDED_LINES + 1;
          const open = !folds || unfolded[a.activityId] === true;
          const lines = open ? a.skus : a.skus.slice(0, FOLDED_LINES);
          return (
            <View key={a.activityId} className={`gbm-card gbm-card--${a.status}`}>
              <CardTop block="gbm-card" title={a.title} status={a.status} startAt={a.startAt} endAt={a.endAt} endedAt={a.endedAt} />
              <View className="gbm-card__rules">
                <Text className="gbm-card__rule gbm-card__rule--size">{a.size}人团</Text>
                <Text className="gbm-card__rule">{durationText(a.timeLimitMinutes)}内成团</Text>
                <Text className="gbm-card__rule">每人限购{a.perUserLimit}件</Text>
              </View>
              <CardTotal block="gbm-card" verb="已拼" sold={sold} stock={stock} />
              <View className="gbm-card__groups">
                <Text className="gbm-card__group">
                  拼团中 <Text className="gbm-card__count">{a.groups.forming}</Text>
                </Text>
                <Text className="gbm-card__group">
                  已成团 <Text className="gbm-card__count">{a.groups.succeeded}</Text>
                </Text>
                <Text className="gbm-card__group gbm-card__group--failed">
                  未成团 <Text className="gbm-card__count">{a.groups.failed}</Text>
                </Text>
              </View>
              {lines.map((s) => (
                <CardLine
                  key={s.skuId}
                  block="gbm-line"
                  image={s.image}
                  title={s.title}
                  spec={s.specText}
                  priceName="group"
                  price={s.groupPrice}
                  listPrice={s.listPrice}
                  sold={s.sold}
                  stock={s.stock}
                />
              ))}
              {folds ? (
                <Text className="gbm-card__fold" onClick={() => setUnfolded((u) => ({ ...u, [a.activityId]: !open }))}>
                  {open ? '收起规格' : `展开全部${a.skus.length}个规格`}
                </Text>
              ) : null}
              {a.status !== 'ended' ? (
                <CardEnd block="gbm-card" loading={ending === a.activityId} disabled={ending !== null} onEnd={() => void end(a)} />
              ) : null}
            </View>
          );
        })}
      </View>
    </ManagerGate>
  );
}
