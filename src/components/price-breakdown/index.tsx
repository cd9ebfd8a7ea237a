import { Text, View } from '@tarojs/components';
import { formatFen } from '@/domain/money';
import type { PriceLine } from '@/domain/pricing';
import './index.scss';

export interface PriceBreakdownProps {
  /** the server's breakdown lines, shown as they come: the server's price is the one that counts */
  lines: PriceLine[];
  /** e.g. '再买¥12 免运费', under the lines */
  note?: string;
  className?: string;
}

/** Every pricing step as a row (商品金额, 会员折扣, 满减, 优惠券, 积分抵扣, 运费), then 应付金额. */
export function PriceBreakdown({ lines, note, className = '' }: PriceBreakdownProps) {
  const payable = lines.find((l) => l.key === 'payable');
  const rows = lines.filter((l) => l.key !== 'payable');
  return (
    <View className={`price-breakdown ${className}`.trim()}>
      {rows.map((line) => (
        <View key={line.key} className={`price-breakdown__row${line.amount < 0 ? ' price-breakdown__row--off' : ''}`}>
          <Text className="price-breakdown__label">{line.label}</Text>
          <Text className="price-breakdown__amount">{formatFen(line.amount)}</Text>
        </View>
      ))}
      {payable ? (
        <View className="price-breakdown__row price-breakdown__row--total">
          <Text className="price-breakdown__label">{payable.label}</Text>
          <Text className="price-breakdown__amount">{formatFen(payable.amount)}</Text>
        </View>
      ) : null}
      {note ? <Text className="price-breakdown__note">{note}</Text> : null}
    </View>
  );
}

export default PriceBreakdown;
