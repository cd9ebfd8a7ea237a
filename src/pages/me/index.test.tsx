import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useSession, type Role } from '@/stores/session';
import MePage from './index';

const profile = { nickName: '林小满', avatarUrl: '', tier: 'silver', points: 320, memberSince: '2025-05-01T00:00:00.000Z' };

function signIn(roles: Role[]) {
  const staff = roles.includes('staff') ? { storeId: 'store-jingan', name: '王店员' } : null;
  useSession.setState({ status: 'ready', openid: 'o_test', roles, staff, profile, error: null });
}

beforeEach(() => jest.clearAllMocks());

describe('我的', () => {
  it('shows the member card and the everyday entries', () => {
    signIn(['consumer']);
    render(<MePage />);
    expect(screen.getByText('林小满')).toBeTruthy();
    expect(screen.getByText('银卡会员')).toBeTruthy();
    for (const entry of ['我的订单', '优惠券', '积分兑换', '每日签到', '附近门店']) expect(screen.getByText(entry)).toBeTruthy();
  });

  it('offers no workspace to a shopper', () => {
    signIn(['consumer']);
    render(<MePage />);
    expect(screen.queryByText('店员工作台')).toBeNull();
    expect(screen.queryByText('运营工作台')).toBeNull();
  });

  it('offers the staff workspace to staff only', () => {
    signIn(['consumer', 'staff']);
    render(<MePage />);
    fireEvent.click(screen.getByText('店员工作台'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/index/index' });
    expect(screen.queryByText('运营工作台')).toBeNull();
  });

  it('offers the manager workspace to managers', () => {
    signIn(['consumer', 'manager']);
    render(<MePage />);
    fireEvent.click(screen.getByText('运营工作台'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/manager/index/index' });
    expect(screen.queryByText('店员工作台')).toBeNull();
  });

  it('opens 我的拼团', () => {
    signIn(['consumer']);
    render(<MePage />);
    fireEvent.click(screen.getByText('我的拼团'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/groupbuy/mine/index' });
  });

  it('opens orders at the tapped stage', () => {
    signIn(['consumer']);
    render(<MePage />);
    fireEvent.click(screen.getByText('待收货'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/order/index/index?stage=receive' });
  });
});
