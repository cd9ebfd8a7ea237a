/**
 * Store pickup: staff of the order's store verify the customer's pickup code, once. The order moves
 * paid -> completed through the orders function's own transition (with its `completed` event, so
 * membership credits the order's points as for any completed order).
 */
import { PICKUP_CODE_PATTERN } from '../../../../src/domain/coupon-token';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import { audit } from '../../../_shared/audit';
import type { Handler } from '../../../_shared/router';
import { changeWithEvent } from '../../../orders/src/lib/lifecycle';
import type { OrderDoc } from '../../../orders/src/order-doc';
import { maskedCustomer, type MaskedCustomer } from '../customer';
import { requireStaff } from './coupons';

export interface VerifiedPickup {
  orderId: string;
  verifiedAt: string;
  items: { title: string; specText: string; quantity: number; image: string }[];
  itemCount: number;
  amount: number;
  remark: string;
  customer: MaskedCustomer;
}

type PickupOrder = OrderDoc & { delivery: Extract<OrderDoc['delivery'], { method: 'pickup' }> };

export const verifyPickup: Handler<{ pickup: VerifiedPickup }> = async (event, ctx) => {
  const staff = await requireStaff(ctx);
  const raw = typeof event.code === 'string' ? event.code.replace(/[\s-]/g, '') : event.code;
  const { code } = parse(v.object({ code: v.string({ label: '提货码', pattern: PICKUP_CODE_PATTERN }) }), { code: raw });
  const orders = ctx.db.collection<PickupOrder>('orders');
  const atThisStore = { 'delivery.method': 'pickup', 'delivery.storeId': staff.storeId, 'delivery.pickupCode': code };
  const found = await orders.where({ ...atThisStore, status: 'paid' }).limit(1).get();
  const order = found.data[0];
  if (!order) {
    const done = await orders.where({ ...atThisStore, status: 'completed' }).orderBy('completedAt', 'desc').limit(1).get();
    if (done.data[0]) throw new AppError('ALREADY_PICKED_UP', '该订单已提货，请勿重复核验');
    throw new AppError('PICKUP_NOT_FOUND', '未找到本门店待提货的订单，请核对提货码');
  }

  const now = ctx.now();
  const { changed } = await changeWithEvent(ctx, {
    orderId: order._id,
    from: ['paid'],
    to: 'completed',
    // Re-checked inside the transaction: only one of two counters verifying at once gets through.
    guard: (o) => o.delivery.method === 'pickup' && o.delivery.storeId === staff.storeId && o.delivery.pickupCode === code && !o.delivery.verifiedAt,
    set: () => ({ completedAt: now, 'delivery.verifiedAt': now, 'delivery.verifiedBy': ctx.openid }),
    history: { status: 'completed', by: 'staff', note: `门店自提核验 ${staff.name}` },
    event: 'completed',
  });
  if (!changed) throw new AppError('ALREADY_PICKED_UP', '该订单已提货，请勿重复核验');

  // The code is free for a new order of this store again (the orders function reserves it per store).
  await ctx.db.collection('pickup_codes').where({ _id: `${staff.storeId}:${code}`, orderId: order._id }).remove().catch(() => undefined);
  const [customer] = await Promise.all([
    maskedCustomer(ctx, order.openid),
    audit(ctx, { role: 'staff', action: 'pickup.verify', target: { collection: 'orders', id: order._id }, detail: { storeId: staff.storeId, code } }),
  ]);
  return {
    pickup: {
      orderId: order._id,
      verifiedAt: now.toISOString(),
      items: order.items.map((it) => ({ title: it.title, specText: it.specText, quantity: it.quantity, image: it.image })),
      itemCount: order.itemCount,
      amount: order.payment.amount,
      remark: order.remark,
      customer,
    },
  };
};
