// Fixture: calls whoami through cloud.callFunction, as one cloud function calls another.
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

exports.main = async (event) => {
  const name = event.target || 'whoami';
  try {
    const reply = await cloud.callFunction({ name, data: { from: 'relay' } });
    return { caller: cloud.getWXContext(), callee: reply.result };
  } catch (error) {
    return { caller: cloud.getWXContext(), failed: { errCode: error.errCode, errMsg: error.errMsg } };
  }
};
