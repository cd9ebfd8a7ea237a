/**
 * The address book: at most 20 addresses per user, exactly one default while any exist. Orders copy
 * the address they ship to, so editing or deleting one here never changes an order.
 */
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import type { AddressDoc } from '../../../../scripts/seed/types';

const MAX_ADDRESSES = 20;
/** Mainland mobile numbers: 11 digits starting 13-19. */
const MOBILE = /^1[3-9]\d{9}$/;

const text = (label: string, min: number, max: number) => v.string({ min, max, label });

const saveShape = v.object({
  id: v.optional(text('地址编号', 1, 64)),
  name: text('收货人', 1, 20),
  phone: (value: unknown, field: string) => {
    const phone = v.string({ min: 1, max: 20, label: '手机号' })(value, field).replace(/[\s-]/g, '');
    if (!MOBILE.test(phone)) throw new AppError('INVALID_INPUT', '手机号格式不正确');
    return phone;
  },
  province: text('省份', 1, 20),
  city: text('城市', 1, 20),
  district: text('区县', 1, 20),
  detail: text('详细地址', 2, 120),
  label: v.optional(text('标签', 1, 10)),
  isDefault: v.optional(v.boolean({ label: '默认地址' })),
});

export function addressView(a: AddressDoc) {
  return { id: a._id, name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail, label: a.label, isDefault: a.isDefault };
}

async function mine(ctx: HandlerContext, openid: string): Promise<AddressDoc[]> {
  const { data } = await ctx.db.collection<AddressDoc>('addresses').where({ openid }).limit(MAX_ADDRESSES + 5).get();
  return data;
}

const byDefaultThenRecent = (a: AddressDoc, b: AddressDoc) => Number(b.isDefault) - Number(a.isDefault) || new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime();

export const addressList: Handler = async (_event, ctx) => {
  const openid = requireUser(ctx);
  return { addresses: (await mine(ctx, openid)).sort(byDefaultThenRecent).map(addressView) };
};

/** Makes `id` the one default, clearing the others in the same transaction. */
async function makeDefault(ctx: HandlerContext, openid: string, id: string): Promise<void> {
  await ctx.db.runTransaction(async (t) => {
    const { data } = await t.collection<AddressDoc>('addresses').where({ openid }).limit(MAX_ADDRESSES + 5).get();
    for (const a of data) {
      if (a._id !== id && a.isDefault) await t.collection('addresses').doc(a._id).update({ data: { isDefault: false } });
    }
    await t.collection('addresses').doc(id).update({ data: { isDefault: true } });
  });
}

export const addressSave: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(saveShape, event);
  const now = ctx.now();
  const all = await mine(ctx, openid);
  const fields = { name: input.name, phone: input.phone, province: input.province, city: input.city, district: input.district, detail: input.detail, label: input.label ?? '' };
  let id: string;
  if (input.id) {
    const existing = all.find((a) => a._id === input.id);
    if (!existing) throw new AppError('NOT_FOUND', '收货地址不存在');
    await ctx.db.collection('addresses').where({ _id: input.id, openid }).update({ data: { ...fields, updatedAt: now } });
    id = input.id;
  } else {
    if (all.length >= MAX_ADDRESSES) throw new AppError('ADDRESS_LIMIT', `最多保存${MAX_ADDRESSES}个收货地址`);
    const res = await ctx.db.collection('addresses').add({ data: { ...fields, openid, isDefault: false, createdAt: now, updatedAt: now } });
    id = res._id;
  }
  const hasOtherDefault = all.some((a) => a._id !== id && a.isDefault);
  if (input.isDefault === true || !hasOtherDefault) await makeDefault(ctx, openid, id);
  else if (input.isDefault === false) await ctx.db.collection('addresses').where({ _id: id, openid }).update({ data: { isDefault: false } });
  const { data } = await ctx.db.collection<AddressDoc>('addresses').where({ _id: id, openid }).limit(1).get();
  return { address: addressView(data[0]) };
};

export const addressRemove: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const { id } = parse(v.object({ id: text('地址编号', 1, 64) }), event);
  const all = await mine(ctx, openid);
  const target = all.find((a) => a._id === id);
  if (!target) throw new AppError('NOT_FOUND', '收货地址不存在');
  await ctx.db.collection('addresses').where({ _id: id, openid }).remove();
  const rest = all.filter((a) => a._id !== id).sort(byDefaultThenRecent);
  // The book keeps a default while it has addresses: the most recently used one takes over.
  if (target.isDefault && rest.length > 0) await makeDefault(ctx, openid, rest[0]._id);
  return { removed: id };
};
