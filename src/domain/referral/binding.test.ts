import { createsCycle, decideBinding, walkChain, type BindingFacts } from './binding';

const facts = (extra: Partial<BindingFacts> = {}): BindingFacts => ({
  invitee: 'B',
  referrer: 'A',
  inviteePaidOrders: 0,
  referrerChain: [],
  existingReferrer: null,
  ...extra,
});

describe('decideBinding', () => {
  it('binds a new user with no orders to someone else', () => {
    expect(decideBinding(facts())).toEqual({ bind: true });
  });

  it('refuses self-referral', () => {
    expect(decideBinding(facts({ invitee: 'A' }))).toEqual({ bind: false, repeat: false, reason: 'REFERRAL_SELF' });
  });

  it('keeps the first binding: the same referrer again is a repeat, another referrer is refused', () => {
    expect(decideBinding(facts({ existingReferrer: 'A' }))).toEqual({ bind: false, repeat: true });
    expect(decideBinding(facts({ existingReferrer: 'C' }))).toEqual({ bind: false, repeat: false, reason: 'REFERRAL_ALREADY_BOUND' });
  });

  it('refuses users who already have a paid order', () => {
    expect(decideBinding(facts({ inviteePaidOrders: 1 }))).toEqual({ bind: false, repeat: false, reason: 'REFERRAL_HAS_ORDERS' });
  });

  it('refuses a binding that closes a loop, short or long', () => {
    // A was invited by B: B cannot now be invited by A.
    expect(decideBinding(facts({ referrerChain: ['B'] }))).toMatchObject({ reason: 'REFERRAL_CYCLE' });
    // A was invited by C, C by D, D by B: A inviting B would close B -> D -> C -> A -> B.
    expect(decideBinding(facts({ referrerChain: ['C', 'D', 'B'] }))).toMatchObject({ reason: 'REFERRAL_CYCLE' });
    expect(createsCycle('B', ['C', 'D'])).toBe(false);
  });
});

describe('walkChain', () => {
  const lookup = (edges: Record<string, string>) => async (openid: string) => edges[openid] ?? null;

  it('follows referrers to the top', async () => {
    expect(await walkChain('A', lookup({ A: 'B', B: 'C' }))).toEqual(['B', 'C']);
    expect(await walkChain('A', lookup({}))).toEqual([]);
  });

  it('stops on a loop already in the data and after the hop limit', async () => {
    expect(await walkChain('A', lookup({ A: 'B', B: 'A' }))).toEqual(['B', 'A']);
    const long = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`u${i}`, `u${i + 1}`]));
    expect(await walkChain('u0', lookup(long), 5)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
  });
});
