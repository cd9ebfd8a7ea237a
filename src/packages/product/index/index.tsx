import { useMemo, useState } from 'react';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { Cart, Home, Shopping } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { PosterEntry } from '@/components/poster-entry';
import { Price } from '@/components/price';
import { SizeGuide } from '@/components/size-guide';
import { SkuPicker, cellAt, initialSelection, type SkuSelection } from '@/components/sku-picker';
import { checkoutUrl } from '@/packages/order/routes';
import { areas, tabs } from '@/packages/routes';
import { trackAddToCart, trackProductView, trackShare } from '@/services/analytics';
import { cartService } from '@/services/cart';
import { fetchProduct, subscribeRestock, type ProductPage as ProductData, type SkuCell } from '@/services/catalog';
import { imageUrl } from '@/services/media';
import { FlashBanner, useFlashBuy, useProductFlash } from './flash-banner';
import { GroupStrip } from './group-strip';
import './index.scss';

type PickerMode = 'select' | 'cart' | 'buy';

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2000 });
}

export default function ProductPage() {
  const [id, setId] = useState('');
  const [data, setData] = useState<ProductData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selection, setSelection] = useState<SkuSelection>({ colorKey: null, size: null });
  const [quantity, setQuantity] = useState(1);
  const [picker, setPicker] = useState<PickerMode | null>(null);
  const [guideOpen, setGuideOpen] = useState(false);
  const [slide, setSlide] = useState(0);
  const [subscribed, setSubscribed] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const flash = useProductFlash(id);
  const flashBuy = useFlashBuy();

  const load = async (productId: string) => {
    const reply = await fetchProduct(productId);
    if (!reply.ok) {
      setError(reply.message);
      return;
    }
    setData(reply.data);
    setError(null);
    setSubscribed(reply.data.restock.subscribedSkuIds);
    setSelection((current) => (current.colorKey ? current : initialSelection(reply.data.skus)));
  };

  useLoad((params: Record<string, string | undefined>) => {
    const productId = params.id ? decodeURIComponent(params.id) : '';
    setId(productId);
    // This page reports product_view instead of page_view, so a product visit counts once.
    if (productId) trackProductView(productId);
    if (productId) void load(productId);
    else setError('没有找到这件商品');
  });

  useShareAppMessage(() => {
    trackShare(areas.product, 'chat', id || undefined);
    return { title: data?.product.title ?? '织物 Weave', path: `${areas.product}?id=${encodeURIComponent(id)}` };
  });

  const promo = useMemo(() => {
    const map: Record<string, { price: number; label: string; stockLeft?: number }> = {};
    // The flash function knows this viewer (limit reached, priority window): its answer wins once it has come.
    if (flash.data) {
      if (flash.data.sale && flash.data.viewer.canBuyNow) for (const item of flash.data.sale.items) if (item.stockLeft > 0) map[item.skuId] = { price: item.salePrice, label: '秒杀价', stockLeft: item.stockLeft };
    } else if (data?.flashSale?.status === 'active') for (const item of data.flashSale.items) if (item.stockLeft > 0) map[item.skuId] = { price: item.salePrice, label: '秒杀价', stockLeft: item.stockLeft };
    return map;
  }, [data, flash.data]);

  if (error) {
    return (
      <View className="page product product--empty">
        <EmptyState icon={<Shopping size={32} />} title={error} description="去看看其他商品吧" actionText="回到首页" onAction={() => void Taro.switchTab({ url: tabs.home })} />
      </View>
    );
  }
  if (!data) return <View className="page product product--loading" />;

  const { product, skus, memberPrice, purchase, flashSale, coupons, sizeGuide } = data;
  const cell = cellAt(skus, selection.colorKey, selection.size);
  const soldOut = skus.totalStock === 0;
  const colorIndex = skus.colors.findIndex((c) => c.key === selection.colorKey);

  // A flash item sells at most the per-person limit (less what this viewer already bought) and what is left.
  const flashItem = flash.itemFor(cell?.skuId);
  const pickQuantity = (next: number) => {
    if (flashItem && next > quantity) {
      const cap = Math.min(flashItem.perUserLimit - (flash.data?.viewer.bought[flashItem.saleItemId] ?? 0), flashItem.stockLeft);
      if (next > Math.max(1, cap)) {
        toast(`秒杀每人限购${flashItem.perUserLimit}件`);
        return;
      }
    }
    setQuantity(next);
  };

  const select = (next: SkuSelection) => {
    setSelection(next);
    // Picking a colour turns the gallery to that colour's picture.
    const image = skus.colors.find((c) => c.key === next.colorKey)?.image;
    const index = image ? product.images.indexOf(image) : -1;
    if (index >= 0) setSlide(index);
  };

  const restock = async (target: SkuCell) => {
    const templateId = data.restock.templateId;
    if (!templateId) {
      toast('到货提醒暂未开放');
      return;
    }
    const reply = await subscribeRestock(target.skuId, templateId);
    if (reply.ok) {
      setSubscribed((list) => [...new Set([...list, target.skuId])]);
      toast(`${target.specText} 到货后会通知你`);
    } else toast(reply.message);
  };

  const confirm = async (mode: 'cart' | 'buy') => {
    if (!purchase.canBuy) {
      toast(purchase.text ?? '暂未开售');
      return;
    }
    if (!cell) {
      setPicker(picker ?? mode);
      if (picker) toast(selection.colorKey ? '请选择尺码' : '请选择颜色和尺码');
      return;
    }
    if (cell.soldOut) {
      toast('该尺码已售罄');
      return;
    }
    const flashItem = mode === 'buy' ? flash.itemFor(cell.skuId) : null;
    if (flashItem) {
      setPicker(null);
      void flashBuy.buy(flashItem, quantity);
      return;
    }
    if (mode === 'buy') {
      setPicker(null);
      void Taro.navigateTo({ url: checkoutUrl([{ skuId: cell.skuId, quantity }]) });
      return;
    }
    setBusy(true);
    const reply = await cartService.add(cell.skuId, quantity);
    setBusy(false);
    if (reply.ok) {
      trackAddToCart(data.product.id, cell.skuId, quantity);
      setPicker(null);
      void Taro.showToast({ title: '已加入购物车', icon: 'success' });
    } else toast(reply.message);
  };

  const actions = (mode: PickerMode) => {
    const blocked = !purchase.canBuy || soldOut;
    const label = soldOut ? '已售罄' : !purchase.canBuy ? '暂未开售' : null;
    if (label) {
      return (
        <Button className="product__btn product__btn--wide" disabled block>
          {label}
        </Button>
      );
    }
    return (
      <>
        {mode !== 'buy' ? (
          <Button className="product__btn product__btn--cart" disabled={blocked || busy} onClick={() => void confirm('cart')}>
            加入购物车
          </Button>
        ) : null}
        {mode !== 'cart' ? (
          <Button className="product__btn product__btn--buy" disabled={blocked || flashBuy.busy} onClick={() => void confirm('buy')}>
            {(cell ? flash.itemFor(cell.skuId) : flash.data?.sale && flash.data.viewer.canBuyNow) ? '立即抢购' : '立即购买'}
          </Button>
        ) : null}
      </>
    );
  };

  return (
    <View className="page page--flush product">
      <View className="product__gallery">
        <Swiper className="product__swiper" current={slide} onChange={(e) => setSlide(e.detail.current)}>
          {product.images.map((src) => (
            <SwiperItem key={src}>
              <Image className="product__image" src={imageUrl(src)} mode="aspectFill" />
            </SwiperItem>
          ))}
        </Swiper>
        <Text className="product__counter">{`${slide + 1} / ${product.images.length}`}</Text>
        <PosterEntry className="product__poster" productId={product.id} />
      </View>

      <FlashBanner flash={flash.data} onEnd={() => void flash.reload()} />

      <View className="product__card product__intro">
        {flashSale?.status !== 'active' ? (
          <View className="product__prices">
            <Price fen={product.price} size="lg" />
            {product.maxPrice > product.price ? <Text className="product__from">起</Text> : null}
            {product.listPrice > product.price ? <Price className="product__list" fen={product.listPrice} strike /> : null}
            <Text className="product__sales">{product.sales > 0 ? `已售 ${product.sales}` : '新品'}</Text>
          </View>
        ) : null}
        <View className="product__member" onClick={() => void Taro.navigateTo({ url: areas.member })}>
          <Text className="product__member-badge">{memberPrice.tierName}</Text>
          {memberPrice.discountText ? (
            <>
              <Text className="product__member-text">{`会员价 ${memberPrice.discountText}`}</Text>
              <Price fen={memberPrice.price} size="sm" />
            </>
          ) : (
            <Text className="product__member-text">会员</Text>
          )}
          {memberPrice.next ? (
            <Text className="product__member-next">{`· 升级${memberPrice.next.tierName}享 ¥${(memberPrice.next.price / 100).toFixed(2)} ›`}</Text>
          ) : null}
        </View>
        {purchase.text ? <Text className={`product__priority${purchase.early ? ' product__priority--open' : ''}`}>{purchase.text}</Text> : null}
        <Text className="product__title">{product.title}</Text>
        <Text className="product__subtitle">{product.subtitle}</Text>
        <View className="product__tags">
          {product.styleTags.map((t) => (
            <Text key={t} className="product__tag">
              {t}
            </Text>
          ))}
        </View>
      </View>

      <View className="product__card">
        {coupons.length > 0 ? (
          <View className="product__row" onClick={() => void Taro.navigateTo({ url: areas.store })}>
            <Text className="product__row-label">领券</Text>
            <View className="product__coupons">
              {coupons.slice(0, 3).map((c) => (
                <Text key={c.id} className="product__coupon">
                  {c.text}
                </Text>
              ))}
            </View>
            <Text className="product__row-go">›</Text>
          </View>
        ) : null}
        <View className="product__row" onClick={() => setPicker('select')}>
          <Text className="product__row-label">已选</Text>
          <Text className="product__row-value">{cell ? `${cell.specText} · ${quantity} 件` : colorIndex >= 0 ? `${skus.colors[colorIndex].name} · 请选择尺码` : '请选择颜色、尺码'}</Text>
          <Text className="product__row-go">›</Text>
        </View>
        {sizeGuide ? (
          <View className="product__row" onClick={() => setGuideOpen(true)}>
            <Text className="product__row-label">尺码</Text>
            <Text className="product__row-value">{skus.sizes.map((s) => s.size).join(' / ')}</Text>
            <Text className="product__row-go">尺码指南 ›</Text>
          </View>
        ) : null}
      </View>

      <GroupStrip productId={id} skuId={cell?.skuId} />

      <View className="product__card product__details">
        <Text className="product__details-title">商品详情</Text>
        <View className="product__spec">
          <Text className="product__spec-label">面料</Text>
          <Text className="product__spec-value">{product.material}</Text>
        </View>
        {product.care ? (
          <View className="product__spec">
            <Text className="product__spec-label">洗护</Text>
            <Text className="product__spec-value">{product.care}</Text>
          </View>
        ) : null}
        <Text className="product__description">{product.description}</Text>
        {product.images.slice(1).map((src) => (
          <Image key={src} className="product__detail-image" src={imageUrl(src)} mode="widthFix" lazyLoad />
        ))}
      </View>

      <View className="product__bar">
        <View className="product__bar-icon" onClick={() => void Taro.switchTab({ url: tabs.home })}>
          <Home size={20} />
          <Text>首页</Text>
        </View>
        <View className="product__bar-icon" onClick={() => void Taro.switchTab({ url: tabs.cart })}>
          <Cart size={20} />
          <Text>购物车</Text>
        </View>
        <View className="product__bar-actions">{purchase.canBuy || soldOut ? actions('select') : <Button className="product__btn product__btn--wide" disabled block>即将开售</Button>}</View>
      </View>

      <Popup visible={picker !== null} position="bottom" round closeable onClose={() => setPicker(null)}>
        <SkuPicker
          matrix={skus}
          selection={selection}
          onSelect={select}
          quantity={quantity}
          onQuantity={pickQuantity}
          lowStockThreshold={data.lowStockThreshold}
          fromPrice={product.price}
          fallbackImage={product.cover}
          promo={promo}
          subscribedSkuIds={subscribed}
          onRestock={data.restock.templateId ? (c) => void restock(c) : undefined}
          onSizeGuide={sizeGuide ? () => setGuideOpen(true) : undefined}
          footer={actions(picker ?? 'select')}
        />
      </Popup>

      {flashBuy.sheet}

      <Popup visible={guideOpen} position="bottom" round closeable title="尺码指南" onClose={() => setGuideOpen(false)}>
        {sizeGuide ? <SizeGuide guide={sizeGuide} highlight={selection.size} /> : null}
      </Popup>
    </View>
  );
}
