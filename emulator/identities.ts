/**
 * Who a developer can act as in the H5 build: read from the data itself (managers, staff with
 * their store, a handful of shoppers), so the switcher works with any seed, not just the demo one.
 */
import type { Database, Doc } from './db';

export interface DevIdentity {
  openid: string;
  role: 'consumer' | 'staff' | 'manager';
  label: string;
}

const TIER_NAMES: Record<string, string> = { normal: '普通', silver: '银卡', gold: '金卡', diamond: '黑钻' };

function safeFind(db: Database, collection: string, filter: Doc = {}): Doc[] {
  try {
    return db.find(collection, filter);
  } catch {
    return []; // a collection the data does not have yet
  }
}

export function listIdentities(db: Database, maxShoppers = 6): DevIdentity[] {
  const stores = new Map(safeFind(db, 'stores').map((s) => [String(s._id), String(s.name ?? s._id)]));
  const shoppers = safeFind(db, 'users', { status: { $ne: 'deleted' } })
    .sort((a, b) => String(a._id).localeCompare(String(b._id)))
    .slice(0, maxShoppers)
    .map((u): DevIdentity => ({
      openid: String(u._id),
      role: 'consumer',
      label: `顾客 ${String(u.nickName ?? u._id)}${u.tier ? `（${TIER_NAMES[String(u.tier)] ?? String(u.tier)}）` : ''}`,
    }));
  const staff = safeFind(db, 'staff', { active: true }).map((s): DevIdentity => ({
    openid: String(s.openid),
    role: 'staff',
    label: `店员 ${String(s.name ?? '')} · ${stores.get(String(s.storeId)) ?? String(s.storeId)}`,
  }));
  const managers = safeFind(db, 'managers', { active: true }).map((m): DevIdentity => ({
    openid: String(m.openid),
    role: 'manager',
    label: `运营 ${String(m.name ?? m.openid)}`,
  }));
  return [...shoppers, ...staff, ...managers];
}
