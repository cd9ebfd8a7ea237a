import type { Clock } from '../clock';
import type { Scheduler } from '../scheduler';
import type { FunctionRuntime, InvokeOutcome } from './function-runtime';
import { discoverTimerTriggers, nextFireTime, readTimerTriggers, timerEvent, type TimerTrigger } from './triggers';

export interface TimerRun {
  function: string;
  trigger: string;
  firedAt: string;
  outcome: InvokeOutcome;
}

export interface TimerStatus {
  function: string;
  trigger: string;
  config: string;
  nextRunAt: string | null;
  lastRun?: { firedAt: string; ok: boolean; result?: unknown; error?: string };
}

const JOB_PREFIX = 'timer:';

/** Fires config.json timer triggers on the emulator clock, and on demand. */
export class TimerService {
  private triggers: TimerTrigger[] = [];
  private readonly lastRuns = new Map<string, TimerStatus['lastRun']>();
  private readonly nextRuns = new Map<string, number>();

  constructor(
    private readonly runtime: FunctionRuntime,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly appid: string,
  ) {}

  /** Reads every function's config.json again and schedules each trigger's next fire time from now. */
  reschedule(): void {
    this.scheduler.cancel(JOB_PREFIX);
    this.nextRuns.clear();
    this.triggers = discoverTimerTriggers(this.runtime.functionsDir);
    for (const trigger of this.triggers) this.scheduleNext(trigger, this.clock.now());
  }

  status(): TimerStatus[] {
    return this.triggers.map((trigger) => {
      const key = keyOf(trigger);
      const next = this.nextRuns.get(key);
      return {
        function: trigger.functionName,
        trigger: trigger.name,
        config: trigger.config,
        nextRunAt: next === undefined ? null : new Date(next).toISOString(),
        lastRun: this.lastRuns.get(key),
      };
    });
  }

  /** Fires a function's timer triggers now (all of them, or the named one); [] when it has none. */
  async fireNow(functionName: string, triggerName?: string): Promise<TimerRun[]> {
    const triggers = readTimerTriggers(this.runtime.functionsDir, functionName).filter(
      (trigger) => triggerName === undefined || trigger.name === triggerName,
    );
    const runs: TimerRun[] = [];
    for (const trigger of triggers) runs.push(await this.fire(trigger, this.clock.now()));
    return runs;
  }

  private scheduleNext(trigger: TimerTrigger, afterMs: number): void {
    const dueAt = nextFireTime(trigger, afterMs);
    this.nextRuns.set(keyOf(trigger), dueAt);
    this.scheduler.schedule(`${JOB_PREFIX}${keyOf(trigger)}`, dueAt, async () => {
      // Missed fire times collapse into one run (the cloud does not replay them either); then on from now.
      this.scheduleNext(trigger, Math.max(dueAt, this.clock.now()));
      const run = await this.fire(trigger, dueAt);
      return { function: run.function, trigger: run.trigger, ok: run.outcome.ok };
    });
  }

  private async fire(trigger: TimerTrigger, firedAtMs: number): Promise<TimerRun> {
    const event = timerEvent(trigger, firedAtMs);
    const outcome = await this.runtime.invoke(trigger.functionName, event, { appid: this.appid, source: 'wx_trigger' }, { timer: true });
    this.lastRuns.set(keyOf(trigger), {
      firedAt: event.Time,
      ok: outcome.ok,
      ...(outcome.ok ? { result: outcome.result } : { error: outcome.error.message }),
    });
    return { function: trigger.functionName, trigger: trigger.name, firedAt: event.Time, outcome };
  }
}

function keyOf(trigger: TimerTrigger): string {
  return `${trigger.functionName}/${trigger.name}`;
}
