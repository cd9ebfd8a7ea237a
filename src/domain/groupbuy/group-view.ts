import { countdownText } from './countdown';
import { groupAt, joinRefusal, payingCount, placesLeft, type Group, type GroupStatus } from './group-state';

/**
 * What a group page shows a given viewer. Only PAID members appear as the group (avatars, "还差
 * 1人"): an unpaid joiner holds no place and may never pay, so showing them would promise a place
 * that is not theirs. Others see unpaid joiners only as a count ("2人正在支付"); the joiner
 * themself sees "待支付" with the note that paying is what takes the place.
 */
export interface GroupView {
  readonly status: GroupStatus;
  readonly size: number;
  readonly paidMembers: readonly { readonly openid: string; readonly role: 'leader' | 'member' }[];
  readonly placesLeft: number;
  readonly payingCount: number;
  readonly viewer: 'leader' | 'member' | 'paying' | 'none';
  /** '还剩 02:15:09' while forming, otherwise the outcome in words. */
  readonly headline: string;
  /** Why the viewer cannot join, or null when the join button should be live. */
  readonly joinBlockedBy: { readonly code: string; readonly message: string } | null;
}

const OUTCOME: Record<Exclude<GroupStatus, 'forming'>, string> = {
  opening: '等待团长支付',
  succeeded: '拼团成功',
  failed: '拼团未成功，已支付的款项将原路退回',
};

export function groupView(group: Group, viewerOpenid: string | null, now: number): GroupView {
  const g = groupAt(group, now);
  const mine = viewerOpenid === null ? [] : g.members.filter((m) => m.openid === viewerOpenid);
  const viewer = mine.some((m) => m.state === 'paid')
    ? mine.some((m) => m.role === 'leader')
      ? 'leader'
      : 'member'
    : mine.some((m) => m.state === 'pending_payment')
      ? 'paying'
      : 'none';
  // A signed-out viewer is nobody in the group (no openid is empty): they see the group's own reasons.
  const refusal = joinRefusal(g, viewerOpenid ?? '', now);
  return {
    status: g.status,
    size: g.size,
    paidMembers: g.members.filter((m) => m.state === 'paid').map((m) => ({ openid: m.openid, role: m.role })),
    placesLeft: placesLeft(g),
    payingCount: payingCount(g),
    viewer,
    headline: g.status === 'forming' ? `还差${placesLeft(g)}人，${countdownText(g.deadline, now)}` : OUTCOME[g.status],
    joinBlockedBy: refusal ? { code: refusal.code, message: refusal.message } : null,
  };
}
