/** One SKU of a sale being created: 秒杀价 (yuan), 秒杀库存, 每人限购, with the hints for each. */
import { Input, Text, View } from '@tarojs/components';
import { formatFen } from '@/domain/money';
import { discountText, itemHints, salePriceFen, type ItemDraft } from './sale-form';

export interface ItemRowProps {
  item: ItemDraft;
  onChange: (patch: Partial<ItemDraft>) => void;
  onRemove: () => void;
}

export function ItemRow({ item, onChange, onRemove }: ItemRowProps) {
  const hints = itemHints(item);
  const fen = salePriceFen(item);
  const off = discountText(item);
  return (
    <View className="sale-item">
      <View className="sale-item__head">
        <View className="sale-item__name">
          <Text className="sale-item__label">{item.label}</Text>
          <Text className="sale-item__meta">
            原价 {formatFen(item.price)} · 现有库存 {item.skuStock} 件
          </Text>
        </View>
        <Text className="sale-item__remove" onClick={onRemove}>
          移除
        </Text>
      </View>
      <View className="sale-item__fields">
        <View className="sale-item__field">
          <Text className="sale-item__field-label">秒杀价(元)</Text>
          <Input className="sale-item__input" type="digit" placeholder="如 99" value={item.salePriceYuan} onInput={(e) => onChange({ salePriceYuan: e.detail.value })} />
        </View>
        <View className="sale-item__field">
          <Text className="sale-item__field-label">秒杀库存</Text>
          <Input className="sale-item__input" type="number" placeholder="件" value={item.stock} onInput={(e) => onChange({ stock: e.detail.value })} />
        </View>
        <View className="sale-item__field">
          <Text className="sale-item__field-label">每人限购</Text>
          <Input className="sale-item__input" type="number" placeholder="1-10" value={item.perUserLimit} onInput={(e) => onChange({ perUserLimit: e.detail.value })} />
        </View>
      </View>
      {!hints.salePrice && fen !== null ? (
        <Text className="sale-item__preview">
          秒杀价 {formatFen(fen)}
          {off ? ` · ${off}` : ''}
        </Text>
      ) : null}
      {Object.values(hints).map((h) => (
        <Text key={h} className="sale-item__hint">
          {h}
        </Text>
      ))}
    </View>
  );
}
