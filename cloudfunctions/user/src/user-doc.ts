import type { Fen } from '../../../src/domain/money';

/** A `users` document (docs/data-model.md); `_id` is the OPENID. */
export interface UserDoc {
  _id: string;
  openid: string;
  nickName: string;
  avatarUrl: string;
  tier: string;
  /** Cached balance; the points ledger is the truth. */
  points: number;
  createdAt: Date;
  lastLoginAt: Date;
  spend12m?: Fen;
}

export interface PublicProfile {
  nickName: string;
  avatarUrl: string;
  tier: string;
  points: number;
  memberSince: string;
}

export function publicProfile(user: UserDoc): PublicProfile {
  return {
    nickName: user.nickName,
    avatarUrl: user.avatarUrl,
    tier: user.tier,
    points: user.points,
    memberSince: new Date(user.createdAt).toISOString(),
  };
}
