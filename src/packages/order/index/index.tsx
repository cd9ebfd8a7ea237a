import { View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { orderRoutes } from '../routes';

/** The 我的 page's 订单 shortcuts land here with ?stage=; the list is the real page. */
const STAGE_TO_TAB: Record<string, string> = { pay: 'pending_payment', ship: 'paid', receive: 'shipped', refund: 'refund' };

export default function OrderIndexPage() {
  const { params } = useRouter();
  useLoad(() => {
    const tab = params.stage ? STAGE_TO_TAB[params.stage] : undefined;
    void Taro.redirectTo({ url: tab ? `${orderRoutes.list}?status=${tab}` : orderRoutes.list });
  });
  return <View className="page" />;
}
