import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { FunctionPool, type FunctionFailure } from './function-pool';

/** Who an invocation runs for: what getWXContext() returns inside the function. */
export interface Caller {
  openid?: string;
  appid?: string;
  unionid?: string;
  clientIp?: string;
  /** getWXContext().SOURCE: wx_client, wx_trigger, wx_paycallback; `,scf` appended per function-to-function hop. */
  source: string;
}

/** A running invocation, found again from the token its SDK calls carry. */
export interface RunningInvocation extends Caller {
  functionName: string;
  requestId: string;
}

export type InvokeOutcome =
  | { ok: true; result: unknown; requestId: string }
  | { ok: false; error: FunctionFailure; requestId: string };

export class FunctionNotFoundError extends Error {
  constructor(readonly functionName: string) {
    super(`no cloud function named "${functionName}"`);
    this.name = 'FunctionNotFoundError';
  }
}

export interface FunctionRuntimeOptions {
  functionsDir: string;
  /** The SDK endpoint functions talk to (TCB_CONTEXT_CNFG.URL). */
  adminUrl: string;
  envId: string;
  clock: Clock;
  /** Instances per function; invocations beyond wait. */
  maxInstancesPerFunction?: number;
  timeoutMs?: number;
  /** Where bare requires (wx-server-sdk) resolve when the function folder has no node_modules above it. */
  resolveFallbackDir?: string;
}

const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_API_TOKEN', 'WX_TRIGGER_API_TOKEN_V0'];
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Runs the BUILT cloudfunctions/<name>/index.js files, each function in its own pool of worker threads.
 * Every invocation gets a fresh token in WX_API_TOKEN (as in the cloud, where that token carries the
 * user's context): calls the function makes back to the emulator present it, which is how a nested
 * callFunction, a cloudPay order or a subscribe message knows who it runs for.
 */
export class FunctionRuntime {
  private readonly pools = new Map<string, { pool: FunctionPool; version: string }>();
  private readonly running = new Map<string, RunningInvocation>();
  /** Pools of replaced code, finishing what they run. */
  private readonly retired = new Set<FunctionPool>();
  private readonly options: Required<FunctionRuntimeOptions>;

  constructor(options: FunctionRuntimeOptions) {
    this.options = {
      ...options,
      maxInstancesPerFunction: options.maxInstancesPerFunction ?? 4,
      timeoutMs: options.timeoutMs ?? 60_000,
      resolveFallbackDir: options.resolveFallbackDir ?? REPO_ROOT,
      functionsDir: path.resolve(options.functionsDir),
    };
  }

  get functionsDir(): string {
    return this.options.functionsDir;
  }

  exists(name: string): boolean {
    return FUNCTION_NAME.test(name) && fs.existsSync(this.entryOf(name));
  }

  /** Names of the functions that have a built index.js. */
  list(): string[] {
    if (!fs.existsSync(this.options.functionsDir)) return [];
    return fs
      .readdirSync(this.options.functionsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && this.exists(entry.name))
      .map((entry) => entry.name)
      .sort();
  }

  /** The invocation that owns an SDK token, while it runs. */
  invocationFor(token: string | undefined): RunningInvocation | undefined {
    return token ? this.running.get(token) : undefined;
  }

  /** Instances currently alive for a function (for tests and the admin view). */
  instanceCount(name: string): number {
    return this.pools.get(name)?.pool.size ?? 0;
  }

  async invoke(name: string, event: unknown, caller: Caller, { timer = false } = {}): Promise<InvokeOutcome> {
    const pool = this.poolFor(name);
    const requestId = randomUUID();
    const token = `local-${randomUUID()}`;
    this.running.set(token, { ...caller, functionName: name, requestId });
    try {
      const env = this.invocationEnv(caller, token, timer);
      const outcome = await pool.invoke({
        event,
        env,
        context: this.invocationContext(name, requestId, env),
        clockOffsetMs: this.options.clock.offset,
      });
      return { ...outcome, requestId };
    } finally {
      this.running.delete(token);
    }
  }

  async close(): Promise<void> {
    const pools = [...[...this.pools.values()].map(({ pool }) => pool), ...this.retired];
    this.pools.clear();
    this.retired.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  private entryOf(name: string): string {
    return path.join(this.options.functionsDir, name, 'index.js');
  }

  /** The pool for the code on disk now: a rebuilt index.js retires the instances running the old one. */
  private poolFor(name: string): FunctionPool {
    if (!FUNCTION_NAME.test(name)) throw new FunctionNotFoundError(name);
    const entry = this.entryOf(name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(entry);
    } catch {
      throw new FunctionNotFoundError(name);
    }
    const version = `${stat.mtimeMs}:${stat.size}`;
    const current = this.pools.get(name);
    if (current && current.version === version) return current.pool;
    if (current) {
      current.pool.retireAll();
      this.retired.add(current.pool);
    }
    const pool = new FunctionPool({
      name,
      entry,
      maxInstances: this.options.maxInstancesPerFunction,
      timeoutMs: this.options.timeoutMs,
      baseEnv: this.instanceEnv(name),
      resolveFallbackDir: this.options.resolveFallbackDir,
    });
    this.pools.set(name, { pool, version });
    return pool;
  }

  /** What an SCF instance of this function starts with. */
  private instanceEnv(name: string): Record<string, string> {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    return {
      ...inherited,
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      SCF_NAMESPACE: this.options.envId,
      SCF_FUNCTIONNAME: name,
      TCB_ENV: this.options.envId,
      // The SDK signs every request and rejects (unhandled) without a key pair; the emulator ignores signatures.
      TENCENTCLOUD_SECRETID: 'local-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-secret-key',
      TENCENTCLOUD_SESSIONTOKEN: '',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.adminUrl }),
      SILENCE: 'true',
    };
  }

  private invocationEnv(caller: Caller, token: string, timer: boolean): Record<string, string | null> {
    return {
      WX_CONTEXT_KEYS: CONTEXT_KEYS.join(','),
      WX_OPENID: caller.openid ?? null,
      WX_APPID: caller.appid ?? null,
      WX_UNIONID: caller.unionid ?? null,
      WX_CLIENTIP: caller.clientIp ?? null,
      WX_API_TOKEN: token,
      WX_TRIGGER_API_TOKEN_V0: timer ? token : null,
      TRIGGER_SRC: timer ? 'timer' : null,
      TCB_SOURCE: caller.source,
    };
  }

  private invocationContext(name: string, requestId: string, env: Record<string, string | null>): Record<string, unknown> {
    const environment = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== null));
    return {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: this.options.timeoutMs,
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.options.envId,
      tencentcloud_region: 'ap-shanghai',
      environment: JSON.stringify({ ...environment, SCF_NAMESPACE: this.options.envId, TCB_ENV: this.options.envId }),
    };
  }
}
