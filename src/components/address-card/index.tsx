import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { addressText, maskPhone } from '@/services/address';
import './index.scss';

export interface AddressCardProps {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault?: boolean;
  /** right side: an arrow, an 编辑 link ... */
  extra?: ReactNode;
  onClick?: () => void;
  className?: string;
}

/** A delivery address: who, which phone (masked), and where. */
export function AddressCard({ name, phone, isDefault, extra, onClick, className = '', ...place }: AddressCardProps) {
  return (
    <View className={`address-card ${className}`.trim()} onClick={onClick}>
      <View className="address-card__body">
        <View className="address-card__who">
          <Text className="address-card__name">{name}</Text>
          <Text className="address-card__phone">{maskPhone(phone)}</Text>
          {isDefault ? <Text className="address-card__default">默认</Text> : null}
        </View>
        <Text className="address-card__where">{addressText(place)}</Text>
      </View>
      {extra ? <View className="address-card__extra">{extra}</View> : null}
    </View>
  );
}

export default AddressCard;
