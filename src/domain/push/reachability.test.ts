import fc from 'fast-check';
import type { PushRecord } from './frequency-caps';
import { UNREACHABLE_LABELS, UNREACHABLE_REASONS, reachability, type PushRules, type PushUser } from './reachability';

const sh = (day: string, time = '12:00') => Date.parse(`${day}T${time}:00+08:00`);
const TPL = 'tpl-new-arrival';
const willing: PushUser = { marketingOptOut: false, credits: { [TPL]: 1 } };
const sentOn = (day: string): PushRecord => ({ at: sh(day, '10:00'), kind: 'marketing', status: 'sent' });
const noon = sh('2026-06-10', '12:00');
const reach = (user: PushUser, now: number, history: PushRecord[], rules?: PushRules) => reachability(user, now, history, TPL, rules);

describe('reachability of one user for one marketing push', () => {
  it('reaches a user with a credit, not opted out, under the caps, in the daytime', () => {
    expect(reach(willing, noon, [])).toEqual({ reachable: true });
  });

  it('gives each reason on its own', () => {
    expect(reach({ ...willing, marketingOptOut: true }, noon, [])).toEqual({ reachable: false, reason: 'opted_out' });
    expect(reach({ ...willing, credits: { other: 5 } }, noon, [])).toEqual({ reachable: false, reason: 'no_credit' });
    expect(reach({ ...willing, credits: null }, noon, [])).toEqual({ reachable: false, reason: 'no_credit' });
    expect(reach(willing, noon, [sentOn('2026-06-10')])).toEqual({ reachable: false, reason: 'daily_cap' });
    expect(reach(willing, noon, ['2026-06-05', '2026-06-07', '2026-06-09'].map(sentOn))).toEqual({ reachable: false, reason: 'weekly_cap' });
    expect(reach(willing, sh('2026-06-10', '23:00'), [])).toEqual({ reachable: false, reason: 'quiet_hours' });
  });

  it('reports the most lasting reason when several apply', () => {
    const everything = { marketingOptOut: true, credits: {} };
    const night = sh('2026-06-10', '23:00');
    const today = [sentOn('2026-06-10')];
    expect(reach(everything, night, today)).toMatchObject({ reason: 'opted_out' });
    expect(reach({ ...everything, marketingOptOut: false }, night, today)).toMatchObject({ reason: 'no_credit' });
    expect(reach(willing, night, today)).toMatchObject({ reason: 'daily_cap' });
  });

  it('honours configured caps and quiet hours', () => {
    expect(reach(willing, noon, [sentOn('2026-06-10')], { caps: { perDay: 2, perWeek: 5, weekDays: 7 } })).toEqual({ reachable: true });
    expect(reach(willing, noon, [], { quietHours: { startHour: 12, endHour: 13 } })).toEqual({ reachable: false, reason: 'quiet_hours' });
  });

  it('has a Chinese label for every reason, for the campaign report', () => {
    for (const reason of UNREACHABLE_REASONS) expect(UNREACHABLE_LABELS[reason]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('is reachable exactly when no single rule blocks', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(2), fc.integer({ min: 0, max: 23 }), fc.subarray(['2026-06-04', '2026-06-06', '2026-06-08', '2026-06-10']), (optOut, credits, hour, days) => {
        const now = sh('2026-06-10', `${String(hour).padStart(2, '0')}:30`);
        const history = days.map(sentOn).filter((r) => r.at <= now);
        const r = reach({ marketingOptOut: optOut, credits: { [TPL]: credits } }, now, history);
        const sentToday = history.some((h) => h.at >= sh('2026-06-10', '00:00'));
        const inWeek = history.filter((h) => h.at >= sh('2026-06-04', '00:00')).length;
        const blocked = optOut || credits === 0 || sentToday || inWeek >= 3 || hour >= 22 || hour < 8;
        expect(r.reachable).toBe(!blocked);
      }),
    );
  });
});
