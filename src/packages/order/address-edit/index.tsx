import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Button, Input, Switch } from '@nutui/nutui-react-taro';
import { addressProblems, addressService, type AddressInput } from '@/services/address';
import { useCheckout } from '@/stores/checkout';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

const FIELDS: { key: keyof Omit<AddressInput, 'isDefault'>; label: string; placeholder: string; type?: 'tel' }[] = [
  { key: 'name', label: '收货人', placeholder: '姓名' },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'tel' },
  { key: 'province', label: '省份', placeholder: '如 上海市' },
  { key: 'city', label: '城市', placeholder: '如 上海市' },
  { key: 'district', label: '区县', placeholder: '如 静安区' },
  { key: 'detail', label: '详细地址', placeholder: '街道、楼栋、门牌号' },
];

const EMPTY: AddressInput = { name: '', phone: '', province: '', city: '', district: '', detail: '', isDefault: false };

export default function AddressEditPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : undefined;
  const fromCheckout = params.from === 'checkout';
  const pickAddress = useCheckout((s) => s.pickAddress);
  const [form, setForm] = useState<AddressInput>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<keyof AddressInput, string>>>({});
  const [saving, setSaving] = useState(false);

  useLoad(() => {
    if (!id) return;
    void Taro.setNavigationBarTitle({ title: '编辑收货地址' });
    void addressService.list().then((reply) => {
      if (!reply.ok) {
        toast(reply.message);
        return;
      }
      const found = reply.data.addresses.find((a) => a.id === id);
      if (found) setForm({ name: found.name, phone: found.phone, province: found.province, city: found.city, district: found.district, detail: found.detail, isDefault: found.isDefault });
    });
  });

  const set = (key: keyof AddressInput, value: string | boolean) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (problems[key]) setProblems((p) => ({ ...p, [key]: undefined }));
  };

  const save = async () => {
    const found = addressProblems(form);
    setProblems(found);
    const first = Object.values(found)[0];
    if (first) {
      toast(first);
      return;
    }
    setSaving(true);
    const trimmed = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as unknown as AddressInput;
    const reply = await addressService.save({ ...trimmed, ...(id ? { id } : {}) });
    setSaving(false);
    if (!reply.ok) {
      toast(reply.message);
      return;
    }
    // A new address made from the checkout is the one the shopper means to ship to.
    if (fromCheckout) pickAddress(reply.data.address.id);
    void Taro.navigateBack();
  };

  const removeIt = async () => {
    if (!id) return;
    const { confirm } = await Taro.showModal({ title: '删除地址', content: '确定删除这个收货地址吗？', confirmText: '删除' });
    if (!confirm) return;
    const reply = await addressService.remove(id);
    if (!reply.ok) {
      toast(reply.message);
      return;
    }
    if (useCheckout.getState().addressId === id) pickAddress(null);
    void Taro.navigateBack();
  };

  return (
    <View className="page address-edit">
      <View className="address-edit__card">
        {FIELDS.map((f) => (
          <View key={f.key} className={`address-edit__field${problems[f.key] ? ' address-edit__field--bad' : ''}`}>
            <Text className="address-edit__label">{f.label}</Text>
            <View className="address-edit__control">
              <Input
                className={`address-edit__input address-edit__input--${f.key}`}
                value={form[f.key]}
                type={f.type === 'tel' ? 'tel' : 'text'}
                placeholder={f.placeholder}
                onChange={(v) => set(f.key, v)}
              />
              {problems[f.key] ? <Text className="address-edit__problem">{problems[f.key]}</Text> : null}
            </View>
          </View>
        ))}
        <View className="address-edit__field">
          <Text className="address-edit__label">设为默认</Text>
          <View className="address-edit__control address-edit__control--end">
            <Switch checked={Boolean(form.isDefault)} onChange={(v) => set('isDefault', v)} />
          </View>
        </View>
      </View>
      <Button className="address-edit__save" type="primary" block loading={saving} onClick={() => void save()}>
        保存
      </Button>
      {id ? (
        <Button className="address-edit__remove" block fill="none" onClick={() => void removeIt()}>
          删除地址
        </Button>
      ) : null}
    </View>
  );
}
