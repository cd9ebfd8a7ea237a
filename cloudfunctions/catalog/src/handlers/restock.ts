import { isDuplicateKeyError } from '../../../_shared/db-types';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { AppError } from '../../../../src/domain/reply';
import { parse, v } from '../../../../src/domain/validate';
import type { ProductDoc, RestockAlertDoc, SkuDoc } from '../../../../scripts/seed/types';
import { productsById } from '../products';
import { restockTemplateId } from '../settings';

/** The alert also remembers which template the user accepted: that is the one a send may use. */
type AlertDoc = RestockAlertDoc & { templateId?: string };

const subscribeSchema = v.object({
  skuId: v.string({ min: 1, max: 80, label: '商品规格' }),
  templateId: v.string({ min: 1, max: 64, label: '订阅模板' }),
});

/** `<openid>:<skuId>`: the _id makes "one alert per person per SKU" a property of the database. */
export function alertId(openid: string, skuId: string): string {
  return `${openid}:${skuId}`;
}

/**
 * 到货提醒 for a sold-out size. The page asks WeChat for the template first (one consent = one
 * send), then calls this. Asking again while waiting changes nothing; after a notification (or a
 * failed one) the same alert is armed again.
 */
export const subscribeRestock: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(subscribeSchema, event);
  const { data: skus } = await ctx.db.collection<SkuDoc>('skus').where({ _id: input.skuId }).limit(1).get();
  const sku = skus[0];
  if (!sku || sku.status !== 'on_sale') throw new AppError('NOT_FOUND', '该规格不存在或已下架');
  const { data: products } = await ctx.db.collection<ProductDoc>('products').where({ _id: sku.productId }).limit(1).get();
  if (products[0]?.status !== 'on_sale') throw new AppError('NOT_FOUND', '商品已下架');
  if (sku.stock > 0) throw new AppError('IN_STOCK', '该尺码有货，可直接购买');
  const configured = await restockTemplateId(ctx);
  if (!configured) throw new AppError('NOT_FOUND', '到货提醒暂未开放');
  if (input.templateId !== configured) throw new AppError('INVALID_INPUT', '订阅模板不正确');

  const id = alertId(openid, sku._id);
  const now = ctx.now();
  const doc: AlertDoc = { _id: id, openid, productId: sku.productId, skuId: sku._id, templateId: configured, status: 'waiting', createdAt: now, notifiedAt: null };
  try {
    await ctx.db.collection('restock_alerts').add({ data: doc });
    return { skuId: sku._id, status: 'waiting', created: true };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const rearmed = await ctx.db
    .collection('restock_alerts')
    .where({ _id: id, status: ctx._.neq('waiting') })
    .update({ data: { status: 'waiting', templateId: configured, createdAt: now, notifiedAt: null } });
  return { skuId: sku._id, status: 'waiting', created: rearmed.stats.updated === 1 };
};

const BATCH = 100;
/** One run handles at most this many waiting alerts; the next run, five minutes on, continues. */
const MAX_PER_RUN = 1000;
/** WeChat: the user has no accepted send left for this template. */
const NO_CREDIT = 43101;

/** A `thing` keyword holds at most 20 characters. */
const thing = (text: string) => ({ value: [...text].length > 20 ? `${[...text].slice(0, 19).join('')}…` : text });

async function sendOne(ctx: HandlerContext, alert: AlertDoc, sku: SkuDoc, product: ProductDoc | undefined, fallbackTemplate: string | null): Promise<'sent' | 'no_credit' | 'failed' | 'skipped'> {
  const templateId = alert.templateId ?? fallbackTemplate;
  if (!templateId) return 'skipped';
  // Claim first (waiting -> notified): two overlapping runs can never both send the same alert.
  const claimed = await ctx.db
    .collection('restock_alerts')
    .where({ _id: alert._id, status: 'waiting' })
    .update({ data: { status: 'notified', notifiedAt: ctx.now() } });
  if (claimed.stats.updated !== 1) return 'skipped';
  try {
    await ctx.cloud.openapi.subscribeMessage.send({
      touser: alert.openid,
      templateId,
      page: `packages/product/index/index?id=${encodeURIComponent(sku.productId)}`,
      data: { thing1: thing(product?.title ?? '你关注的商品'), thing2: thing(`${sku.specText} 已到货`) },
      miniprogramState: 'formal',
      lang: 'zh_CN',
    });
    return 'sent';
  } catch (error) {
    const errCode = (error as { errCode?: number }).errCode;
    // Without a credit no later run can succeed: close the alert; subscribing again re-arms it.
    const status = errCode === NO_CREDIT ? 'cancelled' : 'waiting';
    await ctx.db.collection('restock_alerts').doc(alert._id).update({ data: { status, notifiedAt: null } });
    if (errCode !== NO_CREDIT) console.error('[catalog] restock send failed', alert._id, error);
    return errCode === NO_CREDIT ? 'no_credit' : 'failed';
  }
}

/** Timer, every 5 minutes: tell each waiting subscriber once when their size is back in stock. */
export const restockNotify: Handler = async (_event, ctx) => {
  const summary = { checked: 0, restocked: 0, sent: 0, noCredit: 0, failed: 0 };
  const fallbackTemplate = await restockTemplateId(ctx);
  let after = '';
  while (summary.checked < MAX_PER_RUN) {
    const { data: alerts } = await ctx.db
      .collection<AlertDoc>('restock_alerts')
      .where({ status: 'waiting', _id: ctx._.gt(after) })
      .orderBy('_id', 'asc')
      .limit(BATCH)
      .get();
    if (alerts.length === 0) break;
    summary.checked += alerts.length;
    after = alerts[alerts.length - 1]._id;
    const skuIds = [...new Set(alerts.map((a) => a.skuId))];
    const { data: back } = await ctx.db
      .collection<SkuDoc>('skus')
      .where({ _id: ctx._.in(skuIds), status: 'on_sale', stock: ctx._.gt(0) })
      .limit(skuIds.length)
      .get();
    const restocked = new Map(back.map((s) => [s._id, s]));
    const due = alerts.filter((a) => restocked.has(a.skuId));
    if (due.length === 0) continue;
    const products = await productsById(ctx, due.map((a) => a.productId));
    for (const alert of due) {
      summary.restocked += 1;
      const outcome = await sendOne(ctx, alert, restocked.get(alert.skuId)!, products.get(alert.productId), fallbackTemplate);
      if (outcome === 'sent') summary.sent += 1;
      else if (outcome === 'no_credit') summary.noCredit += 1;
      else if (outcome === 'failed') summary.failed += 1;
    }
    if (alerts.length < BATCH) break;
  }
  return summary;
};
