/**
 * Manager: create a 限时秒杀. Name it, choose when it runs (Shanghai time), find a product and tap
 * the SKUs to put in, then set each one's 秒杀价 in yuan, its own stock and 每人限购. The server
 * checks it all again (docs/api.md "flashsale" saveSale) and its refusals show above the button.
 */
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { dayKey } from '@/domain/business-day';
import { TIERS } from '@/domain/tiers';
import type { ProductPage, SkuCell } from '@/services/catalog';
import { flashsaleService } from '@/services/flashsale';
import { ManagerGate } from '../manager-gate';
import { shanghaiClock } from '../parts/form-helpers';
import { ProductSkuPicker } from '../parts/product-sku-picker';
import { TimeWindowFields } from '../parts/time-window-fields';
import { managerRoutes } from '../routes';
import { ItemRow } from './item-row';
import { toSaleInput, type ItemDraft, type SaleForm } from './sale-form';
import './index.scss';

/** '金卡会员提前2小时、黑钻会员提前4小时可抢' from the tiers' own priority hours. */
const PRIORITY_TEXT = TIERS.filter((t) => t.priorityHours > 0)
  .map((t) => `${t.name}会员提前${t.priorityHours}小时`)
  .join('、');

/** Starts now (this minute, Shanghai time) and runs two hours. */
function initialForm(): SaleForm {
  const now = Date.now();
  const end = now + 2 * 3_600_000;
  return { title: '', startDate: dayKey(new Date(now)), startTime: shanghaiClock(now), endDate: dayKey(new Date(end)), endTime: shanghaiClock(end), items: [] };
}

/** A first suggestion: 7折 rounded down to whole yuan, ten units or what the SKU has, one each. */
function draftOf(product: ProductPage['product'], cell: SkuCell): ItemDraft {
  const suggested = Math.floor((cell.price * 0.7) / 100);
  return {
    skuId: cell.skuId,
    label: `${product.title} ${cell.specText}`,
    price: cell.price,
    skuStock: cell.stock,
    salePriceYuan: suggested > 0 ? String(suggested) : '',
    stock: String(Math.max(1, Math.min(10, cell.stock))),
    perUserLimit: '1',
  };
}

export default function FlashSaleEditPage() {
  const [form, setForm] = useState<SaleForm>(initialForm);
  const [product, setProduct] = useState<ProductPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SaleForm>) => setForm((f) => ({ ...f, ...patch }));

  const chosen = new Set(form.items.map((i) => i.skuId));
  const toggle = (cell: SkuCell) =>
    setForm((f) => ({ ...f, items: chosen.has(cell.skuId) ? f.items.filter((i) => i.skuId !== cell.skuId) : [...f.items, draftOf(product!.product, cell)] }));
  const change = (skuId: string, patch: Partial<ItemDraft>) => setForm((f) => ({ ...f, items: f.items.map((i) => (i.skuId === skuId ? { ...i, ...patch } : i)) }));
  const remove = (skuId: string) => setForm((f) => ({ ...f, items: f.items.filter((i) => i.skuId !== skuId) }));

  const submit = async () => {
    const built = toSaleInput(form);
    if (!built.ok) return setError(built.error);
    setBusy(true);
    const reply = await flashsaleService.saveSale(built.input);
    setBusy(false);
    if (!reply.ok) return setError(reply.message);
    setError(null);
    void Taro.showToast({ title: '秒杀已创建', icon: 'success' });
    void Taro.redirectTo({ url: managerRoutes.flashSales });
  };

  return (
    <ManagerGate>
      <View className="page flash-edit">
        <View className="edit-block">
          <Text className="edit-block__title">秒杀名称</Text>
          <Input className="edit-block__input flash-edit__title" placeholder="如：周五晚8点 · 针织专场" maxlength={30} value={form.title} onInput={(e) => set({ title: e.detail.value })} />
        </View>

        <View className="edit-block">
          <Text className="edit-block__title">活动时间（北京时间）</Text>
          <TimeWindowFields value={form} daysAhead={14} onChange={set} />
          <Text className="edit-block__hint">最长7天{PRIORITY_TEXT ? `；${PRIORITY_TEXT}可抢` : ''}</Text>
        </View>

        <View className="edit-block">
          <Text className="edit-block__title">选择商品</Text>
          <ProductSkuPicker product={product} onProduct={setProduct} chosen={chosen} onToggle={toggle} onError={setError} chipsNote="点选加入" />
        </View>

        <View className="edit-block">
          <Text className="edit-block__title">秒杀商品（{form.items.length}）</Text>
          {form.items.length === 0 ? <Text className="edit-block__hint">搜索商品后点选规格加入</Text> : null}
          {form.items.map((item) => (
            <ItemRow key={item.skuId} item={item} onChange={(patch) => change(item.skuId, patch)} onRemove={() => remove(item.skuId)} />
          ))}
        </View>

        <View className="edit-block">
          <Text className="edit-block__hint">秒杀库存从商品库存中划出；活动提前结束时，未售出的件数退回商品库存</Text>
          {error ? <Text className="edit-block__error">{error}</Text> : null}
          <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
            创建秒杀
          </Button>
        </View>
      </View>
    </ManagerGate>
  );
}
