/**
 * Every group event goes through one compare-and-set loop (docs/groupbuy.md "Server recipe"):
 * read the group, apply the pure transition at the server's clock, write it back only if its
 * `version` is still the one read. Writes to one group are thereby serialised by the database,
 * which is what keeps a group from ever seating more than N payers.
 */
import {
  GROUPBUY_GROUP_COLLECTION,
  groupCasUpdate,
  groupFromDoc,
  transition,
  type Group,
  type GroupEffect,
  type GroupEvent,
} from '../../../../src/domain/groupbuy/group-state';
import { AppError } from '../../../../src/domain/reply';
import type { GroupbuyGroupDoc } from '../../../../scripts/seed/types';
import type { HandlerContext } from '../../../_shared/router';
import { runUpdate } from './conditional';

export type Ctx = Pick<HandlerContext, 'db' | '_' | 'cloud' | 'now'>;

/** Attempts before giving up with CONFLICT (a payment callback then fails, so WeChat Pay sends it again). */
export const CAS_ATTEMPTS = 8;

export async function findGroup(ctx: Pick<HandlerContext, 'db'>, groupId: string): Promise<Group | null> {
  const { data } = await ctx.db.collection<GroupbuyGroupDoc>(GROUPBUY_GROUP_COLLECTION).where({ _id: groupId }).limit(1).get();
  return data[0] ? groupFromDoc(data[0]) : null;
}

export async function loadGroup(ctx: Pick<HandlerContext, 'db'>, groupId: string): Promise<Group> {
  const group = await findGroup(ctx, groupId);
  if (!group) throw new AppError('NOT_FOUND', '这个团不存在');
  return group;
}

export interface Applied {
  /** The group as read for the write that landed (or for the no-op). */
  before: Group;
  group: Group;
  /** Effects this event newly made due; the caller runs them (they also stay in pendingEffects until done). */
  effects: readonly GroupEffect[];
  /** false: the event changed nothing (a repeat), nothing was written. */
  changed: boolean;
}

/** Applies one event; `join` may throw its refusal (AppError), CONFLICT after losing every race. */
export async function applyGroupEvent(ctx: Ctx, groupId: string, event: GroupEvent): Promise<Applied> {
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
    const before = await loadGroup(ctx, groupId);
    const { group: after, effects } = transition(before, event, ctx.now().getTime());
    if (after === before) return { before, group: before, effects: [], changed: false };
    if (await runUpdate(ctx, groupCasUpdate(before, after))) return { before, group: after, effects, changed: true };
  }
  throw new AppError('CONFLICT', '参团的人太多了，请稍后再试');
}
