/**
 * The catalog's knobs from the `settings` collection (scripts/seed/settings.ts writes the
 * defaults), read per call so operations can change them without a release. A missing document
 * falls back to the same defaults rather than breaking the shop window.
 */
import type { HandlerContext } from '../../_shared/router';
import type { SettingsDoc } from '../../../scripts/seed/types';

export interface CatalogSettings {
  newArrivalDays: number;
  lowStockThreshold: number;
}

const DEFAULTS: CatalogSettings = { newArrivalDays: 14, lowStockThreshold: 5 };

async function settingsDoc(ctx: HandlerContext, id: string): Promise<SettingsDoc | undefined> {
  const { data } = await ctx.db.collection<SettingsDoc>('settings').where({ _id: id }).limit(1).get();
  return data[0];
}

const positiveInt = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback);

export async function catalogSettings(ctx: HandlerContext): Promise<CatalogSettings> {
  const doc = await settingsDoc(ctx, 'catalog');
  return {
    newArrivalDays: positiveInt(doc?.newArrivalDays, DEFAULTS.newArrivalDays),
    lowStockThreshold: positiveInt(doc?.lowStockThreshold, DEFAULTS.lowStockThreshold),
  };
}

/** The subscribe-message template configured for restock alerts, or null when none is set up. */
export async function restockTemplateId(ctx: HandlerContext): Promise<string | null> {
  const doc = await settingsDoc(ctx, 'subscribeTemplates');
  const restock = (doc?.restock ?? null) as { id?: unknown } | null;
  return typeof restock?.id === 'string' && restock.id ? restock.id : null;
}
