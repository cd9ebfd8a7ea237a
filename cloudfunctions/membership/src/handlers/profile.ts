import { birthdayChangeOpensOn, birthdayLabel } from '../../../../src/domain/membership/birthday';
import { checkinStatus, nextBonus } from '../../../../src/domain/membership/checkin-streak';
import { evaluateTier } from '../../../../src/domain/membership/tier-evaluation';
import { TIERS, tierById } from '../../../../src/domain/tiers';
import { requireUser } from '../../../_shared/roles';
import type { Handler } from '../../../_shared/router';
import { checkinConfig, checkinStateOf, loadMember, ordersInWindow, tierOf } from '../member';

/** The benefits table, straight from tiers.ts: one row per tier, lowest first. */
export function benefitsTable() {
  return TIERS.map((t) => ({
    id: t.id,
    name: t.name,
    discountPercent: t.discountPercent,
    pointsMultiplierTenths: t.pointsMultiplierTenths,
    freeShippingThreshold: t.freeShippingThreshold,
    priorityHours: t.priorityHours,
    minSpend12m: t.minSpend12m,
    minOrders12m: t.minOrders12m,
  }));
}

/**
 * The member centre: tier, balance, progress to the next tier (live from the window, so it is
 * right the moment an order completes), the benefits table, the check-in summary and birthday.
 */
export const profile: Handler = async (_event, ctx) => {
  const openid = requireUser(ctx);
  const now = ctx.now();
  const [user, orders, config] = await Promise.all([loadMember(ctx.db, openid), ordersInWindow(ctx, openid, now), checkinConfig(ctx.db)]);
  const tier = tierOf(user);
  const evaluation = evaluateTier(tier, orders, now);
  const next = evaluation.progress.next ? tierById(evaluation.progress.next) : null;
  const status = checkinStatus(checkinStateOf(user), now, config);
  const birthday = user.birthday ?? null;
  return {
    openid,
    tier: { id: tier, name: tierById(tier).name, changedAt: user.tierChangedAt ?? null },
    points: user.points ?? 0,
    window: { firstDay: evaluation.window.firstDay, lastDay: evaluation.window.lastDay, spend12m: evaluation.totals.spend12m, orders12m: evaluation.totals.orders12m },
    progress: { ...evaluation.progress, nextName: next?.name ?? null, nextMinSpend12m: next?.minSpend12m ?? 0, nextMinOrders12m: next?.minOrders12m ?? 0 },
    benefits: benefitsTable(),
    checkin: { ...status, nextBonus: nextBonus(status.streak, config) },
    birthday: birthday
      ? { monthDay: birthday.monthDay, year: birthday.year ?? null, label: birthdayLabel(birthday), changeOpensOn: birthdayChangeOpensOn({ birthday, changedAt: user.birthdayChangedAt ?? null }, now) }
      : null,
    tierNotice: user.tierNotice ?? null,
  };
};
