/**
 * Search the catalogue, choose a product, then tap its SKUs (with their stock) in or out. The
 * parent form owns the product and the chosen SKUs, since what a pick means differs per form.
 */
import { useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { fetchProduct, searchProducts, type ProductCard, type ProductPage, type SkuCell } from '@/services/catalog';
import { imageUrl } from '@/services/media';
import './product-sku-picker.scss';

export interface ProductSkuPickerProps {
  product: ProductPage | null;
  onProduct: (product: ProductPage) => void;
  chosen: ReadonlySet<string>;
  onToggle: (cell: SkuCell) => void;
  onError: (message: string) => void;
  /** the heading over the chips, after the product's name */
  chipsNote: string;
}

export function ProductSkuPicker({ product, onProduct, chosen, onToggle, onError, chipsNote }: ProductSkuPickerProps) {
  const [keyword, setKeyword] = useState('');
  const [results, setResults] = useState<ProductCard[] | null>(null);

  const search = async () => {
    const reply = await searchProducts({ keyword: keyword.trim() || undefined, sort: 'sales', pageSize: 8 });
    if (!reply.ok) return onError(reply.message);
    setResults(reply.data.items);
  };

  const pick = async (id: string) => {
    const reply = await fetchProduct(id);
    if (!reply.ok) return onError(reply.message);
    onProduct(reply.data);
  };

  const cells = (product?.skus.cells.flat().filter((c): c is SkuCell => c !== null) ?? []).filter((c) => !c.soldOut);

  return (
    <>
      <View className="finder">
        <Input className="finder__input" placeholder="搜索商品名称" value={keyword} confirmType="search" onInput={(e) => setKeyword(e.detail.value)} onConfirm={() => void search()} />
        <Button size="small" type="primary" onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {results?.length === 0 ? <Text className="edit-block__hint">没有找到商品</Text> : null}
      {results && results.length > 0 ? (
        <View className="finder__results">
          {results.map((p) => (
            <View key={p.id} className={`finder__product ${product?.product.id === p.id ? 'finder__product--on' : ''}`} onClick={() => void pick(p.id)}>
              <Image className="finder__cover" src={imageUrl(p.cover)} mode="aspectFill" />
              <Text className="finder__name">{p.title}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {product ? (
        <>
          <Text className="edit-block__sub">
            「{product.product.title}」的规格（{chipsNote}）
          </Text>
          <View className="spec-chips">
            {cells.map((c) => (
              <Text key={c.skuId} className={`spec-chip ${chosen.has(c.skuId) ? 'spec-chip--on' : ''}`} onClick={() => onToggle(c)}>
                {c.specText} · 库存{c.stock}
              </Text>
            ))}
            {cells.length === 0 ? <Text className="edit-block__hint">该商品暂无库存</Text> : null}
          </View>
        </>
      ) : null}
    </>
  );
}
