import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ArrowRight, Clock, Coupon, Order, People, Presentation, Refund, Message, Shop, UserAdd } from '@nutui/icons-react-taro';
import { ManagerGate } from '../manager-gate';
import { managerRoutes } from '../routes';
import './index.scss';

interface Area {
  title: string;
  description: string;
  icon: ReactNode;
  url?: string;
}

const ready: Area[] = [
  { title: '订单发货', description: '待发货订单，填写快递公司与运单号', icon: <Order size={22} />, url: `${managerRoutes.orders}?status=paid` },
  { title: '退款审核', description: '查看顾客的退款申请，同意或拒绝', icon: <Refund size={22} />, url: `${managerRoutes.orders}?status=refund` },
  { title: '全部订单', description: '按状态查看所有订单', icon: <Order size={22} />, url: `${managerRoutes.orders}?status=all` },
  { title: '门店优惠券', description: '新建到店券，查看领取与核销', icon: <Coupon size={22} />, url: managerRoutes.coupons },
  { title: '限时秒杀', description: '新建秒杀场次，设置秒杀价、库存与限购，查看售出并可提前结束', icon: <Clock size={22} />, url: managerRoutes.flashSales },
  { title: '拼团活动', description: '新建拼团，设置成团人数、时限与拼团价，查看成团情况并可提前结束', icon: <UserAdd size={22} />, url: managerRoutes.groupBuys },
  { title: '门店核销统计', description: '各门店核销张数、返积分与自提单', icon: <Shop size={22} />, url: managerRoutes.redemptions },
  { title: '用户标签', description: '查找用户，查看生命周期、RFM分群与兴趣，管理手动标签', icon: <People size={22} />, url: managerRoutes.userTags },
  { title: '活动推送', description: '按标签圈选人群，订阅消息即时或定时发送，查看触达与成交', icon: <Message size={22} />, url: managerRoutes.campaigns },
];

const later: Area[] = [
  { title: '经营看板', description: 'GMV、转化漏斗、复购率', icon: <Presentation size={22} /> },
];

export default function ManagerHomePage() {
  return (
    <ManagerGate>
      <View className="page page--flush manager-home">
        <View className="manager-home__hero">
          <Text className="manager-home__eyebrow">WORKSPACE</Text>
          <Text className="manager-home__title">运营工作台</Text>
          <Text className="manager-home__summary">订单、售后，以及即将上线的人群、推送与看板</Text>
        </View>
        <View className="manager-home__body">
          <Text className="manager-home__section">订单与售后</Text>
          {ready.map((a) => (
            <View key={a.title} className="manager-home__entry" onClick={() => a.url && void Taro.navigateTo({ url: a.url })}>
              <View className="manager-home__icon">{a.icon}</View>
              <View className="manager-home__text">
                <Text className="manager-home__name">{a.title}</Text>
                <Text className="manager-home__desc">{a.description}</Text>
              </View>
              <ArrowRight size={12} />
            </View>
          ))}
          <Text className="manager-home__section">即将上线</Text>
          {later.map((a) => (
            <View key={a.title} className="manager-home__entry manager-home__entry--later">
              <View className="manager-home__icon">{a.icon}</View>
              <View className="manager-home__text">
                <Text className="manager-home__name">{a.title}</Text>
                <Text className="manager-home__desc">{a.description}</Text>
              </View>
              <Text className="manager-home__soon">即将上线</Text>
            </View>
          ))}
        </View>
      </View>
    </ManagerGate>
  );
}
