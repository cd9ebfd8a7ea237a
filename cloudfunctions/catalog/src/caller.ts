import type { HandlerContext } from '../../_shared/router';
import { isTierId, type TierId } from '../../../src/domain/tiers';
import type { UserDoc } from '../../../scripts/seed/types';

/**
 * The caller's tier decides member prices and priority purchase. Browsing needs no account, so
 * someone without a user record (or without an OPENID) sees the public view: 普通.
 */
export async function callerTier(ctx: HandlerContext): Promise<TierId> {
  if (!ctx.openid) return 'normal';
  const { data } = await ctx.db.collection<Pick<UserDoc, '_id' | 'tier'>>('users').where({ _id: ctx.openid }).field({ tier: true }).limit(1).get();
  const tier = data[0]?.tier;
  return isTierId(tier) ? tier : 'normal';
}
