/**
 * The group-result subscription message (settings `subscribeTemplates.group_result`: thing1 the
 * product, phrase2 the outcome, amount3 what was paid). WeChat refuses (43101) when the person has
 * no subscription left for the template: that is "not allowed", not a failure — the group page and
 * the order list show the outcome anyway.
 */
import type { NoticeKind } from '../../../../src/domain/groupbuy/group-state';
import { formatFen } from '../../../../src/domain/money';
import type { OrderDoc } from '../../../orders/src/order-doc';
import type { Ctx } from './group-store';

/** WeChat's `phrase` keyword takes at most 5 characters. */
const OUTCOME: Record<NoticeKind, string> = {
  group_succeeded: '拼团成功',
  group_failed: '拼团失败',
  overflow_refunded: '名额已满',
  late_payment_refunded: '已退款',
};

const THING_MAX = 20;
const GROUP_PAGE = 'packages/groupbuy/group/index';

export async function sendGroupNotice(ctx: Ctx, notice: { kind: NoticeKind; groupId: string; orderId: string; openid: string }): Promise<boolean> {
  const [settings, orders] = await Promise.all([
    ctx.db.collection('settings').where({ _id: 'subscribeTemplates' }).limit(1).get(),
    ctx.db.collection<OrderDoc>('orders').where({ _id: notice.orderId }).limit(1).get(),
  ]);
  const template = (settings.data[0] as Record<string, { id?: unknown; fields?: unknown }> | undefined)?.group_result;
  const order = orders.data[0];
  if (!template || typeof template.id !== 'string' || !Array.isArray(template.fields) || !order) return false;
  const title = order.items[0]?.title ?? '拼团商品';
  const values = [title.length > THING_MAX ? `${title.slice(0, THING_MAX - 1)}…` : title, OUTCOME[notice.kind], formatFen(order.payment.amount)];
  const data: Record<string, { value: string }> = {};
  template.fields.forEach((field, i) => {
    if (values[i] !== undefined) data[String(field)] = { value: values[i] };
  });
  try {
    await ctx.cloud.openapi.subscribeMessage.send({ touser: notice.openid, templateId: template.id, page: `${GROUP_PAGE}?id=${encodeURIComponent(notice.groupId)}`, data });
    return true;
  } catch (error) {
    const errCode = (error as { errCode?: number }).errCode;
    if (errCode !== 43101) console.error('[weave] group notice not sent', notice.orderId, errCode, (error as Error).message);
    return false;
  }
}
