// Fixture: cloudPay calls as an order function makes them.
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

exports.main = async (event) => {
  const { ENV } = cloud.getWXContext();
  if (event.action === 'order') {
    return cloud.cloudPay.unifiedOrder({
      body: 'Weave 亚麻衬衫',
      outTradeNo: event.outTradeNo,
      spbillCreateIp: '127.0.0.1',
      subMchId: '1900000109',
      totalFee: event.totalFee,
      envId: ENV,
      functionName: 'pay-callback',
      nonceStr: 'n0nce',
      tradeType: 'JSAPI',
      attach: event.attach,
    });
  }
  if (event.action === 'refund') {
    return cloud.cloudPay.refund({
      subMchId: '1900000109',
      nonceStr: 'n0nce',
      outTradeNo: event.outTradeNo,
      outRefundNo: event.outRefundNo,
      totalFee: event.totalFee,
      refundFee: event.refundFee,
      envId: ENV,
      functionName: 'pay-callback',
    });
  }
  if (event.action === 'query') return cloud.cloudPay.queryOrder({ subMchId: '1900000109', nonceStr: 'n0nce', outTradeNo: event.outTradeNo });
  throw new Error(`unknown action ${event.action}`);
};
