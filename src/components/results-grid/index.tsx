import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ProductShelf } from '@/components/product-shelf';
import type { ProductCard } from '@/services/catalog';
import { imageUrl } from '@/services/media';
import type { ResultsState } from '@/stores/catalog-results';
import { productUrl } from '@/packages/product/routes';
import './index.scss';

export interface ResultsGridProps {
  state: Pick<ResultsState, 'items' | 'status' | 'hasMore' | 'loadingMore' | 'error'>;
  emptyTitle: string;
  emptyDescription?: string;
}

export function toShelf(products: ProductCard[]) {
  return products.map((p) => ({ id: p.id, title: p.title, imageUrl: imageUrl(p.cover), priceFen: p.price, listPriceFen: p.listPrice, badge: p.badge ?? undefined }));
}

/** Product results in two columns, with the state of the list underneath (loading, the end, an error). */
export function ResultsGrid({ state, emptyTitle, emptyDescription }: ResultsGridProps) {
  const { items, status, hasMore, loadingMore, error } = state;
  if (items.length === 0 && (status === 'loading' || status === 'idle')) {
    return <Text className="results-grid__note">正在加载…</Text>;
  }
  return (
    <View className="results-grid">
      <ProductShelf
        products={toShelf(items)}
        onOpen={(p) => void Taro.navigateTo({ url: productUrl(p.id) })}
        emptyTitle={status === 'error' ? '暂时无法加载' : emptyTitle}
        emptyDescription={status === 'error' ? (error ?? undefined) : emptyDescription}
      />
      {items.length > 0 ? <Text className="results-grid__note">{loadingMore ? '正在加载…' : hasMore ? '上滑加载更多' : '— 已经到底了 —'}</Text> : null}
    </View>
  );
}
