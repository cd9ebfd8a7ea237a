/**
 * Fixtures for the push tests, written straight into the emulator's database (the tags job that
 * normally fills user_tags and credits is someone else's function): users, their tag documents,
 * our credit ledger and WeChat's own subscription count, a manager, and the settings the function
 * reads. Also moves the emulator clock to a chosen Shanghai hour.
 */
import { mkdtempSync, symlinkSync } from 'fs';
import os from 'os';
import path from 'path';
import { addDays, dayKey, startOfDay } from '../../src/domain/business-day';
import { SETTINGS } from '../../scripts/seed/settings';
import { REPO_ROOT, startLocalCloud, type LocalCloud } from '../support/local-cloud';

export const MANAGER = 'o_manager_chen';
export const MARKETING = SETTINGS.subscribeTemplates.marketing.id;
const HOUR = 3_600_000;

export type Reply<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export function data<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.code}: ${reply.message}`);
  return reply.data;
}

export interface FixtureUser {
  openid: string;
  tags?: string[];
  interests?: string[];
  city?: string | null;
  segment?: string | null;
  tier?: string;
  optOut?: boolean;
  /** Marketing credits, in our ledger and in WeChat's count alike. */
  credits?: number;
}

/**
 * A local cloud running only the push function: these tests move the clock across days, and other
 * functions' daily timers (the tags job rebuilds user_tags from events) would rewrite the fixtures.
 */
export async function startPushCloud(options: Parameters<typeof startLocalCloud>[0] = {}): Promise<LocalCloud> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'weave-push-fns-'));
  symlinkSync(path.join(REPO_ROOT, 'cloudfunctions', 'push'), path.join(dir, 'push'), 'dir');
  return startLocalCloud({ functionsDir: dir, ...options });
}

export function baseFixtures(cloud: LocalCloud, push: Record<string, number> = {}): void {
  const now = new Date(cloud.emulator.clock.now());
  const db = cloud.emulator.db;
  db.insert('settings', [
    { _id: 'subscribeTemplates', ...JSON.parse(JSON.stringify(SETTINGS.subscribeTemplates)), updatedAt: now },
    { _id: 'push', ...JSON.parse(JSON.stringify(SETTINGS.push)), ...push, updatedAt: now },
  ]);
  db.insert('managers', [{ _id: 'mgr-chen', openid: MANAGER, name: '陈经理', active: true, createdAt: now }]);
}

export function insertUsers(cloud: LocalCloud, users: FixtureUser[]): void {
  const now = new Date(cloud.emulator.clock.now());
  const db = cloud.emulator.db;
  const chunk = 2000;
  for (let i = 0; i < users.length; i += chunk) {
    const part = users.slice(i, i + chunk);
    db.insert(
      'users',
      part.map((u) => ({ _id: u.openid, openid: u.openid, nickname: u.openid, tier: u.tier ?? 'normal', marketingOptOut: u.optOut ?? false, createdAt: now })),
    );
    db.insert(
      'user_tags',
      part.map((u) => ({
        _id: u.openid,
        openid: u.openid,
        tags: [...(u.tags ?? [])].sort(),
        lifecycleTags: [],
        manualTags: [],
        interests: u.interests ?? [],
        tier: u.tier ?? 'normal',
        city: u.city ?? null,
        storeId: null,
        segment: u.segment ?? null,
        rfm: null,
        marketingOptOut: u.optOut ?? false,
        computedAt: now.getTime(),
      })),
    );
    const credited = part.filter((u) => (u.credits ?? 0) > 0);
    if (credited.length > 0) {
      db.insert('subscribe_credits', credited.map((u) => ({ _id: u.openid, openid: u.openid, credits: { [MARKETING]: u.credits }, updatedAt: now })));
    }
    for (const u of credited) for (let n = 0; n < (u.credits ?? 0); n += 1) cloud.emulator.outbox.accept(u.openid, [MARKETING]);
  }
}

/** A Shanghai wall-clock time `days` from today's Shanghai date. */
export function shanghai(cloud: LocalCloud, days: number, hour: number, minute = 0): Date {
  const today = dayKey(cloud.emulator.clock.now());
  return new Date(startOfDay(addDays(today, days)).getTime() + hour * HOUR + minute * 60_000);
}

/** Moves the clock forward to that instant (which fires the timers that fall due, as the cloud would). */
export async function moveClockTo(cloud: LocalCloud, at: Date): Promise<void> {
  const ms = at.getTime() - cloud.emulator.clock.now();
  if (ms < 0) throw new Error(`the clock only moves forward (${at.toISOString()} is past)`);
  if (ms > 0) await cloud.emulator.advanceClock(ms);
}

/** Tomorrow 10:00 Shanghai: a known, non-quiet hour whatever time the test runs. */
export async function startAtTenAm(cloud: LocalCloud): Promise<void> {
  await moveClockTo(cloud, shanghai(cloud, 1, 10));
}

export async function fireSender(cloud: LocalCloud): Promise<unknown> {
  const res = await fetch(`${cloud.url}/api/_emulator/timers/push?trigger=sender`, { method: 'POST' });
  const body = (await res.json()) as { result?: unknown; errMsg?: string };
  if (res.status !== 200) throw new Error(`sender timer failed: ${res.status} ${JSON.stringify(body)}`);
  return body.result;
}

export const push = <T>(cloud: LocalCloud, action: string, payload: Record<string, unknown> = {}, openid = MANAGER) =>
  cloud.call<Reply<T>>('push', { action, ...payload }, openid);

export const MESSAGE = { templateKey: 'marketing', fields: { thing1: '秋冬新品上新', thing2: '会员专享满299减40', time3: '2026年11月30日' }, page: 'packages/product/index/index?id=p001' };
