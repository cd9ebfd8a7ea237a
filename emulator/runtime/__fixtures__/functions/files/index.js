// Fixture: cloud storage round trip as a function does it.
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

exports.main = async (event) => {
  try {
    if (event.action === 'upload') {
      const { fileID } = await cloud.uploadFile({ cloudPath: event.cloudPath, fileContent: Buffer.from(event.text) });
      return { fileID };
    }
    if (event.action === 'url') {
      const { fileList } = await cloud.getTempFileURL({ fileList: [event.fileID] });
      return { fileList };
    }
    if (event.action === 'download') {
      const { fileContent } = await cloud.downloadFile({ fileID: event.fileID });
      return { text: fileContent.toString('utf8') };
    }
    if (event.action === 'delete') {
      const { fileList } = await cloud.deleteFile({ fileList: [event.fileID] });
      return { fileList };
    }
  } catch (error) {
    return { failed: { errCode: error.errCode, errMsg: error.errMsg || error.message } };
  }
  throw new Error(`unknown action ${event.action}`);
};
