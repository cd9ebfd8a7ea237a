/**
 * The one place a function talks to wx-server-sdk. DYNAMIC_CURRENT_ENV makes every function use the
 * environment it is deployed in; locally the same bundle is pointed at the local CloudBase by the
 * runtime's environment (TCB_CONTEXT_CNFG), so nothing here knows where it runs.
 */
import * as cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

import type { Command, Database } from './db-types';

export type { Command, Database };

export const db = cloud.database() as unknown as Database;
export const _: Command = db.command;
export { cloud };

export function wxContext(): { openid: string; appid: string; unionid?: string } {
  const ctx = cloud.getWXContext();
  return { openid: ctx.OPENID ?? '', appid: ctx.APPID ?? '', unionid: ctx.UNIONID || undefined };
}
