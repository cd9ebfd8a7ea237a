/**
 * Stores near me. Location is asked for only when the shopper taps "使用我的位置"; refused or
 * unavailable, the city list is the way in. Distances come from the server's geo query.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ArrowRight, Location, Coupon } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { distanceText, storesService, type StoreInfo } from '@/services/stores';
import { couponCentreUrl, storeDetailUrl, storeRoutes } from '../routes';
import { usePageView } from '@/services/analytics';
import './index.scss';

type Mode = { kind: 'ask' } | { kind: 'locating' } | { kind: 'nearby'; stores: StoreInfo[] } | { kind: 'cities'; note: string | null };

function StoreRow({ store }: { store: StoreInfo }) {
  return (
    <View className="store-row" onClick={() => void Taro.navigateTo({ url: storeDetailUrl(store.id) })}>
      <View className="store-row__main">
        <View className="store-row__head">
          <Text className="store-row__name">{store.name}</Text>
          {store.distance !== undefined ? <Text className="store-row__distance">{distanceText(store.distance)}</Text> : null}
        </View>
        <Text className="store-row__address">{store.address}</Text>
        <View className="store-row__meta">
          <Text className={`store-row__open ${store.openNow ? 'store-row__open--yes' : ''}`}>{store.openNow ? '营业中' : '休息中'}</Text>
          <Text className="store-row__hours">{store.hoursText}</Text>
        </View>
      </View>
      <ArrowRight size={12} />
    </View>
  );
}

export default function StoresPage() {
  usePageView();
  const [mode, setMode] = useState<Mode>({ kind: 'ask' });
  const [cities, setCities] = useState<{ city: string; stores: StoreInfo[] }[]>([]);
  const [city, setCity] = useState<string>('');

  const loadCities = async (note: string | null) => {
    setMode({ kind: 'cities', note });
    const reply = await storesService.cities();
    if (!reply.ok) {
      void Taro.showToast({ title: reply.message, icon: 'none' });
      return;
    }
    setCities(reply.data.cities);
    setCity((current) => current || reply.data.cities[0]?.city || '');
  };

  useEffect(() => {
    // The list behind the consent card, so the page is useful before anyone decides.
    void storesService.cities().then((reply) => {
      if (reply.ok) {
        setCities(reply.data.cities);
        setCity(reply.data.cities[0]?.city ?? '');
      }
    });
  }, []);

  const locate = async () => {
    setMode({ kind: 'locating' });
    try {
      const here = await Taro.getLocation({ type: 'gcj02' });
      const reply = await storesService.nearby(here.latitude, here.longitude);
      if (!reply.ok) {
        await loadCities(reply.message);
        return;
      }
      setMode({ kind: 'nearby', stores: reply.data.stores });
    } catch {
      await loadCities('未获得定位权限，请按城市选择门店');
    }
  };

  const shown = cities.find((c) => c.city === city)?.stores ?? [];

  return (
    <View className="page page--flush stores-page">
      <View className="stores-page__hero">
        <Text className="stores-page__eyebrow">WEAVE STORES</Text>
        <Text className="stores-page__title">门店</Text>
        <Text className="stores-page__summary">到店试穿，出示门店券立减，核销后返积分</Text>
        <View className="stores-page__links">
          <View className="stores-page__link" onClick={() => void Taro.navigateTo({ url: couponCentreUrl() })}>
            <Coupon size={14} />
            <Text>领券中心</Text>
          </View>
          <View className="stores-page__link" onClick={() => void Taro.navigateTo({ url: storeRoutes.mine })}>
            <Coupon size={14} />
            <Text>我的门店券</Text>
          </View>
        </View>
      </View>

      <View className="stores-page__body">
        {mode.kind === 'ask' || mode.kind === 'locating' ? (
          <View className="stores-consent">
            <Location size={22} />
            <View className="stores-consent__text">
              <Text className="stores-consent__title">查看离你最近的门店</Text>
              <Text className="stores-consent__desc">仅在你点击时获取一次位置，用于按距离排序</Text>
            </View>
            <View className="stores-consent__actions">
              <Button type="primary" size="small" loading={mode.kind === 'locating'} onClick={() => void locate()}>
                使用我的位置
              </Button>
              <Button fill="none" size="small" onClick={() => void loadCities(null)}>
                按城市选择
              </Button>
            </View>
          </View>
        ) : null}

        {mode.kind === 'nearby' ? (
          <>
            <View className="stores-page__section">
              <Text>离你最近</Text>
              <Text className="stores-page__switch" onClick={() => void loadCities(null)}>
                按城市查看
              </Text>
            </View>
            {mode.stores.length === 0 ? <EmptyState icon={<Location size={28} />} title="附近暂无门店" /> : mode.stores.map((s) => <StoreRow key={s.id} store={s} />)}
          </>
        ) : (
          <>
            {mode.kind === 'cities' && mode.note ? <Text className="stores-page__note">{mode.note}</Text> : null}
            <View className="stores-cities">
              {cities.map((c) => (
                <Text key={c.city} className={`stores-cities__chip ${c.city === city ? 'stores-cities__chip--on' : ''}`} onClick={() => setCity(c.city)}>
                  {c.city} · {c.stores.length}
                </Text>
              ))}
            </View>
            {shown.map((s) => (
              <StoreRow key={s.id} store={s} />
            ))}
          </>
        )}
      </View>
    </View>
  );
}
