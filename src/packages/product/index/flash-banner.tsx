/**
 * The product page's 限时秒杀 band (flashsale.forProduct): 秒杀价, 已抢N%, the countdown to the end
 * (or to the start while upcoming) and the 会员优先购 note; plus buying a flash item through
 * flashsale.buy and the shop's pay flow, which ends on the order result page.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Countdown } from '@/components/countdown';
import { Price } from '@/components/price';
import { buyingOpensAt, formatOpensAt } from '@/domain/flash-sale/priority-window';
import { TIERS } from '@/domain/tiers';
import { usePayFlow } from '@/packages/order/use-pay-flow';
import { detailUrl } from '@/packages/order/routes';
import { flashsaleService, soldPercent, type FlashItem, type ProductFlash } from '@/services/flashsale';
import { newRequestId } from '@/services/orders';
import './flash-banner.scss';

/** '金卡 08:00、黑钻 06:00 起可抢': each tier's own opening, from the tier table's priority hours. */
function priorityNote(startAt: number, now: number): string {
  return TIERS.filter((t) => t.priorityHours > 0)
    .map((t) => `${t.name} ${formatOpensAt(buyingOpensAt({ startsAt: startAt }, t.id), now)}`)
    .join('、');
}

export interface FlashBannerProps {
  flash: ProductFlash | null;
  onEnd?: () => void;
}

export function FlashBanner({ flash, onEnd }: FlashBannerProps) {
  const sale = flash?.sale;
  if (!flash || !sale || sale.status === 'ended' || sale.items.length === 0) return null;
  const lowest = sale.items.reduce((min, i) => (i.salePrice < min.salePrice ? i : min), sale.items[0]);
  const percent = soldPercent(sale.items);
  const active = sale.status === 'active';
  const now = flash.now ?? Date.now();
  const early = !active && flash.viewer.canBuyNow;
  return (
    <View className={`flash-banner${active || early ? '' : ' flash-banner--upcoming'}`}>
      <View className="flash-banner__main">
        <View className="flash-banner__left">
          <Text className="flash-banner__tag">{early ? '限时秒杀 · 会员优先购中' : '限时秒杀'}</Text>
          <View className="flash-banner__price">
            <Text className="flash-banner__label">秒杀价</Text>
            <Price fen={lowest.salePrice} size="lg" className="flash-banner__amount" />
            <Price fen={lowest.listPrice} strike className="flash-banner__was" />
          </View>
        </View>
        <View className="flash-banner__right">
          {active ? (
            <Countdown to={sale.endAt} serverNow={flash.now} label="距结束" tone="light" onEnd={onEnd} />
          ) : (
            <Countdown to={sale.startAt} serverNow={flash.now} label="距开始" endedText="已开抢" tone="light" onEnd={onEnd} />
          )}
          {active ? (
            <View className="flash-banner__progress">
              <View className="flash-banner__bar">
                <View className="flash-banner__fill" style={{ width: `${percent}%` }} />
              </View>
              <Text className="flash-banner__sold">{percent >= 100 ? '已抢光' : `已抢${percent}%`}</Text>
            </View>
          ) : null}
        </View>
      </View>
      {sale.priorityStartAt !== null && now < sale.startAt ? (
        <Text className="flash-banner__note">{`会员优先购：${priorityNote(sale.startAt, now)} 起可抢`}</Text>
      ) : null}
      {!flash.viewer.canBuyNow && flash.viewer.reason && active ? <Text className="flash-banner__note">{flash.viewer.reason}</Text> : null}
    </View>
  );
}

/** The product's flash sale for this viewer, read when the product id is known and on `reload`. */
export function useProductFlash(productId: string) {
  const [data, setData] = useState<ProductFlash | null>(null);
  const load = async () => {
    if (!productId) return;
    const reply = await flashsaleService.forProduct(productId);
    // A product page without its flash band still sells at the normal price: no error to show.
    if (reply.ok) setData(reply.data);
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [productId]);
  /** The flash item for this SKU when this viewer may buy it now, else null. */
  const itemFor = (skuId: string | null | undefined): FlashItem | null => {
    if (!skuId || !data?.sale || !data.viewer.canBuyNow) return null;
    return data.sale.items.find((i) => i.skuId === skuId && i.stockLeft > 0) ?? null;
  };
  return { data, reload: load, itemFor };
}

/** 立即抢购: a flash order (one requestId per attempt), then pay; closing the pay sheet goes to the order. */
export function useFlashBuy() {
  const requestId = useRef(newRequestId());
  const [busy, setBusy] = useState(false);
  const pay = usePayFlow({ onAbandon: (orderId) => void Taro.redirectTo({ url: detailUrl(orderId) }) });
  const buy = async (item: FlashItem, quantity: number): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    const reply = await flashsaleService.buy(item.saleItemId, { skuId: item.skuId, quantity, requestId: requestId.current });
    setBusy(false);
    requestId.current = newRequestId();
    if (!reply.ok) {
      void Taro.showToast({ title: reply.message, icon: 'none', duration: 2500 });
      return false;
    }
    await pay.start(reply.data.orderId);
    return true;
  };
  return { buy, busy: busy || pay.paying, sheet: pay.sheet };
}
