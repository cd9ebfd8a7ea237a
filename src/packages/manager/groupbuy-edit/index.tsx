/**
 * Manager: create a 拼团活动. Name it, choose when it runs (Shanghai time), set the group size, the
 * time a group has to fill (hours and minutes) and 每人限购, find a product and tap the SKUs to put
 * in, then set each one's 拼团价 in yuan and its own stock. The server checks it all again
 * (docs/api.md "groupbuy" saveActivity) and its refusals show above the button.
 */
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { dayKey } from '@/domain/business-day';
import type { ProductPage, SkuCell } from '@/services/catalog';
import { groupbuyService } from '@/services/groupbuy';
import { ManagerGate } from '../manager-gate';
import { shanghaiClock } from '../parts/form-helpers';
import { ProductSkuPicker } from '../parts/product-sku-picker';
import { TimeWindowFields } from '../parts/time-window-fields';
import { managerRoutes } from '../routes';
import { durationText, settingHints, timeLimitMinutes, toActivityInput, type ActivityForm, type SkuDraft } from './activity-form';
import { SkuRow } from './sku-row';
import './index.scss';

/** Starts now (this minute, Shanghai time) and runs seven days; 3人团, 24 hours to fill, 2 each. */
function initialForm(): ActivityForm {
  const now = Date.now();
  const end = now + 7 * 86_400_000;
  return {
    title: '',
    startDate: dayKey(new Date(now)),
    startTime: shanghaiClock(now),
    endDate: dayKey(new Date(end)),
    endTime: shanghaiClock(end),
    groupSize: '3',
    limitHours: '24',
    limitMinutes: '0',
    perUserLimit: '2',
    skus: [],
  };
}

/** A first suggestion: 8折 rounded down to whole yuan, twenty units or what the SKU has. */
function draftOf(product: ProductPage['product'], cell: SkuCell): SkuDraft {
  const suggested = Math.floor((cell.price * 0.8) / 100);
  return {
    skuId: cell.skuId,
    label: `${product.title} ${cell.specText}`,
    price: cell.price,
    skuStock: cell.stock,
    groupPriceYuan: suggested > 0 ? String(suggested) : '',
    stock: String(Math.max(1, Math.min(20, cell.stock))),
  };
}

export default function GroupBuyEditPage() {
  const [form, setForm] = useState<ActivityForm>(initialForm);
  const [product, setProduct] = useState<ProductPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ActivityForm>) => setForm((f) => ({ ...f, ...patch }));
  const settings = settingHints(form);
  const minutes = timeLimitMinutes(form);

  // One activity is one product: choosing another product starts its SKU list afresh.
  const choose = (next: ProductPage) => {
    if (product && product.product.id !== next.product.id) setForm((f) => ({ ...f, skus: [] }));
    setProduct(next);
  };

  const chosen = new Set(form.skus.map((s) => s.skuId));
  const toggle = (cell: SkuCell) =>
    setForm((f) => ({ ...f, skus: chosen.has(cell.skuId) ? f.skus.filter((s) => s.skuId !== cell.skuId) : [...f.skus, draftOf(product!.product, cell)] }));
  const change = (skuId: string, patch: Partial<SkuDraft>) => setForm((f) => ({ ...f, skus: f.skus.map((s) => (s.skuId === skuId ? { ...s, ...patch } : s)) }));
  const remove = (skuId: string) => setForm((f) => ({ ...f, skus: f.skus.filter((s) => s.skuId !== skuId) }));

  const submit = async () => {
    const built = toActivityInput(form);
    if (!built.ok) return setError(built.error);
    setBusy(true);
    const reply = await groupbuyService.saveActivity(built.input);
    setBusy(false);
    if (!reply.ok) return setError(reply.message);
    setError(null);
    void Taro.showToast({ title: '拼团已创建', icon: 'success' });
    void Taro.redirectTo({ url: managerRoutes.groupBuys });
  };

  return (
    <ManagerGate>
      <View className="page gbm-edit">
        <View className="edit-block">
          <Text className="edit-block__title">活动名称</Text>
          <Input className="edit-block__input gbm-edit__title" placeholder="如：重磅纯棉T恤 3人团" maxlength={30} value={form.title} onInput={(e) => set({ title: e.detail.value })} />
        </View>

        <View className="edit-block">
          <Text className="edit-block__title">活动时间（北京时间）</Text>
          <TimeWindowFields value={form} daysAhead={60} onChange={set} />
          <Text className="edit-block__hint">活动结束后不能再开团或参团；已在进行中的团按各自的成团时限结束</Text>
        </View>

        <View className="edit-block">
          <Text className="edit-block__title">成团规则</Text>
          <View className="gbm-rule">
            <Text className="gbm-rule__label">成团人数</Text>
            <Input className="gbm-rule__input gbm-rule__input--size" type="number" value={form.groupSize} onInput={(e) => set({ groupSize: e.detail.value })} />
            <Text className="gbm-rule__unit">人（含团长）</Text>
          </View>
          {settings.groupSize ? <Text className="gbm-rule__hint">{settings.groupSize}</Text> : null}
          <View className="gbm-rule">
            <Text className="gbm-rule__label">成团时限</Text>
            <Input className="gbm-rule__input gbm-rule__input--hours" type="number" value={form.limitHours} onInput={(e) => set({ limitHours: e.detail.value })} />
            <Text className="gbm-rule__unit">小时</Text>
            <Input className="gbm-rule__input gbm-rule__input--minutes" type="number" value={form.limitMinutes} onInput={(e) => set({ limitMinutes: e.detail.value })} />
            <Text className="gbm-rule__unit">分钟</Text>
          </View>
          {settings.timeLimit ? <Text className="gbm-rule__hint">{settings.timeLimit}</Text> : null}
          <View className="gbm-rule">
            <Text className="gbm-rule__label">每人限购</Text>
            <Input className="gbm-rule__input gbm-rule__input--limit" type="number" value={form.perUserLimit} onInput={(e) => set({ perUserLimit: e.detail.value })} />
            <Text className="gbm-rule__unit">件（整个活动）</Text>
          </View>
          {settings.perUserLimit ? <Text className="gbm-rule__hint">{settings.perUserLimit}</Text> : null}
          <Text className="edit-block__hint">
            {minutes !== null && !settings.timeLimit && !settings.groupSize ? `团长付款后${durationText(minutes)}内凑齐${Number(form.groupSize)}人即成团；` : ''}
            未凑齐的团到时自动全额退款
          </Text>
        </View>

        <View className="edit-block">
          <Text className="edit-block__title">选择商品</Text>
          <ProductSkuPicker product={product} onProduct={choose} chosen={chosen} onToggle={toggle} onError={setError} chipsNote="点选加入，一个活动只含一个商品" />
        </View>

        <View className="edit-block">
          <Text className="edit-block__title">拼团商品（{form.skus.length}）</Text>
          {form.skus.length === 0 ? <Text className="edit-block__hint">搜索商品后点选规格加入</Text> : null}
          {form.skus.map((sku) => (
            <SkuRow key={sku.skuId} sku={sku} onChange={(patch) => change(sku.skuId, patch)} onRemove={() => remove(sku.skuId)} />
          ))}
        </View>

        <View className="edit-block">
          <Text className="edit-block__hint">拼团库存为活动单独设置的件数，不从商品库存中划出</Text>
          {error ? <Text className="edit-block__error">{error}</Text> : null}
          <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
            创建拼团
          </Button>
        </View>
      </View>
    </ManagerGate>
  );
}
