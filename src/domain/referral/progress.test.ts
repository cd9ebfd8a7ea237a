import { STATUS_LABELS, inviteProgress, maskName } from './progress';

describe('invite progress', () => {
  it('counts invitees and the way to the next coupon', () => {
    expect(inviteProgress({ invited: 0, qualified: 0 }, 3)).toEqual({ invited: 0, qualified: 0, milestones: 0, target: 3, remaining: 3 });
    expect(inviteProgress({ invited: 3, qualified: 1 }, 3)).toEqual({ invited: 3, qualified: 1, milestones: 0, target: 3, remaining: 2 });
    expect(inviteProgress({ invited: 4, qualified: 3 }, 3)).toEqual({ invited: 4, qualified: 3, milestones: 1, target: 6, remaining: 3 });
  });

  it('labels statuses as the page shows them', () => {
    expect(STATUS_LABELS).toEqual({ bound: '已绑定', qualified: '已下单', void: '已失效' });
  });

  it('shows only the first character of a name', () => {
    expect(maskName('林小雨')).toBe('林**');
    expect(maskName('Lin')).toBe('L**');
    expect(maskName('  ')).toBe('微信用户');
    expect(maskName('😀abc')).toBe('😀**');
  });
});
