import { useEffect, useRef, useState } from 'react';
import { Button as TaroButton, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, useShareAppMessage } from '@tarojs/taro';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { UserAdd } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { Price } from '@/components/price';
import { detailUrl } from '@/packages/order/routes';
import { productUrl } from '@/packages/product/routes';
import { groupbuyService, type Activity, type GroupDetail } from '@/services/groupbuy';
import { imageUrl } from '@/services/media';
import { GroupSeats } from '../parts/seats';
import { copyShareLink } from '../parts/share';
import { SkuChooser } from '../parts/sku-chooser';
import { GroupBanner } from '../parts/status-banner';
import { useGroupPurchase } from '../parts/use-group-purchase';
import { activityUrl, groupbuyRoutes, groupUrl } from '../routes';
import './index.scss';

/** Refusals after which the useful offer is a group of one's own. */
const OPEN_OWN = new Set(['GROUP_FULL', 'GROUP_EXPIRED', 'GROUP_CLOSED']);
const SETTLE_TRIES = 15;
const SETTLE_INTERVAL_MS = 1000;

export default function GroupPage() {
  const [id, setId] = useState('');
  const idRef = useRef('');
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [activity, setActivity] = useState<Activity | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [skuId, setSkuId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(1);
  const purchase = useGroupPurchase();
  // Straight from paying: the order is paid, but the group counts the payment a moment later.
  const [justPaid, setJustPaid] = useState(false);
  const settleTries = useRef(0);

  const load = async (groupId: string) => {
    const reply = await groupbuyService.group(groupId);
    if (!reply.ok) {
      setError(reply.message);
      return;
    }
    setGroup(reply.data);
    setError(null);
  };

  useLoad((params: Record<string, string | undefined>) => {
    const groupId = params.id ? decodeURIComponent(params.id) : '';
    idRef.current = groupId;
    setId(groupId);
    setJustPaid(params.paid === '1');
    if (groupId) void load(groupId);
    else setError('没有找到这个团');
  });
  // Back from the order or a share: the group may have filled up meanwhile. (The first show is useLoad's.)
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && idRef.current) void load(idRef.current);
    shown.current = true;
  });

  const settling = justPaid && group !== null && group.viewer.role !== 'leader' && group.viewer.role !== 'member' && settleTries.current < SETTLE_TRIES;
  useEffect(() => {
    if (!settling || !group) return undefined;
    const timer = setTimeout(() => {
      settleTries.current += 1;
      void load(group.groupId);
    }, SETTLE_INTERVAL_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settling, group]);

  useShareAppMessage(() => ({
    title: group?.shareTitle ?? '一起拼团，人齐就是拼团价',
    path: groupUrl(id),
    imageUrl: group ? imageUrl(group.image) : undefined,
  }));

  const startJoin = async () => {
    if (!group) return;
    if (!activity) {
      const reply = await groupbuyService.activity(group.activityId);
      if (!reply.ok) {
        void Taro.showToast({ title: reply.message, icon: 'none' });
        return;
      }
      setActivity(reply.data.activity);
      const first = reply.data.activity.skus.find((s) => s.stockLeft > 0);
      setSkuId((current) => current ?? first?.skuId ?? null);
    }
    setPicking(true);
  };

  const join = async () => {
    if (!group || !skuId) return;
    setPicking(false);
    await purchase.buy({ kind: 'join', groupId: group.groupId }, skuId, quantity);
  };

  if (error) {
    return (
      <View className="page gb-group gb-group--empty">
        <EmptyState icon={<UserAdd size={32} />} title={error} description="看看其他正在进行的拼团" actionText="去拼团" onAction={() => void Taro.redirectTo({ url: groupbuyRoutes.list })} />
      </View>
    );
  }
  if (!group) return <View className="page gb-group" />;

  const { viewer } = group;
  const inGroup = viewer.role === 'leader' || viewer.role === 'member';
  const forming = group.status === 'forming';

  const action = () => {
    if (settling) return <Text className="gb-group__hint">支付成功，正在确认你的位置…</Text>;
    if (viewer.role === 'paying' && viewer.orderId) {
      const orderId = viewer.orderId;
      return (
        <>
          <Text className="gb-group__hint">你已参团，完成支付才算占到位置</Text>
          <Button className="gb-group__btn" type="primary" block loading={purchase.busy} onClick={() => void purchase.payExisting(orderId, group.groupId)}>
            去支付
          </Button>
        </>
      );
    }
    if (inGroup && forming) {
      return (
        <>
          <Text className="gb-group__hint">{viewer.role === 'leader' ? '你是团长，邀请好友来参团吧' : '你已参团，邀请好友一起更快成团'}</Text>
          {process.env.TARO_ENV === 'weapp' ? (
            <TaroButton className="gb-group__share" openType="share">
              邀请好友参团
            </TaroButton>
          ) : (
            <Button className="gb-group__btn" type="primary" block onClick={() => void copyShareLink(group.shareTitle, groupUrl(group.groupId))}>
              复制链接邀请好友
            </Button>
          )}
        </>
      );
    }
    if (inGroup) {
      return (
        <>
          <Text className="gb-group__hint">{group.status === 'succeeded' ? '你在这个团里，订单已进入待发货' : '你的款项会原路退回，可在订单中查看进度'}</Text>
          {viewer.orderId ? (
            <Button className="gb-group__btn gb-group__btn--plain" block onClick={() => void Taro.navigateTo({ url: detailUrl(viewer.orderId as string) })}>
              查看订单
            </Button>
          ) : null}
        </>
      );
    }
    if (viewer.canJoin) {
      return (
        <Button className="gb-group__btn" type="primary" block loading={purchase.busy} onClick={() => void startJoin()}>
          {`参与拼团 ¥${(group.groupPrice / 100).toFixed(group.groupPrice % 100 === 0 ? 0 : 2)}`}
        </Button>
      );
    }
    return (
      <>
        <Text className="gb-group__refusal">{viewer.refusal?.message ?? '暂时不能参加这个团'}</Text>
        {!viewer.refusal || OPEN_OWN.has(viewer.refusal.code) ? (
          <Button className="gb-group__btn" type="primary" block onClick={() => void Taro.navigateTo({ url: activityUrl(group.activityId) })}>
            我也开一个团
          </Button>
        ) : null}
      </>
    );
  };

  return (
    <View className="page page--flush gb-group">
      <GroupBanner status={group.status} placesLeft={group.placesLeft} payingCount={group.payingCount} deadline={group.deadline} serverNow={group.now} onEnd={() => void load(group.groupId)} />

      <View className="gb-group__card gb-group__product" onClick={() => void Taro.navigateTo({ url: productUrl(group.productId) })}>
        <Image className="gb-group__image" src={imageUrl(group.image)} mode="aspectFill" />
        <View className="gb-group__product-text">
          <Text className="gb-group__title">{group.title}</Text>
          <Text className="gb-group__size">{`${group.size}人团`}</Text>
          <View className="gb-group__prices">
            <Text className="gb-group__label">拼团价</Text>
            <Price fen={group.groupPrice} />
            <Price className="gb-group__was" fen={group.listPrice} strike />
          </View>
        </View>
      </View>

      <View className="gb-group__card gb-group__people">
        <Text className="gb-group__people-title">{`已有 ${group.members.length}/${group.size} 人参团`}</Text>
        <GroupSeats members={group.members} size={group.size} />
        <View className="gb-group__action">
          {viewer.notice ? <Text className="gb-group__notice">{viewer.notice}</Text> : null}
          {action()}
        </View>
      </View>

      <View className="gb-group__card gb-group__rules">
        <Text className="gb-group__rules-title">拼团说明</Text>
        <Text className="gb-group__rule">1. 团长付款开团，好友付款参团，人满即成团</Text>
        <Text className="gb-group__rule">2. 到时未成团，已付款项自动原路退回</Text>
        <Text className="gb-group__rule">3. 每个团每人只能参加一次</Text>
      </View>

      <Popup visible={picking} position="bottom" round closeable onClose={() => setPicking(false)}>
        {activity ? (
          <SkuChooser
            image={group.image}
            skus={activity.skus}
            skuId={skuId}
            onSelect={setSkuId}
            quantity={quantity}
            onQuantity={setQuantity}
            perUserLimit={activity.perUserLimit}
            confirmText="确认参团"
            busy={purchase.busy}
            onConfirm={() => void join()}
          />
        ) : null}
      </Popup>
      {purchase.sheet}
    </View>
  );
}
