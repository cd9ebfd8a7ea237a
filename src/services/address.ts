/** The shopper's address book (actions of the `user` function). */
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';

export interface AddressInput {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault?: boolean;
}

export interface Address extends AddressInput {
  id: string;
  isDefault: boolean;
}

/** Accepts `_id` too: the address documents may arrive as stored. */
function normalize(raw: Address & { _id?: string }): Address {
  return { ...raw, id: raw.id ?? raw._id ?? '', isDefault: Boolean(raw.isDefault) };
}

export function addressText(a: Pick<AddressInput, 'province' | 'city' | 'district' | 'detail'>): string {
  // Municipalities repeat themselves (上海市 上海市): say it once.
  const city = a.city && a.city !== a.province ? a.city : '';
  return [a.province, city, a.district, a.detail].filter(Boolean).join(' ');
}

/** Masks the middle of a mainland mobile number: 138****5678. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

export const addressService = {
  async list(): Promise<Reply<{ addresses: Address[] }>> {
    const reply = await callFunction<{ addresses: Address[] }>('user', { action: 'addressList' });
    return reply.ok ? { ok: true, data: { addresses: reply.data.addresses.map(normalize) } } : reply;
  },
  async save(input: AddressInput & { id?: string }): Promise<Reply<{ address: Address }>> {
    const reply = await callFunction<{ address: Address }>('user', { action: 'addressSave', ...input });
    return reply.ok ? { ok: true, data: { address: normalize(reply.data.address) } } : reply;
  },
  remove: (id: string): Promise<Reply<unknown>> => callFunction('user', { action: 'addressRemove', id }),
};

/** What is wrong with a form, one Chinese message per field, empty when it can be saved. */
export function addressProblems(input: AddressInput): Partial<Record<keyof AddressInput, string>> {
  const problems: Partial<Record<keyof AddressInput, string>> = {};
  if (!input.name.trim()) problems.name = '请填写收货人';
  else if (input.name.trim().length > 20) problems.name = '收货人最多 20 个字';
  if (!input.phone.trim()) problems.phone = '请填写手机号';
  else if (!/^1\d{10}$/.test(input.phone.trim())) problems.phone = '手机号格式不正确';
  if (!input.province.trim()) problems.province = '请填写省份';
  if (!input.city.trim()) problems.city = '请填写城市';
  if (!input.district.trim()) problems.district = '请填写区县';
  if (input.detail.trim().length < 4) problems.detail = '详细地址至少 4 个字';
  else if (input.detail.trim().length > 100) problems.detail = '详细地址最多 100 个字';
  return problems;
}
