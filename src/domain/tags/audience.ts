/**
 * Audience rules: which users a campaign targets, as a JSON tree a manager builds from tags.
 *
 *   { and: [rule, ...] } | { or: [rule, ...] } | { not: rule }
 *   { everyone: true } | { tag: '高价值用户' } | { interest: '通勤' } | { tier: 'gold' }
 *   { tierAtLeast: 'silver' } | { city: '上海' } | { store: '<storeId>' } | { segment: '重点挽留' }
 *
 * One tree, four readings that must agree: the validator (what a manager may save), the evaluator
 * (does this user match), the Chinese description (what the manager sees), and the query over
 * `user_tags` (how the server counts and lists the audience in one query).
 */
import { TIERS, TIER_IDS, tierById, type TierId } from '../tiers';
import { v, ValidationError } from '../validate';
import { RFM_SEGMENTS, type RfmSegment } from './rfm';
import type { UserTagsDoc } from './user-tags';

export type AudienceRule =
  | { and: AudienceRule[] }
  | { or: AudienceRule[] }
  | { not: AudienceRule }
  | { everyone: true }
  | { tag: string }
  | { interest: string }
  | { tier: TierId }
  | { tierAtLeast: TierId }
  | { city: string }
  | { store: string }
  | { segment: RfmSegment };

export const AUDIENCE_LIMITS = Object.freeze({
  /** Levels of nesting, the root being level 1: enough for (A and (B or not C)) with room to spare. */
  maxDepth: 5,
  /** Conditions in the whole tree, combinators included. */
  maxNodes: 40,
  maxValueLength: 32,
});

export type AudienceLimits = { readonly maxDepth: number; readonly maxNodes: number; readonly maxValueLength: number };

export interface AudienceParseOptions {
  limits?: AudienceLimits;
  /** When given, a `{ tag }` must name one of these (catches typos before a campaign goes to nobody). */
  knownTags?: readonly string[];
}

const FIELD = '受众规则';
const LEAF_LABELS = { tag: '标签', interest: '兴趣', city: '城市', store: '门店' } as const;

/** Rebuilds the rule from scratch, so nothing but the documented shape (no `$where`, no extra keys) survives. */
export function parseAudienceRule(input: unknown, options: AudienceParseOptions = {}): AudienceRule {
  const limits = options.limits ?? AUDIENCE_LIMITS;
  let nodes = 0;
  const walk = (value: unknown, depth: number): AudienceRule => {
    if (depth > limits.maxDepth) throw new ValidationError(FIELD, `最多嵌套${limits.maxDepth}层`);
    nodes += 1;
    if (nodes > limits.maxNodes) throw new ValidationError(FIELD, `最多包含${limits.maxNodes}个条件`);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(FIELD, '格式不正确');
    const keys = Object.keys(value);
    if (keys.length !== 1) throw new ValidationError(FIELD, '的每个条件只能有一种类型');
    const key = keys[0];
    const arg = (value as Record<string, unknown>)[key];
    switch (key) {
      case 'and':
      case 'or': {
        const word = key === 'and' ? '且' : '或';
        if (!Array.isArray(arg) || arg.length === 0) throw new ValidationError(FIELD, `中的“${word}”至少需要一个条件`);
        const children = arg.map((child) => walk(child, depth + 1));
        return key === 'and' ? { and: children } : { or: children };
      }
      case 'not':
        return { not: walk(arg, depth + 1) };
      case 'everyone':
        if (arg !== true) throw new ValidationError(FIELD, '中的“全部用户”应为 true');
        return { everyone: true };
      case 'tier':
      case 'tierAtLeast':
        return { [key]: v.oneOf(TIER_IDS, { label: '会员等级' })(arg, key) } as AudienceRule;
      case 'segment':
        return { segment: v.oneOf(RFM_SEGMENTS, { label: 'RFM分群' })(arg, key) };
      case 'tag':
      case 'interest':
      case 'city':
      case 'store': {
        const text = v.string({ min: 1, max: limits.maxValueLength, label: LEAF_LABELS[key] })(arg, key);
        if (key === 'tag' && options.knownTags && !options.knownTags.includes(text)) {
          throw new ValidationError('标签', `“${text}”不存在`);
        }
        return { [key]: text } as AudienceRule;
      }
      default:
        throw new ValidationError(FIELD, `不支持条件“${key.slice(0, 20)}”`);
    }
  };
  return walk(input, 1);
}

/** What the evaluator reads; fields may be missing on an old document, and then nothing matches them. */
export type AudienceSubject = { [K in 'tags' | 'interests' | 'tier' | 'city' | 'storeId' | 'segment']?: UserTagsDoc[K] | null };

const hasItem = (list: readonly string[] | null | undefined, item: string) => Array.isArray(list) && list.includes(item);
const tiersAtLeast = (id: TierId): TierId[] => TIERS.filter((t) => t.rank >= tierById(id).rank).map((t) => t.id);

export function matchesAudience(rule: AudienceRule, user: AudienceSubject): boolean {
  if ('and' in rule) return rule.and.every((r) => matchesAudience(r, user));
  if ('or' in rule) return rule.or.some((r) => matchesAudience(r, user));
  if ('not' in rule) return !matchesAudience(rule.not, user);
  if ('everyone' in rule) return true;
  if ('tag' in rule) return hasItem(user.tags, rule.tag);
  if ('interest' in rule) return hasItem(user.interests, rule.interest);
  if ('tier' in rule) return user.tier === rule.tier;
  if ('tierAtLeast' in rule) return user.tier != null && tiersAtLeast(rule.tierAtLeast).includes(user.tier);
  if ('city' in rule) return user.city === rule.city;
  if ('store' in rule) return user.storeId === rule.store;
  return user.segment === rule.segment;
}

/** A MongoDB-style filter over `user_tags`, built from $and/$or/$nor/$in/$all/$eq only. */
export type UserTagsQuery = { [key: string]: unknown };

export function audienceQuery(rule: AudienceRule): UserTagsQuery {
  if ('and' in rule) return { $and: rule.and.map(audienceQuery) };
  if ('or' in rule) return { $or: rule.or.map(audienceQuery) };
  // $nor of one clause, not $not: $not applies to one field's operator, a rule may span fields.
  if ('not' in rule) return { $nor: [audienceQuery(rule.not)] };
  if ('everyone' in rule) return {};
  if ('tag' in rule) return { tags: { $all: [rule.tag] } };
  if ('interest' in rule) return { interests: { $all: [rule.interest] } };
  if ('tier' in rule) return { tier: { $eq: rule.tier } };
  if ('tierAtLeast' in rule) return { tier: { $in: tiersAtLeast(rule.tierAtLeast) } };
  if ('city' in rule) return { city: { $eq: rule.city } };
  if ('store' in rule) return { storeId: { $eq: rule.store } };
  return { segment: { $eq: rule.segment } };
}

export interface DescribeOptions {
  /** Store id -> name, so the manager reads 静安嘉里店 rather than an id. */
  storeNames?: Readonly<Record<string, string>>;
}

/** Plain Chinese, with （） around any group inside another so "A 且 （B 或 C）" is unambiguous. */
export function describeAudience(rule: AudienceRule, options: DescribeOptions = {}): string {
  const group = (r: AudienceRule): string => {
    const text = describeAudience(r, options);
    const compound = ('and' in r && r.and.length > 1) || ('or' in r && r.or.length > 1);
    return compound ? `（${text}）` : text;
  };
  if ('and' in rule) return rule.and.map(group).join(' 且 ');
  if ('or' in rule) return rule.or.map(group).join(' 或 ');
  if ('not' in rule) return `非（${describeAudience(rule.not, options)}）`;
  if ('everyone' in rule) return '全部用户';
  if ('tag' in rule) return `带有标签“${rule.tag}”`;
  if ('interest' in rule) return `兴趣包含“${rule.interest}”`;
  if ('tier' in rule) return `会员等级为${tierById(rule.tier).name}`;
  if ('tierAtLeast' in rule) return `会员等级为${tierById(rule.tierAtLeast).name}及以上`;
  if ('city' in rule) return `所在城市为${rule.city}`;
  if ('store' in rule) return `最近门店为${options.storeNames?.[rule.store] ?? rule.store}`;
  return `RFM分群为${rule.segment}`;
}
