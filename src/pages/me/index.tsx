import { useEffect, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell } from '@nutui/nutui-react-taro';
import {
  ArrowRight,
  Calendar,
  Coupon,
  Gift,
  Package,
  Presentation,
  Refund,
  Scan,
  Star,
  Store,
  ToPay,
  UserAdd,
  WaitReceive,
} from '@nutui/icons-react-taro';
import { DevIdentitySwitcher } from '@/components/dev-identity-switcher';
import { UserCard } from '@/components/user-card';
import { useSession } from '@/stores/session';
import { groupbuyRoutes } from '@/packages/groupbuy/routes';
import { areas } from '@/packages/routes';
import { usePageView } from '@/services/analytics';
import './index.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });

const orderStages = [
  { key: 'pay', text: '待付款', icon: <ToPay size={24} /> },
  { key: 'ship', text: '待发货', icon: <Package size={24} /> },
  { key: 'receive', text: '待收货', icon: <WaitReceive size={24} /> },
  { key: 'refund', text: '退款/售后', icon: <Refund size={24} /> },
];

function Entry({ icon, title, description, url }: { icon: ReactNode; title: string; description?: string; url: string }) {
  return (
    <Cell
      className="me__entry"
      align="center"
      title={
        <View className="me__entry-title">
          <View className="me__entry-icon">{icon}</View>
          <Text>{title}</Text>
        </View>
      }
      extra={
        <View className="me__entry-extra">
          {description ? <Text>{description}</Text> : null}
          <ArrowRight size={12} />
        </View>
      }
      onClick={go(url)}
    />
  );
}

export default function MePage() {
  usePageView();
  const { status, profile, roles, staff, error, login } = useSession();

  useEffect(() => {
    // app.ts logs in at launch; this covers opening "我的" directly (H5 deep link, a failed launch).
    if (useSession.getState().status === 'idle') void login();
  }, [login]);

  const isStaff = roles.includes('staff');
  const isManager = roles.includes('manager');

  return (
    <View className="page me">
      <UserCard status={status} profile={profile} errorMessage={error?.message} onLogin={() => void login()} />

      <View className="me__orders">
        <View className="me__orders-head" onClick={go(areas.order)}>
          <Text className="me__orders-title">我的订单</Text>
          <Text className="me__orders-all">全部订单 ›</Text>
        </View>
        <View className="me__orders-stages">
          {orderStages.map((s) => (
            <View key={s.key} className="me__stage" onClick={go(`${areas.order}?stage=${s.key}`)}>
              {s.icon}
              <Text className="me__stage-text">{s.text}</Text>
            </View>
          ))}
        </View>
      </View>

      <Cell.Group className="me__group" title="会员与权益">
        <Entry icon={<Coupon size={18} />} title="优惠券" url={areas.store} />
        <Entry icon={<Star size={18} />} title="积分兑换" description="积分抵现 · 换券" url="/packages/member/mall/index" />
        <Entry icon={<Calendar size={18} />} title="每日签到" description="连签有奖励" url="/packages/member/checkin/index" />
        <Entry icon={<UserAdd size={18} />} title="我的拼团" description="拼团进度 · 邀请好友" url={groupbuyRoutes.mine} />
        <Entry icon={<Gift size={18} />} title="邀请有礼" description="邀请3人下单赠券" url={areas.invite} />
      </Cell.Group>

      <Cell.Group className="me__group" title="门店">
        <Entry icon={<Store size={18} />} title="附近门店" description="到店自提 · 领门店券" url={areas.store} />
      </Cell.Group>

      {isStaff || isManager ? (
        <Cell.Group className="me__group" title="工作台">
          {isStaff ? <Entry icon={<Scan size={18} />} title="店员工作台" description={staff ? '扫码核销' : undefined} url={areas.staff} /> : null}
          {isManager ? <Entry icon={<Presentation size={18} />} title="运营工作台" description="人群 · 推送 · 看板" url={areas.manager} /> : null}
        </Cell.Group>
      ) : null}

      {process.env.TARO_ENV === 'h5' ? (
        <DevIdentitySwitcher onSwitched={() => void login().then(() => Taro.reLaunch({ url: '/pages/me/index' }))} />
      ) : null}
    </View>
  );
}
