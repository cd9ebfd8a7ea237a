// Fixture: the payment / refund notification callback. attach "fail:N" makes it refuse the first N deliveries.
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

const deliveries = new Map();

exports.main = async (event) => {
  const key = event.reqInfo ? `refund:${event.reqInfo.outRefundNo}` : `pay:${event.outTradeNo}`;
  const seen = (deliveries.get(key) || 0) + 1;
  deliveries.set(key, seen);
  const failFirst = /^fail:(\d+)$/.exec(event.attach || '');
  const context = cloud.getWXContext();
  if (failFirst && seen <= Number(failFirst[1])) return { errcode: 1, errmsg: `not yet (${seen})`, delivery: seen };
  return { errcode: 0, errmsg: 'ok', delivery: seen, received: event, context };
};
