import { useEffect, useMemo, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Input, Popup, Switch } from '@nutui/nutui-react-taro';
import { ArrowRight, Location, Store } from '@nutui/icons-react-taro';
import { AddressCard } from '@/components/address-card';
import { EmptyState } from '@/components/empty-state';
import { OrderLine } from '@/components/order-line';
import { PriceBreakdown } from '@/components/price-breakdown';
import { formatFen } from '@/domain/money';
import { newRequestId, ordersService, type CheckoutInput, type CheckoutItem, type DeliveryMethod, type PreviewData, type StoreBrief } from '@/services/orders';
import { storesService } from '@/services/stores';
import { useCart } from '@/stores/cart';
import { useCheckout } from '@/stores/checkout';
import { detailUrl, orderRoutes } from '../routes';
import { usePayFlow } from '../use-pay-flow';
import './index.scss';

/** The items query parameter: [{skuId, quantity}], URI-encoded JSON. Anything else is no items. */
function parseItems(raw: string | undefined): CheckoutItem[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(decodeURIComponent(raw));
    if (!Array.isArray(value)) return [];
    return value
      .filter((v): v is CheckoutItem => typeof v?.skuId === 'string' && Number.isInteger(v?.quantity) && v.quantity > 0)
      .map((v) => ({ skuId: v.skuId, quantity: v.quantity }));
  } catch {
    return [];
  }
}

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });
/** no coupon chosen yet: the server picks the best one; NONE: the shopper chose none */
const NONE = '';

export default function CheckoutPage() {
  const { params } = useRouter();
  const items = useMemo(() => parseItems(params.items), [params.items]);
  const fromCart = params.from === 'cart';
  const requestId = useRef(newRequestId());
  const addressId = useCheckout((s) => s.addressId);

  const [delivery, setDelivery] = useState<DeliveryMethod>('express');
  const [couponId, setCouponId] = useState<string | undefined>(undefined);
  const [usePoints, setUsePoints] = useState(false);
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  const [remark, setRemark] = useState('');
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [submitting, setSubmitting] = useState(false);
  const [couponsOpen, setCouponsOpen] = useState(false);
  const [storesOpen, setStoresOpen] = useState(false);
  const [pickupStores, setPickupStores] = useState<StoreBrief[] | null>(null);
  /** bumps to re-price, e.g. when coming back from the address book */
  const [round, setRound] = useState(0);

  const pay = usePayFlow({ onAbandon: (orderId) => void Taro.redirectTo({ url: detailUrl(orderId) }) });

  const input: CheckoutInput = useMemo(
    () => ({
      items,
      delivery,
      ...(couponId !== undefined ? { couponId } : {}),
      usePoints: usePoints ? 'max' : 0,
      ...(delivery === 'express' && addressId ? { addressId } : {}),
      ...(delivery === 'pickup' && storeId ? { storeId } : {}),
    }),
    [items, delivery, couponId, usePoints, addressId, storeId],
  );

  useEffect(() => {
    if (items.length === 0) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    void ordersService.preview(input).then((reply) => {
      if (!live) return;
      setLoading(false);
      if (reply.ok) {
        setPreview(reply.data);
        setError(null);
      } else {
        setError(reply.message);
        toast(reply.message);
      }
    });
    return () => {
      live = false;
    };
  }, [input, items.length, round]);

  useDidShow(() => setRound((r) => r + 1));

  useEffect(() => {
    if (delivery !== 'pickup' || pickupStores !== null) return;
    void storesService.cities().then((reply) => {
      if (!reply.ok) {
        toast(reply.message);
        return;
      }
      setPickupStores(reply.data.cities.flatMap((c) => c.stores.map((st) => ({ id: st.id, name: st.name, address: `${st.city} ${st.district} ${st.address}` }))));
    });
  }, [delivery, pickupStores]);

  if (items.length === 0) {
    return (
      <View className="page checkout">
        <EmptyState icon={<Store size={32} />} title="没有要结算的商品" description="从购物车或商品页选好商品再来结算" actionText="返回" onAction={() => void Taro.navigateBack()} />
      </View>
    );
  }

  if (!preview) {
    return (
      <View className="page checkout">
        {error ? (
          <EmptyState icon={<Store size={32} />} title="暂时无法结算" description={error} actionText="重试" onAction={() => setRound((r) => r + 1)} />
        ) : (
          <View className="checkout__loading">正在计算价格…</View>
        )}
      </View>
    );
  }

  const { breakdown } = preview;
  const address = preview.address ?? null;
  const stores: StoreBrief[] = pickupStores ?? preview.stores ?? (preview.store ? [preview.store] : []);
  const chosenStore = preview.store ?? null;
  const couponLabel = breakdown.coupon?.applied
    ? `-${formatFen(breakdown.couponDiscount)}`
    : preview.coupons.some((c) => c.applies)
      ? `${preview.coupons.filter((c) => c.applies).length} 张可用`
      : '暂无可用';

  const submit = async () => {
    if (delivery === 'express' && !address) {
      toast('请先添加收货地址');
      return;
    }
    if (delivery === 'pickup' && !chosenStore) {
      toast('请选择自提门店');
      return;
    }
    setSubmitting(true);
    const reply = await ordersService.create({
      ...input,
      ...(delivery === 'express' && address ? { addressId: address.id } : {}),
      ...(delivery === 'pickup' && chosenStore ? { storeId: chosenStore.id } : {}),
      fromCart,
      requestId: requestId.current,
      ...(remark.trim() ? { remark: remark.trim() } : {}),
    });
    setSubmitting(false);
    if (!reply.ok) {
      toast(reply.message);
      return;
    }
    if (fromCart) void useCart.getState().load();
    if (reply.data.status !== 'pending_payment') {
      void Taro.redirectTo({ url: `${orderRoutes.result}?id=${encodeURIComponent(reply.data.orderId)}&status=${reply.data.status}` });
      return;
    }
    await pay.start(reply.data.orderId);
  };

  return (
    <View className="page checkout">
      <View className="checkout__delivery">
        {(['express', 'pickup'] as const).map((d) => (
          <View key={d} className={`checkout__delivery-tab${delivery === d ? ' checkout__delivery-tab--on' : ''}`} onClick={() => setDelivery(d)}>
            {d === 'express' ? '快递配送' : '门店自提'}
          </View>
        ))}
      </View>

      <View className="checkout__card">
        {delivery === 'express' ? (
          address ? (
            <AddressCard {...address} extra={<ArrowRight size={12} />} onClick={() => void Taro.navigateTo({ url: `${orderRoutes.address}?select=1` })} />
          ) : (
            <View className="checkout__add" onClick={() => void Taro.navigateTo({ url: `${orderRoutes.addressEdit}?from=checkout` })}>
              <Location size={18} />
              <Text>添加收货地址</Text>
              <ArrowRight size={12} />
            </View>
          )
        ) : chosenStore ? (
          <View className="checkout__store" onClick={() => stores.length > 1 && setStoresOpen(true)}>
            <Store size={18} />
            <View className="checkout__store-body">
              <Text className="checkout__store-name">{chosenStore.name}</Text>
              {chosenStore.address ? <Text className="checkout__store-address">{chosenStore.address}</Text> : null}
              <Text className="checkout__store-note">付款后凭自提码到店取货，店员核验后完成</Text>
            </View>
            {stores.length > 1 ? <ArrowRight size={12} /> : null}
          </View>
        ) : stores.length ? (
          <View className="checkout__add" onClick={() => setStoresOpen(true)}>
            <Store size={18} />
            <Text>选择自提门店</Text>
            <ArrowRight size={12} />
          </View>
        ) : (
          <View className="checkout__add">
            <Store size={18} />
            <Text>{pickupStores === null ? '正在查找可自提的门店…' : '暂无可自提的门店，请选择快递配送'}</Text>
          </View>
        )}
      </View>

      <View className="checkout__card">
        <Text className="checkout__section">商品（{preview.lines.reduce((n, l) => n + l.quantity, 0)} 件）</Text>
        {preview.lines.map((l) => (
          <OrderLine key={l.skuId} {...l} />
        ))}
      </View>

      <View className="checkout__card checkout__options">
        <View className="checkout__option" onClick={() => setCouponsOpen(true)}>
          <Text>优惠券</Text>
          <View className={`checkout__option-value${breakdown.coupon?.applied ? ' checkout__option-value--on' : ''}`}>
            <Text>{couponLabel}</Text>
            <ArrowRight size={12} />
          </View>
        </View>
        <View className="checkout__option">
          <View className="checkout__points">
            <Text>积分抵扣</Text>
            <Text className="checkout__points-note">
              {usePoints && breakdown.pointsUsed > 0
                ? `已用 ${breakdown.pointsUsed} 积分，抵 ${formatFen(breakdown.pointsDiscount)}`
                : `可用 ${preview.pointsBalance} 积分，本单最多抵 ${formatFen(breakdown.pointsMax)}`}
            </Text>
          </View>
          <Switch checked={usePoints} disabled={breakdown.pointsMax <= 0 && !usePoints} onChange={(v) => setUsePoints(v)} />
        </View>
        <View className="checkout__option">
          <Text>备注</Text>
          <Input className="checkout__remark" value={remark} placeholder="选填，给我们留言" maxLength={100} onChange={(v) => setRemark(v)} />
        </View>
      </View>

      <View className="checkout__card">
        <Text className="checkout__section">价格明细（{breakdown.tier.name}）</Text>
        <PriceBreakdown
          lines={breakdown.lines}
          note={
            delivery === 'express' && breakdown.freeShippingShortBy
              ? `再买${formatFen(breakdown.freeShippingShortBy)}免运费`
              : breakdown.pointsEarnable > 0
                ? `确认收货后可得 ${breakdown.pointsEarnable} 积分`
                : undefined
          }
        />
      </View>

      <View className="checkout__bar">
        <View className="checkout__total">
          <Text>应付</Text>
          <Text className="checkout__payable">{formatFen(breakdown.payable)}</Text>
          {loading ? <Text className="checkout__updating">计算中…</Text> : null}
        </View>
        <Button type="primary" className="checkout__submit" loading={submitting || pay.paying} disabled={loading} onClick={() => void submit()}>
          提交订单
        </Button>
      </View>

      <Popup visible={couponsOpen} position="bottom" round closeable title="选择优惠券" onClose={() => setCouponsOpen(false)}>
        <View className="coupon-list">
          <View
            className={`coupon-list__item${couponId === NONE ? ' coupon-list__item--on' : ''}`}
            onClick={() => {
              setCouponId(NONE);
              setCouponsOpen(false);
            }}
          >
            <Text className="coupon-list__title">不使用优惠券</Text>
          </View>
          {preview.coupons.map((c) => {
            const on = breakdown.coupon?.applied === true && breakdown.coupon.id === c.id;
            return (
              <View
                key={c.id}
                className={`coupon-list__item${on ? ' coupon-list__item--on' : ''}${c.applies ? '' : ' coupon-list__item--off'}`}
                onClick={() => {
                  if (!c.applies) {
                    toast(c.reason ?? '该券本单不可用');
                    return;
                  }
                  setCouponId(c.id);
                  setCouponsOpen(false);
                }}
              >
                <View className="coupon-list__left">
                  <Text className="coupon-list__amount">{c.applies && c.discount > 0 ? `-${formatFen(c.discount)}` : '不可用'}</Text>
                </View>
                <View className="coupon-list__body">
                  <Text className="coupon-list__title">{c.title}</Text>
                  {!c.applies && c.reason ? <Text className="coupon-list__reason">{c.reason}</Text> : null}
                </View>
              </View>
            );
          })}
          {preview.coupons.length === 0 ? <Text className="coupon-list__empty">你还没有可在线使用的优惠券</Text> : null}
        </View>
      </Popup>

      <Popup visible={storesOpen} position="bottom" round closeable title="选择自提门店" onClose={() => setStoresOpen(false)}>
        <View className="coupon-list">
          {stores.map((s) => (
            <View
              key={s.id}
              className={`coupon-list__item${chosenStore?.id === s.id ? ' coupon-list__item--on' : ''}`}
              onClick={() => {
                setStoreId(s.id);
                setStoresOpen(false);
              }}
            >
              <View className="coupon-list__body">
                <Text className="coupon-list__title">{s.name}</Text>
                {s.address ? <Text className="coupon-list__reason">{s.address}</Text> : null}
              </View>
            </View>
          ))}
        </View>
      </Popup>
      {pay.sheet}
    </View>
  );
}
