import { View } from '@tarojs/components';
import { Shopping } from '@nutui/icons-react-taro';
import { ComingSoon } from '@/components/coming-soon';

const features = [
  '多图浏览，颜色 × 尺码选择并显示每个组合的库存',
  '尺码指南与会员价预览',
  '查看可用优惠券，参加拼团或限时秒杀',
  '某个尺码缺货时订阅到货提醒',
  '生成分享海报发给朋友',
];

export default function ProductPage() {
  return (
    <View className="page page--flush">
      <ComingSoon
        name="商品详情"
        summary="看清每一件衣服的面料、版型与尺码，再决定带走哪一件"
        features={features}
        icon={<Shopping size={26} />}
      />
    </View>
  );
}
