import { View } from '@tarojs/components';
import { UserAdd } from '@nutui/icons-react-taro';
import { ComingSoon } from '@/components/coming-soon';

const features = [
  '开团或加入好友的团，享受拼团价',
  '成团倒计时与还差几人',
  '到时未成团自动全额退款',
];

export default function GroupBuyPage() {
  return (
    <View className="page page--flush">
      <ComingSoon
        name="拼团"
        summary="和朋友一起买，人齐就是拼团价"
        features={features}
        icon={<UserAdd size={26} />}
      />
    </View>
  );
}
