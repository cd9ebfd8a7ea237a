import { AppError } from '../../../../src/domain/reply';
import type { HandlerContext } from '../../../_shared/router';
import type { OrderDoc } from '../order-doc';

/** The caller's own order; someone else's is NOT_FOUND, so order ids cannot be probed. */
export async function loadOwnOrder(ctx: Pick<HandlerContext, 'db'>, openid: string, orderId: string): Promise<OrderDoc> {
  const { data } = await ctx.db.collection<OrderDoc>('orders').where({ _id: orderId, openid }).limit(1).get();
  if (!data[0]) throw new AppError('NOT_FOUND', '订单不存在');
  return data[0];
}

export async function loadOrder(ctx: Pick<HandlerContext, 'db'>, orderId: string): Promise<OrderDoc> {
  const { data } = await ctx.db.collection<OrderDoc>('orders').where({ _id: orderId }).limit(1).get();
  if (!data[0]) throw new AppError('NOT_FOUND', '订单不存在');
  return data[0];
}
