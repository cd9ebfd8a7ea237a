/** Staff and manager actions leave a trail: who, which role, what, on what, when. */
import type { HandlerContext } from './router';

export interface AuditEntry {
  role: 'staff' | 'manager' | 'system';
  action: string;
  target: { collection: string; id: string };
  detail?: Record<string, unknown>;
}

export async function audit(ctx: Pick<HandlerContext, 'db' | 'openid' | 'now'>, entry: AuditEntry): Promise<void> {
  await ctx.db.collection('audit_logs').add({ data: { ...entry, actor: ctx.openid, at: ctx.now() } });
}
