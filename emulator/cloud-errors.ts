/**
 * Error codes the cloud answers with, so local failures look like the ones the app must handle in production.
 * errCode values are wx-server-sdk's / wx.cloud's; `code` strings are what the CloudBase API answers the SDK.
 */
export const CLOUD_ERRORS = {
  /** wx.cloud.callFunction of a function that is not deployed. */
  FUNCTION_NOT_FOUND: { errCode: -501000, code: 'FUNCTION_NOT_FOUND', errMsg: 'FunctionName parameter could not be found.' },
  /** main threw, timed out or its instance crashed. */
  FUNCTIONS_EXECUTE_FAIL: { errCode: -504002, code: 'FUNCTIONS_EXECUTE_FAIL', errMsg: 'functions execute fail' },
  INVALID_PARAM: { errCode: -501007, code: 'INVALID_PARAM', errMsg: 'invalid parameters' },
  STORAGE_FILE_NONEXIST: { errCode: -503003, code: 'STORAGE_FILE_NONEXIST', errMsg: 'storage file not exists' },
  /** openapi.* not emulated. */
  OPENAPI_NOT_FOUND: { errCode: -604100, errMsg: 'API not found' },
  /** openapi.* not declared in the calling function's config.json permissions.openapi. */
  OPENAPI_NO_PERMISSION: { errCode: -604101, errMsg: 'function has no permission to call this API' },
} as const;
