'use strict';
/**
 * One cloud-function instance: a worker thread that loads the function's built index.js unchanged and runs
 * one invocation at a time, as an SCF instance does. Plain CommonJS so it runs under jest, tsx and node alike.
 *
 * Per invocation the parent sends the WX context as environment variables (wx-server-sdk reads
 * process.env, which is private to this thread) and the emulator clock's offset (Date is shifted here so
 * business code just uses `new Date()`).
 */
const { parentPort, workerData } = require('node:worker_threads');
const Module = require('node:module');
const path = require('node:path');

const { entry, functionName, resolveFallbackDir } = workerData;

const clock = installShiftedDate();
resolveBareModulesFrom(resolveFallbackDir);

process.on('unhandledRejection', (reason) => {
  // The cloud logs these and keeps the instance; so do we (killing the thread would fail unrelated calls).
  console.error(`[${functionName}] unhandled rejection:`, reason);
});

let main;
let loadError;
try {
  const exported = require(entry);
  main = exported && exported.main;
  if (typeof main !== 'function') throw new TypeError(`${path.relative(process.cwd(), entry)} exports no main function`);
} catch (error) {
  loadError = error;
}

parentPort.on('message', async (message) => {
  if (message.type !== 'invoke') return;
  clock.setOffset(message.clockOffsetMs);
  applyInvocationEnv(message.env);
  try {
    if (loadError) throw loadError;
    const value = await main(message.event, message.context);
    // The cloud hands results back as JSON: Dates become strings, undefined disappears.
    const json = value === undefined ? undefined : JSON.stringify(value);
    parentPort.postMessage({ type: 'result', id: message.id, ok: true, json });
  } catch (error) {
    parentPort.postMessage({ type: 'result', id: message.id, ok: false, error: describeError(error) });
  }
});

parentPort.postMessage({ type: 'ready' });

function applyInvocationEnv(env) {
  for (const [key, value] of Object.entries(env)) {
    if (value === null || value === undefined) delete process.env[key];
    else process.env[key] = String(value);
  }
}

function describeError(error) {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack, code: error.code, errCode: error.errCode };
  }
  let text;
  try {
    text = typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    text = String(error);
  }
  return { name: 'Error', message: text, stack: undefined };
}

/** Date.now() and `new Date()` follow the emulator clock: real time plus the offset tests move forward. */
function installShiftedDate() {
  const RealDate = Date;
  let offsetMs = 0;
  const shiftedNow = () => RealDate.now() + offsetMs;

  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(shiftedNow()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [shiftedNow()] : args, new.target);
  }
  Object.setPrototypeOf(ShiftedDate, RealDate);
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = shiftedNow;
  // Look like the built-in to code that checks `value.constructor === Date` or `Date.name`.
  Object.defineProperty(ShiftedDate, 'name', { value: 'Date' });
  Object.defineProperty(ShiftedDate, 'length', { value: 7 });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ShiftedDate, writable: true, configurable: true });
  globalThis.Date = ShiftedDate;

  return {
    setOffset(ms) {
      if (typeof ms === 'number' && Number.isFinite(ms)) offsetMs = ms;
    },
  };
}

/**
 * Functions are bundled with wx-server-sdk left external and resolved from the repository's node_modules.
 * A function folder outside the repository (a temp copy in a test) still finds it through this fallback.
 */
function resolveBareModulesFrom(dir) {
  if (!dir) return;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveWithFallback(request, parent, isMain, options) {
    try {
      return resolve.call(this, request, parent, isMain, options);
    } catch (error) {
      const bare = !request.startsWith('.') && !path.isAbsolute(request) && !request.startsWith('node:');
      if (!bare || error.code !== 'MODULE_NOT_FOUND') throw error;
      return resolve.call(this, request, parent, isMain, { ...options, paths: [dir] });
    }
  };
}
