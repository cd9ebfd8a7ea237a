// Fixture: a timer-triggered function; returns what it was given.
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

exports.main = async (event) => ({ event, context: cloud.getWXContext(), now: Date.now() });
