import { useCallback } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Reward } from '@nutui/icons-react-taro';
import { TierCard } from '@/components/tier-card';
import { dayKey } from '@/domain/business-day';
import { formatYuan } from '@/components/tier-card/format';
import { EmptyState } from '@/components/empty-state';
import { useMembership } from '@/stores/membership';
import { useSession } from '@/stores/session';
import { membershipApi, type TierBenefit } from '@/services/membership';
import { usePageView } from '@/services/analytics';
import './index.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });

const discountText = (b: TierBenefit) => (b.discountPercent === 100 ? '原价' : `${b.discountPercent / 10}折`);
const multiplierText = (b: TierBenefit) => `${b.pointsMultiplierTenths / 10}倍`;
const shippingText = (b: TierBenefit) => (b.freeShippingThreshold === 0 ? '全场包邮' : `满${formatYuan(b.freeShippingThreshold)}包邮`);
const priorityText = (b: TierBenefit) => (b.priorityHours > 0 ? `提前${b.priorityHours}小时` : '—');
const qualifyText = (b: TierBenefit) => (b.minOrders12m === 0 ? '注册即享' : `¥${formatYuan(b.minSpend12m)} 且 ${b.minOrders12m} 单`);

export default function MemberCentrePage() {
  usePageView();
  const { profile, loading, error, loadProfile } = useMembership();
  const nickName = useSession((s) => s.profile?.nickName);

  useDidShow(
    useCallback(() => {
      void loadProfile();
    }, [loadProfile]),
  );

  if (!profile) {
    return (
      <View className="page member">
        {error ? (
          <EmptyState icon={<Reward size={26} />} title="会员信息加载失败" description={error.message} actionText="重试" onAction={() => void loadProfile()} />
        ) : (
          <View className="member__loading">{loading ? '加载中…' : ''}</View>
        )}
      </View>
    );
  }

  const { checkin } = profile;
  const today = dayKey(new Date());
  // A birthday can be set, and corrected once; after that the server opens changes again on changeOpensOn.
  const birthdayEditable = !profile.birthday?.changeOpensOn || profile.birthday.changeOpensOn <= today;
  const saveBirthday = async (date: string) => {
    const [year, month, day] = date.split('-');
    const reply = await membershipApi.setBirthday(`${month}-${day}`, Number(year));
    if (!reply.ok) {
      void Taro.showToast({ title: reply.message, icon: 'none' });
      return;
    }
    void Taro.showToast({ title: reply.data.giftIssued ? '生日快乐！生日礼券已发放' : '生日已保存', icon: 'none' });
    void loadProfile();
  };
  return (
    <View className="page member">
      <TierCard
        tierId={profile.tier.id}
        tierName={profile.tier.name}
        points={profile.points}
        nickName={nickName}
        progress={profile.progress}
        onPoints={go('/packages/member/points/index')}
      />
      {profile.tierNotice ? <View className="member__notice">{profile.tierNotice.text}</View> : null}

      <View className="member__window">
        <Text>
          近12个月（{profile.window.firstDay} 起）消费 ¥{formatYuan(profile.window.spend12m)} · {profile.window.orders12m} 单
        </Text>
      </View>

      <View className="member__checkin" onClick={go('/packages/member/checkin/index')}>
        <View className="member__checkin-text">
          <Text className="member__checkin-title">{checkin.checkedInToday ? '今日已签到' : '每日签到'}</Text>
          <Text className="member__checkin-sub">
            {checkin.streak > 0 ? `已连续签到 ${checkin.streak} 天` : '连续签到第3、7天有额外奖励'}
            {checkin.nextBonus ? ` · 再签${checkin.nextBonus.inDays}天额外得${checkin.nextBonus.points}积分` : ''}
          </Text>
        </View>
        <Button size="small" type={checkin.checkedInToday ? 'default' : 'primary'} className="member__checkin-btn">
          {checkin.checkedInToday ? '查看' : `签到 +${checkin.nextPoints}`}
        </Button>
      </View>

      <View className="member__shortcuts">
        <View className="member__shortcut" onClick={go('/packages/member/points/index')}>
          <Text className="member__shortcut-title">积分明细</Text>
          <Text className="member__shortcut-sub">每一笔都有据可查</Text>
        </View>
        <View className="member__shortcut" onClick={go('/packages/member/mall/index')}>
          <Text className="member__shortcut-title">积分商城</Text>
          <Text className="member__shortcut-sub">积分兑换优惠券</Text>
        </View>
        <View className="member__shortcut" onClick={go('/packages/member/settings/index')}>
          <Text className="member__shortcut-title">消息设置</Text>
          <Text className="member__shortcut-sub">营销消息开关</Text>
        </View>
      </View>

      <View className="member__section">
        <Text className="member__eyebrow">会员权益</Text>
        <View className="member__table">
          <View className="member__tr member__tr--head">
            <Text className="member__td member__td--tier">等级</Text>
            <Text className="member__td">折扣</Text>
            <Text className="member__td">积分</Text>
            <Text className="member__td">运费</Text>
            <Text className="member__td">新品优先购</Text>
          </View>
          {profile.benefits.map((b) => (
            <View key={b.id} className={`member__tr ${b.id === profile.tier.id ? 'member__tr--mine' : ''}`}>
              <Text className="member__td member__td--tier">{b.name}</Text>
              <Text className="member__td">{discountText(b)}</Text>
              <Text className="member__td">{multiplierText(b)}</Text>
              <Text className="member__td">{shippingText(b)}</Text>
              <Text className="member__td">{priorityText(b)}</Text>
            </View>
          ))}
        </View>
        <View className="member__rules">
          {profile.benefits.map((b) => (
            <Text key={b.id} className="member__rule">
              {b.name}：{qualifyText(b)}
            </Text>
          ))}
          <Text className="member__rule">等级按近12个月实付金额和订单数每日评估；订单完成即可升级。</Text>
        </View>
      </View>

      <View className="member__birthday">
        <Text className="member__eyebrow">生日礼</Text>
        <Text className="member__birthday-text">
          {profile.birthday ? `你的生日：${profile.birthday.label}，当天自动发放生日礼券` : '还未填写生日，填写后生日当天可领生日礼券'}
        </Text>
        {birthdayEditable ? (
          <Picker mode="date" value={profile.birthday ? `${profile.birthday.year ?? 1995}-${profile.birthday.monthDay}` : '1995-06-15'} start="1920-01-01" end={today} onChange={(e) => void saveBirthday(String(e.detail.value))}>
            <View className="member__birthday-action">{profile.birthday ? '修改生日' : '填写生日'}</View>
          </Picker>
        ) : profile.birthday?.changeOpensOn ? (
          <Text className="member__birthday-hint">生日修改次数已用完，{profile.birthday.changeOpensOn} 后可再次修改</Text>
        ) : null}
      </View>
    </View>
  );
}
