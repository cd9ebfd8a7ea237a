/**
 * Manager: every 拼团活动, newest first, with its status by the server clock (未开始 / 进行中 /
 * 已结束), N人团 and its time limit, 已拼 / 拼团库存, the groups forming and succeeded, each SKU's
 * figures, and 结束 (after a confirm) for an activity not yet over.
 */
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Progress, Tag } from '@nutui/nutui-react-taro';
import { zonedParts } from '@/domain/business-day';
import { formatFen } from '@/domain/money';
import { groupbuyService, type ActivityStatus, type AdminActivity } from '@/services/groupbuy';
import { imageUrl } from '@/services/media';
import { colors } from '@/theme/tokens';
import { durationText } from '../groupbuy-edit/activity-form';
import { ManagerGate } from '../manager-gate';
import { managerRoutes } from '../routes';
import './index.scss';

export const STATUS_TEXT: Record<ActivityStatus, string> = { upcoming: '未开始', active: '进行中', ended: '已结束' };

const pad = (n: number) => String(n).padStart(2, '0');
/** '12-06 20:00' in Shanghai time. */
function at(ms: number): string {
  const p = zonedParts(ms);
  return `${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** An activity usually holds every size and colour of a product: past this many, the rest fold away. */
const FOLDED_LINES = 3;

const percent = (sold: number, stock: number) => (stock > 0 ? Math.min(100, Math.round((sold / stock) * 100)) : 0);

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
              <View className="gbm-card__head">
                <Text className="gbm-card__title">{a.title}</Text>
                <Tag className={`gbm-card__status gbm-card__status--${a.status}`}>{STATUS_TEXT[a.status]}</Tag>
              </View>
              <Text className="gbm-card__when">
                {at(a.startAt)} - {at(a.endAt)}
                {a.endedAt ? ' · 已提前结束' : ''}
              </Text>
              <View className="gbm-card__rules">
                <Text className="gbm-card__rule gbm-card__rule--size">{a.size}人团</Text>
                <Text className="gbm-card__rule">{durationText(a.timeLimitMinutes)}内成团</Text>
                <Text className="gbm-card__rule">每人限购{a.perUserLimit}件</Text>
              </View>
              <View className="gbm-card__total">
                <Text className="gbm-card__total-text">
                  已拼 {sold} / {stock} 件
                </Text>
                <Progress percent={percent(sold, stock)} color={colors.accent} background={colors.sand} strokeWidth="6" />
              </View>
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
                <View key={s.skuId} className="gbm-line">
                  <Image className="gbm-line__image" src={imageUrl(s.image)} mode="aspectFill" />
                  <View className="gbm-line__name">
                    <Text className="gbm-line__title">{s.title}</Text>
                    <Text className="gbm-line__spec">{s.specText}</Text>
                  </View>
                  <View className="gbm-line__price">
                    <Text className="gbm-line__group">{formatFen(s.groupPrice)}</Text>
                    <Text className="gbm-line__list">{formatFen(s.listPrice)}</Text>
                  </View>
                  <Text className="gbm-line__sold">
                    {s.sold}/{s.stock}
                  </Text>
                </View>
              ))}
              {folds ? (
                <Text className="gbm-card__fold" onClick={() => setUnfolded((u) => ({ ...u, [a.activityId]: !open }))}>
                  {open ? '收起规格' : `展开全部${a.skus.length}个规格`}
                </Text>
              ) : null}
              {a.status !== 'ended' ? (
                <View className="gbm-card__actions">
                  <Button size="small" fill="outline" loading={ending === a.activityId} disabled={ending !== null} onClick={() => void end(a)}>
                    结束
                  </Button>
                </View>
              ) : null}
            </View>
          );
        })}
      </View>
    </ManagerGate>
  );
}
