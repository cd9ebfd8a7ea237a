import { acceptedTemplates } from '../../../../src/domain/push/credits';
import { parse, v } from '../../../../src/domain/validate';
import { isDuplicateKeyError } from '../../../_shared/db-types';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';

const input = v.object({
  /** Made by the client once per prompt, so a report retried after a lost reply credits once. */
  promptId: v.string({ min: 8, max: 64, pattern: /^[A-Za-z0-9_-]+$/, label: '授权编号' }),
  /** wx.requestSubscribeMessage's result: `{ errMsg, <templateId>: 'accept' | 'reject' | ... }`. */
  result: v.object({}),
});

/** Every template id configured in settings/subscribeTemplates: the only keys a ledger may hold. */
export async function ourTemplateIds(ctx: HandlerContext): Promise<string[]> {
  const found = await ctx.db.collection('settings').where({ _id: 'subscribeTemplates' }).limit(1).get();
  const doc = found.data[0] ?? {};
  return Object.values(doc)
    .map((t) => (typeof t === 'object' && t !== null ? (t as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]+$/.test(id));
}

/** `templates {}`: template ids by purpose, so the client can ask for the ones a moment needs. */
export const templates: Handler = async (_event, ctx) => {
  const found = await ctx.db.collection('settings').where({ _id: 'subscribeTemplates' }).limit(1).get();
  const doc = found.data[0] ?? {};
  const out: Record<string, string> = {};
  for (const [purpose, t] of Object.entries(doc)) {
    const id = typeof t === 'object' && t !== null ? (t as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && id) out[purpose] = id;
  }
  return out;
};

/**
 * `subscribed { promptId, result }`: one credit per template the user accepted. The prompt is
 * recorded (`subscribe_prompts/<openid>:<promptId>`) in the same transaction as the `inc(1)`s, so a
 * repeated report adds nothing and a failed one adds nothing either.
 */
export const subscribed: Handler = async (event, ctx) => {
  const openid = requireUser(ctx);
  const { promptId } = parse(input, event);
  const accepted = acceptedTemplates(event.result, await ourTemplateIds(ctx));
  if (accepted.length === 0) return { credited: [], repeated: false };
  const now = ctx.now();
  try {
    // The ledger document must exist before a transaction can increment inside it.
    await ctx.db.collection('subscribe_credits').add({ data: { _id: openid, openid, credits: {}, updatedAt: now } });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const _ = ctx._;
  try {
    await ctx.db.runTransaction(async (t) => {
      await t.collection('subscribe_prompts').add({ data: { _id: `${openid}:${promptId}`, openid, accepted, at: now } });
      await t.collection('subscribe_credits').doc(openid).update({
        data: { ...Object.fromEntries(accepted.map((id) => [`credits.${id}`, _.inc(1)])), updatedAt: now },
      });
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) return { credited: [], repeated: true };
    throw error;
  }
  return { credited: accepted, repeated: false };
};
