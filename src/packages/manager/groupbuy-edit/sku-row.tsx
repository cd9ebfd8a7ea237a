/** One SKU of an activity being created: 拼团价 (yuan) and 拼团库存, with the hints for each. */
import { Input, Text, View } from '@tarojs/components';
import { formatFen } from '@/domain/money';
import { groupPriceFen, savingText, skuHints, type SkuDraft } from './activity-form';

export interface SkuRowProps {
  sku: SkuDraft;
  onChange: (patch: Partial<SkuDraft>) => void;
  onRemove: () => void;
}

export function SkuRow({ sku, onChange, onRemove }: SkuRowProps) {
  const hints = skuHints(sku);
  const fen = groupPriceFen(sku);
  const saving = savingText(sku);
  return (
    <View className="gbm-sku">
      <View className="gbm-sku__head">
        <View className="gbm-sku__name">
          <Text className="gbm-sku__label">{sku.label}</Text>
          <Text className="gbm-sku__meta">
            原价 {formatFen(sku.price)} · 现有库存 {sku.skuStock} 件
          </Text>
        </View>
        <Text className="gbm-sku__remove" onClick={onRemove}>
          移除
        </Text>
      </View>
      <View className="gbm-sku__fields">
        <View className="gbm-sku__field">
          <Text className="gbm-sku__field-label">拼团价(元)</Text>
          <Input className="gbm-sku__input" type="digit" placeholder="如 99" value={sku.groupPriceYuan} onInput={(e) => onChange({ groupPriceYuan: e.detail.value })} />
        </View>
        <View className="gbm-sku__field">
          <Text className="gbm-sku__field-label">拼团库存</Text>
          <Input className="gbm-sku__input" type="number" placeholder="件" value={sku.stock} onInput={(e) => onChange({ stock: e.detail.value })} />
        </View>
      </View>
      {!hints.groupPrice && fen !== null ? (
        <Text className="gbm-sku__preview">
          拼团价 {formatFen(fen)}
          {saving ? ` · ${saving}` : ''}
        </Text>
      ) : null}
      {Object.values(hints).map((h) => (
        <Text key={h} className="gbm-sku__hint">
          {h}
        </Text>
      ))}
    </View>
  );
}
