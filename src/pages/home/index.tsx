import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Apps, Calendar, Coupon, Gift, Order, Reward, Store, UserAdd } from '@nutui/icons-react-taro';
import { ProductShelf } from '@/components/product-shelf';
import { SectionHeader } from '@/components/section-header';
import { ShortcutGrid, type Shortcut } from '@/components/shortcut-grid';
import { areas, tabs } from '@/packages/routes';
import './index.scss';

const ICON = 22;

const shortcuts: Shortcut[] = [
  { key: 'category', text: '全部分类', icon: <Apps size={ICON} />, url: tabs.category, tab: true },
  { key: 'member', text: '会员中心', icon: <Reward size={ICON} />, url: areas.member },
  { key: 'checkin', text: '每日签到', icon: <Calendar size={ICON} />, url: areas.member },
  { key: 'coupons', text: '领券中心', icon: <Coupon size={ICON} />, url: areas.store },
  { key: 'stores', text: '附近门店', icon: <Store size={ICON} />, url: areas.store },
  { key: 'groupbuy', text: '拼团', icon: <UserAdd size={ICON} />, url: areas.groupbuy },
  { key: 'invite', text: '邀请有礼', icon: <Gift size={ICON} />, url: areas.invite },
  { key: 'orders', text: '我的订单', icon: <Order size={ICON} />, url: areas.order },
];

export default function HomePage() {
  return (
    <View className="page home">
      <View className="home__brand">
        <Text className="home__wordmark">WEAVE</Text>
        <Text className="home__wordmark-cn">织物</Text>
        <Text className="home__tagline">好面料，慢慢穿</Text>
      </View>

      <View className="home__hero">
        <Text className="home__hero-mark">织</Text>
        <Text className="home__hero-eyebrow">WEAVE · EVERYDAY</Text>
        <Text className="home__hero-title">日常的质地</Text>
        <Text className="home__hero-text">天然面料与利落剪裁{'\n'}通勤、周末与远行，一件穿很久</Text>
        <Button className="home__hero-cta" size="small" onClick={() => void Taro.switchTab({ url: tabs.category })}>
          逛逛全部分类
        </Button>
      </View>

      <View className="home__shortcuts">
        <ShortcutGrid items={shortcuts} />
      </View>

      <View className="home__member" onClick={() => void Taro.navigateTo({ url: areas.member })}>
        <View className="home__member-text">
          <Text className="home__member-title">加入 Weave 会员</Text>
          <Text className="home__member-desc">消费累积积分，等级越高折扣越多</Text>
        </View>
        <Text className="home__member-go">了解权益 ›</Text>
      </View>

      <SectionHeader eyebrow="NEW IN" title="新品上架" />
      <ProductShelf
        products={[]}
        onOpen={(p) => void Taro.navigateTo({ url: `${areas.product}?id=${encodeURIComponent(p.id)}` })}
        emptyTitle="新品即将上架"
        emptyDescription="商品目录接入后，新品、穿搭合集与限时活动会出现在这里"
      />
    </View>
  );
}
