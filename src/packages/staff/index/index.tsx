import { View } from '@tarojs/components';
import { Scan } from '@nutui/icons-react-taro';
import { ComingSoon } from '@/components/coming-soon';

const features = [
  '扫描顾客的优惠券二维码完成核销',
  '扫码失败时输入券码手动核销',
  '核验门店自提订单的提货码',
  '查看本店今日核销记录',
];

export default function StaffPage() {
  return (
    <View className="page page--flush">
      <ComingSoon
        name="门店核销工作台"
        summary="店员在柜台为顾客核销优惠券与自提订单，每张券只会被核销一次"
        features={features}
        icon={<Scan size={26} />}
      />
    </View>
  );
}
