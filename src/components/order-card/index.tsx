import type { ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { formatFen, type Fen } from '@/domain/money';
import { imageUrl } from '@/services/media';
import './index.scss';

export interface OrderCardLine {
  image: string;
  title: string;
  specText: string;
  quantity: number;
  unitPrice: Fen;
}

export interface OrderCardProps {
  id: string;
  /** the server's Chinese status, e.g. 待付款 */
  statusText: string;
  /** 'pending' | 'done' | 'closed' | 'refund': the colour of the status */
  tone: 'pending' | 'done' | 'closed' | 'refund';
  /** under the order number, e.g. the time or the buyer */
  meta?: string;
  lines: OrderCardLine[];
  itemCount: number;
  payable: Fen;
  /** buttons (去支付, 确认收货 ...) */
  actions?: ReactNode;
  onOpen: () => void;
}

/** An order in a list: number and status, the first items, total and the next actions. */
export function OrderCard({ id, statusText, tone, meta, lines, itemCount, payable, actions, onOpen }: OrderCardProps) {
  const single = lines.length === 1 ? lines[0] : null;
  return (
    <View className="order-card" onClick={onOpen}>
      <View className="order-card__head">
        <View className="order-card__ids">
          <Text className="order-card__id">订单号 {id}</Text>
          {meta ? <Text className="order-card__meta">{meta}</Text> : null}
        </View>
        <Text className={`order-card__status order-card__status--${tone}`}>{statusText}</Text>
      </View>
      <View className="order-card__items">
        {lines.map((l, i) => (
          <Image key={`${l.image}-${i}`} className="order-card__image" src={imageUrl(l.image)} mode="aspectFill" />
        ))}
        {single ? (
          <View className="order-card__single">
            <Text className="order-card__title">{single.title}</Text>
            <Text className="order-card__spec">{single.specText}</Text>
          </View>
        ) : null}
      </View>
      <View className="order-card__total">
        <Text className="order-card__count">共 {itemCount} 件</Text>
        <Text className="order-card__payable-label">实付</Text>
        <Text className="order-card__payable">{formatFen(payable)}</Text>
      </View>
      {actions ? (
        <View className="order-card__actions" onClick={(e) => e.stopPropagation()}>
          {actions}
        </View>
      ) : null}
    </View>
  );
}

export default OrderCard;
