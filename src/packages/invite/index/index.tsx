import { useCallback, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Progress } from '@nutui/nutui-react-taro';
import { Gift } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { usePageView } from '@/services/analytics';
import { referralService, type InviteProgressData } from '@/services/referral';
import { colors } from '@/theme/tokens';
import { posterUrl } from '../routes';
import './index.scss';

const dateText = (iso: string) => {
  const d = new Date(iso);
  return `${d.getMonth() + 1}月${d.getDate()}日`;
};

/** 邀请有礼: how far to the next coupon, who came through my posters, what I earned. */
export default function InvitePage() {
  usePageView();
  const [data, setData] = useState<InviteProgressData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const reply = await referralService.progress();
    if (reply.ok) {
      setData(reply.data);
      setError(null);
    } else setError(reply.message);
  }, []);

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (!data) {
    return (
      <View className="page invite">
        {error ? <EmptyState icon={<Gift size={26} />} title="邀请信息加载失败" description={error} actionText="重试" onAction={() => void load()} /> : <View className="invite__loading">加载中…</View>}
      </View>
    );
  }

  const percent = Math.min(100, Math.round((data.qualified / data.target) * 100));
  return (
    <View className="page invite">
      <View className="invite__hero">
        <Text className="invite__hero-title">{`邀请${data.rule.milestoneInvites}人下单赠优惠券`}</Text>
        <Text className="invite__hero-rule">{`好友通过你的海报首次下单，你得 ${data.rule.pointsPerInvitee} 积分；每满 ${data.rule.milestoneInvites} 位好友下单，再得「${data.rule.couponTitle}」`}</Text>
        <View className="invite__progress">
          <Text className="invite__count">
            <Text className="invite__count-num">{data.qualified}</Text>
            {`/${data.target}`}
          </Text>
          <Text className="invite__progress-text">{`已邀请${data.qualified}人下单 / 目标${data.target}人`}</Text>
        </View>
        <Progress percent={percent} color={colors.accentSoft} background="rgba(255,255,255,0.2)" strokeWidth="8" />
        <Text className="invite__progress-note">{data.remaining > 0 ? `再邀请 ${data.remaining} 位好友下单即得优惠券` : '已达成，优惠券已发放'}</Text>
        <Button className="invite__poster-btn" type="primary" block onClick={() => void Taro.navigateTo({ url: posterUrl() })}>
          生成海报
        </Button>
      </View>

      <View className="invite__card">
        <Text className="invite__card-title">我的奖励</Text>
        <View className="invite__rewards">
          <View className="invite__reward">
            <Text className="invite__reward-num">{data.rewards.points}</Text>
            <Text className="invite__reward-label">积分</Text>
          </View>
          <View className="invite__reward">
            <Text className="invite__reward-num">{data.rewards.coupons.length}</Text>
            <Text className="invite__reward-label">优惠券</Text>
          </View>
          <View className="invite__reward">
            <Text className="invite__reward-num">{data.invited}</Text>
            <Text className="invite__reward-label">已绑定好友</Text>
          </View>
        </View>
        {data.rewards.coupons.map((c) => (
          <View key={c.id} className="invite__coupon">
            <Text className="invite__coupon-title">{c.title}</Text>
            <Text className="invite__coupon-status">{c.status === 'unused' ? `有效期至 ${dateText(c.validTo)}` : c.status === 'used' ? '已使用' : '已过期'}</Text>
          </View>
        ))}
      </View>

      <View className="invite__card">
        <Text className="invite__card-title">{`邀请记录（${data.invited}）`}</Text>
        {data.invitees.length === 0 ? (
          <Text className="invite__empty">还没有好友通过你的海报加入，生成海报分享给朋友吧</Text>
        ) : (
          data.invitees.map((i, index) => (
            <View key={`${i.name}-${i.boundAt}-${index}`} className="invite__row">
              {i.avatarUrl ? <Image className="invite__avatar" src={i.avatarUrl} mode="aspectFill" /> : <View className="invite__avatar invite__avatar--blank">{i.name.slice(0, 1)}</View>}
              <View className="invite__row-body">
                <Text className="invite__name">{i.name}</Text>
                <Text className="invite__date">{`${dateText(i.boundAt)} 绑定`}</Text>
              </View>
              <View className="invite__row-end">
                <Text className={`invite__status invite__status--${i.status}`}>{i.statusText}</Text>
                {i.rewardPoints > 0 ? <Text className="invite__row-points">{`+${i.rewardPoints} 积分`}</Text> : null}
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
