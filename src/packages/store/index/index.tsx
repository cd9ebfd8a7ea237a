import { View } from '@tarojs/components';
import { Store } from '@nutui/icons-react-taro';
import { ComingSoon } from '@/components/coming-soon';

const features = [
  '按距离查看附近门店的地址、营业时间与电话',
  '领取门店优惠券，到店出示动态核销码',
  '核销后返还积分',
  '不方便定位时按城市选择门店',
];

export default function StorePage() {
  return (
    <View className="page page--flush">
      <ComingSoon
        name="门店与优惠券"
        summary="找到离你最近的 Weave 门店，领一张到店用的券"
        features={features}
        icon={<Store size={26} />}
      />
    </View>
  );
}
