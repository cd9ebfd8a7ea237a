import type { UserDoc } from '../../../scripts/seed/types';

export type { UserDoc };

/** A brand-new member, every field of docs/data-model.md's `users` present from the start. */
export function newUserDoc(openid: string, now: Date): UserDoc {
  return {
    _id: openid,
    openid,
    nickName: `微信用户${openid.slice(-4)}`,
    avatarUrl: '',
    gender: 'unknown',
    birthday: null,
    birthdayChangedAt: null,
    city: null,
    tier: 'normal',
    tierChangedAt: now,
    spend12m: 0,
    orders12m: 0,
    tierEvaluatedAt: null,
    points: 0,
    checkin: { streak: 0, lastDay: null },
    referrer: null,
    paidOrderCount: 0,
    firstPaidAt: null,
    lastPaidAt: null,
    tags: [],
    consent: null,
    marketingOptOut: false,
    marketingOptOutAt: null,
    nearestStoreId: null,
    status: 'active',
    createdAt: now,
    lastLoginAt: now,
  };
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
