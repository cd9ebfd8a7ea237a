/**
 * Each cloud function is a thin router: `event.action` picks a handler. The router owns the reply
 * shape, so a handler returns data or throws AppError, and nothing reaches the caller as a crash.
 */
import { AppError, fail, ok, type Reply } from '../../src/domain/reply';
import { cloud, db, _, wxContext, type Command, type Database } from './cloud';

export interface HandlerContext {
  /** The caller, from WeChat's own context; empty for timers and server-to-server calls without a user. */
  openid: string;
  appid: string;
  unionid?: string;
  db: Database;
  _: Command;
  cloud: typeof cloud;
  now(): Date;
}

export type Handler<Data = unknown> = (event: Record<string, unknown>, ctx: HandlerContext) => Promise<Data>;

/** What WeChat passes to a function fired by a timer trigger declared in config.json. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export interface MainOptions {
  /** Handlers for timer triggers, by trigger name (config.json `triggers[].name`). */
  timers?: Record<string, Handler>;
}

function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

export function createContext(): HandlerContext {
  const { openid, appid, unionid } = wxContext();
  return { openid, appid, unionid, db, _, cloud, now: () => new Date() };
}

export async function runHandler(handler: Handler, event: Record<string, unknown>, ctx: HandlerContext): Promise<Reply<unknown>> {
  try {
    return ok(await handler(event, ctx));
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    console.error('[weave] unexpected error', error);
    return fail('INTERNAL');
  }
}

export function createMain(routes: Record<string, Handler>, options: MainOptions = {}) {
  return async function main(event: unknown): Promise<Reply<unknown>> {
    const ctx = createContext();
    if (isTimerEvent(event)) {
      const timer = options.timers?.[event.TriggerName];
      if (!timer) return fail('UNKNOWN_ACTION');
      return runHandler(timer, event as unknown as Record<string, unknown>, ctx);
    }
    const input = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
    const action = input.action;
    const handler = typeof action === 'string' && Object.prototype.hasOwnProperty.call(routes, action) ? routes[action] : undefined;
    if (!handler) return fail('UNKNOWN_ACTION');
    return runHandler(handler, input, ctx);
  };
}
