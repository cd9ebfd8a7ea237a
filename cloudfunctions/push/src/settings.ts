/**
 * What the push function reads from the `settings` collection: the subscribe-message templates
 * (id, title, keyword list) and the send pace. Read per call: a manager may change them any time.
 */
import { AppError } from '../../../src/domain/reply';
import { SEND_RATE_PER_SECOND } from '../../../src/domain/push/throttle';
import type { Database } from '../../_shared/db-types';

export interface SubscribeTemplate {
  key: string;
  id: string;
  title: string;
  fields: string[];
}

export interface PushSettings {
  sendsPerSecond: number;
  /** Optional ceiling on batches one timer run sends (ops lever and tests); 0 = only the time budget. */
  batchesPerTick: number;
}

export async function loadTemplates(db: Database): Promise<SubscribeTemplate[]> {
  const found = await db.collection('settings').where({ _id: 'subscribeTemplates' }).limit(1).get();
  const doc = (found.data[0] ?? {}) as Record<string, unknown>;
  return Object.entries(doc)
    .filter(([key, value]) => key !== '_id' && key !== 'updatedAt' && typeof value === 'object' && value !== null)
    .map(([key, value]) => {
      const t = value as { id?: unknown; title?: unknown; fields?: unknown };
      return { key, id: String(t.id ?? ''), title: String(t.title ?? key), fields: Array.isArray(t.fields) ? t.fields.map(String) : [] };
    })
    .filter((t) => t.id !== '');
}

export async function templateByKey(db: Database, key: string): Promise<SubscribeTemplate> {
  const template = (await loadTemplates(db)).find((t) => t.key === key);
  if (!template) throw new AppError('INVALID_INPUT', `订阅消息模板“${key.slice(0, 32)}”不存在`);
  return template;
}

export async function loadPushSettings(db: Database): Promise<PushSettings> {
  const found = await db.collection('settings').where({ _id: 'push' }).limit(1).get();
  const doc = (found.data[0] ?? {}) as { sendsPerSecond?: unknown; batchesPerTick?: unknown };
  const rate = typeof doc.sendsPerSecond === 'number' && Number.isInteger(doc.sendsPerSecond) && doc.sendsPerSecond > 0 ? doc.sendsPerSecond : SEND_RATE_PER_SECOND;
  const batches = typeof doc.batchesPerTick === 'number' && Number.isInteger(doc.batchesPerTick) && doc.batchesPerTick > 0 ? doc.batchesPerTick : 0;
  return { sendsPerSecond: rate, batchesPerTick: batches };
}
