import { AppError } from '../../../../src/domain/reply';
import { mergeTags, parseManualTag, parseManualTags, type UserTagsDoc } from '../../../../src/domain/tags/user-tags';
import { parse, v } from '../../../../src/domain/validate';
import { audit } from '../../../_shared/audit';
import { requireRole } from '../../../_shared/roles';
import type { Handler } from '../../../_shared/router';
import { recomputeUser } from '../compute';

const openidInput = v.string({ min: 1, max: 128, pattern: /^[A-Za-z0-9_-]+$/, label: '用户' });

interface UserSummaryDoc {
  _id: string;
  nickName?: string;
  avatarUrl?: string;
  tier?: string;
  city?: string | null;
  points?: number;
  tags?: string[];
  marketingOptOut?: boolean;
}

function summaryOf(u: UserSummaryDoc) {
  return { openid: u._id, nickName: u.nickName ?? '', avatarUrl: u.avatarUrl ?? '', tier: u.tier ?? 'normal', city: u.city ?? null, points: u.points ?? 0 };
}

async function loadUser(ctx: Parameters<Handler>[1], openid: string): Promise<UserSummaryDoc> {
  const found = await ctx.db.collection<UserSummaryDoc>('users').where({ _id: openid }).limit(1).get();
  if (!found.data[0]) throw new AppError('NOT_FOUND', '找不到该用户');
  return found.data[0];
}

/** `search { q }`: a manager finds a user by exact openid or by part of the nickname. */
export const search: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const { q } = parse(v.object({ q: v.string({ min: 1, max: 32, label: '搜索内容' }) }), event);
  const users = ctx.db.collection<UserSummaryDoc>('users');
  const byId = await users.where({ _id: q }).limit(1).get();
  const escaped = q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const byName = await users
    .where({ nickName: ctx.db.RegExp({ regexp: escaped, options: 'i' }) })
    .orderBy('_id', 'asc')
    .limit(20)
    .get();
  const seen = new Set<string>();
  const list = [...byId.data, ...byName.data].filter((u) => !seen.has(u._id) && seen.add(u._id)).slice(0, 20);
  return { users: list.map(summaryOf) };
};

/** `user { openid }`: what a manager sees of one user: profile, computed tags, segment, RFM, manual tags. */
export const user: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const { openid } = parse(v.object({ openid: openidInput }), event);
  const found = await loadUser(ctx, openid);
  const tags = (await ctx.db.collection<UserTagsDoc>('user_tags').where({ _id: openid }).limit(1).get()).data[0] ?? null;
  const store = tags?.storeId ? (await ctx.db.collection<{ name?: string }>('stores').where({ _id: tags.storeId }).field({ name: true }).limit(1).get()).data[0] : undefined;
  return { user: { ...summaryOf(found), marketingOptOut: found.marketingOptOut === true }, tags, storeName: store?.name ?? null };
};

/**
 * `setManual { openid, add, remove }`: a manager's tags for one user. The list lives on the user
 * record (`users.tags`) and is copied into `user_tags` at once, so audiences see it without waiting
 * for the nightly job. Audited.
 */
export const setManual: Handler = async (event, ctx) => {
  await requireRole(ctx, 'manager');
  const input = parse(
    v.object({
      openid: openidInput,
      add: v.optional(v.array((x) => parseManualTag(x), { max: 20, label: '添加的标签' })),
      remove: v.optional(v.array(v.string({ min: 1, max: 16 }), { max: 20, label: '移除的标签' })),
    }),
    event,
  );
  const found = await loadUser(ctx, input.openid);
  const before = Array.isArray(found.tags) ? found.tags : [];
  const removed = new Set(input.remove ?? []);
  const next = parseManualTags([...before.filter((t) => !removed.has(t)), ...(input.add ?? [])]);
  await ctx.db.collection('users').doc(input.openid).update({ data: { tags: next } });

  const current = (await ctx.db.collection<UserTagsDoc>('user_tags').where({ _id: input.openid }).limit(1).get()).data[0];
  let tags: UserTagsDoc | null;
  if (current) {
    const patch = { manualTags: next, tags: mergeTags(current.lifecycleTags ?? [], next) };
    await ctx.db.collection('user_tags').doc(input.openid).update({ data: patch });
    tags = { ...current, ...patch };
  } else {
    tags = await recomputeUser(ctx, input.openid);
  }
  await audit(ctx, {
    role: 'manager',
    action: 'user.tags.set',
    target: { collection: 'users', id: input.openid },
    detail: { add: input.add ?? [], remove: input.remove ?? [], tags: next },
  });
  return { manualTags: next, tags };
};
