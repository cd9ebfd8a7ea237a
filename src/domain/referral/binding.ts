/**
 * Who may be bound to whom (docs/data-model.md "referrals"). The insert of `referrals/<invitee>`
 * makes first-binding-wins atomic; these rules decide whether to try at all:
 *   - nobody refers themselves;
 *   - only someone with no paid order yet can be an invitee (an existing customer is not new);
 *   - no cycles: the referrer's own chain of referrers must not lead back to the invitee;
 *   - an invitee already bound stays with their first referrer.
 */

/** How far up a referrer's chain the cycle check walks; chains in practice are short. */
export const MAX_CHAIN_HOPS = 20;

export const BINDING_ERRORS = {
  REFERRAL_SELF: '不能接受自己的邀请',
  REFERRAL_HAS_ORDERS: '已下过单的用户不能再接受邀请',
  REFERRAL_CYCLE: '你已邀请过对方，不能再互相邀请',
  REFERRAL_ALREADY_BOUND: '你已接受过其他好友的邀请',
} as const;

export type BindingRefusal = keyof typeof BINDING_ERRORS;

export interface BindingFacts {
  invitee: string;
  referrer: string;
  /** Paid orders the invitee already has (any > 0 refuses). */
  inviteePaidOrders: number;
  /** The referrer's referrer, theirs, and so on (nearest first), as far as it was walked. */
  referrerChain: readonly string[];
  /** The invitee's existing binding, if any. */
  existingReferrer: string | null;
}

export type BindingDecision = { bind: true } | { bind: false; repeat: true } | { bind: false; repeat: false; reason: BindingRefusal };

export function decideBinding(facts: BindingFacts): BindingDecision {
  if (facts.invitee === facts.referrer) return { bind: false, repeat: false, reason: 'REFERRAL_SELF' };
  if (facts.existingReferrer !== null) {
    return facts.existingReferrer === facts.referrer ? { bind: false, repeat: true } : { bind: false, repeat: false, reason: 'REFERRAL_ALREADY_BOUND' };
  }
  if (facts.inviteePaidOrders > 0) return { bind: false, repeat: false, reason: 'REFERRAL_HAS_ORDERS' };
  if (createsCycle(facts.invitee, facts.referrerChain)) return { bind: false, repeat: false, reason: 'REFERRAL_CYCLE' };
  return { bind: true };
}

/** True when binding `invitee` under a referrer whose chain is `referrerChain` would close a loop. */
export function createsCycle(invitee: string, referrerChain: readonly string[]): boolean {
  return referrerChain.includes(invitee);
}

/**
 * Walks up the chain from `start` with `referrerOf` (one lookup per hop), stopping at the top, at
 * MAX_CHAIN_HOPS, or at a loop already in the data (which must not hang the walk).
 */
export async function walkChain(start: string, referrerOf: (openid: string) => Promise<string | null>, maxHops = MAX_CHAIN_HOPS): Promise<string[]> {
  const chain: string[] = [];
  const seen = new Set([start]);
  let current = start;
  for (let hop = 0; hop < maxHops; hop += 1) {
    const next = await referrerOf(current);
    if (next === null) break;
    chain.push(next);
    if (seen.has(next)) break;
    seen.add(next);
    current = next;
  }
  return chain;
}
