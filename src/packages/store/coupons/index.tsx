import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CentreList } from '../centre-list';
import { storeRoutes } from '../routes';
import './index.scss';

export default function CouponCentrePage() {
  const { params } = useRouter();
  return (
    <View className="page coupon-centre">
      <View className="coupon-centre__head">
        <Text className="coupon-centre__title">领券中心</Text>
        <Text className="coupon-centre__mine" onClick={() => void Taro.navigateTo({ url: storeRoutes.mine })}>
          我的券 ›
        </Text>
      </View>
      <CentreList storeId={params.storeId} />
    </View>
  );
}
