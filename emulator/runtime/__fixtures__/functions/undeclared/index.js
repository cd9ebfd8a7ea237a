// Fixture: calls an openapi its config.json does not declare.
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

exports.main = async (event) => {
  try {
    await cloud.openapi.subscribeMessage.send({ touser: event.touser, templateId: 'TPL', data: { thing1: { value: 'x' } } });
    return { errCode: 0 };
  } catch (error) {
    return { errCode: error.errCode, errMsg: error.errMsg };
  }
};
