/**
 * The client's one seam to the backend. Pages and stores call `callFunction(name, data)` and get
 * the function's reply, `{ ok: true, data }` or `{ ok: false, code, message }`; they never see a
 * thrown error. On weapp it is Taro.cloud.callFunction; on h5 it is HTTP to the local CloudBase.
 */
import Taro from '@tarojs/taro';
import { messageFor } from '@/domain/errors';
import { fail, isReply, type Reply } from '@/domain/reply';
import { getDevOpenid } from './dev-identity';

declare const CLOUD_ENV_ID: string;
declare const LOCAL_API_BASE: string;

/** The errCode WeChat gives when the function itself threw (as opposed to the request failing). */
const FUNCTION_FAILED_ERRCODE = -504002;

class FunctionFailed extends Error {}

let cloudReady = false;

async function callWeapp(name: string, data: Record<string, unknown>): Promise<unknown> {
  if (!cloudReady) {
    Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
    cloudReady = true;
  }
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    return res.result;
  } catch (error) {
    const errCode = (error as { errCode?: number }).errCode;
    if (errCode === FUNCTION_FAILED_ERRCODE) throw new FunctionFailed(String((error as Error).message));
    throw error;
  }
}

function apiBase(): string {
  return typeof LOCAL_API_BASE !== 'undefined' ? LOCAL_API_BASE : '';
}

async function callLocal(name: string, data: Record<string, unknown>): Promise<unknown> {
  const res = await Taro.request<{ result?: unknown; errCode?: number; errMsg?: string }>({
    url: `${apiBase()}/api/functions/${encodeURIComponent(name)}`,
    method: 'POST',
    data,
    header: { 'content-type': 'application/json', 'X-WX-OPENID': getDevOpenid() },
    dataType: 'json',
  });
  if (res.statusCode >= 500) throw new FunctionFailed(res.data?.errMsg ?? `HTTP ${res.statusCode}`);
  if (res.statusCode >= 400) return fail('UNKNOWN_ACTION');
  return res.data?.result;
}

export async function callFunction<T = unknown>(name: string, data: Record<string, unknown> = {}): Promise<Reply<T>> {
  try {
    const result = process.env.TARO_ENV === 'weapp' ? await callWeapp(name, data) : await callLocal(name, data);
    return isReply(result) ? (result as Reply<T>) : fail('INTERNAL');
  } catch (error) {
    if (error instanceof FunctionFailed) return fail('INTERNAL');
    return fail('NETWORK', messageFor('NETWORK'));
  }
}
