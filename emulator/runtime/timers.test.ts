import { createEmulator, type Emulator } from '../server';
import { adminCall, FIXTURE_FUNCTIONS } from '../testing';
import { nextFireTime, timerEvent, type TimerTrigger } from './triggers';

jest.setTimeout(30_000);

const everyFiveMinutes: TimerTrigger = { functionName: 'ticker', name: 'everyFiveMinutes', config: '0 */5 * * * * *' };

describe('timer crons (7 fields, China time)', () => {
  it('finds the next fire time after a moment, dropping the year field', () => {
    expect(new Date(nextFireTime(everyFiveMinutes, Date.parse('2025-03-01T00:02:03Z'))).toISOString()).toBe('2025-03-01T00:05:00.000Z');
  });

  it('reads hours in Asia/Shanghai: 02:00 there is 18:00 UTC the day before', () => {
    const nightly = { functionName: 'f', name: 'nightly', config: '0 0 2 * * * *' };
    expect(new Date(nextFireTime(nightly, Date.parse('2025-03-01T12:00:00Z'))).toISOString()).toBe('2025-03-01T18:00:00.000Z');
  });

  it('rejects a cron without the seconds field, naming the trigger', () => {
    expect(() => nextFireTime({ functionName: 'f', name: 'bad', config: '*/5 * * * *' }, 0)).toThrow(/f\/bad.*7 fields/);
  });

  it('builds the event SCF hands a timer-triggered function', () => {
    expect(timerEvent(everyFiveMinutes, Date.parse('2025-03-01T00:05:00Z'))).toEqual({
      Type: 'Timer',
      TriggerName: 'everyFiveMinutes',
      Time: '2025-03-01T00:05:00Z',
      Message: '',
    });
  });
});

describe('timer triggers from config.json', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await createEmulator({ functionsDir: FIXTURE_FUNCTIONS, timers: 'manual' });
  });

  afterAll(() => emulator.close());

  it('fires on demand and replies with what main returned', async () => {
    const reply = await adminCall(emulator, 'POST', '/timers/ticker');

    expect(reply.status).toBe(200);
    expect(reply.body.result.event).toMatchObject({ Type: 'Timer', TriggerName: 'everyFiveMinutes', Message: '' });
    expect(reply.body.result.context).toMatchObject({ SOURCE: 'wx_trigger', ENV: emulator.envId });
    expect(reply.body.result.context.OPENID).toBeUndefined();
  });

  it('fires on schedule once the emulator clock passes the next fire time', async () => {
    const [status] = (await adminCall(emulator, 'GET', '/timers')).body.timers;
    expect(status).toMatchObject({ function: 'ticker', trigger: 'everyFiveMinutes', config: '0 */5 * * * * *' });
    const due = Date.parse(status.nextRunAt);

    const moved = await adminCall(emulator, 'POST', '/clock', { advanceMs: 5 * 60_000 });

    expect(moved.status).toBe(200);
    expect(moved.body.offsetMs).toBe(5 * 60_000);
    expect(moved.body.ran).toEqual([expect.objectContaining({ label: 'timer:ticker/everyFiveMinutes', ok: true })]);
    const after = (await adminCall(emulator, 'GET', '/timers')).body.timers[0];
    expect(after.lastRun).toMatchObject({ ok: true, firedAt: new Date(due).toISOString().replace('.000Z', 'Z') });
    expect(after.lastRun.result.event.Time).toBe(after.lastRun.firedAt);
    expect(after.lastRun.result.now).toBeGreaterThanOrEqual(due);
    expect(Date.parse(after.nextRunAt)).toBe(due + 5 * 60_000);
  });

  it('runs a day of missed fire times once, as the cloud does not replay them', async () => {
    const moved = await adminCall(emulator, 'POST', '/clock', { advanceMs: 24 * 3600_000 });

    expect(moved.body.ran).toHaveLength(1);
  });

  it('answers 404 for a function without a timer and for an unknown function', async () => {
    expect((await adminCall(emulator, 'POST', '/timers/clock')).status).toBe(404);
    expect((await adminCall(emulator, 'POST', '/timers/nope')).body.errCode).toBe(-501000);
  });

  it('refuses to move the clock backwards', async () => {
    const reply = await adminCall(emulator, 'POST', '/clock', { advanceMs: -1 });
    expect(reply.status).toBe(400);
  });
});
