import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Shopping } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { tabs } from '@/packages/routes';
import './index.scss';

export default function CartPage() {
  return (
    <View className="page cart">
      <View className="cart__head">
        <Text className="cart__eyebrow">YOUR BAG</Text>
        <Text className="cart__title">购物车</Text>
      </View>
      <View className="cart__card">
        <EmptyState
          icon={<Shopping size={32} />}
          title="购物车还是空的"
          description="选好颜色和尺码加入购物车，结算时会自动计算会员折扣、满减和优惠券"
          actionText="去逛逛"
          onAction={() => void Taro.switchTab({ url: tabs.home })}
        />
      </View>
    </View>
  );
}
