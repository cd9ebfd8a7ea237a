import { View } from '@tarojs/components';
import { Gift } from '@nutui/icons-react-taro';
import { ComingSoon } from '@/components/coming-soon';

const features = [
  '生成带小程序码的专属分享海报',
  '好友首单完成后获得积分奖励',
  '邀请 3 位好友下单再得优惠券',
  '查看邀请进度',
];

export default function InvitePage() {
  return (
    <View className="page page--flush">
      <ComingSoon
        name="邀请有礼"
        summary="把喜欢的衣服分享给朋友，朋友下单你得奖励"
        features={features}
        icon={<Gift size={26} />}
      />
    </View>
  );
}
