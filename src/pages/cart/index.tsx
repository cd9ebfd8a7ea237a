import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Checkbox, InputNumber } from '@nutui/nutui-react-taro';
import { Del, Shopping } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { formatFen } from '@/domain/money';
import { describeLadderStep, ladderStepReached, nextLadderStep } from '@/domain/promotions';
import { tabs } from '@/packages/routes';
import { checkoutUrl } from '@/packages/order/routes';
import { MAX_PER_LINE, type CartLine } from '@/services/cart';
import { imageUrl } from '@/services/media';
import { checkoutLines, selectedTotal, useCart } from '@/stores/cart';
import type { Reply } from '@/domain/reply';
import { usePageView } from '@/services/analytics';
import './index.scss';

const toastFailure = (reply: Reply<unknown> | null) => {
  if (reply && !reply.ok) void Taro.showToast({ title: reply.message, icon: 'none' });
};

/** "再买¥X 减Y" when a higher 满减 step is in reach, else what the reached step gives. */
function ladderHint(total: number): string | null {
  if (total <= 0) return null;
  const next = nextLadderStep(total);
  const reached = ladderStepReached(total);
  if (next) {
    const more = `再买${formatFen(next.shortBy, { trimZeros: true })} 可享${describeLadderStep(next.step)}`;
    return reached ? `已享${describeLadderStep(reached)}，${more}` : more;
  }
  return reached ? `已享${describeLadderStep(reached)}` : null;
}

function CartRow({ line, busy }: { line: CartLine; busy: boolean }) {
  const { toggle, setQuantity, remove } = useCart();
  const max = Math.max(1, Math.min(line.stock, MAX_PER_LINE));
  const change = async (value: number | string) => {
    const quantity = Math.round(Number(value));
    if (!Number.isFinite(quantity) || quantity === line.quantity || quantity < 1) return;
    toastFailure(await setQuantity(line.skuId, Math.min(quantity, max)));
  };
  const confirmRemove = async () => {
    const { confirm } = await Taro.showModal({ title: '移出购物车', content: `确定不要「${line.title}」了吗？`, confirmText: '移除' });
    if (confirm) toastFailure(await remove([line.skuId]));
  };
  return (
    <View className={`cart-row${line.available ? '' : ' cart-row--unavailable'}`}>
      <View className="cart-row__check">
        <Checkbox checked={line.available && line.selected} disabled={!line.available || busy} onChange={() => void toggle(line.skuId).then(toastFailure)} />
      </View>
      <Image className="cart-row__image" src={imageUrl(line.image)} mode="aspectFill" />
      <View className="cart-row__body">
        <View className="cart-row__top">
          <Text className="cart-row__title">{line.title}</Text>
          <View className="cart-row__remove" onClick={() => void confirmRemove()}>
            <Del size={14} />
          </View>
        </View>
        <Text className="cart-row__spec">{line.specText}</Text>
        {line.available ? (
          line.stock <= 5 ? <Text className="cart-row__low">仅剩 {line.stock} 件</Text> : null
        ) : (
          <Text className="cart-row__gone">{line.stock <= 0 ? '已售罄' : '已下架'}</Text>
        )}
        <View className="cart-row__bottom">
          <View className="cart-row__prices">
            <Text className="cart-row__price">{formatFen(line.unitPrice)}</Text>
            {line.listPrice > line.unitPrice ? <Text className="cart-row__list-price">{formatFen(line.listPrice)}</Text> : null}
          </View>
          {line.available ? (
            <InputNumber className="cart-row__stepper" value={line.quantity} min={1} max={max} disabled={busy} async onChange={(v) => void change(v)} />
          ) : (
            <Text className="cart-row__qty">×{line.quantity}</Text>
          )}
        </View>
      </View>
    </View>
  );
}

export default function CartPage() {
  usePageView();
  const { status, items, error, busy, load, toggleAll } = useCart();

  useDidShow(() => {
    void load();
  });

  const available = items.filter((i) => i.available);
  const chosen = checkoutLines(items);
  const allChosen = available.length > 0 && chosen.length === available.length;
  const total = selectedTotal(items);
  const hint = ladderHint(total);
  const pieces = chosen.reduce((n, i) => n + i.quantity, 0);

  const checkout = () => {
    if (chosen.length === 0) {
      void Taro.showToast({ title: '请先选择要结算的商品', icon: 'none' });
      return;
    }
    void Taro.navigateTo({ url: checkoutUrl(chosen.map((i) => ({ skuId: i.skuId, quantity: i.quantity })), true) });
  };

  const head = (
    <View className="cart__head">
      <Text className="cart__eyebrow">YOUR BAG</Text>
      <Text className="cart__title">购物车{items.length ? <Text className="cart__count">（{items.length}）</Text> : null}</Text>
    </View>
  );

  if (status === 'idle' || (status === 'loading' && items.length === 0)) {
    return (
      <View className="page cart">
        {head}
        <View className="cart__card cart__loading">
          <Text>正在加载购物车…</Text>
        </View>
      </View>
    );
  }

  if (status === 'error' && items.length === 0) {
    return (
      <View className="page cart">
        {head}
        <View className="cart__card">
          <EmptyState icon={<Shopping size={32} />} title="购物车没有加载出来" description={error ?? undefined} actionText="重新加载" onAction={() => void load()} />
        </View>
      </View>
    );
  }

  if (items.length === 0) {
    return (
      <View className="page cart">
        {head}
        <View className="cart__card">
          <EmptyState
            icon={<Shopping size={32} />}
            title="购物车还是空的"
            description="选好颜色和尺码加入购物车，结算时会自动计算会员折扣、满减和优惠券"
            actionText="去逛逛"
            onAction={() => void Taro.switchTab({ url: tabs.home })}
          />
        </View>
      </View>
    );
  }

  return (
    <View className="page cart cart--filled">
      {head}
      {hint ? (
        <View className="cart__ladder">
          <Text className="cart__ladder-tag">满减</Text>
          <Text className="cart__ladder-text">{hint}</Text>
        </View>
      ) : null}
      <View className="cart__card cart__list">
        {items.map((line) => (
          <CartRow key={line.skuId} line={line} busy={busy.includes(line.skuId)} />
        ))}
      </View>
      <View className="cart__bar">
        <View className="cart__all">
          <Checkbox checked={allChosen} disabled={available.length === 0} onChange={() => void toggleAll(!allChosen).then(toastFailure)}>
            全选
          </Checkbox>
        </View>
        <View className="cart__sum">
          <View className="cart__sum-line">
            <Text className="cart__sum-label">合计</Text>
            <Text className="cart__sum-amount">{formatFen(total)}</Text>
          </View>
          <Text className="cart__sum-note">不含运费，优惠在结算时计算</Text>
        </View>
        <Button className="cart__checkout" type="primary" disabled={chosen.length === 0} onClick={checkout}>
          去结算{pieces ? `(${pieces})` : ''}
        </Button>
      </View>
    </View>
  );
}
