/**
 * The `user_tags` document: one per user, rewritten by the daily tag job and on key events, and
 * the only collection an audience query reads. Everything an audience rule can test is a plain
 * field here, so a campaign's size is one count query (see audience.ts).
 */
import type { TierId } from '../tiers';
import { v, ValidationError } from '../validate';
import type { InterestScore } from './interests';
import { LIFECYCLE_TAGS, type LifecycleTag } from './lifecycle';
import { rfmSegment, type RfmConfig, type RfmScores, type RfmSegment, RFM_CONFIG } from './rfm';

export interface UserTagsDoc {
  /** The user's openid, so each user has exactly one document. */
  _id: string;
  openid: string;
  /** Lifecycle tags and manual tags together, sorted; what `{ tag }` rules test. */
  tags: string[];
  lifecycleTags: LifecycleTag[];
  manualTags: string[];
  /** Top interest style tags, best first; what `{ interest }` rules test. */
  interests: string[];
  tier: TierId;
  city: string | null;
  /** Nearest store's id, when the user shared a location or picked a store. */
  storeId: string | null;
  segment: RfmSegment | null;
  rfm: Pick<RfmScores, 'r' | 'f' | 'm'> | null;
  /**
   * A copy of the user's marketing opt-out for reports; the opt-out action writes it together with
   * the user record, and sending still checks the user record itself.
   */
  marketingOptOut: boolean;
  computedAt: number;
}

export interface UserTagsInput {
  openid: string;
  lifecycleTags: readonly LifecycleTag[];
  manualTags: readonly string[];
  interests: readonly InterestScore[];
  tier: TierId;
  city: string | null;
  storeId: string | null;
  rfm: RfmScores | null;
  marketingOptOut: boolean;
}

export function mergeTags(lifecycle: readonly string[], manual: readonly string[]): string[] {
  return [...new Set([...lifecycle, ...manual])].sort();
}

export function buildUserTagsDoc(input: UserTagsInput, now: number, rfmConfig: RfmConfig = RFM_CONFIG): UserTagsDoc {
  return {
    _id: input.openid,
    openid: input.openid,
    tags: mergeTags(input.lifecycleTags, input.manualTags),
    lifecycleTags: [...input.lifecycleTags],
    manualTags: [...new Set(input.manualTags)].sort(),
    interests: input.interests.map((i) => i.tag),
    tier: input.tier,
    city: input.city,
    storeId: input.storeId,
    segment: input.rfm ? rfmSegment(input.rfm, rfmConfig) : null,
    rfm: input.rfm ? { r: input.rfm.r, f: input.rfm.f, m: input.rfm.m } : null,
    marketingOptOut: input.marketingOptOut,
    computedAt: now,
  };
}

export const MANUAL_TAG_MAX_LENGTH = 16;
export const MANUAL_TAGS_PER_USER_MAX = 20;

/**
 * A tag a manager types. It may not reuse a lifecycle tag's name: 高价值用户 must mean what the
 * rule computed, not what someone clicked.
 */
export function parseManualTag(input: unknown): string {
  const tag = v.string({ min: 1, max: MANUAL_TAG_MAX_LENGTH, pattern: /^[^\s<>"'`\\$.]+$/u, label: '标签' })(input, '标签');
  if ((LIFECYCLE_TAGS as readonly string[]).includes(tag)) throw new ValidationError('标签', `“${tag}”由系统计算，不能手动设置`);
  return tag;
}

/** A manager's whole list for one user: each tag checked, repeats removed, at most 20. */
export function parseManualTags(input: unknown): string[] {
  const tags = v.array((value) => parseManualTag(value), { max: MANUAL_TAGS_PER_USER_MAX, label: '标签' })(input, '标签');
  return [...new Set(tags)].sort();
}
