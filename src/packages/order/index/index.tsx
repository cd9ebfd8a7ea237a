import { View } from '@tarojs/components';
import { Order } from '@nutui/icons-react-taro';
import { ComingSoon } from '@/components/coming-soon';

const features = [
  '结算时逐行列出会员折扣、满减、优惠券、积分抵扣与运费',
  '微信支付，30 分钟未支付自动取消并退回库存与优惠',
  '快递到家或到门店自提，自提码由店员核验',
  '跟踪待付款、待发货、待收货的订单',
  '申请退款，优惠券与积分随退款退回',
];

export default function OrderPage() {
  return (
    <View className="page page--flush">
      <ComingSoon
        name="结算与订单"
        summary="一次看清优惠怎么算，付款、发货、自提与售后都在这里"
        features={features}
        icon={<Order size={26} />}
      />
    </View>
  );
}
