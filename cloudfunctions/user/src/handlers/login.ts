import { isDuplicateKeyError } from '../../../_shared/db-types';
import { loadRoles, requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { newUserDoc, publicProfile, type UserDoc } from '../user-doc';

async function findUser(ctx: HandlerContext, openid: string): Promise<UserDoc | undefined> {
  const { data } = await ctx.db.collection<UserDoc>('users').where({ _id: openid }).limit(1).get();
  return data[0];
}

/**
 * First call creates the user, keyed by OPENID so two simultaneous first logins cannot make two
 * users: the second insert hits the same _id and we read what the first one wrote.
 */
async function createUser(ctx: HandlerContext, openid: string): Promise<UserDoc> {
  const doc = newUserDoc(openid, ctx.now());
  try {
    await ctx.db.collection('users').add({ data: doc });
    return doc;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await findUser(ctx, openid);
    if (existing) return existing;
    throw error;
  }
}

export const login: Handler = async (_event, ctx) => {
  const openid = requireUser(ctx);
  const existing = await findUser(ctx, openid);
  let user: UserDoc;
  if (existing) {
    user = existing;
    await ctx.db.collection('users').doc(openid).update({ data: { lastLoginAt: ctx.now() } });
  } else {
    user = await createUser(ctx, openid);
  }
  const { roles, staff } = await loadRoles(ctx);
  return {
    openid,
    roles,
    staff: staff ? { storeId: staff.storeId, name: staff.name } : null,
    profile: publicProfile(user),
    isNew: !existing,
  };
};
