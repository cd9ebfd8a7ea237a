/** One store: hours, address, phone, the map (Taro.openLocation) and the coupons usable there. */
import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Location, Phone, Clock } from '@nutui/icons-react-taro';
import { storesService, type StoreInfo } from '@/services/stores';
import { CentreList } from '../centre-list';
import './index.scss';

export default function StoreDetailPage() {
  const { params } = useRouter();
  const [store, setStore] = useState<StoreInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!params.id) return;
    void storesService.detail(params.id).then((reply) => {
      if (reply.ok) {
        setStore(reply.data.store);
        void Taro.setNavigationBarTitle({ title: reply.data.store.name });
      } else setError(reply.message);
    });
  }, [params.id]);

  if (error) return <View className="page"><Text className="store-detail__error">{error}</Text></View>;
  if (!store) return <View className="page"><Text className="store-detail__error">正在加载门店…</Text></View>;

  const openMap = () =>
    void Taro.openLocation({ latitude: store.latitude, longitude: store.longitude, name: store.name, address: store.address, scale: 17 }).catch(() =>
      Taro.showToast({ title: '无法打开地图', icon: 'none' }),
    );
  const call = () => void Taro.makePhoneCall({ phoneNumber: store.phone.replace(/\s/g, '') }).catch(() => undefined);

  return (
    <View className="page page--flush store-detail">
      <Image className="store-detail__image" src={store.image} mode="aspectFill" />
      <View className="store-detail__card">
        <Text className="store-detail__name">{store.name}</Text>
        <View className="store-detail__line">
          <Clock size={14} />
          <Text>
            {store.hoursText} · <Text className={store.openNow ? 'store-detail__open' : ''}>{store.openNow ? '营业中' : '休息中'}</Text>
          </Text>
        </View>
        <View className="store-detail__line">
          <Location size={14} />
          <Text>{store.address}</Text>
        </View>
        <View className="store-detail__line">
          <Phone size={14} />
          <Text>{store.phone}</Text>
        </View>
        {store.services.length > 0 ? (
          <View className="store-detail__services">
            {store.services.map((s) => (
              <Text key={s} className="store-detail__service">
                {s}
              </Text>
            ))}
          </View>
        ) : null}
        <View className="store-detail__actions">
          <Button type="primary" onClick={openMap}>
            导航到店
          </Button>
          <Button fill="outline" onClick={call}>
            致电门店
          </Button>
        </View>
      </View>
      <View className="store-detail__coupons">
        <Text className="store-detail__section">本店可用优惠券</Text>
        <CentreList storeId={store.id} />
      </View>
    </View>
  );
}
