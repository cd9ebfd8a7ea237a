import { openGroup, transition, type Group, type GroupEvent } from './group-state';
import { groupView } from './group-view';

const T0 = Date.UTC(2026, 11, 1, 4, 0, 0);
const MIN = 60_000;

function build(size: number, events: [GroupEvent, number][]): Group {
  let g = openGroup(
    {
      groupId: 'g1',
      activityId: 'gb-1',
      skuId: 'tee',
      size,
      timeLimitMinutes: 24 * 60,
      activityEndsAt: T0 + 30 * 24 * 60 * MIN,
      leader: { openid: 'lead', orderId: 'o-lead', quantity: 1, amount: 100 },
    },
    T0,
  ).group;
  for (const [e, at] of events) g = transition(g, e, at).group;
  return g;
}
const pay = (openid: string): GroupEvent => ({ type: 'payment', openid, orderId: `o-${openid}`, amount: 100 });
const join = (openid: string): GroupEvent => ({ type: 'join', openid, orderId: `o-${openid}`, quantity: 1, amount: 100 });

describe('what a group page shows', () => {
  const g = build(3, [
    [pay('lead'), T0],
    [join('amy'), T0 + MIN],
    [join('bob'), T0 + MIN],
    [pay('amy'), T0 + 2 * MIN],
  ]);

  it('shows only paid members as the group, and unpaid joiners as a count', () => {
    const view = groupView(g, 'cat', T0 + 3 * MIN);
    expect(view.paidMembers).toEqual([
      { openid: 'lead', role: 'leader' },
      { openid: 'amy', role: 'member' },
    ]);
    expect(view.placesLeft).toBe(1);
    expect(view.payingCount).toBe(1);
    expect(view.headline).toBe('还差1人，还剩 23:57:00');
    expect(view.joinBlockedBy).toBeNull();
    expect(view.viewer).toBe('none');
  });

  it('tells each viewer where they stand', () => {
    expect(groupView(g, 'lead', T0 + 3 * MIN)).toMatchObject({ viewer: 'leader', joinBlockedBy: { code: 'OWN_GROUP' } });
    expect(groupView(g, 'amy', T0 + 3 * MIN)).toMatchObject({ viewer: 'member', joinBlockedBy: { code: 'ALREADY_JOINED' } });
    expect(groupView(g, 'bob', T0 + 3 * MIN)).toMatchObject({ viewer: 'paying', joinBlockedBy: { code: 'ALREADY_JOINED' } });
  });

  it('shows the outcome once the group is over, even before the timer has run', () => {
    const expired = groupView(g, null, T0 + 24 * 60 * MIN);
    expect(expired.status).toBe('failed');
    expect(expired.headline).toBe('拼团未成功，已支付的款项将原路退回');
    expect(expired.joinBlockedBy).toMatchObject({ code: 'GROUP_EXPIRED', message: '这个团已过期' });
    expect(expired.paidMembers).toEqual([]);

    const done = groupView(transition(g, pay('bob'), T0 + 4 * MIN).group, 'cat', T0 + 5 * MIN);
    expect(done).toMatchObject({ status: 'succeeded', headline: '拼团成功', placesLeft: 0, joinBlockedBy: { code: 'GROUP_FULL' } });
  });

  it('shows a group whose leader has not paid as waiting, not joinable', () => {
    expect(groupView(build(2, []), 'amy', T0 + MIN)).toMatchObject({ status: 'opening', headline: '等待团长支付', joinBlockedBy: { code: 'GROUP_NOT_READY' } });
  });
});
