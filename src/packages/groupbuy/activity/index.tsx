import { useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, useShareAppMessage } from '@tarojs/taro';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { UserAdd } from '@nutui/icons-react-taro';
import { Countdown } from '@/components/countdown';
import { EmptyState } from '@/components/empty-state';
import { Price } from '@/components/price';
import { productUrl } from '@/packages/product/routes';
import { groupbuyService, type Activity, type GroupCard } from '@/services/groupbuy';
import { imageUrl } from '@/services/media';
import { OpenGroupRow } from '../parts/open-group-row';
import { SkuChooser } from '../parts/sku-chooser';
import { useGroupPurchase } from '../parts/use-group-purchase';
import { activityUrl, groupbuyRoutes, groupUrl } from '../routes';
import './index.scss';

const hoursText = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`);

export default function ActivityPage() {
  const idRef = useRef('');
  const [activity, setActivity] = useState<Activity | null>(null);
  const [groups, setGroups] = useState<GroupCard[]>([]);
  const [now, setNow] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [skuId, setSkuId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(1);
  const purchase = useGroupPurchase();

  const load = async (activityId: string) => {
    const reply = await groupbuyService.activity(activityId);
    if (!reply.ok) {
      setError(reply.message);
      return;
    }
    setActivity(reply.data.activity);
    setGroups(reply.data.openGroups);
    setNow(reply.data.now);
    setError(null);
    setSkuId((current) => current ?? reply.data.activity.skus.find((s) => s.stockLeft > 0)?.skuId ?? null);
  };

  useLoad((params: Record<string, string | undefined>) => {
    const activityId = params.id ? decodeURIComponent(params.id) : '';
    idRef.current = activityId;
    if (params.skuId) setSkuId(decodeURIComponent(params.skuId));
    if (activityId) void load(activityId);
    else setError('没有找到这个拼团活动');
  });
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && idRef.current) void load(idRef.current);
    shown.current = true;
  });

  useShareAppMessage(() => ({ title: activity ? `${activity.size}人拼团 · ${activity.title}` : '一起拼团', path: activityUrl(idRef.current) }));

  if (error) {
    return (
      <View className="page gb-activity gb-activity--empty">
        <EmptyState icon={<UserAdd size={32} />} title={error} description="看看其他正在进行的拼团" actionText="去拼团" onAction={() => void Taro.redirectTo({ url: groupbuyRoutes.list })} />
      </View>
    );
  }
  if (!activity) return <View className="page gb-activity" />;

  const lowest = Math.min(...activity.skus.map((s) => s.groupPrice));
  const list = Math.max(...activity.skus.map((s) => s.listPrice));
  const soldOut = activity.skus.every((s) => s.stockLeft <= 0);
  const open = async () => {
    if (!skuId) return;
    setPicking(false);
    await purchase.buy({ kind: 'open', activityId: activity.activityId }, skuId, quantity);
  };

  return (
    <View className="page page--flush gb-activity">
      <Image className="gb-activity__hero" src={imageUrl(activity.image)} mode="aspectFill" />
      <View className="gb-activity__price-band">
        <View className="gb-activity__price-left">
          <Text className="gb-activity__tag">{`${activity.size}人团`}</Text>
          <Price fen={lowest} size="lg" className="gb-activity__price" />
          <Price fen={list} strike className="gb-activity__was" />
        </View>
        {activity.status === 'active' ? (
          <Countdown to={activity.endAt} serverNow={now} label="距结束" tone="light" onEnd={() => void load(activity.activityId)} />
        ) : activity.status === 'upcoming' ? (
          <Countdown to={activity.startAt} serverNow={now} label="距开始" endedText="已开始" tone="light" onEnd={() => void load(activity.activityId)} />
        ) : (
          <Text className="gb-activity__ended">活动已结束</Text>
        )}
      </View>

      <View className="gb-activity__card">
        <Text className="gb-activity__title">{activity.title}</Text>
        <View className="gb-activity__facts">
          <Text className="gb-activity__fact">{`${activity.size}人成团`}</Text>
          <Text className="gb-activity__fact">{`${hoursText(activity.timeLimitMinutes)}内成团`}</Text>
          <Text className="gb-activity__fact">{`每人限购${activity.perUserLimit}件`}</Text>
          <Text className="gb-activity__fact">未成团自动退款</Text>
        </View>
      </View>

      <View className="gb-activity__card">
        <Text className="gb-activity__section">{groups.length > 0 ? '这些团正在拼，可直接参团' : '还没有人开团，来当团长吧'}</Text>
        {groups.map((g) => (
          <OpenGroupRow key={g.groupId} group={g} serverNow={now} onJoin={(groupId) => void Taro.navigateTo({ url: groupUrl(groupId) })} onEnd={() => void load(activity.activityId)} />
        ))}
      </View>

      <View className="gb-activity__card">
        <Text className="gb-activity__section">怎么拼</Text>
        <View className="gb-activity__steps">
          {['选规格开团', '邀请好友参团', `${activity.size}人付款成团`, '成团后发货'].map((s, i) => (
            <View key={s} className="gb-activity__step">
              <Text className="gb-activity__step-no">{i + 1}</Text>
              <Text className="gb-activity__step-text">{s}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="gb-activity__bar">
        <View className="gb-activity__solo" onClick={() => void Taro.navigateTo({ url: productUrl(activity.productId) })}>
          <Price fen={list} size="sm" />
          <Text>单独购买</Text>
        </View>
        <Button className="gb-activity__open" type="primary" disabled={activity.status !== 'active' || soldOut} loading={purchase.busy} onClick={() => setPicking(true)}>
          {soldOut ? '已抢光' : activity.status === 'upcoming' ? '即将开始' : activity.status === 'ended' ? '活动已结束' : '发起拼团'}
        </Button>
      </View>

      <Popup visible={picking} position="bottom" round closeable onClose={() => setPicking(false)}>
        <SkuChooser
          image={activity.image}
          skus={activity.skus}
          skuId={skuId}
          onSelect={setSkuId}
          quantity={quantity}
          onQuantity={setQuantity}
          perUserLimit={activity.perUserLimit}
          confirmText="确认开团"
          busy={purchase.busy}
          onConfirm={() => void open()}
        />
      </Popup>
      {purchase.sheet}
    </View>
  );
}
