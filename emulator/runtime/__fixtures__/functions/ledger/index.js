// Fixture: reads and writes the database through wx-server-sdk.
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();

exports.main = async (event) => {
  if (event.action === 'add') {
    const { _id } = await db.collection('notes').add({ data: { text: event.text, at: db.serverDate() } });
    return { _id };
  }
  const { data } = await db.collection('notes').orderBy('text', 'asc').get();
  return { texts: data.map((note) => note.text) };
};
