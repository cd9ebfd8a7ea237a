/** My coupons: unused / used / expired. Store coupons open their QR page; used ones say 已核销. */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { Coupon } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { couponsService, type HeldCoupon, type MineTab } from '@/services/coupons';
import { CouponTicket, shortDate } from '../coupon-ticket';
import { couponCentreUrl, couponQrUrl } from '../routes';
import './index.scss';

const TABS: { key: MineTab; label: string }[] = [
  { key: 'unused', label: '未使用' },
  { key: 'used', label: '已使用' },
  { key: 'expired', label: '已过期' },
];

function stampOf(c: HeldCoupon): string | undefined {
  if (c.status === 'used') return c.usedStoreId ? '已核销' : '已使用';
  if (c.status === 'expired') return '已过期';
  return undefined;
}

function linesOf(c: HeldCoupon): string[] {
  if (c.status === 'used' && c.usedAt) return [`${shortDate(c.usedAt)} ${c.usedStoreId ? '门店核销' : '下单使用'}`, c.channelText];
  return [`${shortDate(c.validFrom)} - ${shortDate(c.validTo)}`, c.channelText + (c.cashbackPoints > 0 ? ` · 核销返${c.cashbackPoints}积分` : '')];
}

export default function MyCouponsPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<MineTab>(params.status === 'used' || params.status === 'expired' ? params.status : 'unused');
  const [items, setItems] = useState<HeldCoupon[] | null>(null);
  const [counts, setCounts] = useState<Record<MineTab, number> | null>(null);

  const load = async (which: MineTab) => {
    const reply = await couponsService.mine(which);
    if (!reply.ok) {
      setItems([]);
      void Taro.showToast({ title: reply.message, icon: 'none' });
      return;
    }
    setItems(reply.data.items);
    setCounts(reply.data.counts);
  };
  useEffect(() => {
    setItems(null);
    void load(tab);
  }, [tab]);
  // Back from the QR page: the coupon may have been redeemed meanwhile.
  useDidShow(() => {
    if (items !== null) void load(tab);
  });

  return (
    <View className="page page--flush my-coupons">
      <Tabs value={tab} onChange={(v) => setTab(v as MineTab)}>
        {TABS.map((t) => (
          <Tabs.TabPane key={t.key} value={t.key} title={counts ? `${t.label}(${counts[t.key]})` : t.label} />
        ))}
      </Tabs>
      <View className="my-coupons__list">
        {items === null ? <Text className="my-coupons__loading">正在加载…</Text> : null}
        {items !== null && items.length === 0 ? (
          <EmptyState icon={<Coupon size={28} />} title={tab === 'unused' ? '还没有可用的券' : '这里空空如也'} actionText={tab === 'unused' ? '去领券' : undefined} onAction={() => void Taro.navigateTo({ url: couponCentreUrl() })} />
        ) : null}
        {items?.map((c) => {
          const inStore = c.channel !== 'online' && c.status === 'unused';
          return (
            <CouponTicket
              key={c.id}
              face={c}
              title={c.title}
              lines={linesOf(c)}
              stamp={stampOf(c)}
              onClick={() => (c.channel !== 'online' ? void Taro.navigateTo({ url: couponQrUrl(c.id) }) : undefined)}
              action={
                inStore ? (
                  <Button size="small" type="primary">
                    出示券码
                  </Button>
                ) : undefined
              }
            />
          );
        })}
      </View>
    </View>
  );
}
