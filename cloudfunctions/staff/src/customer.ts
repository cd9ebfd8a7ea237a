/** The customer as staff see them at the counter: masked name and phone, tier. */
import { maskName, maskPhone } from '../../../src/domain/coupon-token';
import type { HandlerContext } from '../../_shared/router';

export interface MaskedCustomer {
  name: string;
  phone: string | null;
  tier: string;
}

export async function maskedCustomer(ctx: Pick<HandlerContext, 'db'>, openid: string): Promise<MaskedCustomer> {
  const [users, addresses] = await Promise.all([
    ctx.db.collection<{ nickName?: string; tier?: string }>('users').where({ _id: openid }).field({ nickName: true, tier: true }).limit(1).get(),
    // The phone on file is the one on their addresses (default first); people without one show none.
    ctx.db.collection<{ name?: string; phone?: string }>('addresses').where({ openid }).orderBy('isDefault', 'desc').field({ name: true, phone: true }).limit(1).get(),
  ]);
  const user = users.data[0];
  const address = addresses.data[0];
  return { name: maskName(user?.nickName || address?.name), phone: maskPhone(address?.phone), tier: user?.tier ?? 'normal' };
}

/** Masked customers of many openids at once, for lists. */
export async function maskedNames(ctx: Pick<HandlerContext, 'db' | '_'>, openids: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(openids)];
  if (unique.length === 0) return {};
  const found = await ctx.db.collection<{ _id: string; nickName?: string }>('users').where({ _id: ctx._.in(unique) }).field({ nickName: true }).limit(1000).get();
  const byId = new Map(found.data.map((u) => [u._id, u.nickName]));
  return Object.fromEntries(unique.map((id) => [id, maskName(byId.get(id))]));
}
