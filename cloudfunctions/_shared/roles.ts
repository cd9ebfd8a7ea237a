/**
 * Roles come from the caller's OPENID and the database (staff, managers), never from the request.
 */
import { AppError } from '../../src/domain/reply';
import type { HandlerContext } from './router';

export type Role = 'consumer' | 'staff' | 'manager';

export interface StaffRecord {
  _id: string;
  openid: string;
  storeId: string;
  name: string;
}

export interface Roles {
  roles: Role[];
  staff?: StaffRecord;
}

export async function loadRoles(ctx: Pick<HandlerContext, 'db' | 'openid'>): Promise<Roles> {
  if (!ctx.openid) return { roles: [] };
  const [staff, managers] = await Promise.all([
    ctx.db.collection<StaffRecord>('staff').where({ openid: ctx.openid, active: true }).limit(1).get(),
    ctx.db.collection('managers').where({ openid: ctx.openid, active: true }).limit(1).get(),
  ]);
  const roles: Role[] = ['consumer'];
  const staffRecord = staff.data[0];
  if (staffRecord) roles.push('staff');
  if (managers.data.length > 0) roles.push('manager');
  return { roles, staff: staffRecord };
}

export function requireUser(ctx: Pick<HandlerContext, 'openid'>): string {
  if (!ctx.openid) throw new AppError('UNAUTHENTICATED');
  return ctx.openid;
}

export async function requireRole(ctx: Pick<HandlerContext, 'db' | 'openid'>, role: Exclude<Role, 'consumer'>): Promise<Roles> {
  requireUser(ctx);
  const found = await loadRoles(ctx);
  if (!found.roles.includes(role)) throw new AppError('FORBIDDEN');
  return found;
}
