import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Price } from '@/components/price';
import { imageUrl } from '@/services/media';
import type { ActivitySku } from '@/services/groupbuy';
import './sku-chooser.scss';

export interface SkuChooserProps {
  image: string;
  skus: ActivitySku[];
  skuId: string | null;
  onSelect: (skuId: string) => void;
  quantity: number;
  onQuantity: (quantity: number) => void;
  /** 每人限购 */
  perUserLimit: number;
  confirmText: string;
  busy?: boolean;
  onConfirm: () => void;
}

/** The activity's SKUs at their group price: sold-out ones cannot be picked; quantity stops at the per-person limit and the stock. */
export function SkuChooser({ image, skus, skuId, onSelect, quantity, onQuantity, perUserLimit, confirmText, busy = false, onConfirm }: SkuChooserProps) {
  const chosen = skus.find((s) => s.skuId === skuId) ?? null;
  const max = Math.max(1, Math.min(perUserLimit, chosen?.stockLeft ?? perUserLimit));
  const lowest = skus.reduce((min, s) => Math.min(min, s.groupPrice), Number.POSITIVE_INFINITY);
  return (
    <View className="gb-sku">
      <View className="gb-sku__head">
        <Image className="gb-sku__image" src={imageUrl(image)} mode="aspectFill" />
        <View className="gb-sku__head-text">
          <View className="gb-sku__price">
            <Text className="gb-sku__label">拼团价</Text>
            <Price fen={chosen ? chosen.groupPrice : Number.isFinite(lowest) ? lowest : 0} size="lg" />
          </View>
          <Text className="gb-sku__chosen">{chosen ? `已选：${chosen.specText}` : '请选择规格'}</Text>
          {chosen ? <Text className="gb-sku__stock">{chosen.stockLeft > 0 ? `拼团库存 ${chosen.stockLeft} 件` : '已抢光'}</Text> : null}
        </View>
      </View>
      <Text className="gb-sku__title">规格</Text>
      <View className="gb-sku__options">
        {skus.map((s) => {
          const gone = s.stockLeft <= 0;
          return (
            <Text
              key={s.skuId}
              className={`gb-sku__option${s.skuId === skuId ? ' gb-sku__option--on' : ''}${gone ? ' gb-sku__option--gone' : ''}`}
              onClick={() => {
                if (gone) return;
                onSelect(s.skuId);
                if (quantity > Math.min(perUserLimit, s.stockLeft)) onQuantity(Math.max(1, Math.min(perUserLimit, s.stockLeft)));
              }}
            >
              {gone ? `${s.specText}（已抢光）` : s.specText}
            </Text>
          );
        })}
      </View>
      <View className="gb-sku__qty-row">
        <Text className="gb-sku__title">数量</Text>
        <Text className="gb-sku__limit">{`每人限购${perUserLimit}件`}</Text>
        <View className="gb-sku__qty">
          <Text className={`gb-sku__step${quantity <= 1 ? ' gb-sku__step--off' : ''}`} aria-label="减少" onClick={() => quantity > 1 && onQuantity(quantity - 1)}>
            −
          </Text>
          <Text className="gb-sku__count" aria-label="数量">
            {quantity}
          </Text>
          <Text className={`gb-sku__step${quantity >= max ? ' gb-sku__step--off' : ''}`} aria-label="增加" onClick={() => quantity < max && onQuantity(quantity + 1)}>
            +
          </Text>
        </View>
      </View>
      <Button className="gb-sku__confirm" type="primary" block disabled={!chosen || chosen.stockLeft <= 0 || busy} loading={busy} onClick={onConfirm}>
        {confirmText}
      </Button>
    </View>
  );
}
