// Fixture: the openapi calls a function makes (subscribe message, mini program code).
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

exports.main = async (event) => {
  try {
    if (event.action === 'code') {
      const code = await cloud.openapi.wxacode.getUnlimited({ scene: event.scene, page: 'pages/home/index', width: 280 });
      return { contentType: code.contentType, base64: Buffer.from(code.buffer).toString('base64'), errCode: code.errCode };
    }
    const sent = await cloud.openapi.subscribeMessage.send({
      touser: event.touser,
      templateId: event.templateId,
      page: 'pages/order/detail?id=1',
      data: event.data,
    });
    return { errCode: sent.errCode, errMsg: sent.errMsg };
  } catch (error) {
    return { errCode: error.errCode, errMsg: error.errMsg };
  }
};
