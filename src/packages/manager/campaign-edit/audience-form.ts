/**
 * The editor's flat audience form — conditions, each optionally negated (非), joined by 且 or 或 —
 * and its translation to and from the audience rule the server keeps.
 */
import type { AudienceRule } from '@/domain/tags/audience';

export type ConditionKind = 'tag' | 'interest' | 'city' | 'tier' | 'tierAtLeast' | 'segment' | 'store';

export interface Condition {
  kind: ConditionKind;
  value: string;
  negate: boolean;
}

export interface AudienceForm {
  join: 'and' | 'or';
  conditions: Condition[];
}

export const KIND_LABELS: Record<ConditionKind, string> = {
  tag: '标签',
  interest: '兴趣',
  segment: 'RFM分群',
  tier: '会员等级',
  tierAtLeast: '等级及以上',
  city: '城市',
  store: '门店',
};

const KINDS = Object.keys(KIND_LABELS) as ConditionKind[];

export function formToRule(form: AudienceForm): AudienceRule {
  if (form.conditions.length === 0) return { everyone: true };
  const leaves = form.conditions.map((c) => {
    const leaf = { [c.kind]: c.value } as AudienceRule;
    return c.negate ? { not: leaf } : leaf;
  });
  return form.join === 'and' ? { and: leaves } : { or: leaves };
}

function leafToCondition(rule: AudienceRule, negate: boolean): Condition | null {
  if ('not' in rule) return negate ? null : leafToCondition(rule.not, true);
  const kind = KINDS.find((k) => k in rule);
  if (!kind) return null;
  return { kind, value: String((rule as Record<string, unknown>)[kind]), negate };
}

/** null when the rule is deeper than this form shows (it was built elsewhere). */
export function ruleToForm(rule: AudienceRule): AudienceForm | null {
  if ('everyone' in rule) return { join: 'and', conditions: [] };
  const join = 'and' in rule ? 'and' : 'or' in rule ? 'or' : null;
  const children = 'and' in rule ? rule.and : 'or' in rule ? rule.or : [rule];
  const conditions = children.map((c) => leafToCondition(c, false));
  if (conditions.some((c) => c === null)) return null;
  return { join: join ?? 'and', conditions: conditions as Condition[] };
}
