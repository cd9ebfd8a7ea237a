import { Image, Text, View } from '@tarojs/components';
import { formatFen, type Fen } from '@/domain/money';
import { imageUrl } from '@/services/media';
import './index.scss';

export interface OrderLineProps {
  title: string;
  /** cloud file id of the SKU picture */
  image: string;
  specText: string;
  unitPrice: Fen;
  quantity: number;
  className?: string;
}

/** One bought item: picture, title, colour / size, unit price and ×quantity. */
export function OrderLine({ title, image, specText, unitPrice, quantity, className = '' }: OrderLineProps) {
  return (
    <View className={`order-line ${className}`.trim()}>
      <Image className="order-line__image" src={imageUrl(image)} mode="aspectFill" />
      <View className="order-line__body">
        <Text className="order-line__title">{title}</Text>
        <Text className="order-line__spec">{specText}</Text>
      </View>
      <View className="order-line__side">
        <Text className="order-line__price">{formatFen(unitPrice)}</Text>
        <Text className="order-line__qty">×{quantity}</Text>
      </View>
    </View>
  );
}

export default OrderLine;
