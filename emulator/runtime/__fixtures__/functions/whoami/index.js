// Fixture: who the function runs for, read before and after an await (another caller must never leak in).
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

exports.main = async (event) => {
  const before = cloud.getWXContext();
  await new Promise((resolve) => setTimeout(resolve, event.delayMs || 0));
  const after = cloud.getWXContext();
  return { before, after, event };
};
