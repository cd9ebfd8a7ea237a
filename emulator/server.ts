import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Database, type Doc } from './db';
import { Clock } from './clock';
import { CLOUD_ERRORS } from './cloud-errors';
import { allowLocalOrigins, HttpError, isLocalRequest, readBody, readJson, sendJson } from './http/http-kit';
import { parseMultipart } from './http/multipart';
import { contentTypeOf, serveStatic } from './http/static-files';
import { CloudPay, PayError } from './openapi/cloud-pay';
import { OpenApiChannel } from './openapi/openapi-channel';
import { SubscribeMessages } from './openapi/subscribe-messages';
import { FunctionRuntime, type Caller, type InvokeOutcome } from './runtime/function-runtime';
import type { FunctionFailure } from './runtime/function-pool';
import { TimerService } from './runtime/timer-service';
import { Scheduler, type JobReport } from './scheduler';
import { listIdentities } from './identities';
import { StateFile } from './state-file';
import { LocalStorage, normalizeCloudPath } from './storage/local-storage';

/** What a seed function may use besides returning documents: put files in storage (product images). */
export interface SeedContext {
  storage: { write(cloudPath: string, content: Buffer): void; fileIdOf(cloudPath: string): string };
  clock: Clock;
}

export interface CreateEmulatorOptions {
  /** 0 = a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1 (admin routes answer loopback callers only anyway). */
  host?: string;
  /** Durable folder (database weave.sqlite, storage/, emulator-state.json); omitted = in memory + temp storage. */
  dataDir?: string;
  /** cloudfunctions/: each <name>/index.js is a built function, <name>/config.json its triggers and permissions. */
  functionsDir: string;
  /** The H5 build (dist/h5), served at / with index.html for unknown page paths. */
  staticDir?: string;
  /** Demo or test data: run on a new database and on every reset. */
  seed?: (context: SeedContext) => Promise<Record<string, object[]>>;
  envId?: string;
  appid?: string;
  /** auto: timers fire as the (emulator) clock passes them, on a 1 s wall-clock tick too; manual: only when the clock is moved or on demand. */
  timers?: 'auto' | 'manual';
  maxInstancesPerFunction?: number;
  functionTimeoutMs?: number;
  /** The cloud refuses openapi.* calls a function's config.json does not list in permissions.openapi. Default true. */
  enforceOpenapiPermissions?: boolean;
}

export interface ClockReply {
  now: string;
  nowMs: number;
  offsetMs: number;
  ran?: JobReport[];
}

export interface Emulator {
  url: string;
  port: number;
  envId: string;
  appid: string;
  clock: Clock;
  db: Database;
  runtime: FunctionRuntime;
  /** Subscribe messages sent (and WeChat's per-user template credits). */
  outbox: SubscribeMessages;
  payments: CloudPay;
  storage: LocalStorage;
  timers: TimerService;
  /** Fresh database, seed again, storage / outbox / payments emptied, clock back to real time. */
  reset(): Promise<{ seeded: Record<string, number> }>;
  /** Moves the clock forward and runs what became due (timers, payment notification retries). */
  advanceClock(ms: number): Promise<ClockReply>;
  /** Runs whatever is due now (e.g. a refund notification just scheduled). */
  settle(): Promise<JobReport[]>;
  close(): Promise<void>;
}

export const DEFAULT_ENV_ID = 'weave-local';
export const DEFAULT_APPID = 'wx00000000000weave';

export async function createEmulator(options: CreateEmulatorOptions): Promise<Emulator> {
  const envId = options.envId ?? DEFAULT_ENV_ID;
  const appid = options.appid ?? DEFAULT_APPID;
  const clock = new Clock();
  const scheduler = new Scheduler(clock);

  let handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> = async (_req, res) => {
    sendJson(res, 503, { errCode: -501001, errMsg: 'the local CloudBase is starting' });
  };
  const server = http.createServer((req, res) => void handler(req, res));
  // Function workers keep their SDK sockets alive; if the server dropped an idle socket at Node's
  // default 5 s just as a worker reused it, that call would die with ECONNRESET under load. The
  // clients' own idle timeouts are shorter than this, so they always close first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined;
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const temporaryStorage = dataDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'weave-storage-'));
  const storage = new LocalStorage(dataDir ? path.join(dataDir, 'storage') : temporaryStorage!, envId, () => url, 'local');

  const dbFile = dataDir ? path.join(dataDir, 'weave.sqlite') : undefined;
  const freshDatabase = !dbFile || !fs.existsSync(dbFile);
  let db: Database;
  try {
    // Indexes come from emulator/indexes.json (the database loads and validates it).
    db = new Database({ file: dbFile, clock });
  } catch (error) {
    server.close();
    throw error;
  }

  const runtime = new FunctionRuntime({
    functionsDir: options.functionsDir,
    adminUrl: `${url}/admin`,
    envId,
    clock,
    maxInstancesPerFunction: options.maxInstancesPerFunction,
    timeoutMs: options.functionTimeoutMs,
  });
  const outbox = new SubscribeMessages(() => clock.now());
  const payments = new CloudPay({
    clock,
    scheduler,
    envId,
    appid,
    notify: (functionName, event) => runtime.invoke(functionName, event, { appid, source: 'wx_paycallback' }),
    functionExists: (name) => runtime.exists(name),
  });
  const openApi = new OpenApiChannel({
    runtime,
    subscribeMessages: outbox,
    cloudPay: payments,
    enforcePermissions: options.enforceOpenapiPermissions ?? true,
  });
  const timers = new TimerService(runtime, scheduler, clock, appid);
  const stateFile = dataDir ? StateFile.at(dataDir, () => ({ subscribe: outbox.snapshot(), pay: payments.state() })) : undefined;
  const saved = stateFile?.load();
  if (saved) {
    outbox.restore(saved.subscribe);
    payments.restore(saved.pay);
  }

  const seedDatabase = async (): Promise<Record<string, number>> => {
    if (!options.seed) return {};
    const collections = await options.seed({
      storage: { write: (cloudPath, content) => storage.write(cloudPath, content), fileIdOf: (cloudPath) => storage.fileIdOf(cloudPath) },
      clock,
    });
    const counts: Record<string, number> = {};
    for (const [collection, docs] of Object.entries(collections)) {
      db.insert(collection, docs as Doc[]);
      counts[collection] = docs.length;
    }
    return counts;
  };

  const runDue = async (): Promise<JobReport[]> => {
    const ran = await scheduler.runDue();
    if (ran.length > 0) stateFile?.saveSoon();
    return ran;
  };

  const clockReply = (ran?: JobReport[]): ClockReply => ({
    now: new Date(clock.now()).toISOString(),
    nowMs: clock.now(),
    offsetMs: clock.offset,
    ...(ran ? { ran } : {}),
  });

  const emulator: Emulator = {
    url,
    port,
    envId,
    appid,
    clock,
    db,
    runtime,
    outbox,
    payments,
    storage,
    timers,
    async reset() {
      scheduler.clear();
      clock.reset();
      db.reset();
      storage.clear();
      outbox.reset();
      payments.reset();
      const seeded = await seedDatabase();
      timers.reschedule();
      stateFile?.saveNow();
      return { seeded };
    },
    async advanceClock(ms) {
      clock.advance(ms);
      return clockReply(await runDue());
    },
    settle: runDue,
    async close() {
      scheduler.stop();
      stateFile?.saveNow();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
      db.close();
      if (temporaryStorage) fs.rmSync(temporaryStorage, { recursive: true, force: true });
    },
  };

  try {
    if (freshDatabase) await seedDatabase();
    timers.reschedule();
  } catch (error) {
    await emulator.close(); // a failed start must not leave a listening server behind
    throw error;
  }
  if ((options.timers ?? 'auto') === 'auto') scheduler.start(1000);

  const routes = new Routes({ emulator, openApi, staticDir: options.staticDir, clockReply, runDue, saveState: () => stateFile?.saveSoon() });
  handler = (req, res) => routes.handle(req, res);
  return emulator;
}

interface RoutesContext {
  emulator: Emulator;
  openApi: OpenApiChannel;
  staticDir?: string;
  clockReply: (ran?: JobReport[]) => ClockReply;
  runDue: () => Promise<JobReport[]>;
  saveState: () => void;
}

/** Every HTTP route of the emulator; docs/emulator.md is the contract. */
class Routes {
  constructor(private readonly context: RoutesContext) {}

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    try {
      allowLocalOrigins(req, res);
      if (method === 'OPTIONS') {
        res.writeHead(204);
        res.end();
        return;
      }
      if (url.pathname === '/admin' && method === 'POST') return await this.sdkEndpoint(req, res);
      if (url.pathname.startsWith('/storage/')) return await this.storageFile(req, res, url.pathname.slice('/storage/'.length));
      const functionCall = /^\/api\/functions\/([^/]+)$/.exec(url.pathname);
      if (functionCall && method === 'POST') return await this.gateway(req, res, decodeURIComponent(functionCall[1]));
      if (url.pathname.startsWith('/api/_emulator')) return await this.admin(req, res, url);
      if (url.pathname.startsWith('/api/')) throw new HttpError(404, { errCode: -501007, errMsg: `no route ${method} ${url.pathname}` });
      if (method === 'GET' || method === 'HEAD') return serveStatic(req, res, this.context.staticDir, url.pathname);
      throw new HttpError(405, { errCode: -501007, errMsg: `${method} ${url.pathname} is not supported` });
    } catch (error) {
      this.fail(res, error);
    }
  }

  /** POST /admin: where wx-server-sdk inside the functions sends everything (TCB_CONTEXT_CNFG.URL). */
  private async sdkEndpoint(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    requireLocal(req);
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const reply = await this.context.openApi.handle(parseMultipart(await readBody(req), contentType));
      this.context.saveState();
      res.writeHead(200, { 'content-type': reply.contentType, 'content-length': reply.body.length });
      res.end(reply.body);
      return;
    }
    const body = await readJson(req);
    const action = String(body.action ?? '');
    const { emulator } = this.context;
    let reply: unknown;
    if (action.startsWith('database.')) {
      try {
        reply = await emulator.db.handle(body);
      } catch (error) {
        reply = { code: 'DATABASE_REQUEST_FAILED', message: (error as Error).message };
      }
    } else if (action === 'functions.invokeFunction') {
      reply = await this.invokeForSdk(body);
    } else if (action.startsWith('storage.')) {
      reply = emulator.storage.handle(action, body);
    } else {
      reply = { code: 'INVALID_PARAM', message: `action ${action || '(none)'} is not supported by the local CloudBase` };
    }
    sendJson(res, 200, { requestId: randomUUID(), ...(reply as object) });
  }

  /** cloud.callFunction from inside a function: the callee runs for the same user; SOURCE gains ",scf". */
  private async invokeForSdk(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { runtime } = this.context.emulator;
    const name = String(body.function_name ?? '');
    if (!runtime.exists(name)) {
      const { code, errMsg } = CLOUD_ERRORS.FUNCTION_NOT_FOUND;
      return { code, message: `[${code}] ${errMsg}` };
    }
    let event: unknown = {};
    try {
      if (typeof body.request_data === 'string' && body.request_data !== '') event = JSON.parse(body.request_data);
    } catch {
      return { code: CLOUD_ERRORS.INVALID_PARAM.code, message: 'request_data is not JSON' };
    }
    const caller = runtime.invocationFor(typeof body.wxCloudApiToken === 'string' ? body.wxCloudApiToken : undefined);
    const outcome = await runtime.invoke(name, event, {
      openid: caller?.openid,
      appid: caller?.appid,
      unionid: caller?.unionid,
      clientIp: caller?.clientIp,
      source: caller ? `${caller.source},scf` : 'scf',
    });
    if (outcome.ok) return { requestId: outcome.requestId, data: { response_data: JSON.stringify(outcome.result) } };
    return { requestId: outcome.requestId, code: CLOUD_ERRORS.FUNCTIONS_EXECUTE_FAIL.code, message: failureText(outcome.error) };
  }

  /** POST /api/functions/:name: the H5 client's wx.cloud.callFunction. */
  private async gateway(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    requireLocal(req);
    const { emulator } = this.context;
    const data = await readJson(req);
    const openid = headerOf(req, 'x-wx-openid');
    const caller: Caller = { openid, appid: emulator.appid, unionid: headerOf(req, 'x-wx-unionid'), clientIp: '127.0.0.1', source: 'wx_client' };
    // wx.cloud.callFunction adds the caller to the event as well (getWXContext is the trusted source).
    const event = openid ? { ...data, userInfo: { appId: emulator.appid, openId: openid } } : data;
    const outcome = await this.invokeOr404(name, event, caller);
    this.replyWithOutcome(res, outcome);
  }

  private async admin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    requireLocal(req);
    const { emulator, clockReply, runDue } = this.context;
    const route = url.pathname.slice('/api/_emulator'.length) || '/';
    const method = req.method ?? 'GET';

    if (route === '/' && method === 'GET') {
      return sendJson(res, 200, {
        envId: emulator.envId,
        appid: emulator.appid,
        functions: emulator.runtime.list(),
        timers: emulator.timers.status(),
        clock: clockReply(),
      });
    }
    if (route === '/reset' && method === 'POST') return sendJson(res, 200, { ok: true, ...(await emulator.reset()) });
    if (route === '/identities' && method === 'GET') return sendJson(res, 200, { identities: listIdentities(emulator.db) });
    if (route === '/clock' && method === 'GET') return sendJson(res, 200, clockReply());
    if (route === '/clock' && method === 'POST') {
      const { advanceMs } = await readJson(req);
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
        throw new HttpError(400, { errCode: -501007, errMsg: 'advanceMs must be a number >= 0 (the clock only moves forward)' });
      }
      return sendJson(res, 200, await emulator.advanceClock(advanceMs));
    }
    if (route === '/timers' && method === 'GET') return sendJson(res, 200, { timers: emulator.timers.status() });
    const timer = /^\/timers\/([^/]+)$/.exec(route);
    if (timer && method === 'POST') return this.fireTimer(res, decodeURIComponent(timer[1]), url.searchParams.get('trigger') ?? undefined);
    if (route === '/outbox' && method === 'GET') {
      return sendJson(res, 200, { messages: emulator.outbox.list(url.searchParams.get('touser') ?? undefined) });
    }
    if (route === '/subscribe/accept' && method === 'POST') {
      const { openid, templateIds } = await readJson(req);
      if (typeof openid !== 'string' || openid === '' || !Array.isArray(templateIds) || !templateIds.every((id) => typeof id === 'string')) {
        throw new HttpError(400, { errCode: -501007, errMsg: 'expected { openid: string, templateIds: string[] }' });
      }
      const credits = emulator.outbox.accept(openid, templateIds as string[]);
      this.context.saveState();
      return sendJson(res, 200, { openid, credits });
    }
    if (route === '/subscribe' && method === 'GET') {
      const openid = url.searchParams.get('openid') ?? '';
      return sendJson(res, 200, { openid, credits: emulator.outbox.creditsOf(openid) });
    }
    if (route === '/payments' && method === 'GET') return sendJson(res, 200, emulator.payments.state());
    const confirm = /^\/pay\/([^/]+)\/confirm$/.exec(route);
    if (confirm && method === 'POST') {
      const order = await emulator.payments.confirm(decodeURIComponent(confirm[1]));
      this.context.saveState();
      return sendJson(res, 200, { order });
    }
    if (route === '/settle' && method === 'POST') return sendJson(res, 200, { ran: await runDue() });
    throw new HttpError(404, { errCode: -501007, errMsg: `no admin route ${method} /api/_emulator${route}` });
  }

  private async fireTimer(res: http.ServerResponse, name: string, trigger: string | undefined): Promise<void> {
    const { emulator } = this.context;
    if (!emulator.runtime.exists(name)) throw notFound();
    const runs = await emulator.timers.fireNow(name, trigger);
    if (runs.length === 0) {
      throw new HttpError(404, { errCode: -501007, errMsg: `function ${name} has no timer trigger${trigger ? ` named ${trigger}` : ''}` });
    }
    const failed = runs.find((run) => !run.outcome.ok);
    if (failed && !failed.outcome.ok) {
      return sendJson(res, 500, { errCode: CLOUD_ERRORS.FUNCTIONS_EXECUTE_FAIL.errCode, errMsg: failureText(failed.outcome.error) });
    }
    const results = runs.map((run) => ({ trigger: run.trigger, firedAt: run.firedAt, result: run.outcome.ok ? run.outcome.result : null }));
    sendJson(res, 200, { result: results[0].result, runs: results });
  }

  /** GET /storage/<path> serves a stored file; PUT (from this machine) is the SDK's upload step. */
  private async storageFile(req: http.IncomingMessage, res: http.ServerResponse, encodedPath: string): Promise<void> {
    let cloudPath: string;
    try {
      cloudPath = normalizeCloudPath(decodeURIComponent(encodedPath));
    } catch {
      throw new HttpError(400, { errCode: -501007, errMsg: 'invalid storage path' });
    }
    const { storage } = this.context.emulator;
    if (req.method === 'PUT') {
      requireLocal(req);
      storage.write(cloudPath, await readBody(req));
      res.writeHead(200, { 'content-length': 0 });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, { errCode: -501007, errMsg: 'GET or PUT' });
    const content = storage.read(cloudPath);
    if (!content) throw new HttpError(404, { errCode: CLOUD_ERRORS.STORAGE_FILE_NONEXIST.errCode, errMsg: CLOUD_ERRORS.STORAGE_FILE_NONEXIST.errMsg });
    res.writeHead(200, { 'content-type': contentTypeOf(cloudPath), 'content-length': content.length, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  private async invokeOr404(name: string, event: unknown, caller: Caller): Promise<InvokeOutcome> {
    if (!this.context.emulator.runtime.exists(name)) throw notFound();
    return this.context.emulator.runtime.invoke(name, event, caller);
  }

  private replyWithOutcome(res: http.ServerResponse, outcome: InvokeOutcome): void {
    if (outcome.ok) sendJson(res, 200, { result: outcome.result });
    else {
      sendJson(res, 500, {
        errCode: CLOUD_ERRORS.FUNCTIONS_EXECUTE_FAIL.errCode,
        errMsg: failureText(outcome.error),
        requestId: outcome.requestId,
      });
    }
  }

  private fail(res: http.ServerResponse, error: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof HttpError) return sendJson(res, error.status, error.body);
    if (error instanceof PayError) return sendJson(res, error.status, { errCode: -501007, errMsg: error.message });
    console.error('[emulator]', error);
    sendJson(res, 500, { errCode: -501001, errMsg: (error as Error).message ?? String(error) });
  }
}

function requireLocal(req: http.IncomingMessage): void {
  if (!isLocalRequest(req)) throw new HttpError(403, { errCode: -501008, errMsg: 'the local CloudBase answers only this machine' });
}

function headerOf(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text ? text : undefined;
}

function notFound(): HttpError {
  const { errCode, errMsg } = CLOUD_ERRORS.FUNCTION_NOT_FOUND;
  return new HttpError(404, { errCode, errMsg });
}

/** Like the cloud's: the error's stack (its first line is "Name: message"). */
function failureText(error: FunctionFailure): string {
  return error.stack ?? `${error.name}: ${error.message}`;
}
