import { fireEvent, render, screen } from '@testing-library/react';
import { UserCard } from './index';

const profile = { nickName: '林小满', avatarUrl: '', tier: 'gold', points: 12800, memberSince: '2024-02-29T17:00:00.000Z' };

describe('UserCard', () => {
  it('shows the member, the tier by its Chinese name and the points', () => {
    render(<UserCard status="ready" profile={profile} onLogin={jest.fn()} />);
    expect(screen.getByText('林小满')).toBeTruthy();
    expect(screen.getByText('金卡会员')).toBeTruthy();
    expect(screen.getByText('12,800')).toBeTruthy();
    expect(screen.getByText('积分')).toBeTruthy();
  });

  it('dates membership in Shanghai time (17:00 UTC on 29 Feb is already March there)', () => {
    render(<UserCard status="ready" profile={profile} onLogin={jest.fn()} />);
    expect(screen.getByText('2024年3月加入')).toBeTruthy();
  });

  it('shows the first character of the name when there is no avatar picture', () => {
    render(<UserCard status="ready" profile={profile} onLogin={jest.fn()} />);
    expect(screen.getByTestId('avatar').textContent).toBe('林');
  });

  it('calls a nameless member 微信用户', () => {
    render(<UserCard status="ready" profile={{ ...profile, nickName: '' }} onLogin={jest.fn()} />);
    expect(screen.getByText('微信用户')).toBeTruthy();
  });

  it('says it is logging in while the session loads', () => {
    render(<UserCard status="loading" profile={null} onLogin={jest.fn()} />);
    expect(screen.getByText('正在登录…')).toBeTruthy();
    expect(screen.queryByText('重新登录')).toBeNull();
  });

  it('offers a retry with the reason when login failed', () => {
    const onLogin = jest.fn();
    render(<UserCard status="error" profile={null} errorMessage="网络异常，请稍后重试" onLogin={onLogin} />);
    expect(screen.getByText('登录没有成功')).toBeTruthy();
    expect(screen.getByText('网络异常，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新登录'));
    expect(onLogin).toHaveBeenCalledTimes(1);
  });
});
