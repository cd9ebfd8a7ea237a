import { createEmulator, type Emulator } from '../server';
import { adminCall, callFunction, FIXTURE_FUNCTIONS } from '../testing';

jest.setTimeout(30_000);

let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual' });
});

afterAll(() => emulator.close());

function order(outTradeNo: string, totalFee: number, attach?: string) {
  return callFunction(emulator, 'checkout', { action: 'order', outTradeNo, totalFee, attach }, 'o-payer');
}

async function orderView(outTradeNo: string) {
  const { orders } = (await adminCall(emulator, 'GET', '/payments')).body;
  return orders.find((o: { outTradeNo: string }) => o.outTradeNo === outTradeNo);
}

describe('cloudPay.unifiedOrder', () => {
  it('records the order for the calling user and returns a payment object for wx.requestPayment', async () => {
    const reply = await order('WV1001', 12900);

    expect(reply.body.result).toMatchObject({
      errCode: 0,
      errMsg: 'cloudPay.unifiedOrder:ok',
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      tradeType: 'JSAPI',
      subMchId: '1900000109',
      prepayId: expect.stringMatching(/^wx/),
      payment: {
        appId: emulator.appid,
        timeStamp: expect.stringMatching(/^\d{10}$/),
        nonceStr: expect.any(String),
        package: `prepay_id=${reply.body.result.prepayId}`,
        signType: 'MD5',
        paySign: expect.stringMatching(/^[0-9A-F]{32}$/),
      },
    });
    expect(await orderView('WV1001')).toMatchObject({ totalFee: 12900, openid: 'o-payer', functionName: 'pay-callback', state: 'NOTPAY' });
  });

  it('answers a repeated outTradeNo with a different amount as a duplicate, as WeChat Pay does', async () => {
    await order('WV1002', 100);
    const reply = await order('WV1002', 200);

    // wx-server-sdk overwrites WeChat Pay's err_code with its own errCode 0: errCodeDes is what is left.
    expect(reply.body.result).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 0, errCodeDes: '201 商户订单号重复' });
  });
});

describe('confirming a payment', () => {
  it('marks the order paid and notifies the callback function with the payment notification event', async () => {
    await order('WV2001', 5800, 'coupon:c9');

    const confirmed = await adminCall(emulator, 'POST', '/pay/WV2001/confirm');

    expect(confirmed.status).toBe(200);
    const { order: paid } = confirmed.body;
    expect(paid).toMatchObject({ state: 'SUCCESS', transactionId: expect.stringMatching(/^4200\d{24}$/), timeEnd: expect.stringMatching(/^\d{14}$/) });
    expect(paid.notification).toMatchObject({ functionName: 'pay-callback', attempts: 1, acknowledged: true });
    const { received, context } = paid.notification.lastReply;
    expect(received).toEqual({
      returnCode: 'SUCCESS',
      appid: emulator.appid,
      mchId: expect.any(String),
      subAppid: emulator.appid,
      subMchId: '1900000109',
      nonceStr: expect.any(String),
      resultCode: 'SUCCESS',
      openid: expect.not.stringMatching(/^o-payer$/),
      isSubscribe: 'N',
      subOpenid: 'o-payer',
      subIsSubscribe: 'N',
      tradeType: 'JSAPI',
      bankType: 'OTHERS',
      totalFee: 5800,
      feeType: 'CNY',
      cashFee: 5800,
      transactionId: paid.transactionId,
      outTradeNo: 'WV2001',
      timeEnd: paid.timeEnd,
      attach: 'coupon:c9',
    });
    expect(context).toMatchObject({ SOURCE: 'wx_paycallback', ENV: emulator.envId });
    expect(context.OPENID).toBeUndefined();

    const query = await callFunction(emulator, 'checkout', { action: 'query', outTradeNo: 'WV2001' }, 'o-payer');
    expect(query.body.result).toMatchObject({ tradeState: 'SUCCESS', transactionId: paid.transactionId, totalFee: 5800 });
    expect((await order('WV2001', 5800, 'coupon:c9')).body.result).toMatchObject({ resultCode: 'FAIL', errCodeDes: '该订单已支付' });
  });

  it('retries the notification on WeChat Pay’s schedule (emulator time) until the callback answers errcode 0', async () => {
    await order('WV2002', 990, 'fail:2');

    const first = (await adminCall(emulator, 'POST', '/pay/WV2002/confirm')).body.order.notification;
    expect(first).toMatchObject({ attempts: 1, acknowledged: false, lastReply: { errcode: 1 } });
    expect(Date.parse(first.nextAttemptAt) - emulator.clock.now()).toBeGreaterThan(14_000);

    await adminCall(emulator, 'POST', '/clock', { advanceMs: 15_000 });
    expect((await orderView('WV2002')).notification).toMatchObject({ attempts: 2, acknowledged: false });

    await adminCall(emulator, 'POST', '/clock', { advanceMs: 15_000 });
    expect((await orderView('WV2002')).notification).toMatchObject({ attempts: 3, acknowledged: true, lastReply: { errcode: 0, delivery: 3 } });

    await adminCall(emulator, 'POST', '/clock', { advanceMs: 3600_000 });
    expect((await orderView('WV2002')).notification.attempts).toBe(3);
  });

  it('answers 404 for an order nobody placed', async () => {
    expect((await adminCall(emulator, 'POST', '/pay/NOPE/confirm')).status).toBe(404);
  });
});

describe('cloudPay.refund', () => {
  function refund(outTradeNo: string, outRefundNo: string, refundFee: number, totalFee: number) {
    return callFunction(emulator, 'checkout', { action: 'refund', outTradeNo, outRefundNo, refundFee, totalFee }, 'o-staff');
  }

  it('refunds once per outRefundNo, refuses more than was paid, and notifies the refund callback', async () => {
    await order('WV3001', 10000);
    await adminCall(emulator, 'POST', '/pay/WV3001/confirm');

    const first = await refund('WV3001', 'RF1', 4000, 10000);
    const again = await refund('WV3001', 'RF1', 4000, 10000);
    const tooMuch = await refund('WV3001', 'RF2', 6001, 10000);
    await emulator.settle();

    expect(first.body.result).toMatchObject({ resultCode: 'SUCCESS', outRefundNo: 'RF1', refundFee: 4000, totalFee: 10000, refundId: expect.any(String) });
    expect(again.body.result.refundId).toBe(first.body.result.refundId);
    expect(tooMuch.body.result).toMatchObject({ resultCode: 'FAIL', errCodeDes: '申请退款金额超过订单可退金额' });
    const { refunds } = (await adminCall(emulator, 'GET', '/payments')).body;
    const recorded = refunds.filter((r: { outTradeNo: string }) => r.outTradeNo === 'WV3001');
    expect(recorded).toHaveLength(1);
    expect(recorded[0].notification).toMatchObject({ attempts: 1, acknowledged: true });
    expect(recorded[0].notification.lastReply.received.reqInfo).toMatchObject({
      outTradeNo: 'WV3001',
      outRefundNo: 'RF1',
      refundId: first.body.result.refundId,
      refundFee: 4000,
      totalFee: 10000,
      refundStatus: 'SUCCESS',
      successTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
  });

  it('refuses to refund an order that was never paid', async () => {
    await order('WV3002', 500);

    expect((await refund('WV3002', 'RF3', 500, 500)).body.result).toMatchObject({ resultCode: 'FAIL', errCodeDes: '订单状态错误' });
  });
});
