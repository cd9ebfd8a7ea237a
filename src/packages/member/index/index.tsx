import { View } from '@tarojs/components';
import { Reward } from '@nutui/icons-react-taro';
import { ComingSoon } from '@/components/coming-soon';

const features = [
  '查看会员等级、升级进度与专属折扣',
  '积分明细，积分兑换优惠券',
  '每日签到领积分，连签第 3、7 天额外奖励',
  '生日当月领取生日礼券',
  '新品优先购',
];

export default function MemberPage() {
  return (
    <View className="page page--flush">
      <ComingSoon
        name="会员中心"
        summary="普通、银卡、金卡、黑钻四级会员，买得越多权益越多"
        features={features}
        icon={<Reward size={26} />}
      />
    </View>
  );
}
