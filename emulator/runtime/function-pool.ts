import { Worker } from 'node:worker_threads';
import path from 'node:path';

/** What the worker bootstrap reports when main threw (or the instance died). */
export interface FunctionFailure {
  name: string;
  message: string;
  stack?: string;
}

export type InstanceOutcome = { ok: true; result: unknown } | { ok: false; error: FunctionFailure };

export interface InvocationMessage {
  event: unknown;
  context: Record<string, unknown>;
  env: Record<string, string | null>;
  clockOffsetMs: number;
}

export interface FunctionPoolOptions {
  name: string;
  entry: string;
  maxInstances: number;
  timeoutMs: number;
  /** Environment every instance starts with (the SDK endpoint, secrets, env id). */
  baseEnv: Record<string, string>;
  resolveFallbackDir: string;
}

interface Task {
  message: InvocationMessage;
  resolve: (outcome: InstanceOutcome) => void;
}

interface Instance {
  worker: Worker;
  task?: Task;
  messageId?: number;
  timer?: NodeJS.Timeout;
  /** Loaded its index.js: the invocation timeout starts then, cold start is not the function's time. */
  ready: boolean;
  retired: boolean;
}

const BOOTSTRAP = path.join(__dirname, 'worker-bootstrap.cjs');
let nextMessageId = 1;

/**
 * The instances of one function: grown lazily up to maxInstances, each running one invocation at a time
 * (so one process.env per invocation, as in the cloud); invocations beyond that wait in a queue.
 */
export class FunctionPool {
  private readonly instances = new Set<Instance>();
  private readonly idle: Instance[] = [];
  private readonly queue: Task[] = [];
  private closed = false;

  constructor(private readonly options: FunctionPoolOptions) {}

  get size(): number {
    return this.instances.size;
  }

  invoke(message: InvocationMessage): Promise<InstanceOutcome> {
    if (this.closed) return Promise.resolve(failure('Error', `function ${this.options.name} is shutting down`));
    return new Promise((resolve) => {
      this.queue.push({ message, resolve });
      this.dispatch();
    });
  }

  /** New code on disk: idle instances go now, busy ones after their current invocation. */
  retireAll(): void {
    for (const instance of this.instances) instance.retired = true;
    for (const instance of this.idle.splice(0)) void this.discard(instance);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.resolve(failure('Error', 'the local CloudBase is shutting down'));
    await Promise.all([...this.instances].map((instance) => this.discard(instance)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const instance = this.idle.pop() ?? (this.instances.size < this.options.maxInstances ? this.spawn() : undefined);
      if (!instance) return;
      this.run(instance, this.queue.shift()!);
    }
  }

  private spawn(): Instance {
    const { entry, name, baseEnv, resolveFallbackDir } = this.options;
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry, functionName: name, resolveFallbackDir },
      env: baseEnv,
    });
    const instance: Instance = { worker, ready: false, retired: false };
    this.instances.add(instance);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        instance.ready = true;
        if (instance.task) this.startTimeout(instance);
      }
      if (reply.type === 'result' && instance.task && reply.id === instance.messageId) {
        this.settle(instance, reply.ok ? { ok: true, result: parseResult(reply.json) } : { ok: false, error: reply.error });
      }
    });
    worker.on('error', (error: Error) => {
      // An exception escaped main's promise (a throw in a callback): the instance is gone, like a crashed SCF instance.
      this.crash(instance, failure(error.name, error.message, error.stack));
    });
    worker.on('exit', (code) => {
      this.crash(instance, failure('Error', `the function instance exited with code ${code}`));
    });
    return instance;
  }

  private run(instance: Instance, task: Task): void {
    instance.task = task;
    const id = nextMessageId++;
    instance.messageId = id;
    if (instance.ready) this.startTimeout(instance);
    instance.worker.postMessage({ type: 'invoke', id, ...task.message });
  }

  private startTimeout(instance: Instance): void {
    clearTimeout(instance.timer);
    instance.timer = setTimeout(() => {
      const seconds = Math.round(this.options.timeoutMs / 100) / 10;
      this.crash(instance, failure('Error', `Invoking task timed out after ${seconds} seconds`));
    }, this.options.timeoutMs);
  }

  private settle(instance: Instance, outcome: InstanceOutcome): void {
    const task = instance.task;
    clearTimeout(instance.timer);
    instance.task = undefined;
    task?.resolve(outcome);
    if (instance.retired || this.closed) void this.discard(instance);
    else this.idle.push(instance);
    this.dispatch();
  }

  private crash(instance: Instance, error: ReturnType<typeof failure>): void {
    if (!this.instances.has(instance)) return;
    clearTimeout(instance.timer);
    const task = instance.task;
    instance.task = undefined;
    void this.discard(instance);
    task?.resolve(error);
    this.dispatch();
  }

  private async discard(instance: Instance): Promise<void> {
    if (!this.instances.delete(instance)) return;
    const idleAt = this.idle.indexOf(instance);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    instance.worker.removeAllListeners('exit');
    instance.worker.on('exit', () => undefined);
    instance.worker.on('error', () => undefined);
    await instance.worker.terminate();
  }
}

type WorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; json?: string }
  | { type: 'result'; id: number; ok: false; error: FunctionFailure };

function parseResult(json: string | undefined): unknown {
  return json === undefined ? null : JSON.parse(json);
}

function failure(name: string, message: string, stack?: string): { ok: false; error: FunctionFailure } {
  return { ok: false, error: { name, message, stack } };
}
