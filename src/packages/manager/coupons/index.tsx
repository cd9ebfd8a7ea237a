/** Manager: create a store coupon, and see every template with claimed / used counts. */
import { useEffect, useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { startOfDay, addDays, dayKey } from '@/domain/business-day';
import { parseYuan } from '@/domain/money';
import { couponsService, type TemplateInfo } from '@/services/coupons';
import { storesService, type StoreInfo } from '@/services/stores';
import { ManagerGate } from '../manager-gate';
import './index.scss';

interface Form {
  title: string;
  kind: 'amount' | 'percent';
  off: string;
  threshold: string;
  maxOff: string;
  channel: 'store' | 'both';
  storeIndex: number;
  total: string;
  perUserLimit: string;
  days: string;
  validDays: string;
  cashback: string;
}

const EMPTY: Form = { title: '', kind: 'amount', off: '50', threshold: '300', maxOff: '100', channel: 'store', storeIndex: 0, total: '100', perUserLimit: '1', days: '14', validDays: '30', cashback: '100' };

export default function ManagerCouponsPage() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [stores, setStores] = useState<StoreInfo[]>([]);
  const [items, setItems] = useState<TemplateInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const load = async () => {
    const reply = await couponsService.templates();
    if (reply.ok) setItems(reply.data.items);
  };
  useEffect(() => {
    void storesService.cities().then((r) => r.ok && setStores(r.data.cities.flatMap((c) => c.stores)));
    void load();
  }, []);

  const storeOptions = ['全部门店', ...stores.map((s) => s.name)];

  const submit = async () => {
    const threshold = parseYuan(form.threshold || '0');
    const off = form.kind === 'amount' ? parseYuan(form.off) : Number(form.off);
    const maxOff = parseYuan(form.maxOff);
    if (threshold === null || off === null || (form.kind === 'percent' && maxOff === null)) {
      setError('金额格式不正确');
      return;
    }
    const today = dayKey(new Date());
    const claimEnd = startOfDay(addDays(today, Number(form.days) + 1));
    const validEnd = startOfDay(addDays(today, Number(form.validDays) + 1));
    setBusy(true);
    const reply = await couponsService.createTemplate({
      title: form.title,
      rule: form.kind === 'amount' ? { kind: 'amount', amountOff: off, threshold } : { kind: 'percent', percentOff: Math.round(100 - off * 10), maxOff: maxOff ?? 0, threshold },
      channel: form.channel,
      storeIds: form.storeIndex === 0 ? null : [stores[form.storeIndex - 1].id],
      total: form.total ? Number(form.total) : null,
      perUserLimit: Number(form.perUserLimit),
      claimStartAt: new Date().toISOString(),
      claimEndAt: claimEnd.toISOString(),
      validity: { type: 'fixed', startAt: new Date().toISOString(), endAt: validEnd.toISOString() },
      cashbackPoints: Number(form.cashback || 0),
    });
    setBusy(false);
    if (!reply.ok) {
      setError(reply.message);
      return;
    }
    setError(null);
    setForm(EMPTY);
    void Taro.showToast({ title: '已创建', icon: 'success' });
    void load();
  };

  const field = (label: string, key: keyof Form, placeholder: string, type: 'text' | 'digit' | 'number' = 'digit') => (
    <View className="coupon-form__row">
      <Text className="coupon-form__label">{label}</Text>
      <Input className="coupon-form__input" type={type} placeholder={placeholder} value={String(form[key])} onInput={(e) => set({ [key]: e.detail.value } as Partial<Form>)} />
    </View>
  );

  return (
    <ManagerGate>
      <View className="page manager-coupons">
        <Text className="manager-coupons__section">新建门店券</Text>
        <View className="coupon-form">
          {field('券名称', 'title', '如：静安店 到店满300减50', 'text')}
          <View className="coupon-form__row">
            <Text className="coupon-form__label">优惠方式</Text>
            <View className="coupon-form__chips">
              {(['amount', 'percent'] as const).map((k) => (
                <Text key={k} className={`coupon-form__chip ${form.kind === k ? 'coupon-form__chip--on' : ''}`} onClick={() => set({ kind: k, off: k === 'amount' ? '50' : '8.5' })}>
                  {k === 'amount' ? '满减' : '折扣'}
                </Text>
              ))}
            </View>
          </View>
          {field(form.kind === 'amount' ? '减免(元)' : '折扣(如8.5)', 'off', form.kind === 'amount' ? '50' : '8.5')}
          {field('门槛(元，0为无门槛)', 'threshold', '300')}
          {form.kind === 'percent' ? field('最高减(元)', 'maxOff', '100') : null}
          <View className="coupon-form__row">
            <Text className="coupon-form__label">使用渠道</Text>
            <View className="coupon-form__chips">
              {(['store', 'both'] as const).map((c) => (
                <Text key={c} className={`coupon-form__chip ${form.channel === c ? 'coupon-form__chip--on' : ''}`} onClick={() => set({ channel: c })}>
                  {c === 'store' ? '仅限门店' : '线上线下通用'}
                </Text>
              ))}
            </View>
          </View>
          <View className="coupon-form__row">
            <Text className="coupon-form__label">适用门店</Text>
            <Picker mode="selector" range={storeOptions} value={form.storeIndex} onChange={(e) => set({ storeIndex: Number(e.detail.value) })}>
              <Text className="coupon-form__picker">{storeOptions[form.storeIndex]} ›</Text>
            </Picker>
          </View>
          {field('发放总量', 'total', '100')}
          {field('每人限领', 'perUserLimit', '1')}
          {field('领取天数', 'days', '14')}
          {field('有效天数', 'validDays', '30')}
          {field('核销返积分', 'cashback', '100')}
          {error ? <Text className="coupon-form__error">{error}</Text> : null}
          <Button type="primary" block loading={busy} onClick={() => void submit()}>
            创建并上架
          </Button>
        </View>

        <Text className="manager-coupons__section">全部券模板</Text>
        {items.map((t) => (
          <View key={t.id} className="template-row">
            <View className="template-row__main">
              <Text className="template-row__title">{t.title}</Text>
              <Text className="template-row__meta">
                {t.ruleText} · {t.channelText} · 每人{t.perUserLimit}张
              </Text>
            </View>
            <View className="template-row__nums">
              <Text>领 {t.claimed}{t.total !== null ? `/${t.total}` : ''}</Text>
              <Text>核 {t.used}</Text>
            </View>
          </View>
        ))}
      </View>
    </ManagerGate>
  );
}
