import fs from 'node:fs';
import path from 'node:path';
import { parseExpression } from 'cron-parser';

/** One `{"type":"timer"}` entry of a function's config.json. */
export interface TimerTrigger {
  functionName: string;
  name: string;
  /** As written: 7 fields, seconds first, year last (Tencent SCF format). */
  config: string;
}

/** Tencent evaluates timer crons in China time. */
export const TRIGGER_TIME_ZONE = 'Asia/Shanghai';

interface FunctionConfig {
  triggers?: Array<{ name?: unknown; type?: unknown; config?: unknown }>;
  permissions?: { openapi?: unknown };
}

export function readFunctionConfig(functionsDir: string, functionName: string): FunctionConfig {
  const file = path.join(functionsDir, functionName, 'config.json');
  if (!fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfig;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export function readTimerTriggers(functionsDir: string, functionName: string): TimerTrigger[] {
  const { triggers } = readFunctionConfig(functionsDir, functionName);
  if (!Array.isArray(triggers)) return [];
  return triggers
    .filter((trigger) => trigger.type === 'timer' && typeof trigger.config === 'string' && typeof trigger.name === 'string')
    .map((trigger) => {
      const timer = { functionName, name: trigger.name as string, config: trigger.config as string };
      nextFireTime(timer, Date.now()); // reject a malformed cron when the emulator starts, not at 2 a.m.
      return timer;
    });
}

/** Every function folder's timer triggers. */
export function discoverTimerTriggers(functionsDir: string): TimerTrigger[] {
  if (!fs.existsSync(functionsDir)) return [];
  return fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('.'))
    .flatMap((entry) => readTimerTriggers(functionsDir, entry.name));
}

/** The first fire time strictly after `afterMs`. The year field is dropped (cron-parser has none). */
export function nextFireTime(trigger: TimerTrigger, afterMs: number): number {
  const fields = trigger.config.trim().split(/\s+/);
  if (fields.length !== 7 && fields.length !== 6) {
    throw new Error(
      `timer ${trigger.functionName}/${trigger.name}: "${trigger.config}" needs 7 fields (second minute hour day month weekday year)`,
    );
  }
  const expression = fields.slice(0, 6).join(' ');
  try {
    return parseExpression(expression, { currentDate: new Date(afterMs), tz: TRIGGER_TIME_ZONE }).next().getTime();
  } catch (error) {
    throw new Error(`timer ${trigger.functionName}/${trigger.name}: "${trigger.config}" is not a valid cron (${(error as Error).message})`);
  }
}

/** The event SCF hands a timer-triggered function. */
export function timerEvent(trigger: TimerTrigger, firedAtMs: number): { Type: 'Timer'; TriggerName: string; Time: string; Message: string } {
  return {
    Type: 'Timer',
    TriggerName: trigger.name,
    Time: new Date(firedAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Message: '',
  };
}
