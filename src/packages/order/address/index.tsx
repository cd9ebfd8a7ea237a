import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Check, Location } from '@nutui/icons-react-taro';
import { AddressCard } from '@/components/address-card';
import { EmptyState } from '@/components/empty-state';
import { addressService, type Address } from '@/services/address';
import { useCheckout } from '@/stores/checkout';
import { orderRoutes } from '../routes';
import './index.scss';

export default function AddressBookPage() {
  const { params } = useRouter();
  const selecting = params.select === '1';
  const { addressId, pickAddress } = useCheckout();
  const [addresses, setAddresses] = useState<Address[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const reply = await addressService.list();
    if (reply.ok) {
      setAddresses(reply.data.addresses);
      setError(null);
    } else {
      setError(reply.message);
      void Taro.showToast({ title: reply.message, icon: 'none' });
    }
  };

  useDidShow(() => {
    void load();
  });

  const choose = (a: Address) => {
    if (!selecting) return;
    pickAddress(a.id);
    void Taro.navigateBack();
  };

  const edit = (a?: Address) =>
    void Taro.navigateTo({ url: a ? `${orderRoutes.addressEdit}?id=${encodeURIComponent(a.id)}` : orderRoutes.addressEdit });

  const body = () => {
    if (addresses === null) {
      return error ? (
        <EmptyState icon={<Location size={32} />} title="地址没有加载出来" description={error} actionText="重试" onAction={() => void load()} />
      ) : (
        <Text className="address-book__loading">正在加载…</Text>
      );
    }
    if (addresses.length === 0) {
      return <EmptyState icon={<Location size={32} />} title="还没有收货地址" description="添加一个地址，下单时就不用再填了" />;
    }
    return addresses.map((a) => (
      <View key={a.id} className="address-book__item">
        <AddressCard
          {...a}
          onClick={() => choose(a)}
          extra={
            <View className="address-book__side">
              {selecting && a.id === addressId ? <Check size={16} color="#9c4a2f" /> : null}
              <Text
                className="address-book__edit"
                onClick={(e) => {
                  e.stopPropagation();
                  edit(a);
                }}
              >
                编辑
              </Text>
            </View>
          }
        />
      </View>
    ));
  };

  return (
    <View className="page address-book">
      {selecting ? <Text className="address-book__tip">选择收货地址</Text> : null}
      {body()}
      <View className="address-book__bar">
        <Button type="primary" block onClick={() => edit()}>
          新增收货地址
        </Button>
      </View>
    </View>
  );
}
