/**
 * The frame of one SKU being set up in a 秒杀 / 拼团 form: its name, price and stock now, 移除,
 * the form's own fields, the price preview and the hints. `block` is the form's row class
 * (sale-item, gbm-sku), which the tests and journeys find rows by.
 */
import type { ReactNode } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { formatFen, type Fen } from '@/domain/money';

export interface DraftRowProps {
  block: string;
  label: string;
  price: Fen;
  skuStock: number;
  onRemove: () => void;
  /** a DraftField each */
  children: ReactNode;
  preview: string | null;
  hints: string[];
}

export function DraftRow({ block, label, price, skuStock, onRemove, children, preview, hints }: DraftRowProps) {
  return (
    <View className={block}>
      <View className={`${block}__head`}>
        <View className={`${block}__name`}>
          <Text className={`${block}__label`}>{label}</Text>
          <Text className={`${block}__meta`}>
            原价 {formatFen(price)} · 现有库存 {skuStock} 件
          </Text>
        </View>
        <Text className={`${block}__remove`} onClick={onRemove}>
          移除
        </Text>
      </View>
      <View className={`${block}__fields`}>{children}</View>
      {preview !== null ? <Text className={`${block}__preview`}>{preview}</Text> : null}
      {hints.map((h) => (
        <Text key={h} className={`${block}__hint`}>
          {h}
        </Text>
      ))}
    </View>
  );
}

export interface DraftFieldProps {
  block: string;
  label: string;
  type: 'digit' | 'number';
  placeholder: string;
  value: string;
  onInput: (value: string) => void;
}

export function DraftField({ block, label, type, placeholder, value, onInput }: DraftFieldProps) {
  return (
    <View className={`${block}__field`}>
      <Text className={`${block}__field-label`}>{label}</Text>
      <Input className={`${block}__input`} type={type} placeholder={placeholder} value={value} onInput={(e) => onInput(e.detail.value)} />
    </View>
  );
}
