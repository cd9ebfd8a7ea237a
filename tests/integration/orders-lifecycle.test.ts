/**
 * An order's life through the local CloudBase: paying through WeChat Pay (the emulator plays it),
 * the payment notification delivered again and again, the 30-minute timer, manager shipping and
 * refunds, and what comes back to the shopper each time.
 */
import { adminCall } from '../../emulator/testing';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { MANAGER, address, baseSeed, coupon, requestId, sku, user, type Reply } from './fixtures/commerce';

jest.setTimeout(60_000);

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () =>
      baseSeed({
        skus: [sku('tee-m', 'p-tee', 10000, 50), sku('jeans-m', 'p-jeans', 30000, 50, '蓝色 / M')],
        users: [user('o_lin', 3000), user('o_zhao', 1000), user('o_wang', 800)],
        addresses: [address('addr-lin', 'o_lin'), address('addr-zhao', 'o_zhao'), address('addr-wang', 'o_wang')],
        user_coupons: [coupon('uc-lin', 'o_lin'), coupon('uc-zhao', 'o_zhao'), coupon('uc-wang', 'o_wang')],
      }),
  });
}, 60_000);

afterAll(() => cloud.close());

const db = () => cloud.emulator.db;
const stockOf = (id: string) => (db().find('skus', { _id: id })[0] as { stock: number }).stock;
const couponOf = (id: string) => db().find('user_coupons', { _id: id })[0] as { status: string; lock: unknown; use: unknown };
const pointsOf = (openid: string) => (db().find('users', { _id: openid })[0] as { points: number }).points;
const orderOf = (id: string) => db().find('orders', { _id: id })[0] as { status: string; payment: { transactionId: string | null }; refund: { status: string } | null; statusHistory: { status: string }[] };

async function placeOrder(openid: string, couponId: string, usePoints: number): Promise<string> {
  const reply = await cloud.call<Reply<{ orderId: string }>>(
    'orders',
    { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }, { skuId: 'jeans-m', quantity: 1 }], couponId, usePoints, delivery: 'express', requestId: requestId() },
    openid,
  );
  expect(reply.ok).toBe(true);
  return reply.data.orderId;
}

async function payAndConfirm(openid: string, orderId: string) {
  const pay = await cloud.call<Reply<{ outTradeNo: string; totalFee: number; payment: { package: string } }>>('orders', { action: 'pay', orderId }, openid);
  expect(pay.ok).toBe(true);
  expect(pay.data.payment.package).toMatch(/^prepay_id=/);
  const confirmed = await adminCall(cloud.emulator, 'POST', `/pay/${pay.data.outTradeNo}/confirm`);
  expect(confirmed.status).toBe(200);
  return pay.data;
}

describe('paying', () => {
  it('marks the order paid once and records one paid event, however often WeChat Pay repeats the notification', async () => {
    const orderId = await placeOrder('o_lin', 'uc-lin', 1000);
    const pay = await payAndConfirm('o_lin', orderId);
    expect(orderOf(orderId).status).toBe('paid');
    expect(couponOf('uc-lin').status).toBe('used');

    const notification = (await adminCall(cloud.emulator, 'GET', '/payments')).body.orders.find((o: { outTradeNo: string }) => o.outTradeNo === pay.outTradeNo).notification;
    expect(notification.lastReply).toEqual({ errcode: 0, errmsg: 'OK' });
    // WeChat Pay delivers the same notification again (retries, duplicates): ten more, at once.
    const replays = await Promise.all(Array.from({ length: 10 }, () => cloud.emulator.runtime.invoke('payment', notification.event, { source: 'wx_paycallback' })));
    for (const r of replays) expect(r).toMatchObject({ ok: true, result: { errcode: 0 } });

    const order = orderOf(orderId);
    expect(order.status).toBe('paid');
    expect(order.statusHistory.filter((h) => h.status === 'paid')).toHaveLength(1);
    expect(order.payment.transactionId).toBe(notification.event.transactionId);
    expect(db().find('order_events', { orderId })).toEqual([expect.objectContaining({ _id: `${orderId}:paid`, type: 'paid', openid: 'o_lin' })]);

    const list = await cloud.call<Reply<{ orders: { id: string; statusText: string }[] }>>('orders', { action: 'list', status: 'paid' }, 'o_lin');
    expect(list.data.orders.map((o) => [o.id, o.statusText])).toEqual([[orderId, '已支付']]);
  });
});

describe('unpaid orders', () => {
  it('cancel themselves after 30 minutes and give back stock, coupon and points', async () => {
    const before = { tee: stockOf('tee-m'), jeans: stockOf('jeans-m'), points: pointsOf('o_zhao') };
    const orderId = await placeOrder('o_zhao', 'uc-zhao', 500);
    expect([stockOf('tee-m'), stockOf('jeans-m'), pointsOf('o_zhao')]).toEqual([before.tee - 1, before.jeans - 1, before.points - 500]);
    expect(couponOf('uc-zhao').status).toBe('locked');

    await cloud.emulator.advanceClock(29 * 60_000);
    expect(orderOf(orderId).status).toBe('pending_payment');
    await cloud.emulator.advanceClock(2 * 60_000);

    expect(orderOf(orderId).status).toBe('cancelled');
    expect([stockOf('tee-m'), stockOf('jeans-m'), pointsOf('o_zhao')]).toEqual([before.tee, before.jeans, before.points]);
    expect(couponOf('uc-zhao')).toMatchObject({ status: 'unused', lock: null });
    expect(db().find('points_ledger', { openid: 'o_zhao' }).map((e) => (e as { reason: string; delta: number }).delta)).toEqual([-500, 500]);

    const pay = await cloud.call<Reply>('orders', { action: 'pay', orderId }, 'o_zhao');
    expect(pay).toMatchObject({ ok: false, code: 'ORDER_CLOSED' });
  });

  it('give things back once when the shopper and the timer cancel at the same moment', async () => {
    const orderId = await placeOrder('o_zhao', 'uc-zhao', 0);
    const tee = stockOf('tee-m');
    await cloud.emulator.advanceClock(30 * 60_000 + 1);
    const [mine] = await Promise.all([
      cloud.call<Reply>('orders', { action: 'cancel', orderId }, 'o_zhao'),
      adminCall(cloud.emulator, 'POST', '/timers/orders?trigger=autoCancel'),
      cloud.call<Reply>('orders', { action: 'cancel', orderId }, 'o_zhao'),
    ]);
    expect(mine).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    expect(orderOf(orderId).statusHistory.filter((h) => h.status === 'cancelled')).toHaveLength(1);
    expect(stockOf('tee-m')).toBe(tee + 1);
    expect(couponOf('uc-zhao').status).toBe('unused');
  });

  it('close the WeChat Pay order when cancelled, so the open payment sheet cannot take money', async () => {
    const orderId = await placeOrder('o_zhao', 'uc-zhao', 0);
    const pay = await cloud.call<Reply<{ outTradeNo: string }>>('orders', { action: 'pay', orderId }, 'o_zhao');
    expect(await cloud.call<Reply>('orders', { action: 'cancel', orderId }, 'o_zhao')).toMatchObject({ ok: true });
    expect((await adminCall(cloud.emulator, 'POST', `/pay/${pay.data.outTradeNo}/confirm`)).status).toBe(409);
  });

  it('refund a payment that lands after the order was cancelled anyway', async () => {
    const orderId = await placeOrder('o_zhao', 'uc-zhao', 0);
    const pay = await cloud.call<Reply<{ outTradeNo: string; totalFee: number }>>('orders', { action: 'pay', orderId }, 'o_zhao');
    // The timer cancelled it while WeChat Pay was unreachable for closeOrder: only the order moved.
    db().update('orders', { _id: orderId }, { $set: { status: 'cancelled' } });
    await adminCall(cloud.emulator, 'POST', `/pay/${pay.data.outTradeNo}/confirm`);
    await adminCall(cloud.emulator, 'POST', '/settle');

    const refunds = (await adminCall(cloud.emulator, 'GET', '/payments')).body.refunds.filter((r: { outTradeNo: string }) => r.outTradeNo === pay.data.outTradeNo);
    expect(refunds).toEqual([expect.objectContaining({ outRefundNo: `${orderId}LATE`, refundFee: pay.data.totalFee })]);
    const order = db().find('orders', { _id: orderId })[0] as { status: string; latePayment: { refundedAt: unknown } };
    expect(order.status).toBe('cancelled');
    expect(order.latePayment.refundedAt).toBeTruthy();
    expect(db().find('order_events', { orderId })).toEqual([]);
  });
});

describe('after-sales', () => {
  it('a manager ships; the shopper confirms; a refund brings back the coupon and the points', async () => {
    const orderId = await placeOrder('o_wang', 'uc-wang', 800);
    await payAndConfirm('o_wang', orderId);
    expect(pointsOf('o_wang')).toBe(0);
    expect(couponOf('uc-wang').status).toBe('used');

    expect(await cloud.call<Reply>('orders', { action: 'ship', orderId, carrier: '顺丰速运', trackingNo: 'SF1234567890' }, 'o_wang')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call<Reply>('orders', { action: 'ship', orderId, carrier: '顺丰速运', trackingNo: 'SF1234567890' }, MANAGER)).toMatchObject({ ok: true, data: { status: 'shipped' } });
    expect(await cloud.call<Reply>('orders', { action: 'confirm', orderId }, 'o_wang')).toMatchObject({ ok: true, data: { status: 'completed' } });
    expect(db().find('order_events', { orderId }).map((e) => (e as { type: string }).type).sort()).toEqual(['completed', 'paid']);

    expect(await cloud.call<Reply>('orders', { action: 'refundRequest', orderId }, 'o_wang')).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '退款原因应为文本' });
    const photos = Array.from({ length: 7 }, (_, i) => `cloud://weave-local.local/refund/${i}.jpg`);
    expect(await cloud.call<Reply>('orders', { action: 'refundRequest', orderId, reason: '尺码不合适', photos }, 'o_wang')).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '凭证图片不能超过6项' });
    const requested = await cloud.call<Reply>('orders', { action: 'refundRequest', orderId, reason: '尺码不合适', photos: photos.slice(0, 2) }, 'o_wang');
    expect(requested).toMatchObject({ ok: true, data: { refund: { status: 'requested', statusText: '退款审核中' } } });

    expect(await cloud.call<Reply>('orders', { action: 'refundReview', orderId, approve: true }, 'o_wang')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const approved = await cloud.call<Reply>('orders', { action: 'refundReview', orderId, approve: true, note: '同意退款' }, MANAGER);
    expect(approved).toMatchObject({ ok: true, data: { refund: { status: 'approved' } } });
    await adminCall(cloud.emulator, 'POST', '/settle');

    const order = orderOf(orderId);
    expect(order.status).toBe('refunded');
    expect(order.refund?.status).toBe('refunded');
    expect(pointsOf('o_wang')).toBe(800);
    expect(couponOf('uc-wang')).toMatchObject({ status: 'unused', use: null });
    expect(db().find('order_events', { orderId }).map((e) => (e as { type: string }).type).sort()).toEqual(['completed', 'paid', 'refunded']);
    expect(db().find('audit_logs', { 'target.id': orderId }).map((a) => (a as { action: string }).action)).toEqual(['order.ship', 'order.refund.approve']);

    const detail = await cloud.call<Reply<{ statusText: string; history: { statusText: string }[] }>>('orders', { action: 'detail', orderId }, 'o_wang');
    expect(detail.data.statusText).toBe('已退款');
    expect(detail.data.history.map((h) => h.statusText)).toEqual(['待付款', '已支付', '已发货', '已完成', '申请退款', '退款审核通过', '已退款']);
  });

  it('a rejected refund leaves the order as it was, with the manager’s note', async () => {
    const id = (await cloud.call<Reply<{ orderId: string }>>('orders', { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'express', requestId: requestId() }, 'o_lin')).data.orderId;
    await payAndConfirm('o_lin', id);
    const tee = stockOf('tee-m');
    await cloud.call<Reply>('orders', { action: 'refundRequest', orderId: id, reason: '不想要了' }, 'o_lin');
    expect(await cloud.call<Reply>('orders', { action: 'refundReview', orderId: id, approve: false, note: '商品已拆封' }, MANAGER)).toMatchObject({ ok: true, data: { refund: { status: 'rejected' } } });
    const detail = await cloud.call<Reply<{ status: string; refund: { statusText: string; rejectReason: string } }>>('orders', { action: 'detail', orderId: id }, 'o_lin');
    expect(detail.data).toMatchObject({ status: 'paid', refund: { statusText: '退款被拒绝', rejectReason: '商品已拆封' } });
    expect(stockOf('tee-m')).toBe(tee);
  });

  it('another shopper cannot see, pay or cancel your order', async () => {
    const orderId = (await cloud.call<Reply<{ orderId: string }>>('orders', { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'express', requestId: requestId() }, 'o_lin')).data.orderId;
    for (const action of ['detail', 'pay', 'cancel']) {
      expect(await cloud.call<Reply>('orders', { action, orderId }, 'o_zhao')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await cloud.call<Reply>('orders', { action: 'adminList' }, 'o_lin')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const admin = await cloud.call<Reply<{ orders: { id: string; buyer: { nickName: string } }[] }>>('orders', { action: 'adminList', status: 'pending_payment' }, MANAGER);
    expect(admin.data.orders.find((o) => o.id === orderId)?.buyer.nickName).toBe('顾客lin');

    expect(await cloud.call<Reply>('orders', { action: 'adminDetail', orderId }, 'o_zhao')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const desk = await cloud.call<Reply<{ id: string; status: string; buyer: { nickName: string }; history: { status: string }[]; breakdown: { payable: number } }>>(
      'orders',
      { action: 'adminDetail', orderId },
      MANAGER,
    );
    expect(desk.data).toMatchObject({ id: orderId, status: 'pending_payment', buyer: { nickName: '顾客lin' } });
    expect(desk.data.history.map((h) => h.status)).toEqual(['pending_payment']);
    expect(desk.data.breakdown.payable).toBeGreaterThan(0);
  });
});
