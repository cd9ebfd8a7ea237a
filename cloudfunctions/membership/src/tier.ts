/**
 * Storing a tier decision and telling the member. The decision itself is the domain's
 * (tierOnOrderCompletion / tierOnDailyReevaluation); here it is written with a condition on the
 * tier it was taken from, so two evaluations racing cannot both announce a change.
 */
import { zonedParts } from '../../../src/domain/business-day';
import type { TierDecision } from '../../../src/domain/membership/tier-evaluation';
import { tierById } from '../../../src/domain/tiers';
import type { HandlerContext } from '../../_shared/router';
import { subscribeTemplate } from './member';

type Ctx = Pick<HandlerContext, 'db' | '_' | 'cloud'>;

function timeText(at: Date): string {
  const p = zonedParts(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/**
 * Sends the tier-change message. WeChat refuses (43101) when the member has no subscription left
 * for the template: that is "not allowed", not a failure — the notice still shows in the app.
 */
async function sendTierNotice(ctx: Ctx, openid: string, decision: TierDecision, at: Date): Promise<boolean> {
  const template = await subscribeTemplate(ctx.db, 'tier_change');
  if (!template || !decision.notice) return false;
  const values = [`${tierById(decision.to).name}会员`, decision.notice, timeText(at)];
  const data: Record<string, { value: string }> = {};
  template.fields.forEach((field, i) => {
    if (values[i] !== undefined) data[field] = { value: values[i] };
  });
  try {
    await ctx.cloud.openapi.subscribeMessage.send({ touser: openid, templateId: template.id, page: 'packages/member/index/index', data });
    return true;
  } catch (error) {
    const errCode = (error as { errCode?: number }).errCode;
    if (errCode !== 43101) console.error('[membership] tier notice not sent', openid, errCode, (error as Error).message);
    return false;
  }
}

/**
 * Writes the evaluation (cached totals) and, when the tier moves, the new tier — only if the tier
 * is still the one decided from. Returns whether this call changed the tier.
 */
export async function applyTierDecision(ctx: Ctx, openid: string, decision: TierDecision, at: Date): Promise<boolean> {
  const { totals } = decision.evaluation;
  const cached = { spend12m: totals.spend12m, orders12m: totals.orders12m, tierEvaluatedAt: at };
  if (decision.change === 'unchanged' || !decision.notice) {
    await ctx.db.collection('users').doc(openid).update({ data: cached });
    return false;
  }
  const moved = await ctx.db
    .collection('users')
    .where({ _id: openid, tier: decision.from })
    .update({ data: { ...cached, tier: decision.to, tierChangedAt: at, tierNotice: { text: decision.notice, at, sent: false } } });
  if (moved.stats.updated !== 1) return false;
  const sent = await sendTierNotice(ctx, openid, decision, at);
  if (sent) await ctx.db.collection('users').doc(openid).update({ data: { 'tierNotice.sent': true } });
  return true;
}
