import type { ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { Fen } from '@/domain/money';
import { Price } from '@/components/price';
import { imageUrl } from '@/services/media';
import type { SkuCell, SkuMatrix } from '@/services/catalog';
import { cellAt, maxQuantity, selectColor, sizeState, stockText, type SkuSelection } from './selection';
import './index.scss';

export type { SkuSelection };
export { cellAt, initialSelection } from './selection';

export interface SkuPickerProps {
  matrix: SkuMatrix;
  selection: SkuSelection;
  onSelect: (next: SkuSelection) => void;
  quantity: number;
  onQuantity: (quantity: number) => void;
  /** at or under this many left, the stock reads 仅剩 N 件 */
  lowStockThreshold: number;
  /** the price before a size is chosen: the product's lowest */
  fromPrice: Fen;
  fallbackImage: string;
  /** a sale price that replaces the normal one for some SKUs (flash sale, group buy), with the sale's own stock when it has one */
  promo?: Record<string, { price: Fen; label: string; stockLeft?: number }>;
  /** SKUs the shopper already asked to hear about */
  subscribedSkuIds?: string[];
  /** absent when restock alerts are not offered */
  onRestock?: (cell: SkuCell) => void;
  onSizeGuide?: () => void;
  /** the action buttons under the picker */
  footer?: ReactNode;
}

/** Colour x size with the stock of each combination: sold-out and unmade sizes cannot be chosen. */
export function SkuPicker(props: SkuPickerProps) {
  const { matrix, selection, onSelect, quantity, onQuantity, lowStockThreshold, promo = {}, subscribedSkuIds = [], onRestock, onSizeGuide, footer } = props;
  const cell = cellAt(matrix, selection.colorKey, selection.size);
  const color = matrix.colors.find((c) => c.key === selection.colorKey) ?? null;
  const offer = cell ? promo[cell.skuId] : undefined;
  const price = offer?.price ?? cell?.price ?? props.fromPrice;
  const listPrice = cell ? (offer ? cell.price : cell.listPrice) : null;
  const max = maxQuantity(cell);
  // A smaller stock than the quantity already chosen brings the quantity down with it.
  const select = (next: SkuSelection) => {
    onSelect(next);
    const nextMax = maxQuantity(cellAt(matrix, next.colorKey, next.size));
    if (nextMax > 0 && quantity > nextMax) onQuantity(nextMax);
  };
  const soldOutCells = color
    ? matrix.sizes.map((s) => cellAt(matrix, color.key, s.size)).filter((c): c is SkuCell => c !== null && c.soldOut)
    : [];

  return (
    <View className="sku-picker">
      <View className="sku-picker__head">
        <Image className="sku-picker__image" src={imageUrl(cell?.image ?? color?.image ?? props.fallbackImage)} mode="aspectFill" />
        <View className="sku-picker__summary">
          {offer ? <Text className="sku-picker__promo">{offer.label}</Text> : null}
          <View className="sku-picker__prices">
            <Price fen={price} size="lg" />
            {!cell ? <Text className="sku-picker__from">起</Text> : null}
            {listPrice && listPrice > price ? <Price className="sku-picker__list-price" fen={listPrice} strike /> : null}
          </View>
          <Text className={`sku-picker__stock${cell && (offer?.stockLeft ?? cell.stock) <= lowStockThreshold ? ' sku-picker__stock--low' : ''}`}>{stockText(cell, lowStockThreshold, offer?.stockLeft)}</Text>
          <Text className="sku-picker__chosen">{cell ? `已选：${cell.specText}` : color ? `已选：${color.name}，请选择尺码` : '请选择颜色和尺码'}</Text>
        </View>
      </View>

      <View className="sku-picker__group">
        <Text className="sku-picker__label">颜色</Text>
        <View className="sku-picker__options">
          {matrix.colors.map((c) => (
            <View
              key={c.key}
              className={`sku-picker__option${c.key === selection.colorKey ? ' sku-picker__option--active' : ''}${c.soldOut ? ' sku-picker__option--muted' : ''}`}
              aria-pressed={c.key === selection.colorKey}
              onClick={() => select(selectColor(matrix, selection, c.key))}
            >
              <View className="sku-picker__swatch" style={{ background: c.hex }} />
              <Text>{c.name}</Text>
              {c.soldOut ? <Text className="sku-picker__mark">售罄</Text> : null}
            </View>
          ))}
        </View>
      </View>

      <View className="sku-picker__group">
        <View className="sku-picker__label-row">
          <Text className="sku-picker__label">尺码</Text>
          {onSizeGuide ? (
            <Text className="sku-picker__guide" onClick={onSizeGuide}>
              尺码指南 ›
            </Text>
          ) : null}
        </View>
        <View className="sku-picker__options">
          {matrix.sizes.map((s) => {
            const state = sizeState(matrix, selection.colorKey, s.size);
            const active = s.size === selection.size;
            const stock = cellAt(matrix, selection.colorKey, s.size)?.stock;
            return (
              <View
                key={s.size}
                className={`sku-picker__option sku-picker__option--size${active ? ' sku-picker__option--active' : ''}${state !== 'available' ? ' sku-picker__option--disabled' : ''}`}
                aria-disabled={state !== 'available'}
                aria-pressed={active}
                aria-label={state === 'sold_out' ? `${s.size} 缺货` : state === 'unavailable' ? `${s.size} 无此规格` : s.size}
                onClick={() => {
                  if (state === 'available') select({ colorKey: selection.colorKey, size: s.size });
                }}
              >
                <Text>{s.size}</Text>
                {state === 'sold_out' ? <Text className="sku-picker__mark">缺货</Text> : null}
                {state === 'available' && stock !== undefined && stock <= lowStockThreshold ? <Text className="sku-picker__mark sku-picker__mark--low">剩{stock}</Text> : null}
              </View>
            );
          })}
        </View>
      </View>

      {onRestock && soldOutCells.length > 0 ? (
        <View className="sku-picker__restock">
          <Text className="sku-picker__restock-text">{`${color?.name ?? ''} ${soldOutCells.map((c) => c.size).join('、')} 暂时缺货`}</Text>
          <View className="sku-picker__restock-actions">
            {soldOutCells.map((c) =>
              subscribedSkuIds.includes(c.skuId) ? (
                <Text key={c.skuId} className="sku-picker__restock-done">
                  {`${c.size} 已订阅`}
                </Text>
              ) : (
                <Text key={c.skuId} className="sku-picker__restock-btn" onClick={() => onRestock(c)}>
                  {`${c.size} 到货提醒`}
                </Text>
              ),
            )}
          </View>
        </View>
      ) : null}

      <View className="sku-picker__group sku-picker__quantity">
        <Text className="sku-picker__label">数量</Text>
        <View className="sku-picker__stepper">
          <Text
            className={`sku-picker__step${quantity <= 1 ? ' sku-picker__step--disabled' : ''}`}
            aria-label="减少"
            aria-disabled={quantity <= 1}
            onClick={() => quantity > 1 && onQuantity(quantity - 1)}
          >
            −
          </Text>
          <Text className="sku-picker__count" aria-label="数量">
            {quantity}
          </Text>
          <Text
            className={`sku-picker__step${quantity >= max ? ' sku-picker__step--disabled' : ''}`}
            aria-label="增加"
            aria-disabled={quantity >= max}
            onClick={() => quantity < max && onQuantity(quantity + 1)}
          >
            +
          </Text>
        </View>
      </View>

      {footer ? <View className="sku-picker__footer">{footer}</View> : null}
    </View>
  );
}

export default SkuPicker;
