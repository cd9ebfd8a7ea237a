import { Image, Text, View } from '@tarojs/components';
import { Shopping } from '@nutui/icons-react-taro';
import type { Fen } from '@/domain/money';
import { EmptyState } from '@/components/empty-state';
import { Price } from '@/components/price';
import './index.scss';

/** What a card needs to show; the catalog maps its products to this. */
export interface ShelfProduct {
  id: string;
  title: string;
  imageUrl: string;
  priceFen: Fen;
  /** shown struck through when higher than the price */
  listPriceFen?: Fen;
  /** one short label, e.g. '新品' or '环保面料' */
  badge?: string;
}

export interface ProductShelfProps {
  products: ShelfProduct[];
  onOpen: (product: ShelfProduct) => void;
  /** what to say while there is nothing to show */
  emptyTitle: string;
  emptyDescription?: string;
}

/** Two-column product cards, the way a lookbook lays out a rail; an explained empty state when bare. */
export function ProductShelf({ products, onOpen, emptyTitle, emptyDescription }: ProductShelfProps) {
  if (products.length === 0) {
    return <EmptyState className="product-shelf__empty" icon={<Shopping size={32} />} title={emptyTitle} description={emptyDescription} />;
  }
  return (
    <View className="product-shelf">
      {products.map((p) => (
        <View key={p.id} className="product-shelf__card" onClick={() => onOpen(p)}>
          <View className="product-shelf__picture">
            <Image className="product-shelf__image" src={p.imageUrl} mode="aspectFill" lazyLoad />
            {p.badge ? <Text className="product-shelf__badge">{p.badge}</Text> : null}
          </View>
          <View className="product-shelf__body">
            <Text className="product-shelf__title">{p.title}</Text>
            <View className="product-shelf__prices">
              <Price fen={p.priceFen} />
              {p.listPriceFen && p.listPriceFen > p.priceFen ? <Price className="product-shelf__list-price" fen={p.listPriceFen} strike /> : null}
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}

export default ProductShelf;
