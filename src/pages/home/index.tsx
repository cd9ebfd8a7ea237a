import { useState } from 'react';
import { Image, ScrollView, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Apps, Calendar, Coupon, Gift, Order, Reward, Search, Store, UserAdd } from '@nutui/icons-react-taro';
import { Countdown } from '@/components/countdown';
import { EmptyState } from '@/components/empty-state';
import { Price } from '@/components/price';
import { ProductShelf } from '@/components/product-shelf';
import { SectionHeader } from '@/components/section-header';
import { ShortcutGrid, type Shortcut } from '@/components/shortcut-grid';
import { activityUrl } from '@/packages/groupbuy/routes';
import { productUrl, searchUrl } from '@/packages/product/routes';
import { areas, tabs } from '@/packages/routes';
import { fetchHome, type BannerLink, type HomeFeed, type ProductCard } from '@/services/catalog';
import { imageUrl } from '@/services/media';
import { usePageView } from '@/services/analytics';
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

function go(url: string) {
  void Taro.navigateTo({ url });
}

function openBanner(link: BannerLink, feed: HomeFeed) {
  if (link.type === 'product') go(productUrl(link.id));
  else if (link.type === 'collection') go(searchUrl({ collectionId: link.id }));
  else if (link.type === 'groupbuy') go(activityUrl(link.id));
  else if (link.type === 'flash_sale') {
    const first = feed.flashSales.find((s) => s.id === link.id)?.items[0];
    if (first) go(productUrl(first.productId));
  } else if ((Object.values(tabs) as string[]).includes(link.path)) void Taro.switchTab({ url: link.path });
  else go(link.path);
}

const shelf = (products: ProductCard[]) =>
  products.map((p) => ({ id: p.id, title: p.title, imageUrl: imageUrl(p.cover), priceFen: p.price, listPriceFen: p.listPrice, badge: p.badge ?? undefined }));

export default function HomePage() {
  usePageView();
  const [feed, setFeed] = useState<HomeFeed | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const reply = await fetchHome();
    if (reply.ok) {
      setFeed(reply.data);
      setError(null);
    } else if (!feed) setError(reply.message);
  };

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page home">
      <View className="home__brand">
        <Text className="home__wordmark">WEAVE</Text>
        <Text className="home__wordmark-cn">织物</Text>
        <Text className="home__tagline">好面料，慢慢穿</Text>
      </View>

      <View className="home__search" onClick={() => go(searchUrl())}>
        <Search size={14} />
        <Text className="home__search-text">搜索 亚麻衬衫 / 针织开衫 / 环保面料</Text>
      </View>

      {feed && feed.banners.length > 0 ? (
        <Swiper className="home__banners" autoplay circular interval={5000} indicatorDots indicatorColor="rgba(255,255,255,0.45)" indicatorActiveColor="#ffffff">
          {feed.banners.map((b) => (
            <SwiperItem key={b.id}>
              <View className="home__banner" onClick={() => openBanner(b.link, feed)}>
                <Image className="home__banner-image" src={imageUrl(b.image)} mode="aspectFill" />
                <View className="home__banner-text">
                  <Text className="home__banner-title">{b.title}</Text>
                  <Text className="home__banner-sub">{b.subtitle}</Text>
                  <Text className="home__banner-cta">立即查看</Text>
                </View>
              </View>
            </SwiperItem>
          ))}
        </Swiper>
      ) : (
        <View className="home__banner home__banner--placeholder" />
      )}

      <View className="home__shortcuts">
        <ShortcutGrid items={shortcuts} />
      </View>

      {error && !feed ? (
        <View className="home__error">
          <EmptyState icon={<Search size={32} />} title="暂时无法加载" description={error} actionText="重新加载" onAction={() => void load()} />
        </View>
      ) : null}

      {feed?.flashSales.map((sale) => (
        <View key={sale.id} className="home__flash">
          <View className="home__flash-head">
            <View className="home__flash-titles">
              <Text className="home__flash-eyebrow">{sale.status === 'active' ? 'FLASH SALE' : 'COMING UP'}</Text>
              <Text className="home__flash-title">{sale.title}</Text>
            </View>
            <Countdown to={sale.countdownTo} serverNow={feed.now} label={sale.status === 'active' ? '距结束' : '距开始'} endedText={sale.status === 'active' ? '已结束' : '已开抢'} onEnd={() => void load()} />
          </View>
          <ScrollView className="home__rail" scrollX enhanced showScrollbar={false}>
            {sale.items.map((item) => (
              <View key={item.productId} className={`home__flash-card${item.soldOut ? ' home__flash-card--gone' : ''}`} onClick={() => go(productUrl(item.productId))}>
                <View className="home__flash-picture">
                  <Image className="home__flash-image" src={imageUrl(item.cover)} mode="aspectFill" lazyLoad />
                  {item.soldOut ? <Text className="home__flash-gone">已抢光</Text> : null}
                </View>
                <Text className="home__flash-name">{item.title}</Text>
                <View className="home__flash-prices">
                  <Price fen={item.salePrice} size="sm" />
                  <Price className="home__flash-was" fen={item.normalPrice} strike />
                </View>
                {!item.soldOut && sale.status === 'active' ? <Text className="home__flash-left">{`仅剩 ${item.stockLeft} 件`}</Text> : null}
              </View>
            ))}
          </ScrollView>
        </View>
      ))}

      {feed && feed.collections.length > 0 ? (
        <>
          <SectionHeader eyebrow="LOOKBOOK" title="穿搭合集" />
          <ScrollView className="home__rail" scrollX enhanced showScrollbar={false}>
            {feed.collections.map((c) => (
              <View key={c.id} className="home__look" onClick={() => go(searchUrl({ collectionId: c.id }))}>
                <Image className="home__look-image" src={imageUrl(c.cover)} mode="aspectFill" lazyLoad />
                <View className="home__look-text">
                  <Text className="home__look-title">{c.title}</Text>
                  <Text className="home__look-sub">{`${c.subtitle} · ${c.productCount} 件单品`}</Text>
                </View>
                {c.offerEndsAt ? <Text className="home__look-offer">限时券</Text> : null}
              </View>
            ))}
          </ScrollView>
        </>
      ) : null}

      {feed && feed.newArrivals.length > 0 ? (
        <>
          <SectionHeader eyebrow="NEW IN" title="新品上架" onMore={() => go(searchUrl({ sort: 'newest', title: '新品上架' }))} />
          <ScrollView className="home__rail" scrollX enhanced showScrollbar={false}>
            {feed.newArrivals.map((p) => (
              <View key={p.id} className="home__new" onClick={() => go(productUrl(p.id))}>
                <View className="home__new-picture">
                  <Image className="home__new-image" src={imageUrl(p.cover)} mode="aspectFill" lazyLoad />
                  {p.badge ? <Text className={`home__badge${p.badge === '即将开售' ? ' home__badge--soon' : ''}`}>{p.badge}</Text> : null}
                </View>
                <Text className="home__new-name">{p.title}</Text>
                <Price fen={p.price} size="sm" />
              </View>
            ))}
          </ScrollView>
        </>
      ) : null}

      {feed && feed.groupBuys.length > 0 ? (
        <>
          <SectionHeader eyebrow="SHOP TOGETHER" title="好友拼团" onMore={() => go(areas.groupbuy)} />
          <View className="home__groups">
            {feed.groupBuys.map((g) => (
              <View key={g.id} className="home__group" onClick={() => go(activityUrl(g.id))}>
                <Image className="home__group-image" src={imageUrl(g.cover)} mode="aspectFill" lazyLoad />
                <View className="home__group-body">
                  <Text className="home__group-name">{g.productTitle}</Text>
                  <Text className="home__group-size">{`${g.groupSize}人成团`}</Text>
                  <View className="home__group-prices">
                    <Text className="home__group-label">拼团价</Text>
                    <Price fen={g.groupPrice} />
                    <Price className="home__group-was" fen={g.normalPrice} strike />
                  </View>
                </View>
                <Text className="home__group-go">去拼团</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}

      <View className="home__member" onClick={() => go(areas.member)}>
        <View className="home__member-text">
          <Text className="home__member-title">加入 Weave 会员</Text>
          <Text className="home__member-desc">金卡享 9.5 折与新品优先购，积分可兑好券</Text>
        </View>
        <Text className="home__member-go">了解权益 ›</Text>
      </View>

      <SectionHeader eyebrow="FOR YOU" title="为你推荐" />
      {feed?.forYou.basis === 'interests' ? <Text className="home__for-you-basis">{`根据你喜欢的 ${feed.forYou.interests.slice(0, 3).join(' · ')}`}</Text> : null}
      <ProductShelf
        products={shelf(feed?.forYou.products ?? [])}
        onOpen={(p) => go(productUrl(p.id))}
        emptyTitle={feed ? '暂无推荐' : '正在为你挑选'}
        emptyDescription={feed ? '逛逛分类，发现更多好物' : undefined}
      />
    </View>
  );
}
